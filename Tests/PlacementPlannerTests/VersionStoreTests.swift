import Foundation
import GRDB
import PlacementDomain
import Testing
import WorkspaceImport
@testable import PlannerWeb

@Suite("Saved versions: none lost, none overwritten")
struct VersionStoreTests {
    private func storePath() throws -> String {
        try TempDir.make("versions").appendingPathComponent(VersionStore.fileName).path
    }

    @Test("Two tabs saving at once: every version saved whole, with its own id")
    func concurrentSaves() async throws {
        let path = try storePath()
        let tabs = [try VersionStore(path: path), try VersionStore(path: path)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    _ = try tabs[index % 2].save(kind: .plan, summary: "plan \(index)", change: "", changeSpec: "", parent: nil,
                                                 files: ["timetable.csv": "row \(index)\n", "escorts.csv": "e \(index)\n"])
                }
            }
            try await group.waitForAll()
        }
        let versions = try tabs[0].versions()
        #expect(versions.count == 40 && Set(versions.map(\.id)).count == 40)
        for version in versions {
            let index = version.summary.dropFirst("plan ".count)
            #expect(try tabs[1].files(of: version.id) == ["timetable.csv": "row \(index)\n", "escorts.csv": "e \(index)\n"])
        }
    }

    @Test("A version is never updated or deleted, and survives reopening (a killed server)")
    func immutableAndDurable() throws {
        let path = try storePath()
        let saved = try VersionStore(path: path).save(kind: .whatif, summary: "s", change: "employer e withdraws, from term t2",
                                                      changeSpec: "from=t2\nwithdraw=e", parent: nil, files: ["changes.csv": "x\n"])
        let database = try DatabaseQueue(path: path)
        for sql in ["UPDATE versions SET summary = 'changed'", "DELETE FROM versions", "UPDATE files SET content = ''", "DELETE FROM files"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try database.write { try $0.execute(sql: sql) } }
        }
        let reopened = try VersionStore(path: path)
        #expect(try reopened.version(saved.id) == saved)
        #expect(try reopened.files(of: saved.id) == ["changes.csv": "x\n"])
    }

    @Test("A what-if's changes are stored so a later what-if starts from the same school, and said with names")
    func changeSetRoundTrip() throws {
        let changes = ChangeSet(from: "t2", changes: [.withdraw("farm1"), .capacity("cafe1", 3), .staffAway("ST1"), .studentLeaves("S2")])
        #expect(ChangeSet(spec: changes.spec) == changes)
        #expect(ChangeSet(spec: "") == nil)
        let workspace = try WorkspaceLoader.load(try MinimalWorkspace.write())
        #expect(changes.plainWords(in: workspace)
                == "Farm One (farm1) withdraws, Cafe One (cafe1) takes 3 student(s) a day, Sam Ng (ST1) is away, Ray, Bob (S2) leaves, from Term 2")
    }
}
