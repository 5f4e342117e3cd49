import Foundation
import Testing
import PlacementDomain
import WorkspaceImport
import YearSolver

/// When the time limit leaves no room for the MIPs, the planner still returns a valid plan
/// (the greedy one) and says honestly how far from proven it is.
@Suite struct TimeLimitTests {
    @Test func aTinyTimeLimitStillGivesAValidPlan() throws {
        let workspace = try WorkspaceLoader.load(SampleRun.dataFolder)
        let outcome = try YearPlanner.plan(workspace, options: PlanningOptions(timeLimit: 0.5))
        #expect(outcome.score.placements > 350, "the fallback plan should place most students")
        #expect(try writtenPlanViolations(outcome, workspace).isEmpty)
        #expect(outcome.relativeGap > 1e-4 || outcome.provenOptimal)
    }

    @Test func aStopRequestReturnsAValidPlan() throws {
        let workspace = try WorkspaceLoader.load(SampleRun.dataFolder)
        let outcome = try YearPlanner.plan(workspace, options: PlanningOptions(timeLimit: 60, shouldStop: { true }))
        #expect(outcome.score.placements > 350)
        #expect(try writtenPlanViolations(outcome, workspace).isEmpty)
    }
}
