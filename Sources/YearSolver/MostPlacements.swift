import Foundation
import LinearSolver
import PlacementDomain

/// A proof of "nobody left out who could have been placed": a bound on the number of placements
/// any valid plan can make, with one point per placement and nothing else. A plan making that
/// many places the most possible.
///
/// It runs on its own thread (GLPK keeps one environment per thread), on the machine's second
/// core, while the main solve goes on. First the master over whole student years
/// (``CapacityMaster``) counting placements: sample school 425 (the plan's count) in 0.2 s. Only
/// when that does not reach the plan's count, the year's relaxation counting placements (sample
/// school: 425 too, in 5.5 s) — only for models the interior point handles (up to 20,000 columns;
/// larger ones, up to ``columnLimit``, have the master's count alone).
final class MostPlacements: @unchecked Sendable {
    private let lock = NSLock()
    private let quickDone = DispatchSemaphore(value: 0)
    private let decided = DispatchSemaphore(value: 0)
    private let exactDone = DispatchSemaphore(value: 0)
    private var quick: Int?
    private var exact: Int?
    private var wantExact = false
    private var answered = false
    private var answer: Int?
    private let relaxationFits: Bool

    private init(relaxationFits: Bool) {
        self.relaxationFits = relaxationFits
    }

    /// Years up to this many columns get the count proof. Generated schools planned the large way
    /// (the proof on the second core): 600 students (206,824 columns) proven 1,710, the plan's count,
    /// in 0.9 s (peak memory 189 → 251 MB, the plan unchanged); 450 students (121,764) at most 1,293
    /// where the plan has 1,290. At 2,000 students (1.9 million columns) it took 21 s and said at
    /// most 5,765 where the plan has 5,730 (its master stops on its work budget there), and peak
    /// memory went 1.38 → 1.80 GB, close to the 2 GiB target: not there.
    static let columnLimit = 250_000

    /// Starts the proof for the model, or returns nil when the model is too large for it.
    /// - Parameter plan: a valid plan's column values (the master's first years), when there is one.
    /// - Parameter seconds: how long the thread waits to hear whether the relaxation is wanted.
    static func start(_ model: YearModel, pools: StaffPools, settings: Settings, plan: [Double]?,
                      seconds: Double) -> MostPlacements? {
        guard model.linear.columns.count <= columnLimit else { return nil }
        // Beyond the interior point's limit the master's count is all there is.
        let relaxationFits = model.linear.columns.count <= GLPKSolver.interiorPointColumnLimit
        var perPlacement = [Double](repeating: 0, count: model.linear.columns.count)
        for column in model.placementColumns { perPlacement[column.index] = 1 }
        var counting = model
        counting.linear = model.linear.withObjective(perPlacement)
        // Escorts cost nothing here: no charge for the escorts placements need.
        var free = settings
        free.escortPenalty = 0
        let proof = MostPlacements(relaxationFits: relaxationFits)
        // No placement possible at all (10,000 students out of reach, say): 0, without a master over empty years.
        let nothingToPlace = model.placementColumns.isEmpty
        startSolverThread { [counting, free, perPlacement] in
            let started = Date()
            let master = nothingToPlace ? nil : plan.flatMap { plan in
                try? CapacityMaster(counting, lagrangian: LagrangianBound(counting), pools: pools, settings: free,
                                    objective: perPlacement)
                    .solve(start: plan, target: 0, relativeGap: 0, seconds: seconds, shouldStop: { false })
            }
            let count = nothingToPlace ? 0 : master.flatMap { $0.bound.isFinite ? Self.rounded($0.bound) : nil }
            proof.lock.withLock { proof.quick = count }
            debug("count proof: \(count.map(String.init) ?? "none") after \(Date().timeIntervalSince(started)) s")
            proof.quickDone.signal()
            guard proof.decided.wait(timeout: .now() + max(0, seconds)) == .success,
                  proof.lock.withLock({ proof.wantExact }) else { return }
            let relaxation = try? GLPKSolver.solveRelaxation(counting.linear, timeLimit: seconds)
            proof.lock.withLock { proof.exact = relaxation.flatMap { $0.solved ? Self.rounded($0.objective) : nil } }
            proof.exactDone.signal()
        }
        return proof
    }

    /// A bound on the count, rounded down only past a small safety margin.
    private static func rounded(_ bound: Double) -> Int {
        Int((bound + 1e-6).rounded(.down))
    }

    /// The master's count (the quick proof), waiting at most `seconds` for it: no valid plan places
    /// more. Never starts the relaxation; ``wait(seconds:placements:)`` still works after it.
    func masterCount(waiting seconds: Double) -> Int? {
        guard quickDone.wait(timeout: .now() + max(0, seconds)) == .success else { return nil }
        quickDone.signal()
        return lock.withLock { quick }
    }

    /// Waits for the bound, at most `seconds`: the most placements any valid plan can make (nil
    /// when not found in time — only a run that hits its time limit can end that way).
    /// - Parameter placements: the plan's count; the relaxation runs only when the master's bound is above it.
    func wait(seconds: Double, placements: Int) -> Int? {
        if let known = lock.withLock({ answered ? Optional(answer) : nil }) { return known }
        let deadline = DispatchTime.now() + max(0, seconds)
        guard quickDone.wait(timeout: deadline) == .success else { return nil }
        let quick = lock.withLock { self.quick }
        // Asked not to wait (Ctrl-C): no relaxation started for nothing.
        let exactWanted = quick != placements && seconds > 0 && relaxationFits
        lock.withLock { wantExact = exactWanted }
        decided.signal()
        var result = quick
        if exactWanted {
            guard exactDone.wait(timeout: deadline) == .success else { return nil }
            result = [quick, lock.withLock { exact }].compactMap { $0 }.min()
        }
        lock.withLock {
            answered = true
            answer = result
        }
        return result
    }
}
