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
        let model = whatIf.model
        let quick = try whatIf.quick()
        let master = CapacityMaster(model, lagrangian: LagrangianBound(model), pools: whatIf.pools, settings: whatIf.workspace.settings,
                                    objective: model.linear.columns.map(\.objective), smallGroups: false)
        let solved = try master.solve(start: whatIf.greedyValues, target: model.linear.objectiveValue(whatIf.greedyValues), relativeGap: 0,
                                      seconds: TestTime.generous, shouldStop: { false })
        let bound = try #require(master.smallGroupsBound(at: solved.prices))
        #expect(solved.bound >= quick.objective - 1e-6, "bound \(solved.bound) below a valid plan \(quick.objective)")
        #expect(bound >= quick.objective - 1e-6, "small groups' bound \(bound) below a valid plan \(quick.objective)")
    }
}
