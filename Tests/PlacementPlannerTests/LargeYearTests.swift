import Foundation
import Testing
import LinearSolver
import PlacementDomain
import SchoolGenerator
import WorkspaceImport
@testable import YearSolver

/// The way large years are planned: each student's best year found exactly, the priced bound,
/// chains that place left-out students, and the whole path on schools small enough to check.
@Suite struct LargeYearTests {
    /// A small deterministic generator (the tests must not depend on the system's random numbers).
    struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Brute force: every way to take at most one option per term.
    static func bruteForceBest(_ block: StudentBlocks.Block, values: [Double]) -> Double {
        let byTerm = (0..<block.termCount).map { term in block.options.filter { $0.term == term } }
        var best = -Double.infinity
        func walk(_ term: Int, _ taken: [StudentBlocks.Option]) {
            guard term < byTerm.count else {
                guard Set(taken.map(\.employer)).count == taken.count else { return }
                var value = taken.reduce(0) { $0 + values[$1.column] }
                for sector in Set(taken.map(\.sector)) {
                    value -= Double(taken.filter { $0.sector == sector }.count - 1) * block.sectorPenalty[sector]
                }
                best = max(best, value)
                return
            }
            let forced = byTerm[term].filter(\.forced)
            if forced.isEmpty { walk(term + 1, taken) }
            for option in forced.isEmpty ? byTerm[term] : forced { walk(term + 1, taken + [option]) }
        }
        walk(0, [])
        return best
    }

    @Test func eachStudentsBestYearIsExact() {
        var numbers = Numbers(state: 2026)
        for _ in 0..<400 {
            var block = StudentBlocks.Block()
            block.termCount = 1 + numbers.next(4)
            block.employerCount = 1 + numbers.next(5)
            let sectors = 1 + numbers.next(3)
            block.sectorPenalty = (0..<sectors).map { _ in Double(numbers.next(3)) }
            var values: [Double] = []
            for term in 0..<block.termCount {
                let forced = numbers.next(6) == 0
                for k in 0..<(forced ? 1 : numbers.next(6)) {
                    let employer = numbers.next(block.employerCount)
                    // Same employer, same sector (as in the model); some options worth less than nothing.
                    block.options.append(StudentBlocks.Option(column: values.count, term: term, employer: employer,
                                                              sector: employer % sectors, forced: forced && k == 0))
                    values.append(Double(numbers.next(21) - 5))
                }
            }
            var chosen: [Int] = []
            let found = StudentBlocks.bestYear(block, values: values, into: &chosen)
            let expected = Self.bruteForceBest(block, values: values)
            #expect(found == expected || abs(found - expected) < 1e-9, "block \(block.options) values \(values)")
            if expected.isFinite {
                let options = chosen.map { column in block.options.first { $0.column == column }! }
                #expect(Set(options.map(\.term)).count == options.count && Set(options.map(\.employer)).count == options.count)
                #expect(block.options.filter(\.forced).allSatisfy { chosen.contains($0.column) })
            }
        }
    }

    /// The options of a term a best year may need: each sector's T best, in order, up to 2T − 1
    /// sectors. Kept without sorting every option; checked against that sort (the rule as it was
    /// written before session 27), on terms of up to 60 options with many equal values.
    @Test func theOptionsAYearMayNeedAreThoseTheFullSortGives() {
        var numbers = Numbers(state: 27)
        for _ in 0..<500 {
            let terms = 1 + numbers.next(4), sectors = 1 + numbers.next(6), count = numbers.next(61)
            let values = (0..<count).map { _ in Double(numbers.next(8)) }
            let ties = (0..<count).map { _ in numbers.next(1_000) }
            let sector = (0..<count).map { _ in numbers.next(sectors) }
            let sorted = (0..<count).sorted { (values[$0], -ties[$0], -$0) > (values[$1], -ties[$1], -$1) }
            var perSector = [Int](repeating: 0, count: sectors), distinct = 0
            var expected: [Int] = []
            for position in sorted where perSector[sector[position]] < terms {
                if perSector[sector[position]] == 0 { distinct += 1 }
                perSector[sector[position]] += 1
                expected.append(position)
                if distinct >= 2 * terms - 1 { break }
            }
            let kept = StudentBlocks.neededOptions(0..<count, values: values, ties: (0..<count).map { ties[$0] * 1_000 + $0 },
                                                   sector: { sector[$0] }, terms: terms, sectors: sectors)
            #expect(kept == expected, "values \(values) sectors \(sector) terms \(terms)")
        }
    }

