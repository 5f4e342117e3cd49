import Foundation
import LinearSolver

/// The plan nearest a given one that places one student-term more: the year's own rows, a row
/// asking for one placement more than the plan makes, and as objective how many placements differ
/// from the plan's (a proximity search, over every placement or over a short list). GLPK stops at
/// the first such plan it finds.
///
/// Why: when the count proof says one more student-term could be placed, the re-plans of terms and
/// pairs of terms look for points, and the missing placement is often a reshuffle of many students'
/// years that none of them reaches. The sample without ST04 (`d04`): the quick plan places 424, the
/// count proof says 425; the re-plans of the usual way ran to the 60 s limit without it, and the
/// whole year over the quick way's short list and the count master's years places 424 at best (proven).
/// This search found a 425-placement plan 33 placements from the quick plan (10 of them outside those
/// lists) in 18 s (docs/SOLVER-NOTES.md, session 23); since its root relaxation starts from the plan
/// (session 24), 43 placements away in 8 s. GLPK's own proximity search (`ps_heur`) asks for 1 % more
/// objective, more than the bound allows here, and stops at once.
enum NearestFullerPlan {
    /// Nodes at most: the same plan on every machine (d04 finds its plan at node 25).
    static let nodes = 300

    /// Nearest plans with one placement more in turn, each from the last, until the plan places
    /// `count` (the most any valid plan can) or none is found.
    /// - Parameter shortList: per placement (``YearModel/placementColumns`` order), whether it may be
    ///   used (the plan's own always may); nil: every placement.
    /// - Returns: the last plan found, or nil when none was.
    static func plan(_ year: YearModel, from start: [Double], count: Int, over shortList: [Bool]? = nil, timeLimit: Double,
                     shouldStop: (@Sendable () -> Bool)?) throws(LinearSolverError) -> [Double]? {
        let began = Date()
        var plan = start, found = false
        while year.placements(in: plan) < count, shouldStop?() != true,
              let fuller = try onePlacementMore(year, from: plan, over: shortList, timeLimit: timeLimit - Date().timeIntervalSince(began),
                                                shouldStop: shouldStop) {
            plan = fuller
            found = true
        }
        return found ? plan : nil
    }

    /// - Parameter plan: a valid plan of the year (column values).
    /// - Returns: a valid plan with one placement more and a higher objective, or nil when none was
    ///   found within the node budget and `timeLimit`.
    static func onePlacementMore(_ year: YearModel, from plan: [Double], over shortList: [Bool]? = nil, timeLimit: Double,
                                 shouldStop: (@Sendable () -> Bool)?) throws(LinearSolverError) -> [Double]? {
        guard timeLimit > 0.5 else { return nil }
        let placed = year.placements(in: plan)
        var distance = [Double](repeating: 0, count: year.linear.columns.count)
        for column in year.placementColumns { distance[column.index] = plan[column.index] > 0.5 ? -1 : 1 }
        var nearest = year.linear.withObjective(distance)
        nearest.sense = .minimize
        nearest.addRow("onePlacementMore", year.placementColumns.map { ($0, 1.0) }, lower: Double(placed + 1))
        if let shortList {
            for (offset, column) in year.placementColumns.enumerated() where !shortList[offset] && plan[column.index] < 0.5 {
                nearest.fix(column, at: 0)
            }
        }
        var options = SolveOptions(timeLimit: timeLimit, relativeGap: 0, presolve: false, nodeLimit: nodes, shouldStop: shouldStop)
        options.substitutesFixedColumns = shortList != nil
        // The root relaxation by the dual simplex from the plan: there only the new row and the escort
        // rows (escort columns start at a bound) are broken. From scratch (GLPK's presolve and primal
        // simplex) it took 30,000 iterations and 15–25 s on `d04`, longer than its time share on a
        // slower machine; from the plan 6,000 and 3.5 s.
        options.dualSimplexFrom = plan
        // The first plan found ends the search: any plan placing one more is what is wanted.
        options.goodEnough = .greatestFiniteMagnitude
        let began = Date()
        let result = try GLPKSolver.solve(nearest, options: options)
        guard result.status == .optimal || result.status == .feasible, year.linear.isFeasible(result.values) else {
            debug("nearest fuller plan: \(result.status) after \(result.nodes) nodes, \(Date().timeIntervalSince(began)) s")
            return nil
        }
        let objective = year.linear.objectiveValue(result.values)
        debug("nearest fuller plan: \(objective), \(placed + 1) placed, \(Int(result.objective) + placed) placements changed, \(result.nodes) nodes, \(Date().timeIntervalSince(began)) s")
        return objective > year.linear.objectiveValue(plan) ? result.values : nil
    }
}
