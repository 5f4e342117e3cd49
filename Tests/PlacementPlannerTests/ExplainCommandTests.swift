import Foundation
import Testing

/// The `explain` command as a coordinator runs it: on the minimal workspace's plan, one student's
/// year, files written with --out, and bad arguments refused with exit 2.
@Suite struct ExplainCommandTests {
    private func planned() throws -> (workspace: String, plan: String) {
        let workspace = try MinimalWorkspace.write().path
        let plan = try TempDir.make("explain").appendingPathComponent("plan").path
        #expect(CLITests.run(["plan", workspace, "--out", plan, "--quiet"]) == 0)
        return (workspace, plan)
    }

    @Test func explainsOneStudentsYearAndWritesBothFiles() throws {
        let (workspace, plan) = try planned()
        let out = try TempDir.make("explain-out").appendingPathComponent("why")
        let result = try BuiltBinary.run(["explain", workspace, plan, "--student", "S1", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Why this one: Placed at"), "\(result.stdout)")
        let explanations = try String(contentsOf: out.appendingPathComponent("explanations.csv"), encoding: .utf8)
        #expect(explanations.hasPrefix("student,term,kind,detail\n"))
        #expect(explanations.contains("S1,t1,placed,"))
        let suggestions = try String(contentsOf: out.appendingPathComponent("suggestions.csv"), encoding: .utf8)
        #expect(suggestions.hasPrefix("change,students_placed,detail\n"))
    }

    @Test func anUnknownStudentIsRefused() throws {
        let (workspace, plan) = try planned()
        let result = try BuiltBinary.run(["explain", workspace, plan, "--student", "nobody"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--student 'nobody' is not a student in students.csv"), "\(result.stderr)")
    }

    @Test func theWorkspaceIsNeverTheOutputFolder() throws {
        let (workspace, plan) = try planned()
        #expect(CLITests.run(["explain", workspace, plan, "--out", workspace]) == 2)
        #expect(!FileManager.default.fileExists(atPath: URL(fileURLWithPath: workspace).appendingPathComponent("explanations.csv").path))
    }

    @Test func aMissingPlanFolderIsRefused() throws {
        let workspace = try MinimalWorkspace.write().path
        #expect(CLITests.run(["explain", workspace, "/nonexistent/plan-\(UUID().uuidString)"]) == 2)
    }

    @Test func aPlanThatBreaksARuleIsRefused() throws {
        let (workspace, plan) = try planned()
        let timetable = URL(fileURLWithPath: plan).appendingPathComponent("timetable.csv")
        let text = try String(contentsOf: timetable, encoding: .utf8)
        let broken = text.replacingOccurrences(of: ",farm1,Farm One,farm,Mon,", with: ",farm1,Farm One,farm,Wed,")
        #expect(broken != text, "the plan has a Monday at Farm One to break")
        try Data(broken.utf8).write(to: timetable)
        let result = try BuiltBinary.run(["explain", workspace, plan])
        #expect(result.status == 2)
        #expect(result.stderr.contains("fix it (see verify) before asking what if or why"), "\(result.stderr)")
    }

    @Test func noSuggestionsSkipsTheReplanning() throws {
        let (workspace, plan) = try planned()
        let result = try BuiltBinary.run(["explain", workspace, plan, "--no-suggestions"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Rules: "), "\(result.stdout)")
        #expect(!result.stdout.contains("What would it take"))
        #expect(!result.stdout.contains("tried"))
    }
}
