import Foundation
import LinearSolver
import PlacementDomain

/// How the year model is solved.
///
/// 1. The bound: the year model's linear relaxation (interior point: faster than simplex here,
///    and its centred solution is a better guide than a simplex vertex).
/// 2. A plan, one term at a time, guided by the relaxation, then re-planned term by term and
///    pair by pair until it is within the gap of the bound (``TermByTermPlan``).
/// 3. Only when no plan could be built that way: GLPK's branch-and-cut on the whole year.
///
/// Why: on the whole-year model GLPK spends about a second per node and found no plan at all in
/// a minute on the sample school, while each term alone solves in well under a second.
struct SolveStrategy {
    let workspace: Workspace
    let pools: StaffPools
    let options: PlanningOptions

    /// The time the quick way may take of a time limit: 40 %, but under short limits up to 80 % (at
    /// most 8 s), since the quick way is what plans such a year well at all. The sample's `plan` takes
    /// 2 s the quick way; with `--time-limit 5` its 40 % (2 s) cut the master after 12 of its 17 rounds
    /// and the first pass's term MIPs, and the plan written was the greedy one, 24 placements short.
    static func quickShare(of timeLimit: Double) -> Double {
        max(timeLimit * 0.4, min(timeLimit * 0.8, 8))
    }

    /// Years up to this many columns get the whole-year search after the first plan.
    static let fullSearchColumnLimit = 5000
    /// Branch-and-bound nodes for that search: a deterministic budget.
    static let fullSearchNodeLimit = 5000

    struct Outcome {
        let values: [Double]
        let objective: Double
        let bound: Double
        let provenWithinGap: Bool
        let seconds: Double
        /// The most placements any valid plan can make, when proven.
        var mostPlacements: Int?
    }

    /// The quick way's plan as an outcome, proven when within the gap of the master's bound (or of
    /// `bound`, a tighter one found since).
    private func outcome(of quick: QuickYearPlan.Result, bound: Double? = nil, start: Date) -> Outcome {
        let bound = max(bound ?? quick.bound, quick.objective)
        return Outcome(values: quick.values, objective: quick.objective, bound: bound,
                       provenWithinGap: relative(bound, above: quick.objective) <= options.relativeGap,
                       seconds: Date().timeIntervalSince(start))
    }

    /// The outcome with the count proof's answer for its plan (no waiting when asked to stop).
    private func withMostPlacements(_ outcome: Outcome, from proof: MostPlacements?, _ model: YearModel, start: Date) -> Outcome {
        var outcome = outcome
        let placements = model.placements(in: outcome.values)
        let left = options.shouldStop?() == true ? 0 : options.timeLimit - Date().timeIntervalSince(start)
        outcome.mostPlacements = proof?.wait(seconds: left, placements: placements)
        debug("solved: objective \(outcome.objective), bound \(outcome.bound)")
        return outcome
    }

    func solve(_ model: YearModel) throws(LinearSolverError) -> Outcome? {
        let start = Date()
        func elapsed() -> Double { Date().timeIntervalSince(start) }
        var greedyPlan = GreedyPlan(workspace: workspace, pools: pools)
        if let current = options.current {
            // A what-if's kept terms stay as the current plan has them (escorts included): the greedy
            // escort assignment could fail to cover them where the plan's own does.
            greedyPlan.fixed = TermByTermPlan.choices(of: current, terms: options.frozenTerms, model: model, pools: pools,
                                                      sharedEscortRatio: workspace.settings.sharedEscortRatio)
            greedyPlan.currentEscorts = current.escorts
        }
        let greedy = greedyPlan.choices(for: model)
        let greedyValues = TermByTermPlan.assemble(model, choices: Array(greedy.values))
        let greedyIsValid = model.linear.isFeasible(greedyValues)
        if greedyIsValid {
            options.progress?(SolveProgress(elapsedSeconds: elapsed(), bestObjective: model.linear.objectiveValue(greedyValues),
                                            bound: nil, relativeGap: nil, nodes: 0,
                                            placements: model.placements(in: greedyValues)))
        }
        // Too large for GLPK's relaxation and term MIPs (what-ifs included): see LargeYearStrategy. Only
        // when the greedy plan breaks a rule (history that cannot be escorted) does it go on below.
        if model.linear.columns.count > options.largeYearColumns, greedyIsValid {
            return try solveLarge(model, greedy: greedy, greedyValues: greedyValues, start: start)
        }
        // A what-if that keeps some terms: re-planned terms solved together, no relaxation (measured on
        // the sample, with the warm basis: 0.33 s instead of 1.03 s). With every term re-planned that
        // MIP is the whole year's, which GLPK does not close quickly, so the usual way is taken.
        if options.current != nil, !options.frozenTerms.isEmpty {
            let free = Set(workspace.terms.map(\.id)).subtracting(options.frozenTerms)
            if let joint = try TermByTermPlan(workspace: workspace, pools: pools, options: options, solveStart: start)
                .jointly(model, replanning: free, fallback: greedy, timeLimit: options.timeLimit * 0.5),
               model.linear.isFeasible(joint.values) {
                let objective = model.linear.objectiveValue(joint.values)
                return Outcome(values: joint.values, objective: objective, bound: joint.bound,
                               provenWithinGap: relative(joint.bound, above: objective) <= options.relativeGap,
                               seconds: elapsed())
            }
        }
        let mostPlacements = MostPlacements.start(model, pools: pools, settings: workspace.settings,
                                                  plan: greedyIsValid ? greedyValues : nil, seconds: options.timeLimit)
        let outcome = try solveForPlan(model, greedy: greedy, greedyValues: greedyIsValid ? greedyValues : nil,
                                       mostPlacements: mostPlacements, start: start)
        return outcome.map { withMostPlacements($0, from: mostPlacements, model, start: start) }
    }

