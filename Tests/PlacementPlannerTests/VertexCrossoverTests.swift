import Foundation
@testable import LinearSolver
import Testing

/// A warm start from a plan whose escort columns form a cycle (two sessions, two pools, every
/// session and pool row tight): no basis sits at the plan itself, so ``VertexCrossover`` moves it
/// along the cycle to a vertex no worse, and the search starts there.
@Suite struct VertexCrossoverTests {
    /// Two sessions with two one-to-one students each; pools A and B of two staff each; every
    /// student placed and every escort count 1 (interior: each may be 0...2). `costs` are the
    /// escort counts' costs, in the order e[1,A], e[1,B], e[2,A], e[2,B].
    private static func cycle(costs: [Double]) -> (model: LinearModel, plan: [Double]) {
        var model = LinearModel(name: "cycle", sense: .maximize)
        let students = (0..<4).map { model.addColumn("x\($0)", kind: .binary, upper: 1, objective: 10) }
        let escorts = costs.indices.map { model.addColumn("e\($0)", kind: .integer, upper: 2, objective: -costs[$0]) }
        for session in 0..<2 {
            model.addRow("escorts[\(session)]", [(escorts[2 * session], 1), (escorts[2 * session + 1], 1),
                                                 (students[2 * session], -1), (students[2 * session + 1], -1)], lower: 0)
        }
        for pool in 0..<2 { model.addRow("pool[\(pool)]", [(escorts[pool], 1), (escorts[2 + pool], 1)], upper: 2) }
        return (model, [1, 1, 1, 1, 1, 1, 1, 1])
    }

    @Test func aCycleOfEscortColumnsEndsAtANonsingularVertexNoWorse() throws {
        let (model, plan) = Self.cycle(costs: [1, 1, 1, 1])
        #expect(model.isFeasible(plan))
        var crossover = VertexCrossover(model: model, values: plan)
        let found = crossover.basis()
        let basis = try #require(found)
        #expect(model.isFeasible(crossover.values))
        #expect(model.objectiveValue(crossover.values) >= model.objectiveValue(plan) - 1e-9)
        // A basis: as many basic columns as nonbasic rows, and those columns independent on those rows.
        let basicColumns = basis.columns.indices.filter { basis.columns[$0] == .basic }
        let nonbasicRows = basis.rows.indices.filter { basis.rows[$0] != .basic }
        #expect(basicColumns.count == nonbasicRows.count)
        #expect(Self.rank(model, rows: nonbasicRows, columns: basicColumns) == basicColumns.count)
        // Nonbasic columns sit on a bound.
        for j in model.columns.indices where basis.columns[j] != .basic {
            #expect(crossover.values[j] == model.columns[j].lower || crossover.values[j] == model.columns[j].upper)
        }
    }

    @Test func theMoveAlongACycleTakesTheDirectionThatGains() throws {
        // e[1,A] costs 1, the others 2: one more escort from A at session 1 and one fewer elsewhere gains 1.
        let (model, plan) = Self.cycle(costs: [1, 2, 2, 2])
        var crossover = VertexCrossover(model: model, values: plan)
        #expect(crossover.basis() != nil)
        #expect(model.isFeasible(crossover.values))
        #expect(abs(model.objectiveValue(crossover.values) - (model.objectiveValue(plan) + 1)) < 1e-9)
    }

    @Test func theSearchFromSuchAPlanReachesTheOptimum() throws {
        let (model, plan) = Self.cycle(costs: [1, 2, 2, 2])
        let cold = try GLPKSolver.solve(model, options: SolveOptions(timeLimit: 10, relativeGap: 0))
        let warm = try GLPKSolver.solve(model, options: SolveOptions(timeLimit: 10, relativeGap: 0, presolve: false,
                                                                     initialSolution: plan))
        #expect(cold.status == .optimal && warm.status == .optimal)
        #expect(abs(warm.objective - cold.objective) < 1e-9 && abs(warm.objective - 34) < 1e-9)
        #expect(model.isFeasible(warm.values))
    }

    /// The rank of the model's matrix restricted to some rows and columns (dense elimination).
    private static func rank(_ model: LinearModel, rows: [Int], columns: [Int]) -> Int {
        var matrix = rows.map { row in
            columns.map { column in model.rows[row].terms.first { $0.column.index == column }?.coefficient ?? 0 }
        }
        var rank = 0
        for column in columns.indices {
            guard let pivot = (rank..<matrix.count).first(where: { abs(matrix[$0][column]) > 1e-9 }) else { continue }
            matrix.swapAt(rank, pivot)
            for other in matrix.indices where other != rank {
                let factor = matrix[other][column] / matrix[rank][column]
                for k in columns.indices { matrix[other][k] -= factor * matrix[rank][k] }
            }
            rank += 1
        }
        return rank
    }
}
