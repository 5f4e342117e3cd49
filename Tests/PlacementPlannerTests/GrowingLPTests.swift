import Foundation
import LinearSolver
import Testing

/// The growing program's deletion of columns out of the basis (the large way's master drops years
/// it no longer uses): the optimum and the basis stay, and misuse is refused before GLPK sees it
/// (GLPK aborts the process on a bad index).
@Suite struct GrowingLPTests {
    /// max 3a + 2b + c + 0.5d with a + b + c + d ≤ 1 and a + c ≤ 0.6.
    private static func grown(_ lp: GrowingLP) throws(LinearSolverError) -> GrowingLP.Solution? {
        let total = try lp.addRow(lower: -.infinity, upper: 1, terms: [])
        let some = try lp.addRow(lower: -.infinity, upper: 0.6, terms: [])
        for (objective, inSome) in [(3.0, true), (2.0, false), (1.0, true), (0.5, false)] {
            let terms = inSome ? [(row: total, coefficient: 1.0), (row: some, coefficient: 1.0)] : [(row: total, coefficient: 1.0)]
            try lp.addColumn(lower: 0, upper: .infinity, objective: objective, terms: terms)
        }
        return try lp.solve(timeLimit: 10)
    }

    @Test func deletingColumnsOutOfTheBasisKeepsTheOptimum() throws {
        let (first, count, before, after, again) = try GrowingLP.with(sense: .maximize) { lp throws(LinearSolverError) in
            let first = try Self.grown(lp)
            try lp.deleteNonbasicColumns([3, 2])
            let count = lp.columnCount, before = lp.iterations
            let again = try lp.solve(timeLimit: 10)
            return (first, count, before, lp.iterations, again)
        }
        let optimum = try #require(first)
        #expect(abs(optimum.objective - 2.6) < 1e-9, "a = 0.6, b = 0.4")
        #expect(optimum.basic == [true, true, false, false])
        #expect(count == 2)
        let solved = try #require(again)
        #expect(after == before, "the basis was kept: no pivot needed")
        #expect(abs(solved.objective - 2.6) < 1e-9)
        #expect(solved.values.count == 2 && abs(solved.values[0] - 0.6) < 1e-9 && abs(solved.values[1] - 0.4) < 1e-9)
    }

    @Test func deletingABasicRepeatedOrMissingColumnIsRefused() throws {
        let (refused, count) = try GrowingLP.with(sense: .maximize) { lp throws(LinearSolverError) in
            _ = try Self.grown(lp)
            let refused = [[0], [2, 2], [4], [-1], [3, 0]].map { columns in
                do { try lp.deleteNonbasicColumns(columns); return false } catch { return true }
            }
            return (refused, lp.columnCount)
        }
        #expect(refused == [true, true, true, true, true])
        #expect(count == 4, "nothing deleted by a refused call")
    }
}
