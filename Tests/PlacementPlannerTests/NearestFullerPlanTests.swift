import Foundation
import Testing
import LinearSolver
import PlacementDomain
@testable import YearSolver

/// The nearest plan with one placement more (``NearestFullerPlan``): valid, one student-term more
/// placed, more points, and near the plan it started from.
@Suite struct NearestFullerPlanTests {
    private static func placed(_ values: [Double], _ model: YearModel) -> Set<Int> {
        Set(model.placementColumns.map(\.index).filter { values[$0] > 0.5 })
    }

    @Test func theSampleGreedyPlanGainsOnePlacementWithFewChanges() throws {
        let (model, greedy) = try SampleRun.shared.get().greedyYear()
        let before = Self.placed(greedy, model)
        let fuller = try #require(try NearestFullerPlan.onePlacementMore(model, from: greedy, timeLimit: 120, shouldStop: nil))
        #expect(model.linear.isFeasible(fuller))
        let after = Self.placed(fuller, model)
        #expect(after.count == before.count + 1)
        #expect(model.linear.objectiveValue(fuller) > model.linear.objectiveValue(greedy))
        // Near: the greedy plan leaves 41 student-terms out, so a few changes place one more (the
        // first plan the search finds: 7 changes from the dual simplex's start, 5 from GLPK's presolve;
        // a plan made afresh changes hundreds).
        #expect(after.symmetricDifference(before).count <= 10)
    }

    /// The large way's use: over a short list (the greedy plan's placements and every option of the
    /// students it leaves out somewhere), placements only from that list, up to the count asked for.
    @Test func overAShortListOnlyListedPlacementsAreUsed() throws {
        let (model, greedy) = try SampleRun.shared.get().greedyYear()
        let before = Self.placed(greedy, model)
        var placedTerms: [StudentID: Int] = [:]
        for (offset, candidate) in model.candidates.enumerated() where before.contains(model.placementColumns[offset].index) {
            placedTerms[candidate.student.id, default: 0] += 1
        }
        let shortList = model.candidates.indices.map { offset in
            before.contains(model.placementColumns[offset].index) || (placedTerms[model.candidates[offset].student.id] ?? 0) < 3
        }
        let fuller = try #require(try NearestFullerPlan.plan(model, from: greedy, count: before.count + 2, over: shortList,
                                                             timeLimit: 120, shouldStop: nil))
        #expect(model.linear.isFeasible(fuller))
        let after = Self.placed(fuller, model)
        #expect(after.count == before.count + 2)
        let listed = Set(model.placementColumns.indices.filter { shortList[$0] }.map { model.placementColumns[$0].index })
        #expect(after.isSubset(of: listed))
        #expect(listed.count < model.placementColumns.count)
    }

    @Test func noPlanIsReturnedWhenTheCountIsAlreadyReached() throws {
        let (model, greedy) = try SampleRun.shared.get().greedyYear()
        let count = Self.placed(greedy, model).count
        #expect(try NearestFullerPlan.plan(model, from: greedy, count: count, timeLimit: 60, shouldStop: nil) == nil)
    }
}
