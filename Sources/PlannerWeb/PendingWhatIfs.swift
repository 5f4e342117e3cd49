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

/// What-ifs not yet kept or discarded, in memory only (the newest `limit`; older ones left
/// undecided are dropped): taking one out is atomic, so keeping the same what-if from two tabs saves it once.
final class PendingWhatIfs: Sendable {
    static let limit = 20
    private let pending = Mutex<(byToken: [String: PendingWhatIf], order: [String])>(([:], []))

    func add(parent: Int64, changeSet: ChangeSet, result: WhatIfOutcome, files: [String: String]) -> String {
        let token = UUID().uuidString.lowercased()
        pending.withLock { pending in
            pending.byToken[token] = PendingWhatIf(token: token, parent: parent, changeSet: changeSet, result: result, files: files)
            pending.order.append(token)
            while pending.order.count > Self.limit { pending.byToken[pending.order.removeFirst()] = nil }
        }
        return token
    }

    func get(_ token: String) -> PendingWhatIf? { pending.withLock { $0.byToken[token] } }

    func take(_ token: String) -> PendingWhatIf? {
        pending.withLock { pending in
            pending.order.removeAll { $0 == token }
            return pending.byToken.removeValue(forKey: token)
        }
    }
}
