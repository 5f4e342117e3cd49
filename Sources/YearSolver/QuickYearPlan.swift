import Foundation
import Synchronization
import LinearSolver
import PlacementDomain

/// The quick way to plan a year small enough for GLPK's relaxation, tried before the usual way.
///
/// 1. A proven bound from the master over whole student years (``CapacityMaster``), and at its
///    prices each placement's priced value.
/// 2. The year's relaxation over only the placements within ``margin`` points of their
///    student-term's best priced value (and the greedy plan's, the master's, a what-if's current
///    plan's): its interior point is the guide. (It is no bound: the placements left out would score more.)
/// 3. One-term MIPs guided by it (``TermByTermPlan``; each ends on ``firstPassNodes``, over the short
///    relaxation's placements only above ``shortListAbove`` columns; below it a pass over those
///    alone runs beside it on the second core, ``ShortListFirstPass``; for a what-if that pass is
///    the whole year over the short list, started beside the relaxation (it needs no guide), the
///    second core then sifts the relaxation over every placement, ``SiftedRelaxation``, a short-list
///    plan outside the gap has its single terms re-planned over every placement meanwhile (judged by
///    the master's bound, then by the sifted one), then (still outside)
///    the whole year over every placement with GLPK's clique cuts (``WholeYearSearch``), and a plan
///    still outside the gap goes on to the usual way: a what-if's pass over every placement runs only
///    when the short list gave no plan); for a what-if not
///    within the gap of the master's bound, that relaxation's bound; when still not within the gap, a few
///    students' whole years re-planned at once (``StudentNeighbourhoods``, chosen by the master's
///    prices), then one pass of single-term re-plans over every placement, the term furthest short
///    of the guide first (each ending on ``replanNodes``).
///
/// Why: on the sample school the relaxation over every placement took 5.5 s of a 7–10 s plan; over
/// the 2,950 placements within 2 points it takes 1 s and guides the term MIPs well enough
/// (425,549.52 over every placement, within 0.0095 % of the master's bound 425,590.07, 3 s in all;
/// since session 16 the short list's pass with one term re-planned, 425,561.87, 2 s). When this plan is
/// not within the gap of the master's bound the usual way goes on from it (``SolveStrategy``).
struct QuickYearPlan {
    let workspace: Workspace
    let pools: StaffPools
    let options: PlanningOptions
    let start: Date

    /// Points below a student-term's best priced placement within which placements stay in the
    /// relaxation. Sample school (11,260 placements; times before rows that always hold were left
    /// out): 1 point 2,286 kept, but a placement lost in the first pass; 2 points 2,950, 1.4 s;
    /// 3 points 3,730, 1.5 s; 5 points 5,954, 2.2 s; 10 points 9,910, 4.5 s. Over eight generated
    /// schools 3 and 5 points were each much slower somewhere (docs/SOLVER-NOTES.md, session 8).
    static let margin = 2.0

    /// Years above this many columns plan their terms' first pass over the short relaxation's
    /// placements only (and the greedy plan's); the re-plans after it take every placement, so a
    /// placement the short list missed can be won back (the sample with this limit lowered lost one
    /// in the first pass; the spring re-plan won it back, 425,553.65, within the gap).
    /// Over every placement the one-term MIPs of a 280-student school
    /// (47,408 columns) took ~4.7 s each and its first pass found no plan in its share of the time;
    /// over the short list, seven generated schools of 260–330 students (40k–61k columns) were
    /// planned in 7–26 s within 0.0055–0.0097 %, the most placements proven (the large way: 12–40 s,
    /// 0.0100–0.0149 %). Not below: with short lists in every pass a 250-student school (34,791
    /// columns) lost 3 placements (0.44 %, 18 s instead of 5.5 s within 0.0076 %), and 150-student
    /// schools lost placements the single-term re-plans then took 15–51 s to win back.
    static let shortListAbove = 40_000

