import Foundation
import LinearSolver
import PlacementDomain

/// A proven bound and a guide for large years, by column generation: a small "master" program
/// chooses, for each student, a mix of whole years (patterns) within the sessions' places and the
/// escorts free each day; its duals price the places and the escort days; each student's best
/// year at those prices (``StudentBlocks``) is the next pattern. At every round the priced total
/// is a proven bound, and when no student has a better year to offer it equals the master's
/// value. Where a round would cost too much simplex work, subgradient steps on the master's rows
/// from its last prices go on lowering the bound. The master's mix of years, per placement
/// (`shares`), guides the plan.
///
/// Why: at the relaxation's own duals, the capacity prices alone give almost all of the
/// relaxation's bound (sample school: 425,712 against 425,607, from 437,095 at zero prices;
/// generated 150-student school: 426,807 against 426,704, from 434,126), yet the subgradient over
/// every row hardly left zero prices at 150, 600 and 2,000 students. And where escorts are short
/// (600 students: half of those left out need one-to-one escorts), the rows that count escorts
/// per term and day close the rest: seed-1 600 bound 1,744,362 → 1,715,577, and charging the
/// escorts each placement needs 1,715,209 (plan 1,714,820). The
/// master holds one row per capacity, escort day and student, far smaller than the year's
/// (session 5's master with every shared row took 8–15 s a round at 600 students).
struct CapacityMaster {
    private let lagrangian: LagrangianBound
    private let objective: [Double]
    /// Positions (among the bound's priced rows) of the rows over placements only, each with an upper bound.
    private let capacityRows: [Int]
    /// The escort supply rows' upper bounds (staff free that day), numbered after the capacities.
    private let supplyUpper: [Double]
    /// Per column, the master's rows it is in (capacities first, then supplies) with its
    /// coefficient, as compressed arrays (an array per column cost 100+ MB at 2,000 students).
    private let rowsOfColumn: ColumnRows
    /// Priced rows (positions among the bound's) the master's program leaves out but whose price is
    /// known: a what-if's `moved + kept ≤ duties before` rows, at the move's worth (``movePrices(_:lagrangian:objective:)``).
    private let fixedPrices: [(row: Int, price: Double)]
    /// Without `smallGroups`: each shared student's placement at a session for fewer than R, with
    /// the share of an escort it takes beyond the 1/R charged (1/G − 1/R) and its day's supply row,
    /// for ``smallGroupsBound(at:)``.
    private let smallGroupExtra: [(column: Int, dayRow: Int, share: Double)]
    private let escortPenalty: Double
    /// A what-if's escorts kept at their sessions (``KeptEscorts``): the master's own columns and rows for them.
    private let kept: KeptEscorts

    /// - Parameter smallGroups: charge shared students at sessions for fewer than R at the
    ///   session's capacity (``YearModel/sharedGroupSize(ratio:capacity:)``), not R: a tighter bound
    ///   (sample school 425,610.78 → 425,590.07, below the relaxation's 425,606.87; seed-1 600
    ///   students only 1,715,209 → 1,715,189). Large years do not: at 600 students the term MIPs
    ///   guided by that master's mix planned 458 points worse (0.0456 % instead of 0.0201 %).
    init(_ year: YearModel, lagrangian: LagrangianBound, pools: StaffPools, settings: Settings, objective: [Double],
         smallGroups: Bool = true) {
        self.lagrangian = lagrangian
        let escorted = Self.escortedPlacements(year, ratio: settings.sharedEscortRatio, smallGroups: smallGroups)
        let charged = Self.chargingEscorts(objective, escorted, year, penalty: settings.escortPenalty)
        self.objective = charged
        var capacityRows: [Int] = []
        var entries: [ColumnRows.Entry] = []
        for row in 0..<lagrangian.pricedRows where lagrangian.rowUpper[row].isFinite && !lagrangian.rowLower[row].isFinite {
            let terms = lagrangian.rowStart[row]..<lagrangian.rowStart[row + 1]
            guard terms.allSatisfy({ lagrangian.blocks.isBlockColumn[lagrangian.rowColumn[$0]] && lagrangian.rowCoefficient[$0] == 1 })
            else { continue }
            for k in terms { entries.append(.init(column: lagrangian.rowColumn[k], row: capacityRows.count, coefficient: 1)) }
            capacityRows.append(row)
        }
        self.capacityRows = capacityRows
        let supply = Self.addEscortSupply(escorted, pools: pools, first: capacityRows.count, to: &entries)
        fixedPrices = Self.movePrices(year, lagrangian: lagrangian, objective: charged)
        kept = year.linear.columns.count > KeptEscorts.columnLimit ? KeptEscorts()
            : KeptEscorts(year, escorted: escorted.map { ($0.candidate.session, $0.column, $0.share) }, dayRows: supply.dayRows,
                          worth: KeptEscorts.worth(year, lagrangian: lagrangian, fixedPrices: fixedPrices, objective: charged),
                          penalty: settings.escortPenalty, first: capacityRows.count + supply.upper.count, to: &entries)
        supplyUpper = supply.upper + [Double](repeating: 0, count: kept.rowCount)
        rowsOfColumn = ColumnRows(entries, columns: objective.count)
        escortPenalty = settings.escortPenalty
        smallGroupExtra = smallGroups ? [] : Self.smallGroupExtra(escorted, dayRows: supply.dayRows, ratio: settings.sharedEscortRatio)
    }

