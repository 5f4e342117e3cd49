import Foundation
import Testing
import PlacementDomain
import PlanExplain
import PlanExport
import PlanVerify
import YearSolver

/// `explain` on the sample school's plan: every unplaced (student, term) gets reasons and a
/// "what would it take", in plain words, and every suggested change is true when applied.
@Suite struct SampleExplainTests {
    static let report: Result<ExplainReport, any Error> = Result {
        let run = try SampleRun.shared.get()
        return Explainer.explain(run.workspace, plan: run.outcome.plan)
    }

    @Test func everyUnplacedStudentTermIsExplainedInPlainWords() throws {
        let run = try SampleRun.shared.get()
        let report = try Self.report.get()
        let unplaced = Set(run.outcome.unplaced.map { "\($0.student)|\($0.term)" })
        #expect(unplaced.count == 17)
        for kind in [Explanation.Kind.rules, .whatWouldItTake] {
            let explained = report.explanations.filter { $0.kind == kind }.map { "\($0.student)|\($0.term)" }
            #expect(explained.count == unplaced.count && Set(explained) == unplaced, "\(kind)")
        }
        let jargon = ["row", "rows", "slack", "dual", "column", "variable", "constraint", "relaxation", "solver", "infeasible", "MIP", "LP"]
        for line in report.explanations + report.suggestions.map({ Explanation(student: "", term: "", kind: .whatWouldItTake, detail: $0.detail) }) {
            let words = Set(line.detail.split { !$0.isLetter }.map(String.init))
            #expect(words.isDisjoint(with: jargon), "\(line.detail)")
        }
        // Names as well as ids.
        let first = try #require(run.outcome.unplaced.first)
        let name = try #require(run.workspace.student(first.student)?.name)
        #expect(ExplanationTables.text(report, workspace: run.workspace).contains("\(name) (\(first.student))"))
    }

    /// Each suggestion applied to the sample school and its term re-planned: the named students
    /// are placed, nobody placed before loses their placement, and the new plan keeps every rule.
    @Test func everySuggestionIsTrue() throws {
        let run = try SampleRun.shared.get()
        let report = try Self.report.get()
        #expect(report.suggestions.count >= 5)
        for suggestion in report.suggestions {
            let term = suggestion.change.term
            let result = try WhatIfPlanner.replan(run.workspace, current: run.outcome.plan,
                                                  changes: [suggestion.change.workspaceChange(in: run.workspace)], terms: [term])
            let after = result.outcome.plan
            for student in suggestion.placed {
                #expect(after.placement(of: student, in: term) != nil, "\(suggestion.detail)")
            }
            let lost = run.outcome.plan.placements.filter { after.placement(of: $0.student, in: $0.session.term) == nil }
            #expect(lost.isEmpty, "\(suggestion.detail) loses \(lost.map(\.student))")
            #expect(after.placements.count >= run.outcome.plan.placements.count + suggestion.placed.count, "\(suggestion.detail)")
            let folder = try writePlan(result.outcome, result.workspace)
            let violations = PlanVerifier.verify(try PlanRows.read(folder), against: result.workspace)
            #expect(violations.isEmpty, "\(suggestion.detail): \(violations)")
        }
    }

    @Test func theFilesHaveTheDocumentedColumns() throws {
        let report = try Self.report.get()
        let files = ExplanationTables.files(for: report)
        let explanations = csvLines(try #require(files["explanations.csv"]))
        #expect(explanations.first == "student,term,kind,detail")
        #expect(explanations.count == report.explanations.count + 1)
        let suggestions = csvLines(try #require(files["suggestions.csv"]))
        #expect(suggestions.first == "change,students_placed,detail")
        #expect(suggestions.count == report.suggestions.count + 1)
    }
}
