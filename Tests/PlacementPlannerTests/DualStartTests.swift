import Foundation
import LinearSolver
import Testing

/// A search whose root relaxation starts from values that break a row (``SolveOptions/dualSimplexFrom``,
/// the nearest-plan search's start): the same optimum as from scratch, and bad values refused before
/// GLPK sees them.
@Suite struct DualStartTests {
    /// The nearest "plan" to x1 = 1 (the rest 0) that takes one of each pair (x1, x2), (x3, x4),
    /// (x5, x6) and at least three in all; an escort column e ≥ x1 + x3, costing nothing, that the
    /// start leaves at 0 although x1 = 1 needs it at 1.
    private static func nearest() -> (model: LinearModel, start: [Double]) {
        var model = LinearModel(name: "nearest", sense: .minimize)
        let start = [1.0, 0, 0, 0, 0, 0]
        let x = start.indices.map { model.addColumn("x\($0 + 1)", kind: .binary, upper: 1, objective: start[$0] > 0.5 ? -1 : 1) }
        let escort = model.addColumn("e", kind: .integer, upper: 3)
        for pair in stride(from: 0, to: x.count, by: 2) { model.addRow("pair\(pair)", [(x[pair], 1), (x[pair + 1], 1)], upper: 1) }
        model.addRow("escort", [(escort, 1), (x[0], -1), (x[2], -1)], lower: 0)
        model.addRow("onePlacementMore", x.map { ($0, 1.0) }, lower: 3)
        return (model, start + [0])
    }

    @Test func theDualStartReachesTheOptimumFromScratch() throws {
        let (model, start) = Self.nearest()
        #expect(!model.isFeasible(start), "the start breaks the count row and the escort row")
        let cold = try GLPKSolver.solve(model, options: SolveOptions(timeLimit: 10, relativeGap: 0))
        var options = SolveOptions(timeLimit: 10, relativeGap: 0)
        options.dualSimplexFrom = start
        let warm = try GLPKSolver.solve(model, options: options)
        #expect(cold.status == .optimal && warm.status == .optimal)
        // Keep x1, take one of each other pair: two changes, −1 + 2.
        #expect(abs(warm.objective - 1) < 1e-9 && abs(cold.objective - 1) < 1e-9)
        #expect(model.isFeasible(warm.values))
        #expect(warm.values[0] == 1 && warm.values[6] >= 1)
    }

    @Test func startValuesOfTheWrongCountOrNotFiniteAreRefused() {
        let (model, start) = Self.nearest()
        for bad in [Array(start.dropLast()), start.map { $0 == 0 ? Double.nan : $0 }] {
            var options = SolveOptions(timeLimit: 10)
            options.dualSimplexFrom = bad
            #expect(throws: LinearSolverError.self) { try GLPKSolver.solve(model, options: options) }
        }
    }
}
