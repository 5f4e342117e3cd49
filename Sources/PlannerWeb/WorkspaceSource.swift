import Foundation
import PlacementDomain
import Synchronization
import WorkspaceImport

/// The workspace folder, read again whenever one of its CSV files changes (so a coordinator who
/// fixes a file in Excel sees it on the next page), otherwise served from memory.
final class WorkspaceSource: Sendable {
    let directory: URL
    private let cache = Mutex<(signature: String, result: Result<Workspace, WorkspaceProblems>)?>(nil)

    init(directory: URL) { self.directory = directory }

    /// Names, sizes and modification times of the workspace's CSV files.
    var signature: String {
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
        return names.map { name in
            let attributes = (try? manager.attributesOfItem(atPath: directory.appendingPathComponent(name).path)) ?? [:]
            let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(name):\(size):\(modified)"
        }.joined(separator: "|")
    }

    func load() -> Result<Workspace, WorkspaceProblems> {
        let signature = signature
        if let cached = cache.withLock({ $0 }), cached.signature == signature { return cached.result }
        let result = Result { () throws(WorkspaceProblems) in try WorkspaceLoader.load(directory) }
        cache.withLock { $0 = (signature, result) }
        return result
    }

    /// The workspace, or a page saying to fix its files first.
    func valid() throws(PageError) -> Workspace {
        switch load() {
        case .success(let workspace): return workspace
        case .failure(let problems):
            throw PageError(.conflict, "The workspace has \(problems.problems.count) problem(s) to fix first; they are listed on the start page.")
        }
    }
}