    /// At the relaxation's own row prices, the priced total over the whole year is the relaxation's
    /// bound (each student's year solved exactly can only lower it) — the check that every row is priced right.
    @Test func pricesOfTheRelaxationGiveItsBound() throws {
        let workspace = try WorkspaceLoader.load(SampleRun.dataFolder)
        let model = YearPlanner.buildModel(workspace)
        let relaxation = try GLPKSolver.solveRelaxation(model.linear, timeLimit: 120)
        try #require(relaxation.solved && relaxation.rowDuals.count == model.linear.rows.count)
        let lagrangian = LagrangianBound(model)
        let prices = lagrangian.pricedRowIndices.map { relaxation.rowDuals[$0] }
        let total = lagrangian.evaluate(objective: model.linear.columns.map(\.objective), prices: prices).total
        #expect(total <= relaxation.objective + 1e-6)
        #expect(total >= relaxation.objective - 1, "priced total \(total), relaxation \(relaxation.objective)")
        // With no prices at all the bound is each student's best year alone: far weaker.
        let unpriced = lagrangian.evaluate(objective: model.linear.columns.map(\.objective),
                                           prices: [Double](repeating: 0, count: lagrangian.pricedRows)).total
        #expect(unpriced > total + 1000)
    }

    /// The sample school planned the large-year way: a valid plan, a bound no lower than the plan
    /// the usual way proves, the priced steps bring it far below the unpriced bound, and the most
    /// placements possible are counted as the usual way counts them.
    @Test func theSampleSchoolPlannedTheLargeWay() throws {
        let workspace = try WorkspaceLoader.load(SampleRun.dataFolder)
        // Far above the work (node budgets end its passes: ~120 s a run alone on session 24's machine).
        // With 60 s its pairs of terms ended on the clock (term MIPs by 40 s): under the suite's load on
        // that slower machine a run placed 419, and two runs could differ.
        var options = PlanningOptions(timeLimit: 600)
        options.largeYearColumns = 0
        options.quickLargeYearColumns = 0
        let outcome = try YearPlanner.plan(workspace, options: options)
        let violations = try writtenPlanViolations(outcome, workspace)
        #expect(violations.isEmpty, "verifier: \(violations)")
        let usual = try SampleRun.shared.get().outcome
        #expect(outcome.bound >= usual.score.objective - 1e-6)
        #expect(outcome.bound >= outcome.score.objective - 1e-6)
        // The master's bound and the term MIPs over its placements: within 0.99 % (the greedy plan
        // and the subgradient alone: 412 placed, within 5.8 %).
        #expect(outcome.relativeGap < 0.015, "gap \(outcome.relativeGap)")
        #expect(outcome.plan.placements.count >= 420)
        // The count proof runs beside the large way too: the same most-possible count as the usual way's.
        #expect(outcome.mostPlacementsPossible != nil)
        #expect(outcome.mostPlacementsPossible == usual.mostPlacementsPossible)
        // Same input, same plan.
        let again = try YearPlanner.plan(workspace, options: options)
        #expect(again.plan.placements.map { "\($0.student)|\($0.session)" } == outcome.plan.placements.map { "\($0.student)|\($0.session)" })
        #expect(again.bound == outcome.bound)
    }