    /// Every plan sends at least one escort per one-to-one student at a session and one per R
    /// shared students there (rule 9b's rows), each costing the escort penalty. Charging that to the
    /// placements and nothing to the escorts themselves is pricing those rows at the penalty (a
    /// Lagrangian price, so the bound stays proven); without it the master's years cost no escorts
    /// at all (seed-1 600 students: the plan sends 541, so the bound stood ~500 points too high).
    private static func chargingEscorts(_ objective: [Double], _ escorted: [EscortedPlacement], _ year: YearModel,
                                        penalty: Double) -> [Double] {
        var charged = objective
        for placement in escorted { charged[placement.column] -= penalty * placement.share }
        for escort in year.escortColumns { charged[escort.column.index] += penalty }
        return charged
    }

    /// A what-if rewards a member of staff who loses their duty and escorts somewhere new that day
    /// (`moved`, worth w, with `moved + Σ kept ≤ duties before`); kept escorts are worth more than w.
    /// At price 0 on that row each pool-day's moves went to their upper bound, as if every duty both
    /// stayed and moved: the sample's what-ifs (128 duties, w = 0.5) had their bound 64 points too high,
    /// twice the plan's gap, so a what-if re-planning every term was never proven by it and fell to
    /// the relaxation over every placement (22 s, where the plan itself took 0.7 s). Priced at w the
    /// moves gain nothing and each kept escort w less, plus w per duty before: the pool-day's
    /// best exactly (a proven bound at any price ≥ 0). Under another objective (the count proof's,
    /// where moves are worth nothing) the price is the move's worth there.
    private static func movePrices(_ year: YearModel, lagrangian: LagrangianBound, objective: [Double]) -> [(row: Int, price: Double)] {
        guard !year.escortMoveRows.isEmpty else { return [] }
        let position = Dictionary(uniqueKeysWithValues: lagrangian.pricedRowIndices.enumerated().map { ($1, $0) })
        return year.escortMoveRows.compactMap { entry in
            position[entry.row].map { ($0, max(0, objective[entry.moved.index])) }
        }
    }

    /// A placement of a student who needs an escort, at a session with the model's escort rows
    /// (always, for candidates the rules allow), and the share of an escort it takes: 1 one-to-one, 1/G shared (G = R, or with
    /// `smallGroups` the session's capacity if smaller: ``YearModel/sharedGroupSize(ratio:capacity:)``).
    private struct EscortedPlacement {
        let candidate: Candidate
        let column: Int
        let share: Double
    }

    private static func escortedPlacements(_ year: YearModel, ratio: Int, smallGroups: Bool) -> [EscortedPlacement] {
        let escorted = Set(year.escortColumns.map(\.session))
        return year.candidates.enumerated().compactMap { offset, candidate in
            guard candidate.student.escort != .none, escorted.contains(candidate.session) else { return nil }
            return EscortedPlacement(candidate: candidate, column: year.placementColumns[offset].index,
                                     share: escortShare(candidate, ratio: ratio, smallGroups: smallGroups))
        }
    }

