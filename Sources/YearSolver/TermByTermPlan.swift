import Foundation
import LinearSolver
import PlacementDomain

/// A year plan built from one-term MIPs, which GLPK closes quickly (students, sessions,
/// capacity and escorts of that term only).
///
/// First pass, in term order: each term prefers what the whole-year relaxation chose (the guide),
/// so early terms do not use up the employers later terms need (rule 7). Later passes re-plan each
/// term with the other terms fixed — their employers removed for each student, their sectors
/// costing the repeat penalty — starting from the term's current plan, so the year's objective
/// never gets worse. The result is a valid year plan, as values of the year model's columns.
struct TermByTermPlan {
    let workspace: Workspace
    let pools: StaffPools
    let options: PlanningOptions
    /// Values of the year relaxation's placement variables, by candidate index.
    var guide: [Double]?
    /// When the whole solve started (for the progress line's elapsed time).
    var solveStart = Date()
    /// Candidates (by index) the term MIPs may use; nil: all. Large years plan over a short list.
    var shortList: [Bool]?
    /// Whether only the first pass keeps to the short list, the re-plans after it taking every candidate.
    var shortListInFirstPassOnly = false
    /// Nodes each first-pass term MIP may take, with no time share of its own (only the whole
    /// time limit): nil keeps ``nodeLimit`` and the time shares.
    var firstPassNodeLimit: Int?
    /// Nodes each single-term re-plan after the first pass may take; nil: ``nodeLimit``.
    var replanNodeLimit: Int?
    /// Whether each improvement pass re-plans the terms that fall furthest short of the guide first.
    var replansByShortfall = false
    /// Asked once, after a first pass not within the gap, for a bound tighter than the one given:
    /// the rest of the search works to the lower of the two.
    var tighterBound: (() throws(LinearSolverError) -> Double?)?
    /// Points below the bound beyond which the first pass's plan is not re-planned at all; nil: always re-planned.
    var improvesWithin: Double?
    /// Re-plans (of a term or a pair) allowed over all improvement passes; nil: no limit.
    var replansAtMost: Int?
    /// Whether improvement passes also re-plan pairs of terms together (after each term alone);
    /// large years' long short lists do not (``LargeYearStrategy/pairsUpTo``).
    var replansPairs = true
    /// Pairs of terms are re-planned only while the plan places fewer students than this (the most
    /// any valid plan can, when known); nil: always. What a pair finds that single terms do not is
    /// a student who must swap employers between terms to be placed; past the most placements a pair
    /// only polishes points, which on the large way's short lists took 8–14 s a pair (generated
    /// schools: 360 students 40 s, their share of the time limit, instead of 28 s, for 8 points;
    /// 400 students 40 s instead of 9 s, for 30).
    var pairsWhilePlacingFewerThan: Int?
    /// While the plan places fewer students than this (the most any valid plan can), the pairs of
    /// terms are re-planned before the single terms, the pairs holding the most left-out
    /// student-terms first. For the usual way after a quick plan, whose single terms were already
    /// re-planned: what a pair finds that single terms miss is the student who must swap employers
    /// between terms.
    var pairsFirstWhilePlacingFewerThan: Int?
    /// Once, before the improvement passes: a plan with more placements (``NearestFullerPlan``, nil
    /// when the plan already places the count proof's most), given the plan's values and the time it
    /// may take. Before the pairs of terms since its root relaxation starts from the plan (session
    /// 24: a few seconds instead of 15–25): 150-student seeds 16 / 36 / 38, whose pairs found the
    /// placement, 8.4 / 13.3 / 9.5 s → 4.4 / 8.9 / 5.9 s, and the sample without ST04, whose pairs did
    /// not, 30 → 11.6 s (a few points less each, all within the gap). While it took 15–25 s it ran
    /// after the first pass.
    var placesMoreFirst: ((_ values: [Double], _ timeLimit: Double) throws(LinearSolverError) -> [Double]?)?
    /// The share of the time left that ``placesMoreFirst`` may take: its root relaxation over every
    /// placement from scratch took 15–18 s on the sample without ST04, and with half of the 49 s left
    /// there it found nothing; from the plan 3.5 s, the whole search 8 s.
    static let placesMoreShare = 0.8
    /// Neighbourhoods around the students left out, tried after the improvement passes (before the
    /// student neighbourhoods) while the plan places fewer than `count` (the most any valid plan can).
    var placementNeighbourhoods: (search: PlacementNeighbourhoods, count: Int)?
    /// Student neighbourhoods tried after the first pass (before any term is re-planned, unless
    /// ``neighbourhoodsAfterPasses``), with the master's priced values that choose them.
    var neighbourhoods: (search: StudentNeighbourhoods, pricedValues: [Double])?
    /// Whether the student neighbourhoods come after the improvement passes instead of before them
    /// (whenever the plan is not within the gap), then one more pass of single terms if they gain.
    /// At 600 students (seed 1) neighbourhoods before the passes left them too little time (0.0201 %
    /// → 0.0528 %). Until session 20 they ran only when the passes left 15 s, which at 600 students
    /// they did or did not within a second (the plan then depended on the clock: 1,714,973.50 in
    /// 26–28 s or 1,714,977.61 in 34 s); since their search no longer copies the year model
    /// (``StudentNeighbourhoods``) they always run, and end on their own budget, not the clock.
    var neighbourhoodsAfterPasses = false
    /// The share of the time left that neighbourhoods after the passes may take; the single-term
    /// pass after them has the rest. (Seed-1 600 students: 30 neighbourhoods take 7.6 s of 12.8.)
    static let neighbourhoodsAfterPassesShare = 0.8
    /// Whether the first pass is left out and the improvement passes start from the fallback plan:
    /// for the usual way after the quick way, whose plan already came from such a pass and its
    /// re-plans. Measured (docs/SOLVER-NOTES.md, session 18): in all eight plans and what-ifs that went
    /// on to the usual way, its first pass scored less than the quick plan and was dropped, after
    /// 0.3–4.3 s.
    var startsFromFallback = false
    /// Candidates (by index) each pair of terms is re-planned over first (with the plan's own), and
    /// over every candidate only when that finds nothing; nil: every candidate only. Its nodes are
    /// several times faster: a generated 150-student school (seed 16) found its 414th placement this
    /// way in 2.6 s, where the pair over every placement had not in 26 s (docs/SOLVER-NOTES.md, session 18).
    var pairShortList: [Bool]?
    /// Points per unit of the guide; far below one placement's weight, so following it never costs a placement.
    static let guideWeight = 20.0
    /// Branch-and-bound nodes allowed per term in one sub-MIP: a deterministic budget, so the
    /// same workspace always gives the same plan (the time limit is only a safety net).
    static let nodeLimit = 2000
    /// Each sub-MIP is solved to this fraction of the year's gap, so the small gaps of the terms
    /// add up to less than the year's (measured on the sample school: 30 reaches 0.0099 %, 3 only 0.011 %).
    static let termGapDivisor = 30.0
    /// Nodes allowed when two terms are re-planned together (their nodes cost far more).
    static let pairNodeLimit = 300
    /// Nodes allowed a pair of terms re-planned over every placement after its re-plan over
    /// ``pairShortList`` found nothing. What such a pair finds, it finds near its root: the sample with
    /// ST04 and ST20 away, 90 points by spring + summer at node 31; where it finds nothing its 300 nodes
    /// took 3.7–6.9 s each (ST08 away: 16 of its 30 s for nothing). With 20, 40 or 100 nodes the same
    /// plans in 37 sample what-ifs and four plans that reach these pairs (docs/SOLVER-NOTES.md, session 30).
    static let pairAfterShortListNodes = 50

