import Foundation
import LinearSolver
import Testing

/// GLPK's clique cuts (``SolveOptions/cliqueCuts``) with the root relaxation started at a relaxation's
/// point (``SolveOptions/rootRelaxationFrom``), and the bound a search reports when GLPK ends on the gap
/// at the root, before selecting any node (the plan handed in proven by the cut relaxation).
@Suite struct CliqueCutTests {
    /// Five students who conflict pairwise (x_i + x_j ≤ 1): the relaxation takes 1/2 of each (2.55),
    /// but no plan takes more than one. The clique x_1 + … + x_5 ≤ 1 is GLPK's cut. Beside them three
    /// small extras, two of which do not fit (2y_1 + 2y_2 + 2y_3 ≤ 3): no clique, so the cut
    /// relaxation stays fractional (1.05 + 0.15), 4.3 % above the best plan (1.05 + 0.1).
    private static func conflicts() -> LinearModel {
        var model = LinearModel(name: "conflicts", sense: .maximize)
        let x = (1...5).map { model.addColumn("x\($0)", kind: .binary, upper: 1, objective: 1 + Double($0) * 0.01) }
        for i in x.indices { for j in x.indices where j > i { model.addRow("c\(i)\(j)", [(x[i], 1), (x[j], 1)], upper: 1) } }
        let y = (1...3).map { model.addColumn("y\($0)", kind: .binary, upper: 1, objective: 0.1) }
        model.addRow("fit", y.map { ($0, 2.0) }, upper: 3)
        return model
    }

    private static let halves = [Double](repeating: 0.5, count: 8)
    private static let best = [0.0, 0, 0, 0, 1, 1, 0, 0]

    @Test func cliqueCutsProveTheBestPlanAtTheRoot() throws {
        let model = Self.conflicts()
        var options = SolveOptions(timeLimit: 10, relativeGap: 0.1, initialSolution: Self.best, nodeLimit: 2)
        options.cliqueCuts = true
        options.rootRelaxationFrom = Self.halves
        let cut = try GLPKSolver.solve(model, options: options)
        #expect(cut.status == .optimal, "\(cut.status), bound \(cut.bound)")
        #expect(abs(cut.objective - 1.15) < 1e-9)
        // GLPK ended on the gap at the root: the bound is the cut relaxation's, not unknown.
        #expect(cut.bound >= cut.objective - 1e-9 && cut.bound < 1.21, "bound \(cut.bound)")
        options.cliqueCuts = false
        let uncut = try GLPKSolver.solve(model, options: options)
        #expect(uncut.status == .feasible && uncut.bound > 2, "without the cut the root proves nothing: \(uncut.status), bound \(uncut.bound)")
    }

    @Test func rootStartValuesOfTheWrongCountOrNotFiniteAreRefused() {
        let model = Self.conflicts()
        for bad in [Array(Self.halves.dropLast()), [.infinity] + Self.halves.dropFirst()] {
            var options = SolveOptions(timeLimit: 10)
            options.rootRelaxationFrom = bad
            #expect(throws: LinearSolverError.self) { try GLPKSolver.solve(model, options: options) }
        }
    }
}
