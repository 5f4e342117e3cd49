import Foundation
import Testing
import PlacementDomain
@testable import YearSolver

/// What-ifs that re-plan the sample's whole year (from its first term): the master's bound prices
/// the escort-move rows, the quick way keeps a relaxation that came out whole, and the plan is
/// proven within the gap. Before, these took 16–28 s and one was not proven at all.
@Suite struct WholeYearWhatIfTests {
    /// The what-if model anchored to the sample's own plan, with nothing changed: the master's bound
    /// comes within 0.01 % of that plan (it was 0.018 % above, every move row left unpriced).
    @Test func theMasterPricesEscortMoves() throws {
        let run = try SampleRun.shared.get()
        let pools = StaffPools(run.workspace)
        let model = YearPlanner.buildModel(run.workspace, pools: pools, current: run.outcome.plan)
        try #require(!model.escortMoveRows.isEmpty)
        let terms = Set(run.workspace.terms.map(\.id))
        let choices = TermByTermPlan.choices(of: run.outcome.plan, terms: terms, model: model, pools: pools,
                                             sharedEscortRatio: run.workspace.settings.sharedEscortRatio)
        let plan = TermByTermPlan.assemble(model, choices: Array(choices.values))
        try #require(model.linear.isFeasible(plan))
        let objective = model.linear.objectiveValue(plan)
        let master = try CapacityMaster(model, lagrangian: LagrangianBound(model), pools: pools,
                                        settings: run.workspace.settings, objective: model.linear.columns.map(\.objective))
            .solve(start: plan, target: objective, relativeGap: 0, seconds: 120, shouldStop: { false })
        #expect(master.bound >= objective - 1e-6, "bound \(master.bound) below a valid plan \(objective)")
        #expect(relative(master.bound, above: objective) <= 1e-4, "bound \(master.bound), plan \(objective)")
    }

    @Test(arguments: [WorkspaceChange.staffAway("ST05"), .withdraw("basket-co-biggin-hill"),
                      .studentAlsoAttends("S001", .thu)])
    func aWhatIfFromTheFirstTermIsProvenWithinTheGap(change: WorkspaceChange) throws {
        let run = try SampleRun.shared.get()
        let result = try WhatIfPlanner.replan(run.workspace, current: run.outcome.plan, changes: [change],
                                              from: run.workspace.terms[0].id, options: PlanningOptions(timeLimit: 60))
        let outcome = result.outcome
        #expect(outcome.provenOptimal)
        #expect(outcome.relativeGap <= 1e-4, "gap \(outcome.relativeGap)")
        #expect(outcome.mostPlacementsPossible == outcome.score.placements)
        #expect(try writtenPlanViolations(outcome, result.workspace).isEmpty)
    }

    /// A relaxation's point with every placement whole is a plan; one with half a placement is not.
    @Test func aWholeRelaxationPointIsAPlan() throws {
        let run = try SampleRun.shared.get()
        let pools = StaffPools(run.workspace)
        let model = YearPlanner.buildModel(run.workspace, pools: pools)
        let terms = Set(run.workspace.terms.map(\.id))
        let choices = TermByTermPlan.choices(of: run.outcome.plan, terms: terms, model: model, pools: pools,
                                             sharedEscortRatio: run.workspace.settings.sharedEscortRatio)
        let plan = TermByTermPlan.assemble(model, choices: Array(choices.values))
        try #require(model.linear.isFeasible(plan))
        let whole = try #require(QuickYearPlan.wholePlan(plan, of: model, terms: terms))
        #expect(abs(whole.objective - model.linear.objectiveValue(plan)) < 1e-6)
        #expect(abs(whole.objective - run.outcome.score.objective) < 1e-3)

        var half = plan
        let placed = try #require(model.placementColumns.first { plan[$0.index] > 0.5 })
        half[placed.index] = 0.5
        #expect(QuickYearPlan.wholePlan(half, of: model, terms: terms) == nil)
    }
}