    /// What one term's plan chose, keyed so it can be mapped onto any model of that term or the year.
    struct TermChoice {
        var placements = Set<String>()
        var escortCounts: [String: Double] = [:]
        var groupCounts: [Session: Double] = [:]
        var byStudent: [StudentID: Candidate] = [:]
    }

    static func key(_ candidate: Candidate) -> String { "\(candidate.student.id)|\(candidate.session)" }
    static func escortKey(_ pool: StaffPools.Pool, _ session: Session) -> String { "\(pool.label)|\(session)" }

    /// - Parameter bound: a proven bound on the year's objective; improving stops once the plan is within the gap of it.
    /// - Parameter fallback: a valid plan (``GreedyPlan``) used when it is better than the first
    ///   pass, or when the time limit stops a term's MIP before it has a plan.
    func values(for year: YearModel, bound: Double, fallback: [TermID: TermChoice], timeLimit: Double,
                passes: Int = 3) throws(LinearSolverError) -> [Double] {
        let start = Date()
        var bound = bound
        func closeEnough(_ objective: Double) -> Bool {
            relative(bound, above: objective) <= options.relativeGap
        }
        func left() -> Double { timeLimit - Date().timeIntervalSince(start) }
        var choices: [TermID: TermChoice] = [:]
        let terms = workspace.terms.map(\.id)
        for (position, term) in terms.enumerated() where !startsFromFallback {
            let share = firstPassNodeLimit != nil ? left() : (left() - timeLimit * 0.3) / Double(terms.count - position)
            // Once asked to stop (the other pass has its plan, Ctrl-C) no term's MIP is started: its
            // model and root relaxation would be built for nothing.
            guard share > 0.2, options.shouldStop?() != true,
                  let planned = try planTerms([term], year: year, others: Array(choices.values), current: [],
                                              useGuide: true, timeLimit: share, nodeLimit: firstPassNodeLimit) else {
                choices = fallback
                break
            }
            choices.merge(planned) { $1 }
        }
        if startsFromFallback { choices = fallback }
        var current = objective(of: choices, year)
        let greedyValues = Self.assemble(year, choices: Array(fallback.values))
        let greedy = year.linear.isFeasible(greedyValues) ? year.linear.objectiveValue(greedyValues) : -.infinity
        debug("term by term: \(current), greedy \(greedy), after \(Date().timeIntervalSince(start)) s")
        if greedy > current {
            choices = fallback
            current = greedy
        }
        if let tighterBound, options.shouldStop?() != true, !closeEnough(current),
           let tighter = try tighterBound(), tighter < bound {
            debug("term by term: a tighter bound \(tighter) after \(Date().timeIntervalSince(start)) s")
            bound = tighter
        }
        report(current, bound: bound, placements: placements(choices))
        // Built once for both neighbourhood searches (a column-to-rows index of the whole year).
        var builtColumns: StudentColumns?
        func studentColumns() -> StudentColumns {
            if let builtColumns { return builtColumns }
            let columns = StudentColumns(year)
            builtColumns = columns
            return columns
        }
        /// Whether a few students' whole years re-planned at once gained anything.
        func tryNeighbourhoods(share: Double) throws(LinearSolverError) -> Bool {
            guard let neighbourhoods, options.shouldStop?() != true, !closeEnough(current) else { return false }
            let values = Self.assemble(year, choices: Array(choices.values))
            return adopt(try neighbourhoods.search.improve(studentColumns(), values: values, pricedValues: neighbourhoods.pricedValues,
                                                           bound: bound, timeLimit: left() * share), found: "student neighbourhoods")
        }
        /// Whether `improved` (a whole year's plan) scores more than the plan: then it is the plan.
        func adopt(_ improved: [Double], found: String) -> Bool {
            let replanned = Self.choices(from: improved, of: year, terms: Set(terms))
            let value = objective(of: replanned, year)
            debug("\(found): \(value), \(placements(replanned)) placed, after \(Date().timeIntervalSince(start)) s")
            guard value > current + 1e-6 else { return false }
            choices = replanned
            current = value
            report(current, bound: bound, placements: placements(choices))
            return true
        }
        /// Students left out placed by re-planning them with those in their way, while the count says more can be.
        func placeMore(share: Double) throws(LinearSolverError) -> Bool {
            guard let placementNeighbourhoods, options.shouldStop?() != true, !closeEnough(current), left() > 1,
                  placements(choices) < placementNeighbourhoods.count else { return false }
            let values = Self.assemble(year, choices: Array(choices.values))
            return adopt(try placementNeighbourhoods.search.placeMore(studentColumns(), values: values, count: placementNeighbourhoods.count,
                                                                      timeLimit: left() * share), found: "placement neighbourhoods")
        }
        if !neighbourhoodsAfterPasses { _ = try tryNeighbourhoods(share: 0.5) }
        var improver = self
        if shortListInFirstPassOnly { improver.shortList = nil }
        /// The nearest plan with one placement more, while the count says more can be placed.
        func placeMoreNearest() throws(LinearSolverError) {
            guard let placesMoreFirst, left() > 1, options.shouldStop?() != true, !closeEnough(current),
                  let fuller = try placesMoreFirst(Self.assemble(year, choices: Array(choices.values)), left() * Self.placesMoreShare)
            else { return }
            _ = adopt(fuller, found: "nearest fuller plan")
        }
        if improvesWithin.map({ bound - current <= $0 }) ?? true {
            try placeMoreNearest()
            try improve(passes: passes, pairs: replansPairs)
        }
        let placedMore = try placeMore(share: 0.5)
        let replannedYears = neighbourhoodsAfterPasses && left() > 1 ? try tryNeighbourhoods(share: Self.neighbourhoodsAfterPassesShare) : false
        builtColumns = nil
        if placedMore || replannedYears { try improve(passes: 1, pairs: false) }
        return Self.assemble(year, choices: Array(choices.values))

        func improve(passes: Int, pairs: Bool) throws(LinearSolverError) {
            var replans = 0
            // Per group of terms, the plan's version when it was last re-planned: a re-plan from the
            // same plan searches the same tree again (node budgets) and finds nothing new.
            var version = 0
            var replannedAt: [Set<TermID>: Int] = [:]
            for pass in 0..<passes where !closeEnough(current) && replans < replansAtMost ?? .max {
                let before = current
                let order = replansByShortfall ? byShortfall(terms, choices, year) : terms
                var groups = neighbourhoods(order, pairs: pairs)
                if pairs, let count = pairsFirstWhilePlacingFewerThan, placements(choices) < count {
                    groups = Self.pairsFirst(groups, leftOut: leftOut(choices, year))
                }
                for group in groups where left() > 0.3 && options.shouldStop?() != true && !closeEnough(current)
                    && replans < replansAtMost ?? .max && replannedAt[group] != version
                    && (group.count == 1 || pairsWhilePlacingFewerThan.map { placements(choices) < $0 } ?? true) {
                    replans += 1
                    replannedAt[group] = version
                    let others = choices.filter { !group.contains($0.key) }.map(\.value)
                    // Enough to bring the year within the gap: the search stops when it finds that much.
                    let needed = bound / (1 + options.relativeGap) - current + 1e-6
                    // A pair over its short list first (far faster nodes), then over every placement.
                    var planners = [(improver, replanNodeLimit)]
                    if group.count > 1, let pairShortList {
                        var listed = improver
                        listed.shortList = Self.listed(pairShortList, with: choices, of: year)
                        planners = [(listed, replanNodeLimit), (improver, Self.pairAfterShortListNodes)]
                    }
                    for (planner, nodeLimit) in planners where left() > 0.3 && options.shouldStop?() != true {
                        guard let planned = try planner.planTerms(group, year: year, others: others, current: group.compactMap { choices[$0] },
                                                                  useGuide: false, timeLimit: left(), nodeLimit: nodeLimit,
                                                                  improvementNeeded: needed) else { continue }
                        let replanned = choices.merging(planned) { $1 }
                        let value = objective(of: replanned, year)
                        guard value > current + 1e-6 else { continue }
                        choices = replanned
                        current = value
                        version += 1
                        break
                    }
                    debug("  re-planned \(group.map(\.rawValue).sorted()): \(current) at \(Date().timeIntervalSince(start)) s")
                    report(current, bound: bound, placements: placements(choices))
                }
                debug("improvement pass \(pass): \(current) after \(Date().timeIntervalSince(start)) s")
                if current <= before + 1e-6 { break }
            }
        }
    }