    /// Years up to `options.quickLargeYearColumns` (``quickLargeYearColumnLimit``, or for a what-if
    /// ``quickLargeWhatIfColumnLimit``) columns: the quick way first,
    /// whose short relaxation GLPK's interior point still handles; when its plan is not within the
    /// gap, the large way goes on from it. Measured on a generated 250-student school (34,791
    /// columns): the quick way 6.7 s within 0.0076 %, the large way 21.7 s within 0.0117 %.
    /// What-ifs too (since session 28, when their short relaxation began to start at the greedy plan):
    /// the large way's what-if ends on the master's bound, which misses shared students alone at a
    /// session; 4 of 20 staff-away what-ifs of generated 200- and 250-student schools ended outside
    /// the gap that way (0.0106–0.0134 %, in 0.5–0.6 s), all 20 within it the quick way (0.31–1.7 s).
    private func solveLarge(_ model: YearModel, greedy: [TermID: TermByTermPlan.TermChoice], greedyValues: [Double],
                            start: Date) throws(LinearSolverError) -> Outcome? {
        // Plans only: at 600 students the count proof takes longer than a what-if's whole re-plan.
        let mostPlacements = options.current != nil ? nil
            : MostPlacements.start(model, pools: pools, settings: workspace.settings, plan: greedyValues, seconds: options.timeLimit)
        var large = LargeYearStrategy(workspace: workspace, pools: pools, options: options, start: start)
        large.mostPlacements = mostPlacements
        let quickLimit = options.quickLargeYearColumns
            ?? (options.current == nil ? Self.quickLargeYearColumnLimit : Self.quickLargeWhatIfColumnLimit)
        guard model.linear.columns.count <= quickLimit, options.timeLimit >= 10 else {
            return withMostPlacements(large.solve(model, greedy: greedy, greedyValues: greedyValues), from: mostPlacements, model, start: start)
        }
        guard let quick = try QuickYearPlan(workspace: workspace, pools: pools, options: options, start: start)
            .plan(model, greedy: greedy, greedyValues: greedyValues, timeLimit: options.timeLimit * 0.4) else {
            return withMostPlacements(large.solve(model, greedy: greedy, greedyValues: greedyValues), from: mostPlacements, model, start: start)
        }
        var outcome = outcome(of: quick, start: start)
        if !outcome.provenWithinGap && options.shouldStop?() != true {
            outcome = large.solve(model, greedy: quick.choices, greedyValues: quick.values)
        }
        return withMostPlacements(outcome, from: mostPlacements, model, start: start)
    }

    /// Years above the large-year limit up to this many columns try the quick way first (``solveLarge``).
    /// Generated schools: 200 students (26,117 columns) 35 s → 10.7 s and 250 students (34,791) 21 s
    /// → 5.4 s, both then within 0.008 % (the large way: 0.0125 %, 0.0117 %); seven schools of 260–330
    /// students (40k–61k columns, first term pass over a short list: ``QuickYearPlan/shortListAbove``)
    /// 7–26 s within 0.0055–0.0097 %, the most placements proven, where the large way took 12–40 s for
    /// 0.0100–0.0149 %. At 85k columns (360 students) the short relaxation did not finish in its 30 %
    /// of the time limit, and the large way after it, with less time, planned two placements fewer
    /// (0.30 % instead of 0.11 %); at 110k (400 students) the quick way returned no plan either.
    static let quickLargeYearColumnLimit = 65_000

