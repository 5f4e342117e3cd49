import Foundation
import Testing
import PlacementDomain
import WorkspaceImport
@testable import YearSolver

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

    /// A short limit still takes the quick way: the sample with ST12 away, re-planned from its first
    /// term, is proven within the gap in well under a second. Until session 30 any limit under 10 s
    /// skipped the quick way, and the same what-if under `--time-limit 5` ran 3.7 s and ended "not
    /// proven" (the relaxation over every placement did not finish in its share).
    @Test func aWhatIfUnderAShortTimeLimitIsStillProven() throws {
        let run = try SampleRun.shared.get()
        let result = try WhatIfPlanner.replan(run.workspace, current: run.outcome.plan, changes: [.staffAway("ST12")],
                                              from: run.workspace.terms[0].id, options: PlanningOptions(timeLimit: 8))
        let outcome = result.outcome
        #expect(outcome.bound.isFinite && outcome.relativeGap <= 1e-4, "plan \(outcome.score.objective), bound \(outcome.bound)")
        #expect(try writtenPlanViolations(outcome, result.workspace).isEmpty)
    }

    /// Under short limits the quick way and its master take larger shares (the sample's `plan` under
    /// `--time-limit 5` wrote the greedy plan, 24 short, with 40 % and 30 %); from 20 s up the shares
    /// are those every measurement before session 30 used.
    @Test func shortLimitsGiveTheQuickWayAndItsMasterLargerShares() {
        #expect(SolveStrategy.quickShare(of: 5) == 4)
        #expect(SolveStrategy.quickShare(of: 10) == 8)
        #expect(SolveStrategy.quickShare(of: 60) == 24)
        #expect(QuickYearPlan.masterShare(of: 2.4) == 1.2)
        #expect(QuickYearPlan.masterShare(of: 4) == 2)
        #expect(QuickYearPlan.masterShare(of: 24) == 24 * 0.3)
    }

    /// A stop before solving (Ctrl-C while the files load) returns the greedy plan, repaired, at once,
    /// with the bound at zero prices: no master round, and neither the short relaxation's nor the
    /// whole relaxation's interior point, which cannot be stopped. Until session 34 the whole one ran
    /// (the bound was its 425,606.87, 10 s after the signal in a debug build) for the greedy plan as it
    /// was (401 placed; repaired 408).
    @Test func aStopRequestReturnsAValidPlan() throws {
        let run = try SampleRun.shared.get()
        let workspace = run.workspace
        let outcome = try YearPlanner.plan(workspace, options: PlanningOptions(timeLimit: 60, shouldStop: { true }))
        #expect(outcome.score.placements > 350)
        #expect(try writtenPlanViolations(outcome, workspace).isEmpty)
        let (model, greedy) = try run.greedyYear()
        #expect(outcome.score.placements > model.placements(in: greedy), "the greedy plan repaired: \(outcome.score.placements) placed")
        let lagrangian = LagrangianBound(model)
        let zeroPrices = lagrangian.evaluate(objective: model.linear.columns.map(\.objective),
                                             prices: [Double](repeating: 0, count: lagrangian.pricedRows)).total
        #expect(abs(outcome.bound - zeroPrices) < 1e-6, "bound \(outcome.bound), at zero prices \(zeroPrices)")
    }

    /// The large way stopped before its master still bounds its plan (one price step, at zero
    /// prices). Before session 34 a stop that early left 600 students "not proven … before a bound
    /// was found".
    @Test func aStopRequestBeforeTheLargeWaysMasterStillGivesABound() throws {
        let workspace = try SampleRun.shared.get().workspace
        var options = PlanningOptions(timeLimit: 60, shouldStop: { true })
        options.largeYearColumns = 1_000
        let outcome = try YearPlanner.plan(workspace, options: options)
        #expect(outcome.bound.isFinite && outcome.bound >= outcome.score.objective, "bound \(outcome.bound)")
        #expect(try writtenPlanViolations(outcome, workspace).isEmpty)
    }
}
