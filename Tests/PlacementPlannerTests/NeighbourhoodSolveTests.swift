import Foundation
import Testing
import LinearSolver
import PlacementDomain
@testable import YearSolver

/// A search over a few columns of a large model, every other fixed at a valid plan's value
/// (``GLPKSolver/solve(_:freeing:at:index:options:)``, the student neighbourhoods' search): the same
/// reduced model, and so the same plan, as fixing the rest in a copy and substituting them out,
/// without copying or reading the whole model; misuse refused before GLPK sees it.
@Suite struct NeighbourhoodSolveTests {
    /// The sample's year model, its greedy plan, and the columns of a few students' years: their
    /// placements, the escorts and groups at every session they could go to, their sector repeats.
    private static func sampleNeighbourhood() throws -> (model: YearModel, plan: [Double], free: [Int]) {
        let run = try SampleRun.shared.get()
        let (model, plan) = try run.greedyYear()
        // Six students the greedy plan leaves out of a term they have places for.
        var termsOpen: [StudentID: Set<TermID>] = [:], termsPlaced: [StudentID: Set<TermID>] = [:]
        for (offset, candidate) in model.candidates.enumerated() {
            termsOpen[candidate.student.id, default: []].insert(candidate.session.term)
            if plan[model.placementColumns[offset].index] > 0.5 { termsPlaced[candidate.student.id, default: []].insert(candidate.session.term) }
        }
        let students = Set(run.workspace.students.map(\.id).filter { (termsPlaced[$0] ?? []).count < (termsOpen[$0] ?? []).count }.prefix(6))
        try #require(students.count == 6)
        var free = Set<Int>()
        var sessions = Set<Session>()
        for (offset, candidate) in model.candidates.enumerated() where students.contains(candidate.student.id) {
            free.insert(model.placementColumns[offset].index)
            sessions.insert(candidate.session)
        }
        for entry in model.escortColumns where sessions.contains(entry.session) { free.insert(entry.column.index) }
        for (session, column) in model.sharedGroupColumns where sessions.contains(session) { free.insert(column.index) }
        for entry in model.sectorRepeatColumns where students.contains(entry.student) { free.insert(entry.column.index) }
        return (model, plan, free.sorted())
    }

    @Test func freeingAFewColumnsPlansAsFixingTheRestDoes() throws {
        let (model, plan, free) = try Self.sampleNeighbourhood()
        #expect(free.count > 100 && free.count < model.linear.columns.count / 5, "\(free.count) columns free")
        let options = SolveOptions(timeLimit: 60, relativeGap: 1e-9, presolve: false, nodeLimit: 300)
        var fixed = model.linear
        let isFree = Set(free)
        for column in fixed.columns.indices where !isFree.contains(column) { fixed.fix(LinearModel.ColumnID(index: column), at: plan[column]) }
        var substituting = options
        substituting.initialSolution = plan
        substituting.substitutesFixedColumns = true
        let copied = try GLPKSolver.solve(fixed, options: substituting)
        let indexed = try GLPKSolver.solve(model.linear, freeing: free, at: plan, index: ColumnRowIndex(model.linear), options: options)
        #expect(indexed.status == copied.status && indexed.nodes == copied.nodes)
        #expect(indexed.values == copied.values, "a different plan")
        #expect(indexed.objective == copied.objective && abs(indexed.bound - copied.bound) < 1e-9)
        #expect(model.linear.isFeasible(indexed.values))
        let before = model.linear.objectiveValue(plan)
        #expect(indexed.objective > before + 1000, "greedy \(before), re-planned \(indexed.objective): not one more placement")
        let moved = indexed.values.indices.filter { indexed.values[$0] != plan[$0] }
        #expect(!moved.isEmpty && moved.allSatisfy(isFree.contains), "only the freed columns change")
    }

    @Test func anIndexOfAnotherModelOrAMissingColumnIsRefused() throws {
        let (model, plan, free) = try Self.sampleNeighbourhood()
        let index = ColumnRowIndex(model.linear)
        var other = LinearModel(name: "other", sense: .maximize)
        let x = other.addColumn("x", kind: .binary, objective: 1)
        other.addRow("one", [(x, 1)], upper: 1)
        let attempts: [() throws -> SolveResult] = [
            { try GLPKSolver.solve(other, freeing: [0], at: [0], index: index) },
            { try GLPKSolver.solve(model.linear, freeing: free + [model.linear.columns.count], at: plan, index: index) },
            { try GLPKSolver.solve(model.linear, freeing: [-1], at: plan, index: index) },
            { try GLPKSolver.solve(model.linear, freeing: free, at: Array(plan.dropLast()), index: index) },
            { try GLPKSolver.solve(model.linear, freeing: free, at: plan.map { _ in Double.nan }, index: index) },
        ]
        for (number, attempt) in attempts.enumerated() {
            #expect(throws: LinearSolverError.self, "attempt \(number)") { try attempt() }
        }
    }

    /// A neighbourhood too large for ``StudentNeighbourhoods/columnLimit`` keeps its first students
    /// up to the limit (the seed always), and their columns are what the search frees; one within it
    /// is left as it is. (At 2,000 students a neighbourhood of 38,910 columns took 4.3 s.)
    @Test func aNeighbourhoodIsTrimmedToItsColumnLimit() throws {
        let (model, plan, _) = try Self.sampleNeighbourhood()
        let columns = StudentColumns(model)
        let placed = columns.students.filter { student in
            model.candidates.indices.contains { model.candidates[$0].student.id == student && plan[model.placementColumns[$0].index] > 0.5 }
        }
        let students = Array(placed.prefix(6))
        try #require(students.count == 6)
        let all = columns.freeColumns(students).count
        let limit = columns.freeColumns(Array(students.prefix(3))).count
        try #require(limit < all && columns.freeColumns(Array(students.prefix(4))).count > limit)
        #expect(columns.trimmed(students, toColumns: limit) == Array(students.prefix(3)))
        #expect(columns.trimmed(students, toColumns: all) == students)
        #expect(columns.trimmed(students, toColumns: 1) == [students[0]], "the seed stays however many columns it frees")
    }
}