    /// A what-if's limit for the quick way first: its short relaxation is GLPK's simplex started at
    /// the greedy plan, not the interior point, and still quick beyond the plans' limit. Generated
    /// 330-student school (70,459 columns), 9 what-ifs (staff away, its busiest employer withdrawn):
    /// the large way 0.7–1.4 s, 3 of them outside the gap (0.0109–0.0125 %); the quick way 0.8–3.8 s,
    /// all 9 within it (those 3 at 0.0001–0.0005 %). 400 students (86,663 columns), 7 what-ifs: 0.96–5.7 s
    /// against 1.1–3.4 s, one brought within the gap (0.0110 → 0.0006 %), the others as close. At 600
    /// students (206,824 columns) ST01 away took 27 s instead of 3 s for the same gap.
    static let quickLargeWhatIfColumnLimit = 90_000

    /// The quick way (``QuickYearPlan``, years over 5,000 columns); when its plan is not within the
    /// gap of its bound, re-plans of single terms and pairs of terms from the quick plan (a what-if's
    /// sifted relaxation may tighten the bound); without a quick plan, the relaxation's bound and
    /// guide, a term-by-term plan, and the whole-year search when small.
    /// - Parameter greedyValues: the greedy plan's column values when it is valid (the quick way starts from it).
    private func solveForPlan(_ model: YearModel, greedy: [TermID: TermByTermPlan.TermChoice], greedyValues: [Double]?,
                              mostPlacements: MostPlacements?, start: Date) throws(LinearSolverError) -> Outcome? {
        func elapsed() -> Double { Date().timeIntervalSince(start) }
        // Small years keep the exact way, whose whole-year search proves what the relaxation cannot.
        // Under a short time limit too the quick way is taken (until session 30 not under 10 s): the
        // usual way's interior point over every placement cannot be stopped either and is several
        // times slower than the quick way's short one (the sample's `plan --time-limit 5` ran 5.1 s and
        // wrote the greedy plan, 24 placements short; now 2.5 s, the plan of the default limit).
        let quickFits = model.linear.columns.count > Self.fullSearchColumnLimit
        let quick = try (quickFits ? greedyValues : nil).flatMap { greedyValues throws(LinearSolverError) in
            try QuickYearPlan(workspace: workspace, pools: pools, options: options, start: start)
                .plan(model, greedy: greedy, greedyValues: greedyValues, timeLimit: Self.quickShare(of: options.timeLimit))
        }
        // Also when half the time is gone (a short --time-limit): the relaxation over every
        // placement could not be stopped, and the quick plan is valid.
        if let quick, relative(quick.bound, above: quick.objective) <= options.relativeGap || options.shouldStop?() == true
            || elapsed() >= options.timeLimit * 0.5 {
            return outcome(of: quick, start: start)
        }
        // A plan's relaxation over every placement (GLPK's interior point, 4–5 s) only without a quick
        // plan: the quick way's master bound was the tighter (docs/SOLVER-NOTES.md, session 18), and the
        // re-plans from the quick plan need no guide.
        let relaxation = quick != nil && options.current == nil ? nil
            : try relaxationOverEveryPlacement(model, quick: quick, timeLimit: options.timeLimit * 0.4)
        let solved = relaxation?.solved == true ? relaxation : nil
        let bound = min(solved?.objective ?? .infinity, quick?.bound ?? .infinity)
        debug("relaxation \(relaxation.map { $0.solved ? "\($0.objective) in \($0.seconds) s" : "not solved" } ?? "not computed")")
        if let quick, relative(bound, above: quick.objective) <= options.relativeGap {
            return outcome(of: quick, bound: bound, start: start)
        }
        let guide = solved.map { solved in model.placementColumns.map { solved.values[$0.index] } }
        var termPlan = TermByTermPlan(workspace: workspace, pools: pools, options: options, guide: guide, solveStart: start)
        if let quick {
            termPlan.startsFromFallback = true
            // The quick way's budget: a generated school's single-term re-plans of 2,000 nodes took
            // 14 s for nothing before the pair that found its missing placement (seed 16).
            termPlan.replanNodeLimit = QuickYearPlan.replanNodes
            termPlan.pairShortList = quick.shortList
            if let count = mostPlacements?.masterCount(waiting: options.timeLimit - elapsed()) {
                termPlan.placementNeighbourhoods = (PlacementNeighbourhoods(options: options), count)
                termPlan.pairsFirstWhilePlacingFewerThan = count
                if options.current == nil {
                    termPlan.placesMoreFirst = { [options] values, timeLimit throws(LinearSolverError) in
                        try NearestFullerPlan.plan(model, from: values, count: count, timeLimit: timeLimit, shouldStop: options.shouldStop)
                    }
                }
            }
        }
        let first = try termPlan.values(for: model, bound: bound, fallback: quick?.choices ?? greedy,
                                        timeLimit: (options.timeLimit - elapsed()) * 0.9)
        guard model.linear.isFeasible(first) else {
            // Only when even the greedy plan breaks a row: history that cannot be escorted, say.
            return try fullSearch(model, initial: nil, bound: bound, start: start)
        }
        let objective = model.linear.objectiveValue(first)
        let gap = relative(bound, above: objective)
        debug("first plan \(objective), gap \(gap) after \(elapsed()) s")
        // On a large year the whole-year search is not run after a first plan: measured on the
        // sample school it spent about a second per node and improved nothing in minutes. On a
        // small one it proves what the relaxation alone cannot (e.g. ceil(shared / R) escorts).
        if gap > options.relativeGap && model.linear.columns.count <= Self.fullSearchColumnLimit {
            return try fullSearch(model, initial: first, bound: bound, start: start)
        }
        return Outcome(values: first, objective: objective, bound: max(bound, objective),
                       provenWithinGap: gap <= options.relativeGap, seconds: elapsed())
    }

