import Foundation
import Synchronization
import YearSolver

/// A what-if's new plan waiting for the coordinator to keep it (saved as a version) or discard it.
struct PendingWhatIf: Sendable {
    let token: String
    let parent: Int64
    let changeSet: ChangeSet
    let result: WhatIfOutcome
    let files: [String: String]
}

/// What-ifs not yet kept or discarded, in memory only: taking one out is atomic, so keeping the
/// same what-if from two tabs saves it once.
final class PendingWhatIfs: Sendable {
    private let pending = Mutex<[String: PendingWhatIf]>([:])

    func add(parent: Int64, changeSet: ChangeSet, result: WhatIfOutcome, files: [String: String]) -> String {
        let token = UUID().uuidString.lowercased()
        pending.withLock { $0[token] = PendingWhatIf(token: token, parent: parent, changeSet: changeSet, result: result, files: files) }
        return token
    }

    func get(_ token: String) -> PendingWhatIf? { pending.withLock { $0[token] } }

    func take(_ token: String) -> PendingWhatIf? { pending.withLock { $0.removeValue(forKey: token) } }
}
