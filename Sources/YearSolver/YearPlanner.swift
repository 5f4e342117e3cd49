import Foundation
import LinearSolver
import PlacementDomain

/// What the planner was asked for.
public struct PlanningOptions: Sendable {
    public var timeLimit: Double
    public var relativeGap: Double
    public var progress: (@Sendable (SolveProgress) -> Void)?
    public var shouldStop: (@Sendable () -> Bool)?
    /// What-if: terms kept exactly as in `current` (only history placements appear in them).
    public var frozenTerms: Set<TermID> = []
    /// What-if: the current plan, to change as little as possible.
    public var current: Plan?
    /// Years with more model columns than this are planned by ``LargeYearStrategy`` (tests lower it).
    var largeYearColumns = GLPKSolver.interiorPointColumnLimit
    /// Large years up to this many columns try the quick way first (``SolveStrategy``; tests set 0
    /// to take the large way alone). Nil: ``SolveStrategy/quickLargeYearColumnLimit`` for a plan,
    /// ``SolveStrategy/quickLargeWhatIfColumnLimit`` for a what-if.
    var quickLargeYearColumns: Int?
    /// Years over this many columns plan the quick way's terms over its short list (tests lower it).
    var quickShortListColumns = QuickYearPlan.shortListAbove
    /// Large what-ifs up to this many columns end with the whole year over the master's placements
    /// (``LargeYearStrategy/wholeYearColumns``; tests set 0 to leave it out).
    var largeWholeYearColumns = LargeYearStrategy.wholeYearColumns
    public init(timeLimit: Double = 60, relativeGap: Double = 1e-4,
                progress: (@Sendable (SolveProgress) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil) {
        self.timeLimit = timeLimit; self.relativeGap = relativeGap; self.progress = progress; self.shouldStop = shouldStop
    }
}

/// A (student, term) the plan could not fill, and why in plain words.
public struct UnplacedEntry: Sendable, Equatable {
    public let student: StudentID
    public let term: TermID
    public let reason: String
}

/// A planned year with everything a coordinator needs to trust it.
public struct PlanOutcome: Sendable {
    public let plan: Plan
    public let score: PlanScore
    public let unplaced: [UnplacedEntry]
    /// (student, term) pairs the students take part in.
    public let requestedPlacements: Int
    public let provenOptimal: Bool
    /// The most placements any valid plan can make, when proven (a bound of its own, beside the
    /// objective's): a plan with this many leaves out nobody who could have been placed.
    public var mostPlacementsPossible: Int? = nil
    /// The best possible objective proven by the solver.
    public let bound: Double
    public let relativeGap: Double
    public let solveSeconds: Double
    public let buildSeconds: Double
    public let variables: Int
    public let constraints: Int
}

public enum PlanningError: Error, CustomStringConvertible {
    case historyCannotBeEscorted
    case noPlanFound(seconds: Double)
    case solver(String)
    case frozenPlacementNotAllowed(student: StudentID, session: Session)

    public var description: String {
        switch self {
        case .historyCannotBeEscorted:
            "The placements fixed in history.csv cannot all be escorted with the staff in staff.csv (rule 9). Check the escorts free on those days."
        case .noPlanFound(let seconds):
            "No plan was found within the time limit (\(Int(seconds)) s). Try a longer --time-limit."
        case .frozenPlacementNotAllowed(let student, let session):
            "Student \(student)'s placement at \(session.employer) on \(session.day) in \(session.term) is in a term being kept as it was, but the workspace no longer allows it. Use --from \(session.term) to re-plan that term too, or correct the workspace."
        case .solver(let why):
            "The planner hit an internal problem: \(why). Please report it with the workspace."
        }
    }
}

/// Plans the whole year: one placement per term for each student where possible, never the
/// same employer twice, history kept, every hard rule held, best objective proven or within the gap.
public enum YearPlanner {
    public static func plan(_ workspace: Workspace, options: PlanningOptions = PlanningOptions()) throws(PlanningError) -> PlanOutcome {
        let buildStart = Date()
        let pools = StaffPools(workspace)
        let model = buildModel(workspace, pools: pools, frozenTerms: options.frozenTerms, current: options.current,
                               largeYearColumns: options.largeYearColumns)
        let buildSeconds = Date().timeIntervalSince(buildStart)
        let solved: SolveStrategy.Outcome?
        do {
            solved = try SolveStrategy(workspace: workspace, pools: pools, options: options).solve(model)
        } catch .infeasible {
            throw .historyCannotBeEscorted
        } catch {
            throw .solver(error.description)
        }
        guard let result = solved else { throw .noPlanFound(seconds: Date().timeIntervalSince(buildStart)) }
        let plan = PlanDecoder.decode(model, values: result.values, current: options.current)
        let score = PlanScore.compute(plan, in: workspace)
        return PlanOutcome(
            plan: plan, score: score, unplaced: UnplacedReasons.explain(plan, workspace: workspace),
            requestedPlacements: workspace.students.reduce(0) { $0 + $1.terms.count },
            provenOptimal: result.provenWithinGap, mostPlacementsPossible: result.mostPlacements,
            bound: result.bound, relativeGap: max(0, relative(result.bound, above: result.objective)),
            solveSeconds: result.seconds,
            buildSeconds: buildSeconds, variables: model.linear.columns.count, constraints: model.linear.rows.count)
    }

    /// Writes the year model in LP or MPS format (for inspection with other solvers).
    public static func exportModel(_ workspace: Workspace, to path: String, mps: Bool) throws(PlanningError) {
        do {
            try GLPKSolver.write(buildModel(workspace).linear, to: path, format: mps ? .mps : .lp)
        } catch {
            throw .solver(error.description)
        }
    }

    /// Builds the year model and returns its size (for benchmarks and `plan`'s summary).
    public static func modelSize(_ workspace: Workspace) -> (variables: Int, constraints: Int) {
        let model = buildModel(workspace)
        return (model.linear.columns.count, model.linear.rows.count)
    }

    /// - Parameter largeYearColumns: a what-if's year with more candidates than this is planned the
    ///   large way, whose plan comes from no MIP over the year: its model rewards no escort moves
    ///   (their columns would only raise the master's bound: seed-1 600 what-if 0.0221 → 0.0380 %).
    static func buildModel(_ workspace: Workspace, pools: StaffPools? = nil, frozenTerms: Set<TermID> = [],
                           current: Plan? = nil, largeYearColumns: Int = .max) -> YearModel {
        let pools = pools ?? StaffPools(workspace)
        let candidates = CandidateFinder.candidates(in: workspace, pools: pools, frozenTerms: frozenTerms, current: current)
        return YearModelBuilder.build(workspace: workspace, pools: pools, candidates: candidates, current: current,
                                      rewardsEscortMoves: candidates.count <= largeYearColumns)
    }
}
