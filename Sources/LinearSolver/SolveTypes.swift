/// How long and how precisely to solve, and whom to tell while solving.
public struct SolveOptions: Sendable {
    /// Wall-clock limit for the whole solve, in seconds.
    public var timeLimit: Double
    /// Stop when `|best bound − best plan| / |best plan|` is at most this.
    public var relativeGap: Double
    /// Use GLPK's MIP presolver. Ignored (off) when `initialSolution`, `dualSimplexFrom` or
    /// `rootRelaxationFrom` is given.
    public var presolve: Bool
    /// A known feasible assignment (one value per column) handed to the search as its first plan.
    public var initialSolution: [Double]?
    /// Stop after this many branch-and-bound nodes (deterministic, unlike the time limit).
    public var nodeLimit: Int?
    /// Called about once a second during the search.
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Polled during the search; returning true stops it and keeps the best plan found.
    public var shouldStop: (@Sendable () -> Bool)?
    /// Stop as soon as a plan this good (or better) is found: good enough for the caller.
    public var goodEnough: Double?
    /// Solve the model with its fixed columns substituted out (and the rows that then always
    /// hold left out): for searches that fix most of a large model, so each node's LP is small.
    public var substitutesFixedColumns = false
    /// Branch by GLPK's own Driebeck–Tomlin rule computed in Swift (``DriebeckTomlinBranching``):
    /// the same search, sooner. Off only to compare with GLPK's.
    public var branchesInSwift = true
    /// Column values the root relaxation starts from although they break some rows (a plan, with a
    /// row added that it does not keep): the slack basis with each column at its bound nearer its
    /// value (``WarmBasis/applyAtBounds(_:model:to:)``), solved by GLPK's dual simplex, without the
    /// MIP presolve (which would start from scratch). When every column that costs anything sits at
    /// its better bound there, that basis is dual feasible and only the broken rows need mending.
    public var dualSimplexFrom: [Double]?
    /// Column values that keep every row (a relaxation's optimum over fewer columns, say) where the
    /// root relaxation's primal simplex starts (``WarmBasis``), instead of at `initialSolution`.
    public var rootRelaxationFrom: [Double]?
    /// GLPK's clique cuts (from its conflict graph of binary columns). Off by default: on the term
    /// models no cuts reach 0.01 % fastest; on a what-if's whole year, whose relaxation can stand a
    /// fraction of a placement above every plan, they close it in a few nodes (``SearchRun``).
    public var cliqueCuts = false

    public init(timeLimit: Double = 60, relativeGap: Double = 1e-4, presolve: Bool = true,
                initialSolution: [Double]? = nil, nodeLimit: Int? = nil,
                progress: (@Sendable (SolveProgress) -> Void)? = nil,
                shouldStop: (@Sendable () -> Bool)? = nil) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.initialSolution = initialSolution
        self.nodeLimit = nodeLimit
        self.progress = progress
        self.shouldStop = shouldStop
    }
}

/// A snapshot of the branch-and-bound search.
public struct SolveProgress: Sendable {
    public let elapsedSeconds: Double
    public let bestObjective: Double?
    public let bound: Double?
    public let relativeGap: Double?
    public let nodes: Int
    /// Placements in the best plan so far, when the caller knows which columns are placements.
    public let placements: Int?

    public init(elapsedSeconds: Double, bestObjective: Double?, bound: Double?, relativeGap: Double?, nodes: Int,
                placements: Int? = nil) {
        self.elapsedSeconds = elapsedSeconds; self.bestObjective = bestObjective; self.bound = bound
        self.relativeGap = relativeGap; self.nodes = nodes; self.placements = placements
    }
}

public enum SolveStatus: Sendable, Equatable {
    /// Proven best (within the requested gap).
    case optimal
    /// A plan was found but the search stopped (time limit or interrupted) before the gap was met.
    case feasible
    /// No assignment satisfies every row.
    case infeasible
    /// The search stopped before any plan was found.
    case noSolutionFound
}

public struct SolveResult: Sendable {
    public let status: SolveStatus
    /// One value per column (empty when no solution was found).
    public let values: [Double]
    public let objective: Double
    /// The best proven bound on the objective.
    public let bound: Double
    public let seconds: Double
    public let nodes: Int

    /// Relative distance between the plan and the bound (0 when proven optimal).
    public var relativeGap: Double {
        guard !values.isEmpty else { return .infinity }
        return abs(bound - objective) / max(abs(objective), 1e-9)
    }
}

public enum LinearSolverError: Error, CustomStringConvertible, Equatable {
    /// The model would make GLPK abort; caught before calling it.
    case invalidModel(String)
    case solverFailed(String)
    /// Proven: no assignment keeps every row.
    case infeasible

    public var description: String {
        switch self {
        case .invalidModel(let why): "internal model error: \(why)"
        case .solverFailed(let why): "the solver failed: \(why)"
        case .infeasible: "no assignment keeps every rule"
        }
    }
}

public enum ModelFileFormat: Sendable {
    /// CPLEX LP format: readable, records the objective sense.
    case lp
    /// Free MPS: does not record the objective sense.
    case mps
}
