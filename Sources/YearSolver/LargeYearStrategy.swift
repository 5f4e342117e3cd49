import Foundation
import LinearSolver
import PlacementDomain

/// How a year too large for GLPK's relaxation is planned and bounded. Measured at 600 students
/// (218,000 columns): the relaxation does not finish in minutes, nor does a one-term MIP over
/// every candidate.
///
/// 1. The greedy plan (``GreedyPlan``), then one-to-one students it left out placed where an
///    escort can be found or freed (``EscortedPlacements``), then chains of moves that place
///    students without escort (``PlacementChains``), kept only if the year's objective rises.
/// 2. A proven bound from the master over whole student years (``CapacityMaster``), which also
///    says which placements the best mix of years uses.
/// 3. A plan (not a what-if, whose greedy keeps current placements) from one-term MIPs over only
///    the placements that mix uses and the plan's own, guided by it (``TermByTermPlan``): a few
///    thousand columns instead of 200,000; with time to spare after its passes, a few students' whole
///    years re-planned at once (``StudentNeighbourhoods``); still short of the count proof, the
///    nearest plans over that list with one placement more (``NearestFullerPlan``).
/// 4. Where the term MIPs did not run (what-ifs): the greedy plan again with every option valued
///    at the master's prices (and chains), kept if better; then, up to ``wholeYearColumns``, the
///    whole year as one MIP over the master's placements (``ShortListYear``).
/// 5. Only when the master could not be solved: the subgradient bound (``LagrangianBound``).
struct LargeYearStrategy {
    let workspace: Workspace
    let pools: StaffPools
    let options: PlanningOptions
    let start: Date

    /// Price steps at most for the fallback bound (600 students: 300 steps 0.93 %, 676 still 0.93 %).
    static let maxSteps = 400
    /// Shares of the time limit by which the master, then the term MIPs, must be done: safety nets,
    /// the master's own budget is in simplex work (``CapacityMaster/work``), the same on every machine.
    /// Under the default limit no school measured reaches them but the sample forced the large way
    /// (its pairs of terms run to the clock); 2,000 students end by their budgets at 36 s, and model
    /// build, reading and writing take another 5–6 s outside the solve's clock.
    /// Under a short `--time-limit` they decide the plan: with 0.62 and 0.67 the 600-student school's
    /// term MIPs had 1 s of a 10 s limit and the command ended at 8 s, 0.051–0.054 % from the bound
    /// (barely better than the greedy plan). With 0.5 and 0.88 (``termPlanEnd(timeLimit:)``):
    /// 0.030–0.035 % at 9.4–9.7 s over five runs (the master cut sooner gives a bound 20–50 points
    /// looser, the term MIPs gain 350–380 points).
    static let masterEnd = 0.5

    /// By when the term MIPs must be done, as a share of `timeLimit`: 0.67 from the default 60 s up
    /// (where the clock only ends runs that go on regardless, and a third is kept for a slower
    /// machine's reading and writing), rising to 0.88 at 30 s and below (a coordinator who shortens
    /// the limit wants that answer by then, and the term MIPs make it). At 20 s the 600-student
    /// school's plan depends mostly on where the clock cuts the master (five runs: 0.015–0.048 %
    /// from the bound, against 0.047 % three times with 0.62 and 0.67). From 60 s up the sample
    /// forced the large way (`theSampleSchoolPlannedTheLargeWay`) plans as before: with 0.88 of 60 s
    /// its pairs of terms ran to 52.8 s and two runs differed.
    static func termPlanEnd(timeLimit: Double) -> Double {
        0.67 + 0.21 * min(1, max(0, (60 - timeLimit) / 30))
    }

    /// By when the nearest plans with one placement more (``NearestFullerPlan``, after the term MIPs,
    /// while the plan is short of the count proof) must be done, as a share of `timeLimit`. A
    /// generated 400-student school (seed 24) ended its term MIPs 2 placements short at 16 s (0.18 %
    /// from the bound) and left the rest of the 60 s unused; two such searches over the master's
    /// placements, 16 s each, placed both (the most possible, 0.0145 %). A few seconds stay for writing.
    static let fullerPlanEnd = 0.85

