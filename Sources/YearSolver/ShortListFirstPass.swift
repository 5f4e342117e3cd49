import Foundation
import LinearSolver
import PlacementDomain

/// The quick way's first pass of term MIPs over the short relaxation's placements only, run on the
/// second core beside the first pass over every placement (when it misses the gap by about a
/// placement, it re-plans one term over every placement: ``repairWithin``); for a what-if, the whole
/// year over those placements as one MIP instead (``ShortListYear``). When its plan is within
/// the gap of the master's bound it is the quick plan and the other pass is stopped; else the other
/// pass's plan is used as before, unless the short list's plan scores more (a pass stopped by
/// Ctrl-C or the time limit falls back to the greedy plan: stopped at 1.9 s the sample wrote
/// 401,368.85, 6 % from the bound, where the short list's pass had 424,557.56). Which plan is
/// returned never depends on which pass ends first (each ends on its node budget), so the same
/// school still gets the same plan.
///
/// Why: the short list's term MIPs are several times faster, but its plan misses the gap on some
/// schools (the sample loses a placement, 424,557.56), where waiting for it first would cost time.
/// Measured (2 cores, release `plan`, eleven schools): generated 150-student schools 2.25 → 1.74 s,
/// 2.39 → 1.93 s, 1.77 → 1.16 s, 3.60 → 2.12 s, a 200-student one 10.9 → 6.1 s, each within the
/// gap (within 9 points of the other pass's plan, either way); the other six and the sample unchanged.
final class ShortListFirstPass: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var result: QuickYearPlan.Result?
    private var withinGap = false

    /// Whether the calling thread is a short-list pass's (marked in its thread dictionary: on Linux
    /// `Thread.current.name` gives the process's name).
    static var isRunningHere: Bool { Thread.current.threadDictionary[marker] != nil }
    private static let marker = "PlacementPlanner.ShortListFirstPass"

    /// When the pass's plan misses the gap by at most this many placements' worth, the term
    /// furthest short of the guide is re-planned over every placement (once, ending on
    /// ``QuickYearPlan/replanNodes``), and the plan is then judged. Measured (2 cores, release
    /// `plan`): the sample's pass loses one placement (1,032 points short); re-planning summer wins
    /// it back and more, 425,561.87 (0.0066 %) 0.7 s after the relaxation, where the pass over
    /// every placement ends 0.93 s after it at 425,549.52: `plan` 2.26–2.38 → 1.98–2.20 s (five
    /// runs each). A generated 150-student school (seed 3) 4.0 → 2.6–2.8 s. Not more: a 250-student
    /// school whose pass missed by 5 placements re-planned all three terms for nothing in 11.5 s
    /// (4.4 → 15.7 s), its other pass within the gap long before. The cost is waiting: a
    /// 100-student school's repair ends 0.15 s after the other pass.
    static let repairWithin = 1.5

    /// Whether the short-list pass has ended with a plan within the gap (the other pass may stop).
    var hasPlan: Bool { lock.withLock { withinGap } }

    /// Starts the pass on its own thread (GLPK keeps one environment per thread).
    /// - Parameter shortList: per candidate, whether its placement is on the list.
    /// - Parameter relaxation: a what-if's relaxation over every placement, asked for when the first
    ///   pass is not within the gap of `bound` (``TermByTermPlan/tighterBound``).
    /// - Parameter guide: the relaxation's point (nil when it was not solved), asked for only by the
    ///   term MIPs: a what-if's whole year needs none, so its pass may start before the relaxation.
    static func start(_ year: YearModel, workspace: Workspace, pools: StaffPools, options: PlanningOptions,
                      guide: @escaping @Sendable () -> [Double]?, shortList: [Bool], bound: Double,
                      relaxation: SharedSiftedRelaxation? = nil,
                      fallback: [TermID: TermByTermPlan.TermChoice], timeLimit: Double) -> ShortListFirstPass {
        let pass = ShortListFirstPass()
        let quiet = { var quiet = options; quiet.progress = nil; return quiet }()
        startSolverThread {
            Thread.current.threadDictionary[marker] = true
            let started = Date()
            // A what-if's whole year over the short list at once; a plan's terms in turn.
            let joint: [Double]? = options.current == nil ? nil
                : (try? ShortListYear.plan(year, shortList: shortList, start: TermByTermPlan.assemble(year, choices: Array(fallback.values)),
                                           options: options, timeLimit: timeLimit)) ?? nil
            let guided = joint == nil ? guide() : nil
            var termPlan = TermByTermPlan(workspace: workspace, pools: pools, options: quiet, guide: guided, solveStart: started)
            termPlan.firstPassNodeLimit = QuickYearPlan.firstPassNodes
            termPlan.shortList = shortList
            termPlan.shortListInFirstPassOnly = true
            termPlan.replansTheQuickWay()
            termPlan.replansAtMost = 1
            termPlan.improvesWithin = repairWithin * workspace.settings.placementWeight
            if let relaxation { termPlan.tighterBound = { () throws(LinearSolverError) in try relaxation.get()?.bound } }
            var planned: QuickYearPlan.Result?
            if let values = joint ?? (guided == nil ? nil
                                      : try? termPlan.values(for: year, bound: bound, fallback: fallback, timeLimit: timeLimit, passes: 1)),
               year.linear.isFeasible(values) {
                let objective = year.linear.objectiveValue(values)
                debug("quick: short-list first pass \(objective) after \(Date().timeIntervalSince(started)) s")
                // The tighter bound only when this pass asked for it (not within the gap of `bound`), so
                // the plan's bound never depends on which pass asked first. A what-if's whole year does
                // not wait for it: the quick way re-plans that plan's terms while the relaxation is sifted.
                let asked = joint == nil && relative(bound, above: objective) > options.relativeGap
                    ? (try? relaxation?.get())??.bound : nil
                planned = QuickYearPlan.result(values, objective: objective, masterBound: min(bound, asked ?? .infinity),
                                               year: year, workspace: workspace)
            }
            let close = planned.map { relative($0.bound, above: $0.objective) <= options.relativeGap } ?? false
            pass.lock.withLock {
                pass.result = planned
                pass.withinGap = close
            }
            pass.done.signal()
        }
        return pass
    }

    /// Waits for the pass to end (call once); its valid plan, if any, and whether that is within the gap.
    func wait() -> (plan: QuickYearPlan.Result, withinGap: Bool)? {
        done.wait()
        return lock.withLock { result.map { ($0, withinGap) } }
    }
}