    /// Nodes for each first-pass term MIP, which has no time share of its own: the same school gets
    /// the same first pass on any machine not so slow that the whole time limit stops it. With the
    /// time shares (the term's share of what was left) the first passes of generated schools of 150,
    /// 200, 300 and 330 students ended on the clock (200 students: 779 nodes in 4.9 s; 330: 279–435
    /// nodes in 3.3–3.6 s, so two runs on this machine planned a point apart). The sample's need 21–83
    /// nodes. With 300: those schools within the gap as before (the 150-student one 0.0100 → 0.0096 %,
    /// 7.4 → 8.8 s; 300 students one point less, 20.5 → 21 s).
    static let firstPassNodes = 300

    /// Nodes for each single-term re-plan after the first pass, when that pass is not within the gap.
    /// With the usual 2,000 a re-plan that finds nothing takes 6–12 s (a 150-student school's
    /// autumn), and the term after it often finds the points in well under a second. Measured on
    /// first passes made to miss (short lists for the term MIPs; the sample and 150-student
    /// schools), eight plans took 200.8 s in all with 2,000 nodes, 90.0 s with 100 (one fell through
    /// to the usual way: 33 s) and 76.7 s with 300, every plan within the gap (with 300: four
    /// 2–18 points better than with 2,000, two 1–6 points worse). The sample over the short list
    /// (the test of very large years): 12.5 → 4.8 s, the same plan. Plans whose first pass is within
    /// the gap (20 generated schools of 100–300 students) do not re-plan and are unchanged.
    static let replanNodes = 300

    /// The time the master may take of the quick way's: 30 %, but under short limits up to half (at
    /// most 2 s). The guide is that sensitive to the master's prices (docs/SOLVER-NOTES.md, session 23):
    /// the sample under `--time-limit 3` (the quick way 2.4 s, 30 % of it 0.72 s) stopped the master
    /// after 12 of its 17 rounds, and the first pass over that guide found nothing beyond the greedy plan.
    static func masterShare(of timeLimit: Double) -> Double {
        max(timeLimit * 0.3, min(timeLimit * 0.5, 2))
    }

    struct Result {
        let values: [Double]
        let objective: Double
        /// The master's bound.
        let bound: Double
        /// The plan as term choices, for the usual way to start from.
        let choices: [TermID: TermByTermPlan.TermChoice]
        /// Per placement (``YearModel/placementColumns`` order), whether the short relaxation kept it.
        var shortList: [Bool]?
        /// A what-if's relaxation over every placement, when the term passes asked for it.
        var relaxation: SiftedRelaxation.Result?
    }

    /// Whether `bound` proves a plan scoring `objective` optimal (to rounding): nothing after the
    /// master can find more, so the plan is returned as it is. A what-if that changes nothing the
    /// plan uses (an employer nobody was placed at withdrawn, staff away who escorted nobody): the
    /// master proves the current plan, kept by the greedy plan, in a few rounds.
    static func provesOptimal(_ bound: Double, _ objective: Double) -> Bool {
        relative(bound, above: objective) <= 1e-9
    }

    /// A valid plan's values as a result, its choices read from them.
    static func result(_ values: [Double], objective: Double, masterBound: Double, year: YearModel,
                       workspace: Workspace) -> Result {
        Result(values: values, objective: objective, bound: max(masterBound, objective),
               choices: TermByTermPlan.choices(from: values, of: year, terms: Set(workspace.terms.map(\.id))))
    }

    private func elapsed() -> Double { Date().timeIntervalSince(start) }

