import Foundation
import Testing
import PlanExport

/// PlanFolder.write never overwrites a workspace or an unrelated folder, and replaces an old plan whole.
@Suite struct PlanFolderTests {
    static func files(_ marker: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: PlanFolder.planFiles.map { ($0, "\(marker) \($0)\n") })
    }

    @Test func refusesTheWorkspaceFolder() throws {
        let workspace = try MinimalWorkspace.write()
        #expect(throws: PlanFolderError.self) { try PlanFolder.write(Self.files("new"), to: workspace, workspace: workspace) }
        #expect(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("students.csv").path))
    }

    @Test func refusesAnUnrelatedFolderThatIsNotEmpty() throws {
        let root = try TempDir.make("folder")
        let out = root.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: out.appendingPathComponent("letter.txt"))
        #expect(throws: PlanFolderError.self) {
            try PlanFolder.write(Self.files("new"), to: out, workspace: root.appendingPathComponent("ws"))
        }
        #expect(try String(contentsOf: out.appendingPathComponent("letter.txt"), encoding: .utf8) == "keep me")
    }

    @Test func replacesAnOldPlanAsAWhole() throws {
        let root = try TempDir.make("folder")
        let out = root.appendingPathComponent("plan")
        try PlanFolder.write(Self.files("old").merging(["extra.txt": "old\n"]) { $1 }, to: out, workspace: root.appendingPathComponent("ws"))
        try PlanFolder.write(Self.files("new"), to: out, workspace: root.appendingPathComponent("ws"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == PlanFolder.planFiles.sorted())
        #expect(try String(contentsOf: out.appendingPathComponent("timetable.csv"), encoding: .utf8) == "new timetable.csv\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["plan"], "no staging folders left behind")
    }
}