    /// Seconds into the solve by which the term MIPs must be done.
    private var termMIPsEnd: Double { options.timeLimit * Self.termPlanEnd(timeLimit: options.timeLimit) }

    /// Term MIPs re-plan pairs of terms too only over short lists up to this many placements.
    /// Seed-1 600 students (4,600 listed): a pair took 11 s and gained nothing, and the time limit
    /// cut the passes; without pairs, two more passes of single terms gained 44 points and ended
    /// 9 s sooner on their own. The sample school planned the large way (1,101 listed) needs them:
    /// without, 415 placed within 2.4 % (with them its test's bar, 420 within 1.5 %, holds).
    static let pairsUpTo = 3000

    /// Years above this many columns have their master delete the student years it has left idle
    /// (``CapacityMaster/idleRoundsToDrop``): its simplex iterations get cheaper, and the term MIPs
    /// its mix guides planned better on every large school measured (release CLI, default limit):
    /// seed-1 600 students (206,824 columns) 0.0201 % → 0.0137 % (master 16.6 → 10.4 s), seed-2 600
    /// 0.0196 % → 0.0167 %, seed-6 450 students (121,764) 0.0893 % → 0.0130 % with the most
    /// placements possible (1,293, one more) in 17.8 s instead of 21.7 s. Not below: on small years
    /// the master takes well under a second and its changed mix is a lottery for the plan (the large
    /// way forced on a generated 80-student school: 0.87 % instead of under 0.5 %; on the sample's
    /// what-if, one more placed but 23 undisplaced students changed instead of 17); keeping the years
    /// ever used instead planned worse on all three large schools.
    static let dropsIdleYearsAbove = 100_000

    /// Whether the term MIPs' plan, after the passes, re-plans a few students' whole years at once
    /// (``TermByTermPlan/neighbourhoodsAfterPasses``). Generated 450-student school (121,764
    /// columns): 0.2444 % → 0.0893 %, two more placed (session 13). Session 20, now that they always
    /// run: seed-1 600 students 0.0137 % → 0.0132 %, seed-2 0.0167 % → 0.0166 %, 2,000 students
    /// 0.187 % → 0.169 % (one more placed; there the clock ends them, after 17 of 30).
    var replansStudentsYears = true

    /// The count proof running beside the plan (``MostPlacements``), when there is one: pairs of
    /// terms are re-planned only while the plan is short of its count
    /// (``TermByTermPlan/pairsWhilePlacingFewerThan``).
    var mostPlacements: MostPlacements?

    private func elapsed() -> Double { Date().timeIntervalSince(start) }