    /// - Parameter greedyValues: the greedy plan as column values, already checked valid by the caller.
    func plan(_ year: YearModel, greedy: [TermID: TermByTermPlan.TermChoice], greedyValues: [Double],
              timeLimit: Double) throws(LinearSolverError) -> Result? {
        let objective = year.linear.columns.map(\.objective)
        let greedyObjective = year.linear.objectiveValue(greedyValues)
        let lagrangian = LagrangianBound(year)
        let master = try CapacityMaster(year, lagrangian: lagrangian, pools: pools, settings: workspace.settings,
                                        objective: objective)
            .solve(start: greedyValues, target: greedyObjective, relativeGap: 0, seconds: Self.masterShare(of: timeLimit),
                   shouldStop: { options.shouldStop?() == true })
        // Stopped (Ctrl-C, SIGTERM) before or during the master: the stages after it would stop at once,
        // but the short relaxation's interior point cannot be stopped (a stop before the master's first
        // round sent the sample on to the interior point over every placement: 10 s after the signal in
        // a debug build, 1–2 s in release). The greedy plan with the large way's cheap repairs (the
        // large way, which years over 20,000 columns took when stopped this early, applies them), with
        // the master's bound, or before its first round the bound at zero prices (any prices bound).
        if options.shouldStop?() == true {
            let stoppedBound = master.bound.isFinite ? master.bound
                : lagrangian.evaluate(objective: objective, prices: [Double](repeating: 0, count: lagrangian.pricedRows)).total
            var values = greedyValues
            let repaired = TermByTermPlan.repaired(greedy, year: year, pools: pools)
            if year.linear.isFeasible(repaired), year.linear.objectiveValue(repaired) > greedyObjective + 1e-6 { values = repaired }
            debug("quick: stopped after the master's \(master.rounds) rounds, bound \(stoppedBound)")
            return Self.result(values, objective: year.linear.objectiveValue(values), masterBound: stoppedBound, year: year,
                               workspace: workspace)
        }
        guard master.bound.isFinite else { return nil }
        debug("quick: master bound \(master.bound) after \(master.rounds) rounds, \(elapsed()) s")
        let bound = master.bound
        if Self.provesOptimal(bound, greedyObjective) {
            debug("quick: the master proves the greedy plan optimal")
            return Self.result(greedyValues, objective: greedyObjective, masterBound: bound, year: year, workspace: workspace)
        }
        let short = shortRelaxation(year, master: master, greedyValues: greedyValues)
        let shortList = year.placementColumns.map { short.model.columns[$0.index].upper > 0.5 }
        /// The short relaxation's guide and basis, once solved (nil if not), for the passes on other threads.
        let solvedShort = Awaited<(guide: [Double], basis: SimplexBasis?)?>()
        // A what-if's first pass not within the gap of the master's bound asks for the relaxation over
        // every placement (``SiftedRelaxation``), once for both passes.
        let sifted = options.current == nil ? nil : SharedSiftedRelaxation { abandoned throws(LinearSolverError) in
            let sifted = try SiftedRelaxation(year: year, lagrangian: lagrangian).solve(working: shortList, start: solvedShort.value?.basis,
                                                                timeLimit: max(1, timeLimit - elapsed()),
                                                                shouldStop: { options.shouldStop?() == true || abandoned() })
            debug("quick: sifted relaxation \(sifted.map { "\($0.bound)\($0.complete ? "" : " (not complete)")" } ?? "not solved") after \(elapsed()) s")
            return sifted
        }
        let raced = year.linear.columns.count <= options.quickShortListColumns
        /// Stops the short list's pass when its plan is no longer wanted (the relaxation came out whole).
        let unwanted = Atomic<Bool>(false)
        func startRace(fallback: [TermID: TermByTermPlan.TermChoice]) -> ShortListFirstPass {
            var racing = options
            racing.shouldStop = { [options] in options.shouldStop?() == true || unwanted.load(ordering: .relaxed) }
            return ShortListFirstPass.start(year, workspace: workspace, pools: pools, options: racing, guide: { solvedShort.value?.guide },
                                            shortList: shortList, bound: bound, relaxation: sifted, fallback: fallback,
                                            timeLimit: max(1, timeLimit - elapsed()))
        }
        // A what-if's pass (the whole year over the short list, from the greedy plan) needs no guide:
        // it starts now, beside the relaxation.
        var race = raced && options.current != nil ? startRace(fallback: greedy) : nil
        defer { solvedShort.fulfil(nil) }
        // When the interior point stops on numerical instability its best point still guides (it is
        // no bound anyway); a slow simplex would not (measured: 6.6 s, and a vertex guides worse).
        // A what-if's simplex starts at the greedy plan (``WarmBasis``), not at GLPK's presolved
        // start: sample, ST12 away, 0.26 → 0.11 s, and the sifting from its basis 3 rounds and 287
        // iterations instead of 5 and 1,648 (its duals price the placements left out far closer).
        let relaxation = try GLPKSolver.solveRelaxation(short.model, timeLimit: timeLimit * 0.3,
                                                        preferSimplex: options.current != nil,
                                                        initial: options.current != nil ? greedyValues : nil,
                                                        simplexFallback: false, guideOnly: true)
        guard relaxation.solved else { return nil }
        debug("quick: relaxation over \(short.kept) placements \(relaxation.objective) in \(relaxation.seconds) s\(relaxation.isBound ? "" : " (best point)")")
        let guide = year.placementColumns.map { relaxation.values[$0.index] }
        solvedShort.fulfil((guide, relaxation.basis))
        var fallback = greedy
        if let whole = Self.wholePlan(relaxation.values, of: year, terms: Set(workspace.terms.map(\.id))),
           whole.objective > greedyObjective {
            debug("quick: the relaxation came out whole: \(whole.objective)")
            if relative(bound, above: whole.objective) <= options.relativeGap {
                unwanted.store(true, ordering: .relaxed)
                sifted?.abandon()
                return Result(values: whole.values, objective: whole.objective, bound: max(bound, whole.objective), choices: whole.choices,
                              shortList: shortList)
            }
            fallback = whole.choices
        }
        if raced && race == nil { race = startRace(fallback: fallback) }
        // Stopped once the short list's pass has a plan within the gap: that plan is returned.
        var everyPlacement = options
        everyPlacement.shouldStop = { [race, options] in options.shouldStop?() == true || race?.hasPlan == true }
        var termPlan = TermByTermPlan(workspace: workspace, pools: pools, options: everyPlacement, guide: guide, solveStart: start)
        termPlan.replansTheQuickWay()
        termPlan.neighbourhoods = (StudentNeighbourhoods(options: everyPlacement), master.pricedValues)
        termPlan.firstPassNodeLimit = Self.firstPassNodes
        if let sifted { termPlan.tighterBound = { () throws(LinearSolverError) in try sifted.get()?.bound } }
        if year.linear.columns.count > options.quickShortListColumns {
            termPlan.shortList = shortList
            termPlan.shortListInFirstPassOnly = true
        }
        // A what-if's second core sifts first: the short list's whole year usually wins (30 of 36
        // what-ifs measured) and then needs only the sifted bound; the pass over every placement runs
        // only when the short list gave no plan.
        var shortListPlan: (plan: Result, withinGap: Bool)?
        /// The whole year's bound from ``searchWholeYear``, when it ran.
        var searchedBound: Double?
        if let race, let sifted {
            sifted.startSolving()
            shortListPlan = race.wait()
            if let shortListPlan, shortListPlan.withinGap {
                sifted.abandon()
                debug("quick: the short list's plan \(shortListPlan.plan.objective) after \(elapsed()) s")
                let plan = shortListPlan.plan
                // The sifted relaxation when the pass asked for it (then it is solved), else none (it may
                // still be stopping).
                let asked = relative(bound, above: plan.objective) > options.relativeGap
                return answer(plan, shortList: shortList, relaxation: asked ? sifted.ifSolved : nil)
            }
            // Outside the gap of the master's bound: the short list's plan is re-planned term by term
            // while the second core sifts, and judged by the master's bound first.
            if let missed = shortListPlan, let repaired = try repairWhatIf(missed.plan, year: year, guide: guide,
                                                                                timeLimit: max(1, timeLimit - elapsed())) {
                shortListPlan = repaired
                if repaired.withinGap {
                    sifted.abandon()
                    debug("quick: the short list's plan re-planned, \(repaired.plan.objective) after \(elapsed()) s")
                    return answer(repaired.plan, shortList: shortList, relaxation: nil)
                }
            }
            // Then by the sifted relaxation's bound, unless its point is a plan scoring more.
            if let current = shortListPlan, let relaxation = (try? sifted.get()) ?? nil {
                if let whole = wholeSiftedPlan(relaxation, over: current.plan, year: year) {
                    debug("quick: the sifted relaxation came out whole: \(whole.objective) after \(elapsed()) s")
                    return answer(whole, shortList: shortList, relaxation: relaxation)
                }
                let judged = answer(current.plan, bound: max(min(current.plan.bound, relaxation.bound), current.plan.objective),
                                    shortList: shortList, relaxation: relaxation)
                let withinGap = relative(judged.bound, above: judged.objective) <= options.relativeGap
                shortListPlan = (judged, withinGap)
                if withinGap {
                    debug("quick: the short list's plan \(judged.objective), proven by the sifted relaxation after \(elapsed()) s")
                    return judged
                }
            }
            if let missed = shortListPlan, let relaxation = sifted.ifSolved,
               let searched = try searchWholeYear(missed.plan, relaxation: relaxation, year: year,
                                                   timeLimit: max(1, (timeLimit - elapsed()) * WholeYearSearch.timeShare)) {
                shortListPlan = searched
                searchedBound = searched.plan.bound
                if searched.withinGap {
                    debug("quick: the whole year with clique cuts \(searched.plan.objective), bound \(searched.plan.bound) after \(elapsed()) s")
                    return answer(searched.plan, shortList: shortList, relaxation: relaxation)
                }
            }
        }
        // A what-if's short-list plan, re-planned and searched, still outside the gap goes on to the usual
        // way as it is, with no pass over every placement: that pass, from the greedy plan, scored less in
        // every such what-if measured, after 3–7 s (session 30).
        let passOverEveryPlacement = sifted == nil || shortListPlan == nil
        let values = passOverEveryPlacement ? try termPlan.values(for: year, bound: bound, fallback: fallback,
                                                  timeLimit: max(1, timeLimit - elapsed()), passes: 1) : []
        if sifted == nil { shortListPlan = race?.wait() }
        let planned = passOverEveryPlacement && year.linear.isFeasible(values) ? year.linear.objectiveValue(values) : -.infinity
        let proven = min(bound, sifted?.ifSolved?.bound ?? .infinity, searchedBound ?? .infinity)
        if let shortListPlan, shortListPlan.withinGap || shortListPlan.plan.objective > planned {
            debug("quick: the short list's plan \(shortListPlan.plan.objective) after \(elapsed()) s")
            let plan = shortListPlan.plan
            // Within the gap: its own bound (whether the other pass, stopped, had asked for the relaxation
            // depends on timing); else the other pass ran to its end (or a what-if's was not run) and its
            // bound counts too.
            let bound = shortListPlan.withinGap ? plan.bound : max(min(plan.bound, proven), plan.objective)
            return answer(plan, bound: bound, shortList: shortList, relaxation: sifted?.ifSolved)
        }
        guard planned.isFinite else { return nil }
        debug("quick: plan \(planned) after \(elapsed()) s")
        var result = Self.result(values, objective: planned, masterBound: proven, year: year, workspace: workspace)
        result.shortList = shortList
        result.relaxation = sifted?.ifSolved
        return result
    }