    /// Rows the year model implies for each term and day (a member of staff escorts one session a
    /// day, rule 9): one-to-one students plus shared students ÷ R at most the staff free that day,
    /// and for each skill, one-to-one students needing it at most the staff free holding it. Without
    /// them the master would fill days with more escorted students than there are escorts (600
    /// students: half of those left out need one).
    /// - Returns: each supply row's upper bound, and per escorted placement its day's row.
    private static func addEscortSupply(_ escorted: [EscortedPlacement], pools: StaffPools, first: Int,
                                        to entries: inout [ColumnRows.Entry]) -> (upper: [Double], dayRows: [Int]) {
        var number: [String: Int] = [:]
        var upper: [Double] = []
        func row(_ key: String, staff: @autoclosure () -> Int) -> Int {
            if let known = number[key] { return known }
            number[key] = first + upper.count
            upper.append(Double(staff()))
            return first + upper.count - 1
        }
        var dayRows: [Int] = []
        for placement in escorted {
            let candidate = placement.candidate, session = candidate.session, column = placement.column
            let dayPools = pools.pools(on: session.day, in: session.term)
            let day = "\(session.term)|\(session.day)"
            let dayRow = row(day, staff: dayPools.reduce(0) { $0 + $1.members.count })
            dayRows.append(dayRow)
            entries.append(.init(column: column, row: dayRow, coefficient: placement.share))
            guard candidate.student.escort == .oneToOne else { continue }
            for skill in candidate.student.escortSkills.sorted() {
                let holders = dayPools.filter { $0.skills.contains(skill) }.reduce(0) { $0 + $1.members.count }
                entries.append(.init(column: column, row: row(day + "|" + skill, staff: holders), coefficient: 1))
            }
        }
        return (upper, dayRows)
    }

    /// The share of an escort an escorted placement takes (``EscortedPlacement``).
    private static func escortShare(_ candidate: Candidate, ratio: Int, smallGroups: Bool) -> Double {
        guard candidate.student.escort != .oneToOne else { return 1 }
        let groupSize = smallGroups ? YearModel.sharedGroupSize(ratio: ratio, capacity: candidate.employer.capacity(of: candidate.session))
                                    : max(1, ratio)
        return 1 / Double(groupSize)
    }

    /// Placements charged less than `smallGroups` would charge them (shared students at sessions for
    /// fewer than R): the share beyond the one charged, with the placement's day row.
    private static func smallGroupExtra(_ escorted: [EscortedPlacement], dayRows: [Int],
                                        ratio: Int) -> [(column: Int, dayRow: Int, share: Double)] {
        escorted.indices.compactMap { k in
            let placement = escorted[k]
            let extra = escortShare(placement.candidate, ratio: ratio, smallGroups: true) - placement.share
            return extra > 1e-12 ? (placement.column, dayRows[k], extra) : nil
        }
    }

    /// The default work budget. Seed-1 600 students: the master converges after 18 rounds, 47,424
    /// iterations of about 1,400 rows (67 million, 21 s on 2 cores), within this budget (in
    /// session 6, stopped 2 rounds early, the term MIPs it guides planned 353 points worse).
    /// Seed-1 2,000 students: 4 rounds, 8,175 iterations of 4,400 rows (36 million), and the
    /// fifth stopped by the round's share, not the clock.
    static let work = 90_000_000
    /// At most this share of the work in one round. Seed-1 2,000 students: rounds 1–4 took 0.4–1.0
    /// iterations per row (the fourth 20 million work), the fifth crawled on (140,000 iterations,
    /// 150 s, objective +0.02 %): the price steps do more with that time. (At a fifth the fourth
    /// round was cut and the bound ended 0.32 % above the plan instead of 0.18 %. 600 students: no
    /// round takes more than a fourteenth.)
    static let roundShare = 4
    /// Price steps times the year's columns allowed after the rounds: seed-1 2,000 students
    /// (1.9 million columns) 69 steps, 0.1 s each (with 85 the master ended within 1 s of its
    /// share of the time limit on a busy run).
    static let stepWork = 130_000_000
    /// The share of the master's time the rounds may take when the clock stops them (a safety net,
    /// or a short `--time-limit`): 600 students in 10 s, the rounds' bound was 0.15 % above the plan
    /// and no steps were left; with them (8 rounds, 94 steps), 0.067 %.
    static let roundsTimeShare = 0.75

