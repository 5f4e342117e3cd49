import Foundation
import LinearSolver

/// A what-if's whole year as one MIP over every placement, with GLPK's clique cuts: its root
/// relaxation starts at the sifted relaxation's point, the search at the best plan so far, and it
/// ends on a node budget. Its bound holds for the year (no placement is left out), so it can prove
/// a plan the relaxation over every placement could not.
///
/// Why: some what-ifs' relaxations stand a fraction of a placement above every plan, where no price
/// and no re-plan can close the gap. The sample with ST04 away (from the plan `plan` writes): the
/// relaxation 446,678.63, every plan found 271 points under it (0.0637 %), 11 s to the time limit's
/// usual-way passes; GLPK's clique cuts (and a few of its nodes) bound the year at 446,416.52 and
/// prove the plan within the gap in 1 s of search (`whatif` 2.4 s). Without cuts the same search
/// took 403 nodes and 38 s; Gomory cuts with them proved 0.0007 % in 5 nodes but 2.6 s, and alone ran
/// 300 nodes for 0.0236 % (docs/SOLVER-NOTES.md, session 29).
enum WholeYearSearch {
    /// Nodes at most: the same plan on every machine. Where the cuts do not close the gap (the sample
    /// with ST08 away) the search's nodes cost 20–35 ms each; ST04 and ST12 away took 17–60 nodes.
    static let nodes = 100

    /// The share of the quick way's time left it may take: a safety net for large years (a what-if of
    /// up to 90,000 columns takes the quick way), whose nodes could cost seconds each. Under the
    /// default limit the sample's searches take 1–4 s of the ~22 s left, so the node budget ends them.
    /// Not less: under `--time-limit 10` ST04 away's search (1 s) has 1.4 s; with a quarter it ended
    /// after 9 nodes, before the plan with one placement more, and the what-if ended a placement short.
    static let timeShare = 0.5

    /// - Parameter plan: a valid plan of the year, where the search starts.
    /// - Parameter relaxation: the relaxation's point (over every placement, or a working set of them).
    /// - Returns: the search's plan when it is valid and scores more than `plan` (else nil), and the
    ///   search's bound; nil when the search stopped before its root relaxation was solved.
    static func search(_ year: YearModel, from plan: [Double], relaxation: [Double], options: PlanningOptions,
                       timeLimit: Double) throws(LinearSolverError) -> (better: [Double]?, bound: Double)? {
        var solve = SolveOptions(timeLimit: timeLimit, relativeGap: options.relativeGap, presolve: false,
                                 initialSolution: plan, nodeLimit: nodes, shouldStop: options.shouldStop)
        solve.substitutesFixedColumns = true
        solve.cliqueCuts = true
        solve.rootRelaxationFrom = relaxation
        let began = Date()
        let result = try GLPKSolver.solve(year.linear, options: solve)
        debug("the whole year with clique cuts: \(result.status) \(result.objective), bound \(result.bound), \(result.nodes) nodes in \(Date().timeIntervalSince(began)) s")
        guard result.status == .optimal || result.status == .feasible, result.bound.isFinite else { return nil }
        let better = year.linear.isFeasible(result.values)
            && year.linear.objectiveValue(result.values) > year.linear.objectiveValue(plan) + 1e-6
        return (better ? result.values : nil, result.bound)
    }
}