    /// `plan` as the quick way's answer: with the short list and the sifted relaxation (if any) it was
    /// judged by, and its own bound unless another is given.
    private func answer(_ plan: Result, bound: Double? = nil, shortList: [Bool], relaxation: SiftedRelaxation.Result?) -> Result {
        Result(values: plan.values, objective: plan.objective, bound: bound ?? plan.bound, choices: plan.choices,
               shortList: shortList, relaxation: relaxation)
    }

    /// A what-if's short-list plan not within the gap of the master's bound: one pass of single-term
    /// re-plans over every placement from it, the term furthest short of the guide first, while the
    /// second core sifts the relaxation (the re-planned plan is judged by the master's bound first,
    /// by the sifted one only if that is not enough), and before the pass over every placement
    /// starts from scratch. Nil when nothing scored more.
    ///
    /// Why: the sample with ST06 away: the short list's plan 43.5 points under the relaxation
    /// (0.0097 %, the gap 0.0095 %); the pass over every placement took 0.77 s for a plan a placement
    /// short, then the usual way's spring re-plan from the short list's plan found 41.5 points in
    /// 0.05 s (`whatif` 1.46 s). Before the sifting ends (session 33): harvest-foods-farningham
    /// withdrawn, the short list's plan a placement short, its sifting 2.7 s, the re-plan within the
    /// master's gap in 0.18 s (`whatif` 1.8–2.0 → 1.0–1.2 s, the same plan); starvecrow-lodge
    /// 1.6–1.9 → 0.8–0.9 s. Where the sifting alone would have proven the short list's plan the
    /// re-plan costs up to ~0.2 s, and ST06, ST12 and ST24 away now affect 4, 2 and 2 students fewer.
    private func repairWhatIf(_ plan: Result, year: YearModel, guide: [Double],
                              timeLimit: Double) throws(LinearSolverError) -> (plan: Result, withinGap: Bool)? {
        var repair = TermByTermPlan(workspace: workspace, pools: pools, options: options, guide: guide, solveStart: start)
        repair.startsFromFallback = true
        repair.replansTheQuickWay()
        let values = try repair.values(for: year, bound: plan.bound, fallback: plan.choices, timeLimit: timeLimit, passes: 1)
        return improvement(values, over: plan, year: year)
    }