    /// Rounds in a row a pattern must stay out of the master's basis, priced below its student's
    /// worth (reduced cost under -1e-6), before it is deleted when the caller asks for that. Each
    /// simplex iteration costs in proportion to the patterns held, most of which no mix uses again.
    /// Seed-1 600 students: the master converged in 10.4 s instead of 16.6 s (30 rounds instead of
    /// 18, 47,332 iterations as before; 14,456 of the 17,207 patterns made deleted), bound 1,715,209.29
    /// instead of 1,715,209.31; after 1 round (61,908 deleted, 114 rounds) 10.9 s, after 3 rounds
    /// 11.6 s; at reduced cost under -1 instead of -1e-6, 13.3 s. Not for the quick way: there the
    /// master takes 0.3–0.5 s and its changed prices moved the sample's guide (the short list's pass
    /// lost two placements; 425,550.97 within 0.0092 % instead of 425,561.87, no sooner).
    static let idleRoundsToDrop = 2

    /// A student's year the master holds as a column.
    private struct HeldYear {
        let columns: [Int]
        /// The student's (block's) position.
        let block: Int
        let value: Double
        /// Rounds in a row it stayed out of the basis priced below its student's worth.
        var idleRounds = 0
    }

    /// A year's value less what its places and escort days cost at `prices` and its student's
    /// worth (`convexity`): its reduced cost in the master.
    private func reducedValue(_ value: Double, of columns: [Int], convexity: Double, prices: [Double]) -> Double {
        var reduced = value - convexity
        for column in columns { for k in rowsOfColumn.range(column) { reduced -= prices[rowsOfColumn.row(k)] * rowsOfColumn.coefficient[k] } }
        return reduced
    }

    private func upper(_ row: Int) -> Double {
        row < capacityRows.count ? lagrangian.rowUpper[capacityRows[row]] : supplyUpper[row - capacityRows.count]
    }

    struct Result {
        /// The lowest priced total seen: no valid plan scores more.
        let bound: Double
        /// Each column's value at the prices that gave it (escort supply included).
        let pricedValues: [Double]
        /// Those prices: per master row (capacities, then escort supplies).
        let prices: [Double]
        let rounds: Int
        /// Price steps taken after the rounds.
        let steps: Int
        let patterns: Int
        /// Patterns deleted as idle (``idleRoundsToDrop``); some may have come back.
        let dropped: Int
        /// Per column, how much of it the master's last solution takes (its years mixed by their weights).
        let shares: [Double]
    }

