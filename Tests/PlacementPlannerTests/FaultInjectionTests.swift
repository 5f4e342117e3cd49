import Foundation
import Testing
import PlanExport
import PlanVerify
import WorkspaceImport

/// No data is lost when a run is interrupted or the disk refuses writes: a previous plan folder is
/// either intact or wholly replaced by a verified plan, never half-written; no input file is touched.
@Suite(.serialized) struct FaultInjectionTests {
    static func oldPlan(in root: URL) throws -> URL {
        let out = root.appendingPathComponent("plan")
        let files = Dictionary(uniqueKeysWithValues: PlanFolder.planFiles.map { ($0, "previous \($0)\n") })
        try PlanFolder.write(files, to: out, workspace: root.appendingPathComponent("no-workspace"))
        return out
    }

    /// The plan folder holds either exactly the previous plan or a complete new plan that verifies.
    static func expectIntactOrVerified(_ out: URL, previous: [String: Data], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let now = try snapshot(out)
        #expect(Set(now.keys) == Set(PlanFolder.planFiles), "every plan file, nothing else: \(now.keys.sorted())", sourceLocation: sourceLocation)
        if now == previous { return "previous plan intact" }
        #expect(!now.values.contains { String(decoding: $0, as: UTF8.self).hasPrefix("previous ") }, "not a mix of old and new files",
                sourceLocation: sourceLocation)
        let workspace = try WorkspaceLoader.load(SampleRun.dataFolder)
        let violations = PlanVerifier.verify(try PlanRows.read(out), against: workspace)
        #expect(violations.isEmpty, "the new plan keeps every rule: \(violations.prefix(3))", sourceLocation: sourceLocation)
        return "replaced by a verified plan"
    }

    /// SIGINT and SIGTERM about a second into planning the sample school: the planner stops the
    /// search, writes the best plan found and exits 0 (or 1); never a half-written folder.
    @Test(.enabled(if: BuiltBinary.isAvailable), arguments: [SIGINT, SIGTERM])
    func interruptedRunKeepsOrReplacesThePlanWhole(_ signal: Int32) throws {
        let root = try TempDir.make("interrupt")
        let out = try Self.oldPlan(in: root)
        let previous = try snapshot(out)
        let inputs = try snapshot(SampleRun.dataFolder)
        let result = try BuiltBinary.run(["plan", SampleRun.dataFolder.path, "--out", out.path, "--quiet"],
                                         signal: signal, signalAfter: 1, timeout: 120)
        #expect(result.reason == .exit, "exited by itself, not killed by signal \(signal): \(result.stderr)")
        #expect([0, 1].contains(result.status), "exit status \(result.status): \(result.stderr)")
        let outcome = try Self.expectIntactOrVerified(out, previous: previous)
        #expect(result.status != 0 || outcome == "replaced by a verified plan")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["plan"], "no staging folder left behind")
        #expect(try snapshot(SampleRun.dataFolder) == inputs, "no input file touched")
        #expect(result.seconds < 15, "stopped soon after the signal (\(result.seconds) s; an uninterrupted run takes about 20 s here)")
        print("FaultInjectionTests: signal \(signal) after 1 s → exit \(result.status) in \(String(format: "%.1f", result.seconds)) s, \(outcome)")
    }

    /// Disk full: the file-size limit (`ulimit -f`, with SIGXFSZ ignored so writes fail with EFBIG)
    /// makes writing timetable.csv fail half-way. The previous plan survives, nothing is left behind.
    @Test(.enabled(if: BuiltBinary.isAvailable)) func diskFullLeavesThePreviousPlanIntact() throws {
        let root = try TempDir.make("diskfull")
        let out = try Self.oldPlan(in: root)
        let previous = try snapshot(out)
        let result = try BuiltBinary.run(["plan", SampleRun.dataFolder.path, "--out", out.path, "--quiet", "--time-limit", "1"],
                                         timeout: 120, shellPrefix: "trap '' XFSZ; ulimit -f 4;")
        #expect(result.reason == .exit && result.status == 1, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("Could not write the plan to \(out.path)"), "\(result.stderr)")
        #expect(result.stderr.contains("The previous plan there, if any, is untouched."))
        #expect(try snapshot(out) == previous, "the previous plan is intact")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["plan"], "no staging folder left behind")
    }

    /// A destination whose parent cannot hold a folder (it is a regular file): refused, nothing written.
    @Test func unwritableParentIsReportedAndNothingIsWritten() throws {
        let root = try TempDir.make("parentfile")
        let parent = root.appendingPathComponent("not-a-folder")
        try Data("I am a file\n".utf8).write(to: parent)
        let workspace = try MinimalWorkspace.write()
        #expect(CLITests.run(["plan", workspace.path, "--out", parent.appendingPathComponent("plan").path, "--quiet", "--time-limit", "5"]) == 1)
        #expect(try String(contentsOf: parent, encoding: .utf8) == "I am a file\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["not-a-folder"])
    }

    /// A read-only parent folder (chmod 0555). Root ignores permissions, so this runs only as another user.
    @Test(.enabled(if: geteuid() != 0, "root writes into read-only folders; the ulimit and regular-file variants cover root"))
    func readOnlyParentLeavesThePreviousPlanIntact() throws {
        let root = try TempDir.make("readonly")
        let out = try Self.oldPlan(in: root)
        let previous = try snapshot(out)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: root.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.path) }
        let files = Dictionary(uniqueKeysWithValues: PlanFolder.planFiles.map { ($0, "new \($0)\n") })
        #expect(throws: PlanFolderError.self) { try PlanFolder.write(files, to: out, workspace: root.appendingPathComponent("ws")) }
        #expect(try snapshot(out) == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["plan"])
    }

    /// `--out` may never be the workspace, however it is spelt, nor any folder that is not a plan;
    /// every refusal exits 2 and leaves every input file byte for byte as it was.
    @Test func outputNeverOverwritesTheWorkspaceOrAnInputFile() throws {
        let workspace = try MinimalWorkspace.write()
        let inputs = try snapshot(workspace)
        let link = workspace.deletingLastPathComponent().appendingPathComponent("link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: workspace)
        let spellings = [
            workspace.path, workspace.path + "/", workspace.path + "/.", workspace.path + "/../" + workspace.lastPathComponent,
            link.path, workspace.appendingPathComponent("students.csv").path, workspace.deletingLastPathComponent().path,
        ]
        for out in spellings {
            #expect(CLITests.run(["plan", workspace.path, "--out", out, "--quiet", "--time-limit", "5"]) == 2, "--out \(out)")
        }
        #expect(try snapshot(workspace) == inputs, "no input file was overwritten")
        // A plan inside the workspace folder is allowed and touches no input file.
        #expect(CLITests.run(["plan", workspace.path, "--out", workspace.appendingPathComponent("plan").path, "--quiet", "--time-limit", "5"]) == 0)
        #expect(try snapshot(workspace).filter { !$0.key.hasPrefix("plan/") } == inputs)
    }
}