    /// A what-if's plan still not within the gap once re-planned: the whole year over every placement
    /// with GLPK's clique cuts, from that plan and the sifted relaxation's point (``WholeYearSearch``).
    /// The plan it returns scores at least `plan`'s, and its bound is the lower of `plan`'s and the
    /// search's. Nil when the search ended before its root relaxation was solved.
    ///
    /// Why: the sample with ST04 away: every plan 271 points under the relaxation over every
    /// placement, 0.0637 % after 11 s; the cuts proved the plan within 0.0047 % (`whatif` 2.4 s).
    /// basket-co-biggin-hill withdrawn: proven optimal in 0.3 s of search (session 28 planned that year
    /// over the sifted relaxation's working set instead, which could prove nothing for ST04: its plan
    /// was the year's best over that set already).
    private func searchWholeYear(_ plan: Result, relaxation: SiftedRelaxation.Result, year: YearModel,
                                 timeLimit: Double) throws(LinearSolverError) -> (plan: Result, withinGap: Bool)? {
        guard let found = try WholeYearSearch.search(year, from: plan.values, relaxation: relaxation.values, options: options,
                                                     timeLimit: timeLimit) else { return nil }
        let objective = found.better.map(year.linear.objectiveValue) ?? plan.objective
        let bound = max(min(plan.bound, found.bound), objective)
        let searched = found.better.map { Self.result($0, objective: objective, masterBound: bound, year: year, workspace: workspace) }
            ?? Result(values: plan.values, objective: plan.objective, bound: bound, choices: plan.choices)
        return (searched, relative(bound, above: objective) <= options.relativeGap)
    }