    /// Rounds of: solve the master, price every student's year at its duals, add the new years;
    /// until no year is new, the bound is within `relativeGap` of `target`, or `shouldStop` says so.
    /// - Parameter start: a valid plan's column values (its years make the first master feasible).
    /// - Parameter seconds: time allowed (each master solve is stopped at it too): a safety net.
    /// - Parameter work: simplex iterations times the master's rows allowed over all rounds (the
    ///   cost of an iteration grows with the rows): the budget that keeps the bound the same on
    ///   every machine.
    /// - Parameter stepWork: price steps times the year's columns allowed after the rounds.
    /// - Parameter dropsIdlePatterns: delete patterns idle for ``idleRoundsToDrop`` rounds.
    func solve(start: [Double], target: Double, relativeGap: Double, seconds: Double, work: Int = CapacityMaster.work,
               stepWork: Int = CapacityMaster.stepWork, dropsIdlePatterns: Bool = false, shouldStop: () -> Bool,
               onRound: (Int, Double) -> Void = { _, _ in }) throws(LinearSolverError) -> Result {
        let deadline = Date().addingTimeInterval(seconds)
        // When the clock, not the work, stops the rounds (a short time limit), the price steps
        // still get a quarter of the time.
        let roundsDeadline = Date().addingTimeInterval(seconds * Self.roundsTimeShare)
        func timeLimit() -> Double { deadline.timeIntervalSinceNow }
        func roundsTimeLimit() -> Double { roundsDeadline.timeIntervalSinceNow }
        return try GrowingLP.with(sense: .maximize) { (lp: GrowingLP) throws(LinearSolverError) -> Result in
            // A row joins the master when a year first uses it (the others hold, at price zero).
            let rowCount = capacityRows.count + supplyUpper.count
            var masterRow = [Int](repeating: -1, count: rowCount)
            let blocks = lagrangian.blocks.blocks
            var convexityRow: [Int] = []
            for block in blocks {
                let forced = block.options.contains(where: \.forced)
                convexityRow.append(try lp.addRow(lower: forced ? 1 : 0, upper: 1, terms: []))
            }
            var seen = [Set<[Int]>](repeating: [], count: blocks.count)
            var patterns = 0
            /// The years the master holds, in its column order.
            var held: [HeldYear] = []
            var lastMix: [Double] = []
            var droppedTotal = 0
            /// The master's number for `row` (a capacity, supply or keep row), the row added when first used.
            func joined(_ row: Int) throws(LinearSolverError) -> Int {
                if masterRow[row] < 0 { masterRow[row] = try lp.addRow(lower: -.infinity, upper: upper(row), terms: []) }
                return masterRow[row]
            }
            /// Deletes the years idle for ``idleRoundsToDrop`` rounds; priced worth it again, one comes back.
            func dropIdle(_ solution: GrowingLP.Solution, duals: [Double], convexity: [Double]) throws(LinearSolverError) {
                guard dropsIdlePatterns else { return }
                var dropped: [Int] = []
                for pattern in held.indices {
                    let reduced = reducedValue(held[pattern].value, of: held[pattern].columns, convexity: convexity[held[pattern].block],
                                               prices: duals)
                    held[pattern].idleRounds = !solution.basic[kept.columns.count + pattern] && reduced < -1e-6 ? held[pattern].idleRounds + 1 : 0
                    if held[pattern].idleRounds >= Self.idleRoundsToDrop { dropped.append(pattern) }
                }
                guard !dropped.isEmpty else { return }
                try lp.deleteNonbasicColumns(dropped.map { kept.columns.count + $0 })
                let gone = Set(dropped)
                for pattern in dropped { seen[held[pattern].block].remove(held[pattern].columns) }
                held = held.indices.filter { !gone.contains($0) }.map { held[$0] }
                lastMix = lastMix.indices.filter { !gone.contains($0) }.map { lastMix[$0] }
                droppedTotal += dropped.count
            }
            /// Adds each student's year in `values` that is new and, at `prices` (with `convexity`
            /// duals), worth more than the master's mix for them.
            func add(_ values: [Double], prices: [Double]? = nil, convexity: [Double]? = nil) throws(LinearSolverError) -> Int {
                var added = 0
                for b in blocks.indices {
                    let (columns, value) = pattern(of: blocks[b], in: values)
                    if let prices, let convexity {
                        guard reducedValue(value, of: columns, convexity: convexity[b], prices: prices) > 1e-6 else { continue }
                    }
                    guard seen[b].insert(columns).inserted else { continue }
                    var terms = [(row: convexityRow[b], coefficient: 1.0)]
                    for column in columns {
                        for k in rowsOfColumn.range(column) {
                            terms.append((try joined(rowsOfColumn.row(k)), rowsOfColumn.coefficient[k]))
                        }
                    }
                    // No upper bound of 1: the student's row implies it, and without it GLPK's
                    // simplex took 26 % fewer iterations (600 students).
                    try lp.addColumn(lower: 0, upper: .infinity, objective: value, terms: terms)
                    held.append(HeldYear(columns: columns, block: b, value: value))
                    added += 1
                }
                patterns += added
                return added
            }
            for column in kept.columns {
                var terms: [(row: Int, coefficient: Double)] = []
                for (row, coefficient) in column.rows { terms.append((try joined(row), coefficient)) }
                try lp.addColumn(lower: 0, upper: column.upper, objective: column.objective, terms: terms)
            }
            _ = try add(start)
            var bound = Double.infinity, bestValues = objective, bestPrices: [Double] = []
            var rounds = 0, spent = 0
            var lastDuals: [Double]?
            var lastObjective = -Double.infinity
            /// Whether the rounds ended with no student's year worth adding: the master is optimal, and
            /// its prices the best over its rows (price steps would find no lower total).
            var converged = false
            while !shouldStop() && roundsTimeLimit() > 0 {
                let before = lp.iterations
                let solved = try lp.solve(timeLimit: roundsTimeLimit(), iterationLimit: min(work - spent, work / Self.roundShare) / max(1, lp.rowCount))
                spent += (lp.iterations - before) * lp.rowCount
                guard let solution = solved else { break }
                rounds += 1
                lastMix = Array(solution.values.dropFirst(kept.columns.count))
                let duals = masterRow.map { $0 >= 0 ? max(0, solution.rowDuals[$0]) : 0 }
                lastDuals = duals
                lastObjective = solution.objective
                let evaluation = priced(at: duals)
                if evaluation.total < bound {
                    bound = evaluation.total
                    bestValues = evaluation.pricedValues
                    bestPrices = duals
                }
                onRound(rounds, bound)
                debug("capacity master round \(rounds): master \(solution.objective), bound \(bound), \(patterns) patterns (\(droppedTotal) dropped), \(lp.iterations) iterations, \(lp.rowCount) rows, work \(spent)")
                if relative(bound, above: target) <= relativeGap { break }
                // The bound cannot fall below the master's value: stop when it is (all but) there.
                if relative(bound, above: solution.objective) <= 1e-6 { break }
                let convexity = convexityRow.map { solution.rowDuals[$0] }
                try dropIdle(solution, duals: duals, convexity: convexity)
                if try add(evaluation.values, prices: duals, convexity: convexity) == 0 {
                    converged = true
                    break
                }
            }
            var steps = 0
            if let lastDuals, !converged, !shouldStop(), relative(bound, above: target) > relativeGap,
               relative(bound, above: lastObjective) > 1e-6 {
                let stepped = stepPrices(from: lastDuals, bound: bound, floor: lastObjective, target: target, relativeGap: relativeGap,
                                         allowed: stepWork / max(1, objective.count),
                                         stop: { shouldStop() || timeLimit() <= 0 }, onStep: { onRound(rounds, $0) })
                steps = stepped.steps
                if stepped.bound < bound {
                    bound = stepped.bound
                    bestValues = stepped.pricedValues
                    bestPrices = stepped.prices
                }
            }
            var shares = [Double](repeating: 0, count: objective.count)
            for (pattern, weight) in lastMix.enumerated() where weight > 1e-9 {
                for column in held[pattern].columns { shares[column] += weight }
            }
            return Result(bound: bound, pricedValues: bestValues, prices: bestPrices, rounds: rounds, steps: steps, patterns: patterns,
                          dropped: droppedTotal, shares: shares)
        }
    }