    /// - Parameter greedyValues: the greedy plan as the year's column values, already checked valid by the caller.
    func solve(_ year: YearModel, greedy: [TermID: TermByTermPlan.TermChoice], greedyValues: [Double]) -> SolveStrategy.Outcome {
        var plan = greedyValues
        var planObjective = year.linear.objectiveValue(plan)
        var placements = year.placements(in: plan)
        func keep(_ values: [Double]) {
            let objective = year.linear.objectiveValue(values)
            guard objective > planObjective + 1e-6, year.linear.isFeasible(values) else { return }
            plan = values
            planObjective = objective
            placements = year.placements(in: plan)
        }
        func keepIfBetter(_ choices: [TermID: TermByTermPlan.TermChoice]) {
            keep(TermByTermPlan.repaired(choices, year: year, pools: pools))
        }
        keepIfBetter(greedy)
        debug("large year: plan \(planObjective) after \(elapsed()) s")
        let lagrangian = LagrangianBound(year)
        let objective = year.linear.columns.map(\.objective)
        var bound = Double.infinity
        var pricedValues: [Double]?
        var plannedByTerms = false
        let capacityMaster = CapacityMaster(year, lagrangian: lagrangian, pools: pools,
                                            settings: workspace.settings, objective: objective, smallGroups: false)
        let master = try? capacityMaster.solve(start: plan, target: planObjective, relativeGap: options.relativeGap,
                                               seconds: options.timeLimit * Self.masterEnd - elapsed(),
                                               dropsIdlePatterns: year.linear.columns.count > Self.dropsIdleYearsAbove,
                                               shouldStop: { options.shouldStop?() == true },
                                               onRound: { _, bound in report(planObjective, bound: bound, placements: placements) })
        if let master, master.bound.isFinite {
            bound = min(master.bound, capacityMaster.smallGroupsBound(at: master.prices) ?? .infinity)
            pricedValues = master.pricedValues
            debug("large year: master bound \(master.bound), \(bound) with small groups, after \(master.rounds) rounds and \(master.steps) price steps, \(master.patterns) years, \(elapsed()) s")
            if options.current == nil, relative(bound, above: planObjective) > options.relativeGap,
               options.shouldStop?() != true {
                keep(planFromShares(year, shares: master.shares, plan: plan, bound: bound, pricedValues: master.pricedValues))
                plannedByTerms = true
                debug("large year: term MIPs over the master's placements \(planObjective) after \(elapsed()) s")
            }
        } else {
            let end = termMIPsEnd
            let prices = lagrangian.solve(
                objective: objective, target: planObjective, relativeGap: options.relativeGap,
                steps: Self.maxSteps, shouldStop: { elapsed() > end || options.shouldStop?() == true },
                onStep: { _, _, bound in
                    report(planObjective, bound: bound, placements: placements)
                    return nil
                })
            bound = prices.bound
            pricedValues = lagrangian.evaluate(objective: objective, prices: prices.prices).pricedValues
            debug("large year: bound \(prices.bound) after \(prices.steps) price steps, \(elapsed()) s")
        }
        // The greedy plan again, each option ranked by its value at the prices: crowded sessions
        // and scarce escorts now cost what they are worth to others. (After the term MIPs it found
        // nothing better at 600 or 2,000 students, in 0.6 and 5 s.)
        if options.shouldStop?() != true, !plannedByTerms, let priced = pricedValues {
            let preference = year.placementColumns.map { priced[$0.index] }
            let kept = greedy.filter { options.frozenTerms.contains($0.key) }
            keepIfBetter(GreedyPlan(workspace: workspace, pools: pools, preference: preference, fixed: kept,
                                    currentEscorts: options.current?.escorts ?? [:]).choices(for: year))
            debug("large year: priced greedy plan \(planObjective) after \(elapsed()) s")
        }
        if options.current != nil, options.shouldStop?() != true, relative(bound, above: planObjective) > options.relativeGap,
           year.linear.columns.count <= options.largeWholeYearColumns, let master {
            keep(wholeYear(year, plan: plan, shares: master.shares))
            debug("large year: the whole year over the master's placements \(planObjective) after \(elapsed()) s")
        }
        bound = max(bound, planObjective)
        report(planObjective, bound: bound, placements: placements)
        return SolveStrategy.Outcome(values: plan, objective: planObjective, bound: bound,
                                     provenWithinGap: relative(bound, above: planObjective) <= options.relativeGap,
                                     seconds: elapsed())
    }