    /// The sifted relaxation's point as a plan, when it scores its bound (it is the optimum over every
    /// placement, or the student years' bound proved the working set's optimum no lower), every
    /// integer column came out whole and it scores more than `plan`: then no plan scores more (its
    /// bound is its own objective), so no re-plan or search is needed.
    ///
    /// Why: the sample with basket-co-biggin-hill withdrawn: the short list's plan 49.68 points under
    /// the relaxation over every placement, whose optimum (437,486.80) is a plan; the term re-plans
    /// found 6 points, then the whole year's search this optimum at its root (0.45 s for both). With the
    /// kept escorts in the master (``KeptEscorts``) its sifting ended on the student years' bound, the
    /// point the same optimum: 1.39 s with the re-plans and search, taken at once 1.0–1.1 s.
    func wholeSiftedPlan(_ relaxation: SiftedRelaxation.Result, over plan: Result, year: YearModel) -> Result? {
        guard let whole = Self.wholePlan(relaxation.values, of: year, terms: Set(workspace.terms.map(\.id))),
              whole.objective > plan.objective + 1e-6, relative(relaxation.bound, above: whole.objective) <= 1e-9 else { return nil }
        return Result(values: whole.values, objective: whole.objective,
                      bound: max(min(plan.bound, relaxation.bound), whole.objective), choices: whole.choices)
    }

