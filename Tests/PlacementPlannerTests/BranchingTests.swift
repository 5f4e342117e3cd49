import Foundation
import Testing
import LinearSolver
import PlacementDomain
import SchoolGenerator
import WorkspaceImport
@testable import YearSolver

/// GLPK's Driebeck–Tomlin branching computed in Swift (`SolveOptions.branchesInSwift`, the
/// default) makes the same search as GLPK's own: the same nodes, plan and bound, on the searches
/// the planner runs (a term re-planned from a plan, warm-started; a model GLPK presolves first,
/// whose columns come in another order).
@Suite struct BranchingTests {
    private static func bothWays(_ solve: (SolveOptions) throws -> SolveResult, options: SolveOptions) throws -> (SolveResult, SolveResult) {
        var glpk = options
        glpk.branchesInSwift = false
        var swift = options
        swift.branchesInSwift = true
        return (try solve(glpk), try solve(swift))
    }

    private static func expectSameSearch(_ glpk: SolveResult, _ swift: SolveResult, minimumNodes: Int) {
        #expect(glpk.nodes >= minimumNodes, "only \(glpk.nodes) nodes: too few to compare branching")
        #expect(swift.nodes == glpk.nodes && swift.status == glpk.status)
        let samePlan = swift.values == glpk.values
        #expect(samePlan, "a different plan: \(zip(swift.values, glpk.values).filter { $0 != $1 }.count) columns differ")
        #expect(swift.objective == glpk.objective && swift.bound == glpk.bound)
    }

    /// The sample's autumn re-planned from the greedy plan, every other column kept (warm start, no
    /// presolve: the term MIPs' and neighbourhoods' way), to 80 nodes.
    @Test func aTermReplannedFromAPlanBranchesAsGLPKDoes() throws {
        let (model, plan) = try SampleRun.shared.get().greedyYear()
        let autumn = model.candidates.first!.session.term
        var sessions = Set<Session>()
        var free: [Int] = []
        for (offset, candidate) in model.candidates.enumerated() where candidate.session.term == autumn {
            free.append(model.placementColumns[offset].index)
            sessions.insert(candidate.session)
        }
        for entry in model.escortColumns where sessions.contains(entry.session) { free.append(entry.column.index) }
        for (session, column) in model.sharedGroupColumns where sessions.contains(session) { free.append(column.index) }
        let index = ColumnRowIndex(model.linear)
        let options = SolveOptions(timeLimit: TestTime.generous, relativeGap: 1e-9, presolve: false, nodeLimit: 80)
        let (glpk, swift) = try Self.bothWays({ try GLPKSolver.solve(model.linear, freeing: free.sorted(), at: plan, index: index, options: $0) },
                                              options: options)
        Self.expectSameSearch(glpk, swift, minimumNodes: 20)
        #expect(swift.objective > model.linear.objectiveValue(plan), "the search found nothing better than the greedy plan")
    }

    /// A generated school's summer over every placement, GLPK's presolve on and no start (the
    /// presolved problem's columns do not list their rows descending: summed column by column).
    @Test func aPresolvedSearchBranchesAsGLPKDoes() throws {
        let files = SchoolGenerator.generate(SchoolGeneratorParameters(students: 80, employers: 20, staff: 12, sites: 1,
                                                                       terms: 3, seed: 5))
        let workspace = try WorkspaceLoader.load(try writeFiles(files, label: "branching"))
        let year = YearPlanner.buildModel(workspace, pools: StaffPools(workspace))
        var model = year.linear
        let summer = workspace.terms.last!.id
        for (offset, candidate) in year.candidates.enumerated() where candidate.session.term != summer {
            model.fix(year.placementColumns[offset], at: 0)
        }
        var options = SolveOptions(timeLimit: TestTime.generous, relativeGap: 1e-9, presolve: true, nodeLimit: 100)
        options.substitutesFixedColumns = true
        let (glpk, swift) = try Self.bothWays({ try GLPKSolver.solve(model, options: $0) }, options: options)
        Self.expectSameSearch(glpk, swift, minimumNodes: 10)
    }
}