    /// When the rounds stop short of the master's optimum (at 2,000 students each round costs more
    /// simplex work than the last, and the fifth crawls), subgradient steps on the master's rows
    /// from its last prices, each a proven bound (measured before the escort charge): seed-1 2,000
    /// students 5,767,042 → 5,755,542 in 200 steps (the rounds' bound was 0.38 % above the plan,
    /// then 0.18 %); 600 students stopped after 7 rounds, 1,715,639 in 300 steps (the master
    /// converged: 1,715,577). Polyak steps towards the
    /// master's value (no valid plan's bound is lower), halved after 10 steps without a new best.
    private func stepPrices(from start: [Double], bound: Double, floor: Double, target: Double, relativeGap: Double, allowed: Int,
                            stop: () -> Bool, onStep: (Double) -> Void) -> (bound: Double, pricedValues: [Double], prices: [Double], steps: Int) {
        var prices = start, bound = bound, pricedValues: [Double] = [], bestPrices = start
        var scale = 0.5, sinceBest = 0, steps = 0
        while steps < allowed, scale > 0.01, !stop() {
            let evaluation = priced(at: prices)
            steps += 1
            if evaluation.total < bound - 1e-6 {
                bound = evaluation.total
                pricedValues = evaluation.pricedValues
                bestPrices = prices
                sinceBest = 0
                onStep(bound)
            } else {
                sinceBest += 1
                if sinceBest == 10 { scale /= 2; sinceBest = 0 }
            }
            if relative(bound, above: target) <= relativeGap || relative(bound, above: floor) <= 1e-6 { break }
            // Each row's use by the chosen years, minus its bound (a subgradient of the priced total).
            var excess = prices.indices.map { -upper($0) }
            for column in evaluation.values.indices where evaluation.values[column] > 0 {
                for k in rowsOfColumn.range(column) { excess[rowsOfColumn.row(k)] += rowsOfColumn.coefficient[k] * evaluation.values[column] }
            }
            kept.addRowUse(at: prices, to: &excess)
            var norm = 0.0
            for row in prices.indices where prices[row] > 0 || excess[row] > 0 { norm += excess[row] * excess[row] }
            guard norm > 0 else { break }
            let length = scale * (evaluation.total - floor) / norm
            for row in prices.indices { prices[row] = max(0, prices[row] + length * excess[row]) }
        }
        debug("capacity master: \(steps) price steps, bound \(bound)")
        return (bound, pricedValues, bestPrices, steps)
    }