    /// `values` as a result judged against `plan`'s bound, when they are a valid plan scoring more
    /// than `plan`; and whether it is within the gap.
    private func improvement(_ values: [Double], over plan: Result, year: YearModel) -> (plan: Result, withinGap: Bool)? {
        guard year.linear.isFeasible(values) else { return nil }
        let objective = year.linear.objectiveValue(values)
        guard objective > plan.objective + 1e-6 else { return nil }
        let better = Self.result(values, objective: objective, masterBound: plan.bound, year: year, workspace: workspace)
        return (better, relative(better.bound, above: objective) <= options.relativeGap)
    }

    /// The short relaxation's point as a plan, when every integer column came out whole (within
    /// 1e-6) and the plan keeps every row: the short list's model is the year's with columns fixed
    /// at 0, so such a point is a valid plan of the year. A what-if's model, anchored to the current
    /// plan, often has a whole optimum: the sample with an employer withdrawn from the first term
    /// (every term re-planned) planned 437,497.86 this way, where the one-term MIPs lost a placement
    /// (436,499.07) and the usual way took 14 s to win it back. Plans' relaxations are fractional
    /// (escort groups), so they never take this path.
    static func wholePlan(_ values: [Double], of year: YearModel,
                          terms: Set<TermID>) -> (values: [Double], objective: Double, choices: [TermID: TermByTermPlan.TermChoice])? {
        var rounded = values
        for (index, column) in year.linear.columns.enumerated() where column.kind != .continuous {
            guard abs(values[index] - values[index].rounded()) <= 1e-6 else { return nil }
            rounded[index] = values[index].rounded()
        }
        let choices = TermByTermPlan.choices(from: rounded, of: year, terms: terms)
        let plan = TermByTermPlan.assemble(year, choices: Array(choices.values))
        guard year.linear.isFeasible(plan) else { return nil }
        return (plan, year.linear.objectiveValue(plan), choices)
    }

    /// The year's model with every placement fixed at 0 but those within ``margin`` of their
    /// student-term's best priced value, the greedy plan's, the master's mix and history.
    func shortRelaxation(_ year: YearModel, master: CapacityMaster.Result,
                         greedyValues: [Double]) -> (model: LinearModel, kept: Int) {
        var best: [String: Double] = [:]
        func key(_ candidate: Candidate) -> String { "\(candidate.student.id)|\(candidate.session.term)" }
        for (offset, candidate) in year.candidates.enumerated() {
            best[key(candidate)] = max(best[key(candidate)] ?? -.infinity, master.pricedValues[year.placementColumns[offset].index])
        }
        var model = year.linear
        var kept = 0
        for (offset, candidate) in year.candidates.enumerated() {
            let column = year.placementColumns[offset]
            let near = master.pricedValues[column.index] >= best[key(candidate)]! - Self.margin
            if near || greedyValues[column.index] > 0.5 || master.shares[column.index] > 1e-6 || year.linear.columns[column.index].lower > 0.5
                || candidate.keepValue > 0 {
                kept += 1
            } else {
                model.fix(column, at: 0)
            }
        }
        return (model, kept)
    }
}

extension TermByTermPlan {
    /// The quick way's re-plans after a first pass: single terms only (re-planning a pair can take
    /// 20 s for nothing on a generated 150-student school, and the usual way re-plans pairs if the
    /// plan is not close enough), the term that lost most against the guide first (eight first
    /// passes made to miss were re-planned in 79.0 s in all in term order, 46.7 s this way; g150
    /// seed 5, whose summer had lost the placement: 17.9 → 9.6 s), each ending on
    /// ``QuickYearPlan/replanNodes``.
    mutating func replansTheQuickWay() {
        replansPairs = false
        replanNodeLimit = QuickYearPlan.replanNodes
        replansByShortfall = true
    }
}
