import Foundation
import LinearSolver

/// A what-if's whole year as one MIP over a short list of placements only (every other placement at
/// 0, so its plans are the year's): GLPK's branch-and-cut with those columns substituted out,
/// started from a valid plan, ending on a node budget.
///
/// Why: what-if relaxations are nearly whole, and re-planning one term at a time loses what the
/// terms share (a withdrawn employer's students need new employers in every term). On the sample's
/// what-ifs GLPK closes the short list's year in 0.1–0.25 s, where the one-term MIPs in turn lost up
/// to 6,000 points; on a 600-student school's, 0.4–1 s over the master's placements (docs/SOLVER-NOTES.md,
/// session 17).
enum ShortListYear {
    /// Nodes at most: the same plan on every machine.
    static let nodes = 300

    /// - Parameter shortList: per placement (``YearModel/placementColumns`` order), whether it may be used.
    /// - Parameter start: a plan of the year to start from (ignored unless it keeps to the short list and every rule).
    /// - Returns: the best plan found, or nil when none was.
    static func plan(_ year: YearModel, shortList: [Bool], start: [Double], options: PlanningOptions,
                     timeLimit: Double) throws(LinearSolverError) -> [Double]? {
        var restricted = year.linear
        for (offset, column) in year.placementColumns.enumerated() where !shortList[offset] { restricted.fix(column, at: 0) }
        var solve = SolveOptions(timeLimit: timeLimit, relativeGap: options.relativeGap, presolve: false,
                                 initialSolution: restricted.isFeasible(start) ? start : nil, nodeLimit: nodes,
                                 shouldStop: options.shouldStop)
        // Without the fixed columns: the sample with ST08 away, 300 nodes in 2.0 s instead of 7.2 s.
        solve.substitutesFixedColumns = true
        let began = Date()
        let result = try GLPKSolver.solve(restricted, options: solve)
        debug("the short list's whole year (\(shortList.filter { $0 }.count) placements): \(result.status) \(result.objective), \(result.nodes) nodes in \(Date().timeIntervalSince(began)) s")
        guard result.status == .optimal || result.status == .feasible else { return nil }
        return result.values
    }
}