    /// The priced total at `prices` (per master row, as ``Result/prices`` gives them) of a master
    /// built without `smallGroups`, with shared students at sessions for fewer than R charged as
    /// `smallGroups` charges them: an escort there serves at most the session's capacity, so every
    /// valid plan keeps that charge too, and the total is a proven bound at most the master's own
    /// at the same prices. Nil when the prices do not fit this master's rows.
    ///
    /// Why: the large way's master charges 1/R for the guide's sake (``init``), but its bound need
    /// not. Seed-1 600 students: 1,715,209.29 → 1,715,190.08 (the `smallGroups` master's own,
    /// converged: 1,715,189); 2,000 students 5,756,127 → 5,756,068.
    func smallGroupsBound(at prices: [Double]) -> Double? {
        guard prices.count == capacityRows.count + supplyUpper.count else { return nil }
        return priced(at: prices, extra: smallGroupExtra).total
    }

    /// The priced total at the master's row prices. The supply rows are not the model's rows, but
    /// every valid plan keeps them, so their prices may be taken off the placements' values and
    /// their bounds added: still a proven bound.
    /// - Parameter extra: escort shares charged beyond the master's own (with their day's supply price).
    private func priced(at duals: [Double], extra: [(column: Int, dayRow: Int, share: Double)] = []) -> LagrangianBound.Evaluation {
        var prices = [Double](repeating: 0, count: lagrangian.pricedRows)
        for (number, row) in capacityRows.enumerated() { prices[row] = duals[number] }
        for fixed in fixedPrices { prices[fixed.row] = fixed.price }
        var values = objective
        var supplyTotal = 0.0
        for (number, upper) in supplyUpper.enumerated() { supplyTotal += duals[capacityRows.count + number] * upper }
        for column in values.indices {
            for k in rowsOfColumn.range(column) where rowsOfColumn.row(k) >= capacityRows.count {
                values[column] -= duals[rowsOfColumn.row(k)] * rowsOfColumn.coefficient[k]
            }
        }
        // The extra share counts in its session's keep row too: the escorts there are at least the
        // shares so charged, and only those beyond them are extra (``KeptEscorts``).
        for charge in extra {
            let keep = kept.keepRowOf[charge.column].map { duals[$0] } ?? 0
            values[charge.column] -= (escortPenalty + duals[charge.dayRow] - keep) * charge.share
        }
        for column in kept.modelColumns { values[column] = 0 }
        let evaluation = lagrangian.evaluate(objective: values, prices: prices)
        return LagrangianBound.Evaluation(total: evaluation.total + supplyTotal + kept.pricedTotal(duals), pricedValues: evaluation.pricedValues,
                                          values: evaluation.values)
    }

    /// A block's year in a full assignment of the columns: its columns and its value (sector repeats paid).
    private func pattern(of block: StudentBlocks.Block, in values: [Double]) -> (columns: [Int], value: Double) {
        let options = block.options.filter { values[$0.column] > 0.5 }
        var perSector = [Int](repeating: 0, count: block.sectorPenalty.count)
        var value = 0.0
        for option in options {
            if perSector[option.sector] > 0 { value -= block.sectorPenalty[option.sector] }
            perSector[option.sector] += 1
            value += objective[option.column]
        }
        return (options.map(\.column).sorted(), value)
    }
}

/// Each column's rows and coefficients in one flat list, in column order (counting sort).
struct ColumnRows {
    struct Entry {
        let column: Int
        let row: Int
        let coefficient: Double
    }

    private let start: [Int32]
    private let rows: [Int32]
    let coefficient: [Double]

    init(_ entries: [Entry], columns: Int) {
        var start = [Int32](repeating: 0, count: columns + 1)
        for entry in entries { start[entry.column + 1] += 1 }
        for column in 0..<columns { start[column + 1] += start[column] }
        var next = start
        var rows = [Int32](repeating: 0, count: entries.count)
        var coefficient = [Double](repeating: 0, count: entries.count)
        for entry in entries {
            let k = Int(next[entry.column])
            rows[k] = Int32(entry.row)
            coefficient[k] = entry.coefficient
            next[entry.column] += 1
        }
        self.start = start
        self.rows = rows
        self.coefficient = coefficient
    }

    func range(_ column: Int) -> Range<Int> { Int(start[column])..<Int(start[column + 1]) }
    func row(_ k: Int) -> Int { Int(rows[k]) }
}