    /// What-if: from the greedy plan when it keeps every current placement still allowed (else from
    /// each term planned in turn), every re-planned term together as one MIP with the kept terms
    /// fixed. The re-planned terms' model is small and anchored by the current plan, so GLPK usually
    /// closes it; its own bound then proves the year's plan (the kept terms hold only their fixed
    /// placements), with no separate relaxation.
    /// Returns nil when the search does not close within its node budget.
    func jointly(_ year: YearModel, replanning free: Set<TermID>, fallback: [TermID: TermChoice],
                 timeLimit: Double) throws(LinearSolverError) -> (values: [Double], bound: Double)? {
        let start = Date()
        func left() -> Double { timeLimit - Date().timeIntervalSince(start) }
        let greedyValues = Self.assemble(year, choices: Array(fallback.values))
        let greedyIsValid = year.linear.isFeasible(greedyValues)
        var choices: [TermID: TermChoice] = fallback
        if !greedyIsValid || !keepsEveryAllowedPlacement(fallback, year, replanning: free) {
            choices = [:]
            for term in workspace.terms.map(\.id) {
                guard let planned = try planTerms([term], year: year, others: Array(choices.values), current: [],
                                                  useGuide: false, timeLimit: max(0.2, left() / 4)) else { return nil }
                choices.merge(planned) { $1 }
            }
            if greedyIsValid, year.linear.objectiveValue(greedyValues) > objective(of: choices, year) { choices = fallback }
        }
        let firstObjective = objective(of: choices, year)
        debug("what-if start: \(firstObjective) after \(Date().timeIntervalSince(start)) s")
        let kept = choices.filter { !free.contains($0.key) }.map(\.value)
        guard let joint = try planTermsWithBound(free, year: year, others: kept, current: free.compactMap { choices[$0] },
                                                 useGuide: false, timeLimit: left(), nodeLimit: Self.jointNodeLimit,
                                                 relativeGap: jointGap(firstObjective)) else { return nil }
        debug("what-if terms together: proven \(joint.proven), shortfall \(joint.provenShortfall) after \(Date().timeIntervalSince(start)) s")
        guard joint.proven else { return nil }
        choices.merge(joint.choices) { $1 }
        let values = Self.assemble(year, choices: Array(choices.values))
        return (values, year.linear.objectiveValue(values) + joint.provenShortfall)
    }

