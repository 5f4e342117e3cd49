import Foundation
import LinearSolver
import PlacementDomain

/// How a year too large for GLPK's relaxation is planned and bounded. Measured at 600 students
/// (218,000 columns): the relaxation does not finish in minutes, nor does a one-term MIP over
/// every candidate; one-term MIPs over a short list of each student's best-priced options ran but
/// planned worse than the greedy plan, so they are not used.
///
/// 1. The greedy plan (``GreedyPlan``), then chains of moves that place students it left out
///    (``PlacementChains``), kept only if the year's objective rises.
/// 2. A proven bound from prices on the shared rows (``LagrangianBound``), its steps aimed at that
///    plan's objective, until the plan is within the gap, the steps run out or the time is up.
struct LargeYearStrategy {
    let workspace: Workspace
    let pools: StaffPools
    let options: PlanningOptions
    let start: Date

    /// Price steps at most: the bound gains little after this many (600 students: 300 steps
    /// 0.93 %, 676 steps still 0.93 %).
    static let maxSteps = 400

    private func elapsed() -> Double { Date().timeIntervalSince(start) }

    func solve(_ year: YearModel, greedy: [TermID: TermByTermPlan.TermChoice]) -> SolveStrategy.Outcome? {
        var plan = TermByTermPlan.assemble(year, choices: Array(greedy.values))
        guard year.linear.isFeasible(plan) else { return nil }
        var planObjective = year.linear.objectiveValue(plan)
        let chained = TermByTermPlan.assemble(year, choices: Array(PlacementChains(year: year).improve(greedy).values))
        if year.linear.isFeasible(chained), year.linear.objectiveValue(chained) > planObjective + 1e-6 {
            plan = chained
            planObjective = year.linear.objectiveValue(chained)
        }
        let placements = year.placementColumns.filter { plan[$0.index] > 0.5 }.count
        debug("large year: plan \(planObjective) with \(placements) placements after \(elapsed()) s")
        let end = options.timeLimit * 0.9
        let prices = LagrangianBound(year).solve(
            objective: year.linear.columns.map(\.objective), target: planObjective, relativeGap: options.relativeGap,
            steps: Self.maxSteps, shouldStop: { elapsed() > end || options.shouldStop?() == true },
            onStep: { _, _, bound in
                options.progress?(SolveProgress(elapsedSeconds: elapsed(), bestObjective: planObjective, bound: max(bound, planObjective),
                                                relativeGap: max(0, bound - planObjective) / max(abs(planObjective), 1e-9),
                                                nodes: 0, placements: placements))
                return nil
            })
        debug("large year: bound \(prices.bound) after \(prices.steps) price steps, \(elapsed()) s")
        let bound = max(prices.bound, planObjective)
        return SolveStrategy.Outcome(values: plan, objective: planObjective, bound: bound,
                                     provenWithinGap: (bound - planObjective) / max(abs(planObjective), 1e-9) <= options.relativeGap,
                                     seconds: elapsed())
    }
}
