import Foundation
import LinearSolver
import PlacementDomain

/// How a year too large for GLPK's relaxation is planned and bounded (measured: at 600 students
/// the relaxation does not finish in minutes, nor does a one-term MIP over every candidate).
///
/// 1. Prices on the shared rows (``LagrangianBound``) give a proven bound, and how often each
///    option is in its student's best year at those prices (the guide).
/// 2. A short list per student and term: the employers best at those prices, every day they
///    offer, plus the greedy plan's choices and whatever the guide touched. Over the short list the
///    one-term MIPs are as small as the sample school's, so ``TermByTermPlan`` plans the year as it
///    does there (guided first pass, then re-plans from the current plan, never worse).
/// 3. More price steps, now aimed at that plan's objective, tighten the bound.
struct PricedTermPlan {
    let workspace: Workspace
    let pools: StaffPools
    let options: PlanningOptions
    let start: Date

    /// Employers per student and term on the short list (all their days).
    static let shortListEmployers = 2
    /// Options in their student's best year at least this share of the price steps join the list.
    static let guideShare = 0.1
    /// Share of the time limit for the first price steps, and the most steps they take.
    static let firstShare = 0.25
    static let firstSteps = 300

    private func elapsed() -> Double { Date().timeIntervalSince(start) }

    func solve(_ year: YearModel, greedy: [TermID: TermByTermPlan.TermChoice]) throws(LinearSolverError) -> SolveStrategy.Outcome? {
        let greedyValues = TermByTermPlan.assemble(year, choices: Array(greedy.values))
        let greedyFeasible = year.linear.isFeasible(greedyValues)
        var plan = greedyValues
        var planObjective = greedyFeasible ? year.linear.objectiveValue(greedyValues) : -Double.infinity
        let lagrangian = LagrangianBound(year)
        let objective = year.linear.columns.map(\.objective)
        var guide = [Double](repeating: 0, count: year.candidates.count)
        let firstEnd = options.timeLimit * Self.firstShare
        let first = lagrangian.solve(objective: objective, target: planObjective, relativeGap: options.relativeGap,
                                     steps: Self.firstSteps, shouldStop: { elapsed() > firstEnd || options.shouldStop?() == true },
                                     onStep: { _, evaluation, bound in
            for (offset, column) in year.placementColumns.enumerated() where evaluation.values[column.index] > 0.5 { guide[offset] += 1 }
            report(planObjective, bound: bound, placements: nil)
            return nil
        })
        let steps = Double(max(1, first.steps))
        guide = guide.map { $0 / steps }
        var bound = first.bound
        debug("prices: bound \(bound) after \(first.steps) steps, \(elapsed()) s")
        if (bound - planObjective) / max(abs(planObjective), 1e-9) > options.relativeGap, options.shouldStop?() != true {
            let priced = lagrangian.evaluate(objective: objective, prices: first.prices).pricedValues
            let list = shortList(year, priced: priced, guide: guide, greedy: greedy)
            let small = YearModelBuilder.build(workspace: workspace, pools: pools, candidates: list.map { year.candidates[$0] },
                                               current: options.current)
            debug("short list: \(list.count) of \(year.candidates.count) candidates, \(small.linear.columns.count) columns")
            let planner = TermByTermPlan(workspace: workspace, pools: pools, options: options,
                                         guide: list.map { guide[$0] }, solveStart: start)
            let smallValues = try planner.values(for: small, bound: bound, fallback: greedy,
                                                 timeLimit: (options.timeLimit * 0.85 - elapsed()) * 0.8)
            let values = TermByTermPlan.assemble(year, choices: TermByTermPlan.choices(from: smallValues, of: small))
            if year.linear.isFeasible(values), year.linear.objectiveValue(values) > planObjective {
                plan = values
                planObjective = year.linear.objectiveValue(values)
            }
            debug("short-list plan \(planObjective) after \(elapsed()) s")
            let secondEnd = options.timeLimit * 0.9
            let second = lagrangian.solve(objective: objective, target: planObjective, relativeGap: options.relativeGap,
                                          steps: .max, startPrices: first.prices,
                                          shouldStop: { elapsed() > secondEnd || options.shouldStop?() == true },
                                          onStep: { _, _, bound in
                report(planObjective, bound: min(bound, first.bound), placements: nil)
                return nil
            })
            bound = min(bound, second.bound)
            debug("prices: bound \(bound) after \(second.steps) more steps, \(elapsed()) s")
        }
        guard planObjective.isFinite else { return nil }
        let gap = (bound - planObjective) / max(abs(planObjective), 1e-9)
        return SolveStrategy.Outcome(values: plan, objective: planObjective, bound: max(bound, planObjective),
                                     provenWithinGap: gap <= options.relativeGap, seconds: elapsed())
    }

    /// History, the greedy plan's choices, everything the guide touched, and per student and term
    /// the best few employers at the prices (every day they offer).
    private func shortList(_ year: YearModel, priced: [Double], guide: [Double],
                           greedy: [TermID: TermByTermPlan.TermChoice]) -> [Int] {
        var list = Set<Int>()
        var byStudentTerm: [String: [Int]] = [:]
        for (index, candidate) in year.candidates.enumerated() {
            if candidate.isHistory || guide[index] >= Self.guideShare
                || greedy[candidate.session.term]?.placements.contains(TermByTermPlan.key(candidate)) == true {
                list.insert(index)
            }
            byStudentTerm["\(candidate.student.id.rawValue)|\(candidate.session.term.rawValue)", default: []].append(index)
        }
        for members in byStudentTerm.values {
            let value = { (index: Int) in priced[year.placementColumns[index].index] }
            let ranked = members.sorted { (value($0), -$0) > (value($1), -$1) }
            var employers = Set<EmployerID>()
            for index in ranked {
                let employer = year.candidates[index].employer.id
                guard employers.contains(employer) || employers.count < Self.shortListEmployers else { continue }
                employers.insert(employer)
                list.insert(index)
            }
        }
        return list.sorted()
    }

    private func report(_ objective: Double, bound: Double, placements: Int?) {
        guard objective.isFinite, bound.isFinite else { return }
        options.progress?(SolveProgress(elapsedSeconds: elapsed(), bestObjective: objective, bound: max(bound, objective),
                                        relativeGap: max(0, bound - objective) / max(abs(objective), 1e-9), nodes: 0,
                                        placements: placements))
    }
}
