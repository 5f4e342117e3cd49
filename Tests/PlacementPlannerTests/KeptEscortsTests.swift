import Foundation
import Testing
import PlacementDomain
@testable import YearSolver

/// A what-if master with the escorts kept at their sessions as its own columns and rows
/// (``KeptEscorts``): a tighter bound that still holds for every valid plan.
struct KeptEscortsTests {
    /// taylor-patel-co-solicitors withdrawn from the sample's own plan: the master's bound counted every
    /// escort kept for free (436,398.33, 54.5 points above the short list's plan, where the gap allows
    /// 43.6), so the quick way waited for the relaxation over every placement to prove the plan. Its
    /// bound now proves the plan by itself, and the relaxation over every placement is not asked for.
    @Test func aWithdrawalIsProvenByTheMastersBoundAlone() throws {
        let whatIf = try WhatIfYear.sample(.withdraw("taylor-patel-co-solicitors"))
        let master = try whatIf.master()
        let quick = try whatIf.quick()
        #expect(master.bound >= quick.objective - 1e-6, "bound \(master.bound) below a valid plan \(quick.objective)")
        #expect(relative(master.bound, above: quick.objective) <= whatIf.options.relativeGap,
                "bound \(master.bound), plan \(quick.objective)")
        #expect(quick.relaxation == nil, "the relaxation over every placement was asked for")
    }

    /// The large way's master charges shared students 1/R and bounds with the sessions' own group
    /// sizes afterwards (``CapacityMaster/smallGroupsBound(at:)``); that bound must count the larger
    /// shares in the keep rows too. Without that it stood below valid plans: 600 students with ST01
    /// away, 1,801,523.19 against the plan's 1,801,532.05; the sample with kettle-barn-tea-rooms
    /// withdrawn, 446,405.26 against 446,414.09. Each bound is checked against the quick way's (valid)
    /// plan for three what-ifs of the sample.
    @Test(arguments: [WorkspaceChange.staffAway("ST01"), .staffAway("ST08"), .withdraw("kettle-barn-tea-rooms")])
    func theLargeWaysBoundHoldsForEveryValidPlan(change: WorkspaceChange) throws {
        let whatIf = try WhatIfYear.sample(change)
        let quick = try whatIf.quick()
        let master = whatIf.capacityMaster(smallGroups: false)
        let solved = try whatIf.master(master)
        let bound = try #require(master.smallGroupsBound(at: solved.prices))
        #expect(solved.bound >= quick.objective - 1e-6, "bound \(solved.bound) below a valid plan \(quick.objective)")
        #expect(bound >= quick.objective - 1e-6, "small groups' bound \(bound) below a valid plan \(quick.objective)")
    }

    /// A whole point of the sifted relaxation is the plan when it scores the relaxation's bound, also
    /// when the sifting ended on the student years' bound rather than with nothing left to enter
    /// (`complete` false): with the kept escorts in the master, basket-co-biggin-hill's sifting ends so,
    /// and the point (its optimum) went through the term re-plans and the whole year's search (1.4 s
    /// instead of 1.0 s). A point under its bound is not taken.
    @Test func aWholeSiftedPointThatScoresItsBoundIsThePlan() throws {
        let whatIf = try WhatIfYear.sample(.withdraw("basket-co-biggin-hill"))
        let model = whatIf.model
        let relaxation = try #require(try whatIf.quick().relaxation, "the sifted relaxation was not asked for: nothing under test")
        let point = try #require(QuickYearPlan.wholePlan(relaxation.values, of: model, terms: Set(whatIf.workspace.terms.map(\.id))),
                                 "the relaxation's point is not whole: nothing under test")
        let greedy = QuickYearPlan.result(whatIf.greedyValues, objective: model.linear.objectiveValue(whatIf.greedyValues),
                                          masterBound: .infinity, year: model, workspace: whatIf.workspace)
        let planner = QuickYearPlan(workspace: whatIf.workspace, pools: whatIf.pools, options: whatIf.options, start: Date())
        func ended(bound: Double) -> SiftedRelaxation.Result {
            SiftedRelaxation.Result(values: relaxation.values, bound: bound, complete: false, rounds: 1, kept: 0)
        }
        let taken = planner.wholeSiftedPlan(ended(bound: point.objective), over: greedy, year: model)
        #expect(taken?.values == point.values && taken?.bound == point.objective)
        #expect(planner.wholeSiftedPlan(ended(bound: point.objective + 10), over: greedy, year: model) == nil)
    }
}