    /// After the large way's term passes, a few students' whole years re-planned at once (as the
    /// quick way does) gain: the sample planned the large way (its passes end on their node budgets
    /// after ~30 s on session 22's machine, 76 s alone on session 24's slower one and later still in
    /// its loaded test run, where the 120 s limit this test had (term MIPs by 80 s) left the
    /// neighbourhoods no time: the limit is now far above the work, so that the budgets, not the
    /// clock, end the passes).
    @Test func theLargeWayReplansStudentsYearsWithTimeToSpare() throws {
        let (year, planned) = Self.largeWay(try WorkspaceLoader.load(SampleRun.dataFolder), timeLimit: 600)
        let without = planned(false), with = planned(true)
        func placed(_ values: [Double]) -> Int { year.placementColumns.filter { values[$0.index] > 0.5 }.count }
        #expect(year.linear.objectiveValue(with) > year.linear.objectiveValue(without) + 1,
                "with \(year.linear.objectiveValue(with)), without \(year.linear.objectiveValue(without))")
        #expect(placed(with) >= placed(without))
    }

    /// The large way's plan (column values, checked valid) of `workspace`'s year, with or without
    /// the students' neighbourhoods after the passes.
    private static func largeWay(_ workspace: Workspace, timeLimit: Double) -> (year: YearModel, plan: (Bool) -> [Double]) {
        var options = PlanningOptions(timeLimit: timeLimit)
        options.largeYearColumns = 0
        let pools = StaffPools(workspace)
        let year = YearPlanner.buildModel(workspace, pools: pools)
        let greedy = GreedyPlan(workspace: workspace, pools: pools).choices(for: year)
        let greedyValues = TermByTermPlan.assemble(year, choices: Array(greedy.values))
        return (year, { studentsYears in
            var large = LargeYearStrategy(workspace: workspace, pools: pools, options: options, start: Date())
            large.replansStudentsYears = studentsYears
            let outcome = large.solve(year, greedy: greedy, greedyValues: greedyValues)
            #expect(year.linear.isFeasible(outcome.values))
            return outcome.values
        })
    }

    /// The students' neighbourhoods run after the large way's passes however little of the time
    /// limit those leave (until session 20 only with 15 s left, so that the plan depended on the
    /// clock), and end on their own budget: a generated school's plan (20 s limit: 17.6 s for all
    /// the term MIPs) gains from them, and comes out the same twice.
    @Test func theLargeWayReplansStudentsYearsHoweverLittleTimeIsLeft() throws {
        let files = SchoolGenerator.generate(SchoolGeneratorParameters(students: 80, employers: 16, staff: 10, sites: 4,
                                                                       terms: 3, seed: 3))
        let (year, planned) = Self.largeWay(try WorkspaceLoader.load(try writeFiles(files, label: "generated-neighbourhoods")),
                                            timeLimit: 20)
        let without = year.linear.objectiveValue(planned(false))
        let with = planned(true)
        #expect(year.linear.objectiveValue(with) > without + 1, "with \(year.linear.objectiveValue(with)), without \(without)")
        #expect(planned(true) == with, "the same plan again")
    }

    /// A coordinator who shortens the time limit gets the term MIPs more of it (600 students at
    /// 10 s: 0.030–0.035 % from the bound instead of 0.051–0.054 %); from the default 60 s up they
    /// end at two thirds, as before; the master always ends before them.
    @Test func shorterTimeLimitsLeaveTheTermMIPsMoreOfThem() {
        #expect(LargeYearStrategy.termPlanEnd(timeLimit: 60) == 0.67)
        #expect(LargeYearStrategy.termPlanEnd(timeLimit: 600) == 0.67)
        #expect(abs(LargeYearStrategy.termPlanEnd(timeLimit: 10) - 0.88) < 1e-12)
        #expect(abs(LargeYearStrategy.termPlanEnd(timeLimit: 30) - 0.88) < 1e-12)
        let between = LargeYearStrategy.termPlanEnd(timeLimit: 45)
        #expect(between > 0.67 && between < 0.88)
        for limit in [1.0, 10, 20, 45, 60, 600] {
            #expect(LargeYearStrategy.masterEnd < LargeYearStrategy.termPlanEnd(timeLimit: limit))
        }
    }

    /// The count proof's master count can be read while the plan goes on (the large way asks for it
    /// before re-planning pairs of terms, which it does only while the plan is short of it), as
    /// often as asked, without using up the answer the plan's outcome waits for.
    @Test func theMasterCountLeavesTheProofsAnswer() throws {
        let run = try SampleRun.shared.get()
        let (model, greedy) = try run.greedyYear()
        let proof = try #require(MostPlacements.start(model, pools: StaffPools(run.workspace), settings: run.workspace.settings,
                                                      plan: greedy, seconds: TestTime.generous))
        let count = proof.masterCount(waiting: TestTime.generous)
        #expect(count == run.outcome.mostPlacementsPossible, "the master's count \(count.map(String.init) ?? "none")")
        #expect(proof.masterCount(waiting: 1) == count, "asked again")
        #expect(proof.wait(seconds: 1, placements: count ?? 0) == run.outcome.mostPlacementsPossible)
    }

    /// Pairs of terms are re-planned only while the plan places fewer than the count given: the
    /// sample's term MIPs over the master's placements (the large way's), whose pairs of terms find
    /// placements single terms miss, plan with a count of 0 exactly as with no pairs at all.
    @Test func pairsOfTermsStopAtTheCountGiven() throws {
        let planned = try Self.overTheMastersPlacements()
        let withPairs = try planned.values { $0.replansPairs = true }
        let singles = try planned.values { $0.replansPairs = false }
        #expect(planned.placed(withPairs) > planned.placed(singles),
                "pairs \(planned.placed(withPairs)) placed, single terms \(planned.placed(singles))")
        #expect(try planned.values { $0.replansPairs = true; $0.pairsWhilePlacingFewerThan = 0 } == singles)
    }

    /// Neighbourhoods around the students left out place what single-term re-plans miss: the sample's
    /// term MIPs over the master's placements, single terms only, end short of the most placements
    /// possible; with the placement neighbourhoods after their passes the plan places more, keeps
    /// every rule and scores more, the same plan twice. With the count already reached they change nothing.
    @Test func placementNeighbourhoodsPlaceWhatSingleTermsMiss() throws {
        let planned = try Self.overTheMastersPlacements()
        let most = try #require(try SampleRun.shared.get().outcome.mostPlacementsPossible)
        let singles = try planned.values { $0.replansPairs = false }
        try #require(planned.placed(singles) < most, "single terms already place the most: nothing to test")
        func withNeighbourhoods(count: Int) throws -> [Double] {
            try planned.values { $0.replansPairs = false; $0.placementNeighbourhoods = (PlacementNeighbourhoods(options: $0.options), count) }
        }
        let placedMore = try withNeighbourhoods(count: most)
        #expect(planned.placed(placedMore) > planned.placed(singles),
                "with the neighbourhoods \(planned.placed(placedMore)) placed, single terms \(planned.placed(singles)), at most \(most)")
        #expect(planned.model.linear.objectiveValue(placedMore) > planned.model.linear.objectiveValue(singles))
        #expect(try withNeighbourhoods(count: most) == placedMore, "the same plan again")
        #expect(try withNeighbourhoods(count: planned.placed(singles)) == singles)
    }

    /// The sample's year planned the large way's way: term MIPs over the master's placements, guided
    /// by its mix of years, from the greedy plan (each plan checked valid).
    private static func overTheMastersPlacements() throws
        -> (model: YearModel, values: ((inout TermByTermPlan) -> Void) throws -> [Double], placed: ([Double]) -> Int) {
        let run = try SampleRun.shared.get()
        let (model, greedy) = try run.greedyYear()
        let pools = StaffPools(run.workspace)
        let master = try CapacityMaster(model, lagrangian: LagrangianBound(model), pools: pools, settings: run.workspace.settings,
                                        objective: model.linear.columns.map(\.objective), smallGroups: false)
            .solve(start: greedy, target: model.linear.objectiveValue(greedy), relativeGap: 0, seconds: 120, shouldStop: { false })
        let guide = model.placementColumns.map { master.shares[$0.index] }
        let current = TermByTermPlan.choices(from: greedy, of: model, terms: Set(run.workspace.terms.map(\.id)))
        func values(_ configure: (inout TermByTermPlan) -> Void) throws -> [Double] {
            var termPlan = TermByTermPlan(workspace: run.workspace, pools: pools, options: PlanningOptions(timeLimit: TestTime.generous),
                                          guide: guide)
            termPlan.shortList = model.placementColumns.indices.map { guide[$0] > 1e-6 || greedy[model.placementColumns[$0].index] > 0.5 }
            configure(&termPlan)
            let values = try termPlan.values(for: model, bound: master.bound, fallback: current, timeLimit: TestTime.generous)
            #expect(model.linear.isFeasible(values))
            return values
        }
        return (model, values, { values in model.placementColumns.filter { values[$0.index] > 0.5 }.count })
    }

    /// The master over whole student years prices the sample's places and escort days to within a
    /// hair of the relaxation's bound (the subgradient stopped 2.5 % above it), never below the
    /// best plan known, and its mix of years takes each student at most once a term.
    @Test func theMasterBoundsTheSampleClosely() throws {
        let run = try SampleRun.shared.get()
        let (model, greedy) = try run.greedyYear()
        let objective = model.linear.columns.map(\.objective)
        let lagrangian = LagrangianBound(model)
        let master = try CapacityMaster(model, lagrangian: lagrangian, pools: StaffPools(run.workspace),
                                        settings: run.workspace.settings, objective: objective)
            .solve(start: greedy, target: model.linear.objectiveValue(greedy), relativeGap: 0, seconds: 120, shouldStop: { false })
        #expect(master.bound >= run.outcome.score.objective - 1e-6, "bound \(master.bound) below a valid plan")
        // Below the relaxation (425,590.07 against 425,606.87: small sessions' groups charged at their
        // capacity); without charging the escorts every plan must send, 425,701.
        #expect(master.bound <= run.outcome.bound * 1.00005, "bound \(master.bound), relaxation \(run.outcome.bound)")
        let unpriced = lagrangian.evaluate(objective: objective, prices: [Double](repeating: 0, count: lagrangian.pricedRows)).total
        #expect(master.bound < unpriced - 5000)
        let perStudentTerm = Dictionary(grouping: model.candidates.indices) { "\(model.candidates[$0].student.id)|\(model.candidates[$0].session.term)" }
            .mapValues { $0.reduce(0.0) { $0 + master.shares[model.placementColumns[$1].index] } }
        #expect(perStudentTerm.values.allSatisfy { $0 <= 1 + 1e-6 })
        #expect(perStudentTerm.values.reduce(0, +) > 400)
        // A small work budget stops it early (the same rounds on any machine): fewer rounds, a
        // bound no tighter than the converged one and still valid.
        let early = try CapacityMaster(model, lagrangian: lagrangian, pools: StaffPools(run.workspace),
                                       settings: run.workspace.settings, objective: objective)
            .solve(start: greedy, target: model.linear.objectiveValue(greedy), relativeGap: 0, seconds: 120,
                   work: 2_000_000, shouldStop: { false })
        #expect(early.rounds >= 1 && early.rounds < master.rounds, "\(early.rounds) rounds early, \(master.rounds) in all")
        #expect(early.bound >= master.bound - 1e-6 && early.bound >= run.outcome.score.objective - 1e-6)
        // The price steps after rounds stopped early bring the bound down, never below the converged master's.
        let unstepped = try CapacityMaster(model, lagrangian: lagrangian, pools: StaffPools(run.workspace),
                                           settings: run.workspace.settings, objective: objective)
            .solve(start: greedy, target: model.linear.objectiveValue(greedy), relativeGap: 0, seconds: 120,
                   work: 2_000_000, stepWork: 0, shouldStop: { false })
        #expect(early.steps > 0 && unstepped.steps == 0)
        #expect(early.bound < unstepped.bound - 100, "stepped \(early.bound), unstepped \(unstepped.bound)")
    }

    /// A session for 2 students never fills a group of 3 shared students, so the master charges
    /// each shared student there half an escort, not a third: its bound is the plan's, where the
    /// relaxation (R·g ≥ #shared) stays a third of a point above.
    @Test func aSmallSessionsSharedGroupIsChargedItsCapacity() throws {
        var school = TestSchool()
        for id in ["S1", "S2", "S3"] { school.student(id, interests: ["farm"], escort: .shared) }
        school.employer("farm1", sector: "farm", capacity: 2)
        for id in ["A", "B"] { school.staffMember(id) }
        let plan = try school.plan()
        #expect(plan.plan.placements.count == 2 && plan.score.escortAssignments == 1)
        #expect(abs(plan.bound - plan.score.objective) < 1e-6, "bound \(plan.bound), plan \(plan.score.objective)")
        let model = YearPlanner.buildModel(school.workspace)
        let relaxation = try GLPKSolver.solveRelaxation(model.linear, timeLimit: 10)
        try #require(relaxation.solved)
        #expect(relaxation.objective > plan.score.objective + 0.3, "relaxation \(relaxation.objective)")
        let greedy = TermByTermPlan.assemble(model, choices: Array(GreedyPlan(workspace: school.workspace, pools: StaffPools(school.workspace))
            .choices(for: model).values))
        let master = try CapacityMaster(model, lagrangian: LagrangianBound(model), pools: StaffPools(school.workspace),
                                        settings: school.settings, objective: model.linear.columns.map(\.objective))
            .solve(start: greedy, target: plan.score.objective, relativeGap: 0, seconds: 10, shouldStop: { false })
        #expect(abs(master.bound - plan.score.objective) < 1e-4, "master \(master.bound), plan \(plan.score.objective)")
    }

    /// The large way's master charges a shared student 1/R of an escort everywhere (its mix guides
    /// the term MIPs better so), but its bound need not: at its own prices, charging shared students
    /// at sessions for fewer than R as the small-groups master does gives a lower bound, still valid.
    /// The sample: below the large way's master, never below the small-groups master's converged
    /// bound (the lowest such a total can be at any prices) nor the sample's plan.
    @Test func theLargeWaysBoundChargesSmallSessionsGroupsAtTheirCapacity() throws {
        let run = try SampleRun.shared.get()
        let (sample, sampleGreedy) = try run.greedyYear()
        let objective = sample.linear.columns.map(\.objective)
        let lagrangian = LagrangianBound(sample)
        func master(smallGroups: Bool) -> CapacityMaster {
            CapacityMaster(sample, lagrangian: lagrangian, pools: StaffPools(run.workspace), settings: run.workspace.settings,
                           objective: objective, smallGroups: smallGroups)
        }
        let target = sample.linear.objectiveValue(sampleGreedy)
        let largeWay = master(smallGroups: false)
        let rounds = try largeWay.solve(start: sampleGreedy, target: target, relativeGap: 0, seconds: 120, shouldStop: { false })
        let converged = try master(smallGroups: true).solve(start: sampleGreedy, target: target, relativeGap: 0, seconds: 120,
                                                            shouldStop: { false })
        let charged = try #require(largeWay.smallGroupsBound(at: rounds.prices))
        #expect(charged < rounds.bound - 5, "charged \(charged), the large way's master \(rounds.bound)")
        #expect(charged >= converged.bound - 1e-6 && charged >= run.outcome.score.objective - 1e-6,
                "charged \(charged), small groups' master \(converged.bound), plan \(run.outcome.score.objective)")
        #expect(largeWay.smallGroupsBound(at: []) == nil)
    }

    /// With columns fixed, rows that can no longer be broken are left out of the relaxation, and
    /// only those: a row the free columns can still break keeps binding (1.5, not 2.5), a row they
    /// cannot (x + y ≤ 5) changes nothing, and a fixed column still counts in its rows.
    @Test func theRelaxationLeavesOutOnlyRowsThatAlwaysHold() throws {
        var model = LinearModel(name: "rows", sense: .maximize)
        let x = model.addColumn("x", kind: .binary, objective: 1)
        let y = model.addColumn("y", kind: .binary, objective: 1)
        let z = model.addColumn("z", kind: .binary, objective: 0.5)
        let fixed = model.addColumn("fixed", kind: .binary, objective: 0)
        model.fix(fixed, at: 1)
        model.addRow("binding", [(x, 1), (y, 1)], upper: 1)
        model.addRow("loose", [(x, 1), (y, 1)], upper: 5)
        model.addRow("withFixed", [(z, 1), (fixed, 1)], upper: 1.5)
        let relaxation = try GLPKSolver.solveRelaxation(model, timeLimit: 10)
        try #require(relaxation.solved && relaxation.values.count == 4)
        #expect(abs(relaxation.objective - 1.25) < 1e-4, "\(relaxation.objective)")
        #expect(abs(relaxation.values[z.index] - 0.5) < 1e-4 && relaxation.values[fixed.index] == 1)
    }

    /// A search with its fixed columns substituted out (as student neighbourhoods search) finds
    /// the same best plan as over the whole model, with the fixed columns' values and objective put
    /// back and their share of each row kept (f1 = 1 leaves a + b ≤ 1, n ≤ 2); and a row the fixed
    /// columns alone break makes both searches infeasible.
    @Test func aSearchWithFixedColumnsSubstitutedOutFindsTheSamePlan() throws {
        var model = LinearModel(name: "fixed", sense: .maximize)
        let a = model.addColumn("a", kind: .binary, objective: 3)
        let b = model.addColumn("b", kind: .binary, objective: 2)
        let c = model.addColumn("c", kind: .binary, objective: 2.5)
        let n = model.addColumn("n", kind: .integer, upper: 3, objective: 1)
        let f1 = model.addColumn("f1", kind: .binary, objective: 5)
        let f0 = model.addColumn("f0", kind: .binary, objective: 4)
        model.fix(f1, at: 1)
        model.fix(f0, at: 0)
        model.addRow("ab", [(a, 1), (b, 1), (f1, 1)], upper: 2)
        model.addRow("bcn", [(b, 1), (c, 1), (n, 1)], upper: 3)
        model.addRow("ac", [(a, 1), (c, 1), (f0, 1)], upper: 1)
        model.addRow("n", [(n, 1), (f1, -1)], upper: 1)
        var options = SolveOptions(timeLimit: 10, relativeGap: 0, presolve: false)
        let whole = try GLPKSolver.solve(model, options: options)
        options.substitutesFixedColumns = true
        let substituted = try GLPKSolver.solve(model, options: options)
        for result in [whole, substituted] {
            #expect(result.status == .optimal)
            #expect(abs(result.objective - 10.5) < 1e-9, "\(result.objective)")
            #expect(abs(result.bound - 10.5) < 1e-6, "\(result.bound)")
            #expect(result.values == [0, 1, 1, 1, 1, 0], "\(result.values)")
        }
        model.addRow("broken", [(f1, 1)], upper: 0)
        #expect(try GLPKSolver.solve(model, options: options).status == .infeasible)
        options.substitutesFixedColumns = false
        #expect(try GLPKSolver.solve(model, options: options).status == .infeasible)
    }

    /// A generated school with places and escorts both short (like the large schools), small enough
    /// for the usual way to prove its plan: the large way's bound is never below that plan (the
    /// escort-day rows are implied by the rules, not guessed), the usual bound is never below the
    /// large way's plan, and the large way's plan — from term MIPs over the master's placements —
    /// comes close to the proven one.
    @Test func theLargeWayBoundsAGeneratedSchoolValidly() throws {
        let files = SchoolGenerator.generate(SchoolGeneratorParameters(students: 80, employers: 16, staff: 10, sites: 4,
                                                                       terms: 3, seed: 3))
        let workspace = try WorkspaceLoader.load(try writeFiles(files, label: "generated-large-way"))
        let usual = try YearPlanner.plan(workspace, options: PlanningOptions(timeLimit: 60))
        var options = PlanningOptions(timeLimit: 60)
        options.largeYearColumns = 0
        options.quickLargeYearColumns = 0
        let large = try YearPlanner.plan(workspace, options: options)
        #expect(large.bound >= usual.score.objective - 1e-6, "large-way bound \(large.bound), usual plan \(usual.score.objective)")
        #expect(usual.bound >= large.score.objective - 1e-6)
        let violations = try writtenPlanViolations(large, workspace)
        #expect(violations.isEmpty, "verifier: \(violations)")
        #expect(large.relativeGap < 0.005, "large way \(large.score.objective) within \(large.relativeGap) of \(large.bound); usual \(usual.score.objective)")
    }

    /// A what-if the large way: the kept term is byte for byte the same, the withdrawn employer is
    /// gone from the re-planned terms, and the new plan keeps every rule.
    @Test func aWhatIfPlannedTheLargeWay() throws {
        let run = try SampleRun.shared.get()
        let busiest = Dictionary(grouping: run.outcome.plan.placements, by: \.session.employer)
            .max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!.key
        let first = run.workspace.terms[0].id
        var options = PlanningOptions(timeLimit: 60)
        options.largeYearColumns = 0
        options.quickLargeYearColumns = 0
        let result = try WhatIfPlanner.replan(run.workspace, current: run.outcome.plan, changes: [.withdraw(busiest)],
                                              from: run.workspace.terms[1].id, options: options)
        let kept = { (plan: Plan) in plan.placements.filter { $0.session.term == first }.map { "\($0.student)|\($0.session)" }.sorted() }
        #expect(kept(result.outcome.plan) == kept(run.outcome.plan))
        #expect(!result.outcome.plan.placements.contains { $0.session.employer == busiest && $0.session.term != first })
        let violations = try writtenPlanViolations(result.outcome, result.workspace)
        #expect(violations.isEmpty, "verifier: \(violations)")
        #expect(result.outcome.relativeGap.isFinite && result.outcome.bound.isFinite)
        // Minimal disruption: only the students the withdrawal displaces may lose their place; the
        // others keep theirs or move along a chain that places someone (with current placements
        // kept one student at a time and escorts chosen afresh, 3 students who had nothing to do
        // with the employer lost their place here).
        let displaced = Set(run.outcome.plan.placements.filter { $0.session.employer == busiest && $0.session.term != first }.map(\.student))
        let others = result.changes.filter { !displaced.contains($0.student) }
        #expect(!others.contains { $0.kind == .newlyUnplaced }, "\(others.map { "\($0.student) \($0.kind)" })")
        #expect(Set(others.map(\.student)).count < displaced.count, "\(displaced.count) displaced, \(others.count) others changed")
        #expect(result.outcome.plan.placements.count >= run.outcome.plan.placements.count - displaced.count)
    }

    /// A what-if the large way ends with the whole year over the master's placements: on the sample
    /// (every term re-planned, ST12 away) it comes far closer to the bound than the priced greedy plan
    /// alone, and keeps every rule.
    @Test func aLargeWhatIfPlansTheWholeYearOverTheMastersPlacements() throws {
        let run = try SampleRun.shared.get()
        var options = PlanningOptions(timeLimit: 60)
        options.largeYearColumns = 0
        options.quickLargeYearColumns = 0
        var without = options
        without.largeWholeYearColumns = 0
        let change = WorkspaceChange.staffAway("ST12")
        let from = run.workspace.terms[0].id
        let planned = try WhatIfPlanner.replan(run.workspace, current: run.outcome.plan, changes: [change], from: from, options: options)
        let greedy = try WhatIfPlanner.replan(run.workspace, current: run.outcome.plan, changes: [change], from: from, options: without)
        // Measured: the what-if objective 442,855.93 → 446,988.87 (the master's bound 447,090.20).
        #expect(planned.outcome.relativeGap < greedy.outcome.relativeGap / 10,
                "gap \(planned.outcome.relativeGap) with the whole year, \(greedy.outcome.relativeGap) without")
        #expect(try writtenPlanViolations(planned.outcome, planned.workspace).isEmpty)
    }

    /// The sample's busiest employer withdrawn from the later terms: the changed school, its what-if
    /// model (every term re-planned, the current plan's sessions marked) and the later terms.
    private func withdrawalModel(_ run: SampleRun) -> (changed: Workspace, pools: StaffPools, year: YearModel, busiest: EmployerID, later: Set<TermID>) {
        let busiest = Dictionary(grouping: run.outcome.plan.placements, by: \.session.employer)
            .max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!.key
        let later = Set(run.workspace.terms.dropFirst().map(\.id))
        let changed = run.workspace.applying([.withdraw(busiest)], from: later)
        let pools = StaffPools(changed)
        let candidates = CandidateFinder.candidates(in: changed, pools: pools, current: run.outcome.plan)
        let year = YearModelBuilder.build(workspace: changed, pools: pools, candidates: candidates, current: run.outcome.plan)
        return (changed, pools, year, busiest, later)
    }

    /// The greedy plan of a what-if keeps every current placement of the students a change does
    /// not displace — escorts included, even where two escorts share one student's skills — and
    /// the plan keeps every row of the model.
    @Test func theGreedyWhatIfKeepsEveryUndisplacedPlacement() throws {
        let run = try SampleRun.shared.get()
        let (changed, pools, year, busiest, later) = withdrawalModel(run)
        var greedy = GreedyPlan(workspace: changed, pools: pools)
        greedy.currentEscorts = run.outcome.plan.escorts
        let choices = greedy.choices(for: year)
        #expect(year.linear.isFeasible(TermByTermPlan.assemble(year, choices: Array(choices.values))))
        let planned = Set(choices.values.flatMap { $0.byStudent.values.map { "\($0.student.id)|\($0.session)" } })
        let displaced = Set(run.outcome.plan.placements.filter { later.contains($0.session.term) && $0.session.employer == busiest }.map(\.student))
        let lost = run.outcome.plan.placements.filter { !displaced.contains($0.student) && !planned.contains("\($0.student)|\($0.session)") }
        #expect(!displaced.isEmpty)
        #expect(lost.isEmpty, "\(lost.count) current placements not kept: \(lost.map { "\($0.student) \($0.session)" })")
        // Without the current plan the same greedy keeps far fewer of them: the test can tell.
        let unaware = YearModelBuilder.build(workspace: changed, pools: pools, candidates: CandidateFinder.candidates(in: changed, pools: pools))
        let fresh = Set(GreedyPlan(workspace: changed, pools: pools).choices(for: unaware).values
            .flatMap { $0.byStudent.values.map { "\($0.student.id)|\($0.session)" } })
        let notKept = run.outcome.plan.placements.filter { !fresh.contains("\($0.student)|\($0.session)") }.count
        #expect(notKept > 100, "\(notKept)")
    }

    /// A current plan whose escorts are missing (a hand-edited escorts.csv): sessions are not kept
    /// whole without the escorts their students need, and the greedy plan still keeps every row.
    @Test func aCurrentPlanWithoutItsEscortsStillGivesAValidGreedyPlan() throws {
        let run = try SampleRun.shared.get()
        let (changed, pools, year, _, _) = withdrawalModel(run)
        let choices = GreedyPlan(workspace: changed, pools: pools).choices(for: year)
        #expect(year.linear.isFeasible(TermByTermPlan.assemble(year, choices: Array(choices.values))))
    }

    /// A: one place on Monday; B: one place on Monday. X can only go to A; Y to either. With Y at
    /// A, X is left out until Y moves to B.
    @Test func aChainPlacesALeftOutStudent() throws {
        var school = TestSchool()
        school.employer("A")
        school.employer("B")
        school.student("X", avoid: ["B"])
        school.student("Y")
        let workspace = school.workspace
        let model = YearPlanner.buildModel(workspace)
        let yAtA = model.candidates.first { $0.student.id == "Y" && $0.employer.id == "A" }!
        var choice = TermByTermPlan.TermChoice()
        choice.placements = [TermByTermPlan.key(yAtA)]
        choice.byStudent = [yAtA.student.id: yAtA]
        let improved = PlacementChains(year: model).improve(["t1": choice])["t1"]!
        #expect(improved.byStudent["X"]?.employer.id == "A")
        #expect(improved.byStudent["Y"]?.employer.id == "B")
        let values = TermByTermPlan.assemble(model, choices: [improved])
        #expect(model.linear.isFeasible(values))
    }

    /// P needs a one-to-one escort trained in epilepsy; E1 (the only one trained) escorts Q, who
    /// needs no training, and E2 is free. P is placed once E2 takes over Q.
    @Test func aOneToOneStudentIsPlacedBySwappingEscorts() throws {
        var school = TestSchool()
        school.employer("A", capacity: 2)
        school.staffMember("E1", skills: ["epilepsy"])
        school.staffMember("E2")
        school.student("P", escort: .oneToOne, skills: ["epilepsy"])
        school.student("Q", escort: .oneToOne)
        let workspace = school.workspace
        let pools = StaffPools(workspace)
        let model = YearPlanner.buildModel(workspace, pools: pools)
        let qAtA = model.candidates.first { $0.student.id == "Q" }!
        let trained = pools.pools(on: .mon, in: "t1").first { $0.skills == ["epilepsy"] }!
        var choice = TermByTermPlan.TermChoice()
        choice.placements = [TermByTermPlan.key(qAtA)]
        choice.byStudent = [qAtA.student.id: qAtA]
        choice.escortCounts = [TermByTermPlan.escortKey(trained, qAtA.session): 1]
        #expect(model.linear.isFeasible(TermByTermPlan.assemble(model, choices: [choice])))
        let improved = EscortedPlacements(year: model, pools: pools).improve(["t1": choice])["t1"]!
        #expect(improved.byStudent["P"]?.employer.id == "A")
        #expect(improved.byStudent["Q"]?.employer.id == "A")
        #expect(model.linear.isFeasible(TermByTermPlan.assemble(model, choices: [improved])))
        // With E2 away there is nobody to take over: P stays unplaced and nothing changes.
        school.staff.removeAll { $0.id == "E2" }
        let alone = school.workspace
        let fewer = StaffPools(alone)
        let smaller = YearPlanner.buildModel(alone, pools: fewer)
        let unchanged = EscortedPlacements(year: smaller, pools: fewer).improve(["t1": choice])["t1"]!
        #expect(unchanged.byStudent["P"] == nil)
    }

    /// Nobody escorted is moved, and a chain never uses an employer the student had in another term.
    @Test func chainsKeepEscortsAndOtherTerms() throws {
        var school = TestSchool(terms: 2)
        school.employer("A")
        school.employer("B")
        school.staffMember("E")
        school.student("X", avoid: ["B"])
        school.student("Y", escort: .oneToOne)
        let workspace = school.workspace
        let model = YearPlanner.buildModel(workspace)
        let yAtA = model.candidates.first { $0.student.id == "Y" && $0.employer.id == "A" && $0.session.term == "t1" }!
        var choice = TermByTermPlan.TermChoice()
        choice.placements = [TermByTermPlan.key(yAtA)]
        choice.byStudent = [yAtA.student.id: yAtA]
        let improved = PlacementChains(year: model).improve(["t1": choice, "t2": TermByTermPlan.TermChoice()])
        #expect(improved["t1"]!.byStudent["Y"]?.employer.id == "A", "the escorted student stays")
        #expect(improved["t1"]!.byStudent["X"] == nil)
        #expect(improved["t2"]!.byStudent["X"]?.employer.id == "A", "X is placed where there is room")
    }
}
