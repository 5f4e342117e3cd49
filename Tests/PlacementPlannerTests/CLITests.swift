import ArgumentParser
import Foundation
import Testing
@testable import PlacementPlannerCLI

/// The `placement-planner` commands, parsed and run in-process: exit code 0 when all is well,
/// 2 for a workspace or command line the coordinator must fix, 1 for a plan that breaks a rule.
@Suite struct CLITests {
    /// Runs a command line and returns its exit code as the real executable would.
    static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try PlacementPlanner.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return PlacementPlanner.exitCode(for: error).rawValue
        }
    }

    static func brokenWorkspace(_ edit: WorkspaceEdit) throws -> String {
        let folder = try MinimalWorkspace.write()
        try edit.apply(folder)
        return folder.path
    }

    @Test func checkAcceptsAValidWorkspace() throws {
        #expect(Self.run(["check", try MinimalWorkspace.write().path]) == 0)
    }

    @Test(arguments: [
        WorkspaceEdit.remove("staff.csv"),
        .setText("terms.csv", ""),
        .replace("employers.csv", "farm,Mon;Tue,", "farm,Mon;Sat,"),
        .setBytes("sites.csv", Array("id,name,latitude,longitude\nmain,Ecole \u{E9}t\u{E9},51.0,0.0\n".unicodeScalars.map { UInt8($0.value) })),
        .replace("history.csv", "S1,farm1,t1,Mon", "S1,farm1,t1,Wed"),
    ])
    func checkExitsWithTwoOnABrokenWorkspace(_ edit: WorkspaceEdit) throws {
        #expect(Self.run(["check", try Self.brokenWorkspace(edit)]) == 2)
    }

    @Test func checkExitsWithTwoWhenTheFolderDoesNotExist() {
        #expect(Self.run(["check", "/nonexistent/placement-workspace-\(UUID().uuidString)"]) == 2)
    }

    @Test func planRefusesABrokenWorkspaceAndWritesNothing() throws {
        let workspace = try Self.brokenWorkspace(.replace("students.csv", "shared,epilepsy", "both,epilepsy"))
        let out = try TempDir.make("cli").appendingPathComponent("plan")
        #expect(Self.run(["plan", workspace, "--out", out.path, "--quiet"]) == 2)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func planRefusesToWriteIntoTheWorkspace() throws {
        let workspace = try MinimalWorkspace.write().path
        #expect(Self.run(["plan", workspace, "--out", workspace, "--quiet"]) == 2)
    }

    @Test func planOptionsAreValidated() throws {
        let workspace = try MinimalWorkspace.write().path
        #expect(Self.run(["plan", workspace, "--out", "x", "--time-limit", "0"]) == ExitCode.validationFailure.rawValue)
        #expect(Self.run(["plan", workspace, "--out", "x", "--gap", "1.5"]) == 64)
        #expect(Self.run(["plan", workspace, "--out", "x", "--export-model", "model.txt"]) == 64)
    }

    @Test func planThenVerifyThenBreakTheEditedPlan() throws {
        let workspace = try MinimalWorkspace.write().path
        let out = try TempDir.make("cli").appendingPathComponent("plan")
        #expect(Self.run(["plan", workspace, "--out", out.path, "--quiet", "--time-limit", "10"]) == 0)
        for file in ["timetable.csv", "escorts.csv", "unplaced.csv", "employer_rota.csv", "summary.txt"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
        }
        #expect(Self.run(["verify", workspace, out.path]) == 0)

        // S1 is fixed at farm1 on Mondays in t1; moving it breaks rule 10 (and rule 1: farm1 is not open on Fridays).
        let timetable = out.appendingPathComponent("timetable.csv")
        let text = try String(contentsOf: timetable, encoding: .utf8)
        try #require(text.contains(",t1,farm1,Farm One,farm,Mon,"))
        try Data(text.replacingOccurrences(of: ",t1,farm1,Farm One,farm,Mon,", with: ",t1,farm1,Farm One,farm,Fri,").utf8)
            .write(to: timetable)
        #expect(Self.run(["verify", workspace, out.path]) == 1)

        try FileManager.default.removeItem(at: out.appendingPathComponent("escorts.csv"))
        #expect(Self.run(["verify", workspace, out.path]) == 2, "a plan folder missing escorts.csv is bad input")
    }

    @Test func generateWritesAWorkspaceThatChecksClean() throws {
        let out = try TempDir.make("cli").appendingPathComponent("school")
        #expect(Self.run(["generate", "--students", "12", "--employers", "5", "--staff", "3", "--sites", "1",
                          "--terms", "2", "--seed", "3", "--out", out.path]) == 0)
        #expect(Self.run(["check", out.path]) == 0)
        #expect(Self.run(["generate", "--students", "12", "--out", out.path]) == 2, "refuses a folder that is not empty")
        #expect(Self.run(["generate", "--students", "0", "--out", out.path + "-2"]) == 64)
    }
}
