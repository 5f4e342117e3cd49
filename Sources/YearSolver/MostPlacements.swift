import Foundation
import LinearSolver
import PlacementDomain

/// A proof of "nobody left out who could have been placed": the year relaxation with one point
/// per placement and nothing else. Its optimum, rounded down, bounds the number of placements any
/// valid plan can make; a plan making that many places the most possible.
///
/// It runs on its own thread (GLPK keeps one environment per thread), on the machine's second
/// core, while the main solve goes on, so it adds no wall time there. Only for models the interior
/// point handles (up to 20,000 columns): larger ones would not finish in time anyway.
final class MostPlacements: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Int?
    private var finished = false

    /// Starts the bound for the model, or returns nil when the model is too large for it.
    static func start(_ model: YearModel) -> MostPlacements? {
        guard model.linear.columns.count <= GLPKSolver.interiorPointColumnLimit else { return nil }
        var perPlacement = [Double](repeating: 0, count: model.linear.columns.count)
        for column in model.placementColumns { perPlacement[column.index] = 1 }
        let counting = model.linear.withObjective(perPlacement)
        let proof = MostPlacements()
        let thread = Thread {
            let relaxation = try? GLPKSolver.solveRelaxation(counting, timeLimit: 60)
            // The interior point's value carries a small safety margin: round down only past it.
            let most = relaxation.flatMap { $0.solved ? Int(($0.objective + 1e-6).rounded(.down)) : nil }
            proof.lock.withLock { proof.result = most }
            proof.done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        return proof
    }

    /// Waits for the bound, at most `seconds`: the most placements any valid plan can make (nil
    /// when not found in time — only a run that hits its time limit can end that way).
    func wait(seconds: Double) -> Int? {
        let waited = lock.withLock { finished } || done.wait(timeout: .now() + max(0, seconds)) == .success
        return lock.withLock {
            if waited { finished = true }
            return waited ? result : nil
        }
    }
}