    /// One-term MIPs over the placements the master's mix of years uses (and the plan's own),
    /// guided by that mix; the plan as it was when they fail. (Measured: adding each student-term's
    /// 4 best-priced options took the sample's large-way plan from 0.99 % to 0.03 % (2 options:
    /// 0.27 %), but at 600 students the larger MIPs found nothing better than the plan in the time.)
    private func planFromShares(_ year: YearModel, shares: [Double], plan: [Double], bound: Double, pricedValues: [Double]) -> [Double] {
        let guide = year.placementColumns.map { shares[$0.index] }
        var termPlan = TermByTermPlan(workspace: workspace, pools: pools, options: options, guide: guide, solveStart: start)
        let shortList = year.placementColumns.indices.map { guide[$0] > 1e-6 || plan[year.placementColumns[$0].index] > 0.5 }
        let listed = shortList.filter { $0 }.count
        termPlan.shortList = shortList
        termPlan.replansPairs = listed <= Self.pairsUpTo
        let count = mostPlacements?.masterCount(waiting: termMIPsEnd - elapsed())
        if termPlan.replansPairs { termPlan.pairsWhilePlacingFewerThan = count }
        termPlan.placementNeighbourhoods = count.map { (PlacementNeighbourhoods(options: options), $0) }
        if replansStudentsYears {
            termPlan.neighbourhoods = (StudentNeighbourhoods(options: options), pricedValues)
            termPlan.neighbourhoodsAfterPasses = true
        }
        debug("large year: short list \(listed) placements, pairs \(termPlan.replansPairs)")
        // Re-plans start from the better of its first pass and the plan so far.
        let current = TermByTermPlan.choices(from: plan, of: year, terms: Set(workspace.terms.map(\.id)))
        let values = try? termPlan.values(for: year, bound: bound, fallback: current,
                                          timeLimit: max(1, termMIPsEnd - elapsed()))
        let planned = values ?? plan
        // A plan still short of the count proof: the nearest plans over the same list with one
        // placement more, in turn — unless the term MIPs ran out their time share (the sample forced
        // the large way: its pairs of terms end on the clock, and a search after them would too).
        guard options.current == nil, let count, options.shouldStop?() != true, termMIPsEnd - elapsed() > 1,
              year.placements(in: planned) < count,
              let fuller = try? NearestFullerPlan.plan(year, from: planned, count: count, over: shortList,
                                                       timeLimit: options.timeLimit * Self.fullerPlanEnd - elapsed(),
                                                       shouldStop: options.shouldStop) else { return planned }
        debug("large year: nearest fuller plan \(year.linear.objectiveValue(fuller)) after \(elapsed()) s")
        return fuller
    }

    /// What-ifs up to this many columns get the whole year over the master's placements
    /// (``wholeYear(_:plan:shares:)``); a copy of the year's model is made for it, which at 2,000
    /// students (1.9 million columns, a what-if's 1.64 GB) is not.
    static let wholeYearColumns = 300_000

    /// A what-if's whole year as one MIP (``ShortListYear``) over the placements the master's mix of
    /// years uses, the plan's own and the current plan's, from the plan. Generated 600-student school
    /// (seed 1, its own plan current; 143,000–206,000 columns, 3,655 placements listed): the busiest
    /// employer withdrawn from spring 0.0159 % → 0.0101 % (20 students moved → 18), from autumn
    /// 0.0160 % → 0.0101 % (29 → 27 moved), ST12 away 0.0783 % → 0.0110 % (one student no longer
    /// unplaced), ST05 away from spring 0.0134 % → 0.0104 %; 0.4–1 s each.
    private func wholeYear(_ year: YearModel, plan: [Double], shares: [Double]) -> [Double] {
        let shortList = year.placementColumns.indices.map { offset in
            let column = year.placementColumns[offset].index
            return shares[column] > 1e-6 || plan[column] > 0.5 || year.candidates[offset].keepValue > 0
        }
        let left = max(1, termMIPsEnd - elapsed())
        return ((try? ShortListYear.plan(year, shortList: shortList, start: plan, options: options, timeLimit: left)) ?? nil) ?? plan
    }

    private func report(_ objective: Double, bound: Double, placements: Int) {
        guard let progress = options.progress else { return }
        progress(SolveProgress(elapsedSeconds: elapsed(), bestObjective: objective, bound: max(bound, objective),
                               relativeGap: max(0, relative(bound, above: objective)), nodes: 0,
                               placements: placements))
    }
}
