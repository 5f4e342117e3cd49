import Foundation
import PlacementDomain
import PlanVerify
import Synchronization
import WorkspaceImport

/// A saved version read back for the page: its plan against the school as it was changed by the
/// what-ifs leading to it, with the unplaced students' reasons and (for a what-if) who moved.
struct VersionPlan: Sendable {
    struct Row: Sendable {
        let student: StudentID
        let term: TermID
        let before: String
        let after: String
        let reason: String
    }

    let version: Version
    let workspace: Workspace
    let changeSets: [ChangeSet]
    let plan: Plan
    let files: [String: String]
    /// From unplaced.csv (`before`/`after` empty).
    let unplaced: [Row]
    /// From changes.csv (empty for a plan).
    let changes: [Row]
}

/// Reads versions back, once per version while the workspace files stay the same.
final class VersionPlans: Sendable {
    private let store: VersionStore
    private let source: WorkspaceSource
    private let cache = Mutex<(signature: String, plans: [Int64: VersionPlan])>(("", [:]))

    init(store: VersionStore, source: WorkspaceSource) { self.store = store; self.source = source }

    func plan(_ id: Int64) throws(PageError) -> VersionPlan {
        let signature = source.signature
        if let cached = cache.withLock({ $0.signature == signature ? $0.plans[id] : nil }) { return cached }
        let base = try source.valid()
        let loaded = try read(id, base: base)
        cache.withLock { cache in
            if cache.signature != signature { cache = (signature, [:]) }
            cache.plans[id] = loaded
        }
        return loaded
    }

    private func read(_ id: Int64, base: Workspace) throws(PageError) -> VersionPlan {
        do {
            guard let version = try store.version(id) else { throw PageError.notFound("version \(id)") }
            var chain: [ChangeSet] = []
            var step: Version? = version
            while let current = step {
                if let changes = ChangeSet(spec: current.changeSpec) { chain.insert(changes, at: 0) }
                step = try current.parent.flatMap { try store.version($0) }
            }
            let workspace = chain.reduce(base) { $1.apply(to: $0) }
            let files = try store.files(of: id)
            return VersionPlan(version: version, workspace: workspace, changeSets: chain,
                               plan: try Self.plan(files, workspace: workspace), files: files,
                               unplaced: Self.rows(files["unplaced.csv"], "unplaced.csv"),
                               changes: Self.rows(files["changes.csv"], "changes.csv"))
        } catch let error as PageError {
            throw error
        } catch {
            throw PageError(.internalServerError, "The saved versions could not be read: \(error).")
        }
    }

    /// The plan in timetable.csv and escorts.csv, checked against the workspace as `whatif` does.
    static func plan(_ files: [String: String], workspace: Workspace) throws(PageError) -> Plan {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planner-version-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in ["timetable.csv", "escorts.csv"] {
                try Data((files[name] ?? "").utf8).write(to: folder.appendingPathComponent(name))
            }
        } catch {
            throw PageError(.internalServerError, "Could not read the saved plan back (temporary folder): \(error.localizedDescription).")
        }
        do {
            return try CurrentPlan.load(folder, workspace: workspace)
        } catch {
            throw PageError(.conflict, "This saved plan no longer fits the workspace files (were they edited since?): \(error.lines.prefix(3).joined(separator: " ")) Make a new plan.")
        }
    }

    private static func rows(_ text: String?, _ file: String) -> [VersionPlan.Row] {
        guard let text else { return [] }
        var problems = ProblemList()
        guard let table = CSVTable.parse(Data(text.utf8), file: file, problems: &problems) else { return [] }
        return table.records.map { record in
            VersionPlan.Row(student: StudentID(record["student"] ?? ""), term: TermID(record["term"] ?? ""),
                            before: record["before"] ?? "", after: record["after"] ?? "", reason: record["reason"] ?? "")
        }
    }
}
