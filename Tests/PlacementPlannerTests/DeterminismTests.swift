import Foundation
import Testing
import PlacementDomain
import PlanExport
import SchoolGenerator
import WorkspaceImport
import YearSolver

/// The same workspace always gives the same plan, byte for byte.
@Suite struct DeterminismTests {
    @Test func planningAGeneratedSchoolTwiceGivesIdenticalFiles() throws {
        let files = SchoolGenerator.generate(SchoolGeneratorParameters(students: 40, employers: 12, staff: 8, sites: 1,
                                                                       terms: 3, seed: 7))
        #expect(files == SchoolGenerator.generate(SchoolGeneratorParameters(students: 40, employers: 12, staff: 8, sites: 1,
                                                                              terms: 3, seed: 7)))
        let workspace = try WorkspaceLoader.load(try writeFiles(files, label: "generated"))
        #expect(workspace.students.count == 40)

        let first = try YearPlanner.plan(workspace, options: PlanningOptions(timeLimit: TestTime.generous))
        let second = try YearPlanner.plan(workspace, options: PlanningOptions(timeLimit: TestTime.generous))
        let a = PlanFolder.files(for: first, workspace: workspace)
        let b = PlanFolder.files(for: second, workspace: workspace)
        #expect(a.keys.sorted() == PlanFolder.planFiles.sorted())
        for name in a.keys.sorted() {
            #expect(Data(a[name]!.utf8) == Data(b[name]!.utf8), "\(name) differs between two runs")
        }
        #expect(first.plan.placements.count > 60, "a real plan, not an empty one")
        #expect(try writtenPlanViolations(first, workspace).isEmpty)
    }
}

/// A what-if, asked twice, writes the same bytes (changes.csv and staff_changes.csv included).
@Suite struct WhatIfDeterminismTests {
    @Test func aWhatIfTwiceGivesIdenticalFiles() throws {
        let files = SchoolGenerator.generate(SchoolGeneratorParameters(students: 40, employers: 12, staff: 8, sites: 1,
                                                                       terms: 3, seed: 7))
        let workspace = try WorkspaceLoader.load(try writeFiles(files, label: "generated"))
        let current = try YearPlanner.plan(workspace, options: PlanningOptions(timeLimit: TestTime.generous)).plan
        let counts = Dictionary(grouping: current.placements, by: \.session.employer).mapValues(\.count)
        let busiest = try #require(counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key)
        func ask() throws -> [String: String] {
            WhatIfTables.files(for: try WhatIfPlanner.replan(workspace, current: current, changes: [.withdraw(busiest)],
                                                             from: workspace.terms[1].id))
        }
        let first = try ask()
        #expect(first["changes.csv"]?.split(separator: "\n").count ?? 0 > 1, "the withdrawal should move someone")
        #expect(first == (try ask()))
    }
}