    /// The relaxation over every placement: for a what-if, sifted from the quick way's short list
    /// (``SiftedRelaxation``; the quick way's own when it asked for it already), else GLPK's over the
    /// whole model. A what-if's simplex starts from the quick plan: the sample with a member of staff
    /// away from the first term (every term re-planned) solved in 0.34 s, where from GLPK's own start
    /// it was not solved in 24 s (nor by the interior point, which gave up).
    private func relaxationOverEveryPlacement(_ model: YearModel, quick: QuickYearPlan.Result?,
                                              timeLimit: Double) throws(LinearSolverError) -> RelaxationResult {
        let started = Date()
        if options.current != nil, let quick, let shortList = quick.shortList {
            var sifted = quick.relaxation
            if sifted == nil {
                sifted = try SiftedRelaxation(year: model).solve(working: shortList, timeLimit: timeLimit,
                                                                 shouldStop: { options.shouldStop?() == true })
            }
            if let sifted {
                return RelaxationResult(solved: true, objective: sifted.bound, values: sifted.values,
                                        seconds: Date().timeIntervalSince(started))
            }
        }
        return try GLPKSolver.solveRelaxation(model.linear, timeLimit: timeLimit, preferSimplex: options.current != nil,
                                              initial: quick?.values)
    }

    /// Full branch-and-cut, starting from a known plan when there is one.
    private func fullSearch(_ model: YearModel, initial: [Double]?, bound: Double, start: Date) throws(LinearSolverError) -> Outcome? {
        let left = options.timeLimit - Date().timeIntervalSince(start)
        let result = try GLPKSolver.solve(model.linear, options: SolveOptions(
            timeLimit: max(0.5, left), relativeGap: options.relativeGap, presolve: initial == nil, initialSolution: initial,
            nodeLimit: initial == nil ? nil : Self.fullSearchNodeLimit, progress: options.progress, shouldStop: options.shouldStop))
        switch result.status {
        case .optimal, .feasible:
            let best = max(min(bound, result.bound), result.objective)
            let gap = relative(best, above: result.objective)
            return Outcome(values: result.values, objective: result.objective, bound: best,
                           provenWithinGap: gap <= options.relativeGap, seconds: Date().timeIntervalSince(start))
        case .infeasible:
            throw .infeasible
        case .noSolutionFound:
            return nil
        }
    }
}

func debug(_ text: @autoclosure () -> String) {
    if ProcessInfo.processInfo.environment["PLACEMENT_DEBUG"] != nil {
        FileHandle.standardError.write(Data((text() + "\n").utf8))
    }
}

/// How far `bound` is above `value`, relative to `value`.
func relative(_ bound: Double, above value: Double) -> Double {
    (bound - value) / max(abs(value), 1e-9)
}
