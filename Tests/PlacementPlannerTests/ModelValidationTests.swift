import Testing
import LinearSolver

/// What GLPK would abort the process on is refused first, as an error (``LinearSolverError/invalidModel(_:)``).
@Suite struct ModelValidationTests {
    /// A one-row model with `name` for its column.
    private func model(columnName name: String) -> LinearModel {
        var model = LinearModel(name: "check", sense: .maximize)
        let x = model.addColumn(name, kind: .binary, objective: 1)
        let y = model.addColumn("y", kind: .binary, objective: 1)
        model.addRow("one", [(x, 1), (y, 1), (x, 1)], upper: 1)
        return model
    }

    @Test func aControlCharacterInANameIsRefused() {
        #expect(throws: LinearSolverError.self) { try GLPKSolver.solve(model(columnName: "x\u{7}bell"), options: SolveOptions(timeLimit: 5)) }
        #expect(throws: LinearSolverError.self) { try GLPKSolver.solveRelaxation(model(columnName: "x\u{7F}"), timeLimit: 5) }
    }

    @Test func aNameLongerThanGLPKTakesIsRefused() {
        #expect(throws: LinearSolverError.self) {
            try GLPKSolver.solve(model(columnName: String(repeating: "é", count: 128)), options: SolveOptions(timeLimit: 5))
        }
    }

    /// A row naming a column twice is summed when added, so the model is valid: 2x + y ≤ 1.
    @Test func aRepeatedColumnIsSummedNotRefused() throws {
        let result = try GLPKSolver.solve(model(columnName: "x"), options: SolveOptions(timeLimit: 5))
        #expect(result.values == [0, 1])
    }
}