    /// Whether the greedy plan keeps every current placement in the re-planned terms that the rules
    /// still allow (the candidates). Then it is the joint search's start: measured on the sample's
    /// what-ifs, 0.1–0.25 s in all instead of 0.34 s of term MIPs and 0.1–0.2 s of joint search.
    /// When it dropped one (a student whose escort is away, say), its warm basis is far from the
    /// optimum (0.8 s of joint search), so each term is planned in turn first.
    private func keepsEveryAllowedPlacement(_ greedy: [TermID: TermChoice], _ year: YearModel, replanning free: Set<TermID>) -> Bool {
        guard let current = options.current else { return false }
        let allowed = Set(year.candidates.map(Self.key))
        return current.placements.allSatisfy { placement in
            !free.contains(placement.session.term) || !allowed.contains("\(placement.student)|\(placement.session)")
                || greedy[placement.session.term]?.byStudent[placement.student]?.session == placement.session
        }
    }

    /// The joint search's gap: the requested one, but never more than half a day change in points,
    /// so "the fewest moves" is proven, not just "within the gap".
    private func jointGap(_ objective: Double) -> Double {
        min(options.relativeGap, workspace.settings.dayChangeWeight / 2 / max(abs(objective), 1))
    }

    /// Nodes allowed when a what-if's re-planned terms are solved together.
    static let jointNodeLimit = 2000

