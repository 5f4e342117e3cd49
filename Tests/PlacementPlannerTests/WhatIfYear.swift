import Foundation
import Testing
import PlacementDomain
@testable import YearSolver

/// A what-if's year model re-planning every term, anchored to a current plan: its greedy plan
/// (checked valid) and the options ``WhatIfPlanner`` would plan it with (its gap on the plan's own
/// points), for tests of the quick way's what-if steps.
struct WhatIfYear {
    let workspace: Workspace
    let pools: StaffPools
    let model: YearModel
    let greedy: [TermID: TermByTermPlan.TermChoice]
    let greedyValues: [Double]
    let options: PlanningOptions

    /// - Parameter workspace: the workspace before the change; `current` its plan.
    init(_ change: WorkspaceChange, to workspace: Workspace, current: Plan) throws {
        let terms = Set(workspace.terms.map(\.id))
        self.workspace = workspace.applying([change], from: terms)
        pools = StaffPools(self.workspace)
        model = YearPlanner.buildModel(self.workspace, pools: pools, current: current)
        var greedyPlan = GreedyPlan(workspace: self.workspace, pools: pools)
        greedyPlan.currentEscorts = current.escorts
        greedy = greedyPlan.choices(for: model)
        greedyValues = TermByTermPlan.assemble(model, choices: Array(greedy.values))
        try #require(model.linear.isFeasible(greedyValues))
        var options = PlanningOptions(timeLimit: TestTime.generous)
        options.current = current
        options.relativeGap = WhatIfPlanner.solverGap(options.relativeGap, current: current, in: workspace, terms: terms)
        self.options = options
    }

    /// The change on the sample school, from the sample's own plan.
    static func sample(_ change: WorkspaceChange) throws -> WhatIfYear {
        let run = try SampleRun.shared.get()
        return try WhatIfYear(change, to: run.workspace, current: run.outcome.plan)
    }

    /// The quick way's plan.
    func quick() throws -> QuickYearPlan.Result {
        try #require(try QuickYearPlan(workspace: workspace, pools: pools, options: options, start: Date())
            .plan(model, greedy: greedy, greedyValues: greedyValues, timeLimit: TestTime.generous))
    }

    /// The master over this year's what-if objective (the quick way's charges shared students their
    /// session's group size; the large way's, `smallGroups` false, one per R).
    func capacityMaster(smallGroups: Bool = true) -> CapacityMaster {
        CapacityMaster(model, lagrangian: LagrangianBound(model), pools: pools, settings: workspace.settings,
                       objective: model.linear.columns.map(\.objective), smallGroups: smallGroups)
    }

    /// The master's bound and prices, as the quick way computes them (or the large way, `smallGroups` false).
    func master(_ master: CapacityMaster? = nil) throws -> CapacityMaster.Result {
        try (master ?? capacityMaster())
            .solve(start: greedyValues, target: model.linear.objectiveValue(greedyValues), relativeGap: 0, seconds: TestTime.generous,
                   shouldStop: { false })
    }
}
