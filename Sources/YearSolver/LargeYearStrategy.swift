import Foundation
import LinearSolver
import PlacementDomain

/// How a year too large for GLPK's relaxation is planned and bounded. Measured at 600 students
/// (218,000 columns): the relaxation does not finish in minutes, nor does a one-term MIP over
/// every candidate; one-term MIPs over a short list of each student's best-priced options ran but
/// planned worse than the greedy plan, so they are not used.
///
/// 1. The greedy plan (``GreedyPlan``), then one-to-one students it left out placed where an
///    escort can be found or freed (``EscortedPlacements``), then chains of moves that place
///    students without escort (``PlacementChains``), kept only if the year's objective rises.
/// 2. A proven bound from prices on the shared rows (``LagrangianBound``), its steps aimed at that
///    plan's objective, until the plan is within the gap, the steps run out or the time is up.
/// 3. The greedy plan again with every option valued at those prices (and chains), kept if better.
struct LargeYearStrategy {
    let workspace: Workspace
    let pools: StaffPools
    let options: PlanningOptions
    let start: Date

    /// Price steps at most: the bound gains little after this many (600 students: 300 steps
    /// 0.93 %, 676 steps still 0.93 %).
    static let maxSteps = 400

    private func elapsed() -> Double { Date().timeIntervalSince(start) }

    /// - Parameter greedyValues: the greedy plan as the year's column values, already checked valid by the caller.
    func solve(_ year: YearModel, greedy: [TermID: TermByTermPlan.TermChoice], greedyValues: [Double]) -> SolveStrategy.Outcome {
        var plan = greedyValues
        var planObjective = year.linear.objectiveValue(plan)
        var placements = year.placementColumns.filter { plan[$0.index] > 0.5 }.count
        func keepIfBetter(_ choices: [TermID: TermByTermPlan.TermChoice]) {
            let escorted = EscortedPlacements(year: year, pools: pools).improve(choices)
            let chained = TermByTermPlan.assemble(year, choices: Array(PlacementChains(year: year).improve(escorted).values))
            guard year.linear.isFeasible(chained), year.linear.objectiveValue(chained) > planObjective + 1e-6 else { return }
            plan = chained
            planObjective = year.linear.objectiveValue(chained)
            placements = year.placementColumns.filter { plan[$0.index] > 0.5 }.count
        }
        keepIfBetter(greedy)
        debug("large year: plan \(planObjective) after \(elapsed()) s")
        let end = options.timeLimit * 0.8
        let lagrangian = LagrangianBound(year)
        let objective = year.linear.columns.map(\.objective)
        let prices = lagrangian.solve(
            objective: objective, target: planObjective, relativeGap: options.relativeGap,
            steps: Self.maxSteps, shouldStop: { elapsed() > end || options.shouldStop?() == true },
            onStep: { _, _, bound in
                report(planObjective, bound: bound, placements: placements)
                return nil
            })
        debug("large year: bound \(prices.bound) after \(prices.steps) price steps, \(elapsed()) s")
        // The greedy plan again, each option ranked by its value at the prices: crowded sessions
        // and scarce escorts now cost what they are worth to others.
        if options.shouldStop?() != true {
            let priced = lagrangian.evaluate(objective: objective, prices: prices.prices).pricedValues
            let preference = year.placementColumns.map { priced[$0.index] }
            let kept = greedy.filter { options.frozenTerms.contains($0.key) }
            keepIfBetter(GreedyPlan(workspace: workspace, pools: pools, preference: preference, fixed: kept,
                                    currentEscorts: options.current?.escorts ?? [:]).choices(for: year))
            debug("large year: priced greedy plan \(planObjective) after \(elapsed()) s")
        }
        let bound = max(prices.bound, planObjective)
        report(planObjective, bound: bound, placements: placements)
        return SolveStrategy.Outcome(values: plan, objective: planObjective, bound: bound,
                                     provenWithinGap: (bound - planObjective) / max(abs(planObjective), 1e-9) <= options.relativeGap,
                                     seconds: elapsed())
    }

    private func report(_ objective: Double, bound: Double, placements: Int) {
        guard let progress = options.progress else { return }
        progress(SolveProgress(elapsedSeconds: elapsed(), bestObjective: objective, bound: max(bound, objective),
                               relativeGap: max(0, bound - objective) / max(abs(objective), 1e-9), nodes: 0,
                               placements: placements))
    }
}