    private func placements(_ choices: [TermID: TermChoice]) -> Int {
        choices.values.reduce(0) { $0 + $1.placements.count }
    }

    /// Tells the progress line how far the year's plan has come.
    private func report(_ objective: Double, bound: Double, placements: Int) {
        let gap = bound.isFinite ? relative(bound, above: objective) : nil
        options.progress?(SolveProgress(elapsedSeconds: Date().timeIntervalSince(solveStart), bestObjective: objective,
                                        bound: bound.isFinite ? bound : nil, relativeGap: gap, nodes: 0, placements: placements))
    }

    private func objective(of choices: [TermID: TermChoice], _ year: YearModel) -> Double {
        year.linear.objectiveValue(Self.assemble(year, choices: Array(choices.values)))
    }

    /// The terms, those whose plan falls furthest short of the guide first: per term, the points of
    /// the placements the guide takes there (by its weights) minus the plan's. A term that lost a
    /// placement in the first pass is about a placement's weight short.
    func byShortfall(_ terms: [TermID], _ choices: [TermID: TermChoice], _ year: YearModel) -> [TermID] {
        guard let guide else { return terms }
        let values = Self.assemble(year, choices: Array(choices.values))
        var shortfall: [TermID: Double] = [:]
        for (offset, candidate) in year.candidates.enumerated() {
            let column = year.placementColumns[offset].index
            shortfall[candidate.session.term, default: 0] += year.linear.columns[column].objective * (guide[offset] - values[column])
        }
        return terms.enumerated().sorted { a, b in
            let (x, y) = (shortfall[a.element] ?? 0, shortfall[b.element] ?? 0)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// Per term, how many students have sessions to choose from that term and no placement in it.
    private func leftOut(_ choices: [TermID: TermChoice], _ year: YearModel) -> [TermID: Int] {
        var open: [TermID: Set<StudentID>] = [:]
        for candidate in year.candidates where choices[candidate.session.term]?.byStudent[candidate.student.id] == nil {
            open[candidate.session.term, default: []].insert(candidate.student.id)
        }
        return open.mapValues(\.count)
    }

    /// The pairs of terms first, those with the most left-out student-terms first (ties in their
    /// order), then the single terms.
    static func pairsFirst(_ groups: [Set<TermID>], leftOut: [TermID: Int]) -> [Set<TermID>] {
        func count(_ group: Set<TermID>) -> Int { group.reduce(0) { $0 + (leftOut[$1] ?? 0) } }
        let pairs = groups.enumerated().filter { $0.element.count > 1 }
            .sorted { (count($0.element), -$0.offset) > (count($1.element), -$1.offset) }.map(\.element)
        return pairs + groups.filter { $0.count == 1 }
    }

    /// Groups of terms re-planned together, the others fixed: each term alone, then (if `pairs`) each pair.
    private func neighbourhoods(_ terms: [TermID], pairs: Bool) -> [Set<TermID>] {
        var groups = terms.map { Set([$0]) }
        guard pairs else { return groups }
        if terms.count == 2 {
            groups.append(Set(terms))
        } else if terms.count > 2 {
            for i in terms.indices { groups.append([terms[i], terms[(i + 1) % terms.count]]) }
        }
        return groups
    }

    /// `list` with every placement of `choices` added (a re-plan starts from them).
    private static func listed(_ list: [Bool], with choices: [TermID: TermChoice], of year: YearModel) -> [Bool] {
        var list = list
        let chosen = Set(choices.values.flatMap(\.placements))
        for (index, candidate) in year.candidates.enumerated() where !list[index] && chosen.contains(Self.key(candidate)) {
            list[index] = true
        }
        return list
    }

    /// Plans some terms together with the other terms' choices fixed.
    /// - Parameter improvementNeeded: when given (with `current`), the search stops once it has
    ///   improved the current plan's objective by this much.
    private func planTerms(_ terms: Set<TermID>, year: YearModel, others: [TermChoice], current: [TermChoice],
                           useGuide: Bool, timeLimit: Double, nodeLimit: Int? = nil,
                           improvementNeeded: Double? = nil) throws(LinearSolverError) -> [TermID: TermChoice]? {
        try planTermsWithBound(terms, year: year, others: others, current: current, useGuide: useGuide, timeLimit: timeLimit,
                               nodeLimit: nodeLimit ?? (terms.count == 1 ? Self.nodeLimit : Self.pairNodeLimit),
                               relativeGap: options.relativeGap / Self.termGapDivisor, improvementNeeded: improvementNeeded)?.choices
    }

    /// The terms' plan, and how far the search proved it from the best for those terms.
    struct Planned {
        let choices: [TermID: TermChoice]
        /// Proven best plan's objective minus this plan's, on the terms' own model (0 when optimal).
        let provenShortfall: Double
        let proven: Bool
    }

    private func planTermsWithBound(_ terms: Set<TermID>, year: YearModel, others: [TermChoice], current: [TermChoice],
                                    useGuide: Bool, timeLimit: Double, nodeLimit: Int, relativeGap: Double,
                                    improvementNeeded: Double? = nil) throws(LinearSolverError) -> Planned? {
        var usedEmployers: [StudentID: Set<EmployerID>] = [:]
        var usedSectors: [StudentID: Set<String>] = [:]
        for choice in others {
            for (student, candidate) in choice.byStudent {
                usedEmployers[student, default: []].insert(candidate.employer.id)
                usedSectors[student, default: []].insert(candidate.employer.sector)
            }
        }
        let candidates = year.candidates.indices.filter {
            let candidate = year.candidates[$0]
            return terms.contains(candidate.session.term) && (shortList?[$0] ?? true)
                && !(usedEmployers[candidate.student.id]?.contains(candidate.employer.id) ?? false)
        }.map { index -> Candidate in
            var adjusted = year.candidates[index]
            adjusted.adjustment = useGuide ? (guide?[index] ?? 0) * Self.guideWeight : 0
            if usedSectors[adjusted.student.id]?.contains(adjusted.employer.sector) ?? false {
                adjusted.adjustment -= workspace.settings.sectorRepeatPenalty
                adjusted.sectorAlreadyUsed = true
            }
            return adjusted
        }
        let model = YearModelBuilder.build(workspace: workspace, pools: pools, candidates: candidates, current: options.current)
        let initial = current.count == terms.count ? Self.assemble(model, choices: current) : nil
        var solveOptions = SolveOptions(timeLimit: timeLimit, relativeGap: relativeGap, presolve: false, initialSolution: initial,
                                        nodeLimit: nodeLimit, shouldStop: options.shouldStop)
        if let initial, let improvementNeeded, improvementNeeded > 0 {
            solveOptions.goodEnough = model.linear.objectiveValue(initial) + improvementNeeded
        }
        let result = try GLPKSolver.solve(model.linear, options: solveOptions)
        debug("  terms \(terms.map(\.rawValue).sorted()) together: \(result.status), \(result.nodes) nodes, \(result.seconds) s of \(timeLimit) s")
        guard result.status == .optimal || result.status == .feasible else { return nil }
        let choices = Self.choices(from: result.values, of: model, terms: terms)
        return Planned(choices: choices, provenShortfall: max(0, result.bound - result.objective), proven: result.status == .optimal)
    }

    /// Reads the terms' choices from a solution of a model covering them (every term given gets a
    /// choice, empty if nothing is placed in it).
    static func choices(from values: [Double], of model: YearModel, terms: Set<TermID>) -> [TermID: TermChoice] {
        var choices: [TermID: TermChoice] = [:]
        for term in terms { choices[term] = TermChoice() }
        for (offset, candidate) in model.candidates.enumerated() where values[model.placementColumns[offset].index] > 0.5 {
            choices[candidate.session.term]!.placements.insert(key(candidate))
            choices[candidate.session.term]!.byStudent[candidate.student.id] = candidate
        }
        for entry in model.escortColumns {
            choices[entry.session.term]!.escortCounts[escortKey(entry.pool, entry.session)] = values[entry.column.index]
        }
        for (session, column) in model.sharedGroupColumns { choices[session.term]!.groupCounts[session] = values[column.index] }
        return choices
    }

    /// The employers each student has in these choices (rule 7: not again in another term).
    static func employersByStudent(in choices: some Sequence<TermChoice>) -> [StudentID: Set<EmployerID>] {
        var employers: [StudentID: Set<EmployerID>] = [:]
        for choice in choices {
            for (student, candidate) in choice.byStudent { employers[student, default: []].insert(candidate.employer.id) }
        }
        return employers
    }

    /// A plan's choices in some terms, read from the plan itself (a what-if's kept terms: their
    /// placements are the model's fixed history, their escorts the plan's, so they stay valid).
    static func choices(of plan: Plan, terms: Set<TermID>, model: YearModel, pools: StaffPools,
                        sharedEscortRatio ratio: Int) -> [TermID: TermChoice] {
        var choices: [TermID: TermChoice] = [:]
        for term in terms { choices[term] = TermChoice() }
        let placed = Set(plan.placements.filter { terms.contains($0.session.term) }.map { "\($0.student)|\($0.session)" })
        var shared: [Session: Int] = [:]
        for candidate in model.candidates where terms.contains(candidate.session.term) && placed.contains(key(candidate)) {
            choices[candidate.session.term]!.placements.insert(key(candidate))
            choices[candidate.session.term]!.byStudent[candidate.student.id] = candidate
            if candidate.student.escort == .shared { shared[candidate.session, default: 0] += 1 }
        }
        for (session, staff) in plan.escorts where terms.contains(session.term) {
            for member in staff {
                guard let pool = pools.pool(of: member, on: session.day, in: session.term) else { continue }
                choices[session.term]!.escortCounts[escortKey(pool, session), default: 0] += 1
            }
        }
        for (session, count) in shared { choices[session.term]!.groupCounts[session] = Double((count + ratio - 1) / ratio) }
        return choices
    }

    /// Maps term choices onto a model's columns (the year model, or one term's model).
    static func assemble(_ model: YearModel, choices: [TermChoice]) -> [Double] {
        var values = [Double](repeating: 0, count: model.linear.columns.count)
        // Each student's chosen session per term, looked up once per candidate (no key strings:
        // this runs over millions of candidates at 2,000 students).
        var chosen: [StudentID: [Session]] = [:]
        for choice in choices {
            for (student, candidate) in choice.byStudent { chosen[student, default: []].append(candidate.session) }
        }
        for (offset, candidate) in model.candidates.enumerated() where chosen[candidate.student.id]?.contains(candidate.session) == true {
            values[model.placementColumns[offset].index] = 1
        }
        for choice in choices {
            for entry in model.escortColumns {
                if let count = choice.escortCounts[Self.escortKey(entry.pool, entry.session)] { values[entry.column.index] = count }
            }
            for (session, column) in model.sharedGroupColumns {
                if let count = choice.groupCounts[session] { values[column.index] = count }
            }
        }
        for entry in model.keptEscortColumns {
            values[entry.kept.index] = min(values[entry.escorts.index], entry.before)
        }
        for entry in model.escortMoveColumns {
            let kept = entry.kept.reduce(0.0) { $0 + values[$1.index] }
            let sent = entry.escorts.reduce(0.0) { $0 + values[$1.index] }
            values[entry.column.index] = max(0, min(entry.before - kept, sent - kept))
        }
        for entry in model.sectorRepeatColumns {
            let placed = entry.candidates.reduce(0.0) { $0 + values[model.placementColumns[$1].index] }
            values[entry.column.index] = max(0, placed - 1)
        }
        return values
    }
}
