import Foundation
import Testing
import PlacementDomain
import PlanExport
import PlanVerify
import WorkspaceImport
import YearSolver

/// The sample school in Data/, planned once (the only full sample-school solve in the suite) and
/// shared by every test here.
struct SampleRun: Sendable {
    let workspace: Workspace
    let outcome: PlanOutcome
    let folder: URL
    let rows: PlanRows

    static let dataFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    static let shared: Result<SampleRun, any Error> = Result {
        let workspace = try WorkspaceLoader.load(dataFolder)
        let outcome = try YearPlanner.plan(workspace, options: PlanningOptions(timeLimit: TestTime.generous))
        let folder = try writePlan(outcome, workspace)
        return SampleRun(workspace: workspace, outcome: outcome, folder: folder, rows: try PlanRows.read(folder))
    }

    func table(_ file: String) throws -> CSVTable {
        var problems = ProblemList()
        let table = CSVTable.read(file, in: folder, problems: &problems)
        #expect(problems.isEmpty, "\(problems.problems)")
        return try #require(table)
    }

    /// A copy of the written plan folder, to edit.
    func copyOfPlan() throws -> URL {
        let copy = try TempDir.make("sample-edit").appendingPathComponent("plan")
        try FileManager.default.copyItem(at: folder, to: copy)
        return copy
    }
}

@Suite struct SampleSchoolTests {
    var run: SampleRun { get throws { try SampleRun.shared.get() } }

    @Test func theSampleSchoolLoadsAsDescribed() throws {
        let workspace = try run.workspace
        #expect(workspace.students.count == 150)
        #expect(workspace.employers.count == 40)
        #expect(workspace.staff.count == 25)
        #expect(workspace.sites.count == 2)
        #expect(workspace.terms.map(\.id) == ["autumn-2025", "spring-2026", "summer-2026"])
    }

    @Test func theWrittenPlanKeepsEveryRule() throws {
        let run = try run
        #expect(!run.rows.placements.isEmpty)
        let violations = PlanVerifier.verify(run.rows, against: run.workspace)
        #expect(violations.isEmpty, "\(violations.prefix(10))")
    }

    @Test func thePlanIsProvenWithinTheGap() throws {
        let outcome = try run.outcome
        // Proven by the quick way: the master's bound (425,590.07), below the relaxation's 425,606.87
        // that the usual way alone would report.
        #expect(outcome.bound < 425_600, "bound \(outcome.bound)")
        #expect(outcome.relativeGap <= 1e-4, "gap \(outcome.relativeGap), bound \(outcome.bound), objective \(outcome.score.objective)")
        #expect(outcome.provenOptimal)
        #expect(abs(outcome.score.objective - PlanScore.compute(outcome.plan, in: try run.workspace).objective) < 1e-6)
    }

    /// "Nobody left out who could have been placed": the placements' own bound equals the plan's count.
    @Test func theMostPlacementsPossibleAreProvenMade() throws {
        let run = try run
        #expect(run.outcome.mostPlacementsPossible == 425)
        #expect(run.outcome.score.placements == 425)
        let summary = SummaryText.render(run.outcome, workspace: run.workspace, includeTimings: false)
        #expect(summary.contains("Most possible: no valid plan places more than 425 (proven)"), "\(summary)")
    }

    @Test func everyStudentTermIsPlacedOrUnplacedExactlyOnce() throws {
        let run = try run
        var count: [String: Int] = [:]
        for record in try run.table("timetable.csv").records + run.table("unplaced.csv").records {
            count["\(record["student"] ?? "")|\(record["term"] ?? "")", default: 0] += 1
        }
        var requested = Set<String>()
        for student in run.workspace.students {
            for term in student.terms { requested.insert("\(student.id)|\(term)") }
        }
        #expect(Set(count.keys) == requested)
        #expect(count.values.allSatisfy { $0 == 1 }, "\(count.filter { $0.value != 1 })")
        #expect(run.outcome.requestedPlacements == requested.count)
        #expect(try run.table("unplaced.csv").records.allSatisfy { !($0["reason"] ?? "").isEmpty })
    }

    @Test func placementsInTheOutcomeAreTheTimetableRows() throws {
        let run = try run
        let fromOutcome = run.outcome.plan.placements.map {
            "\($0.student)|\($0.session.term)|\($0.session.employer)|\($0.session.day)"
        }
        let fromFile = run.rows.placements.map { "\($0.student)|\($0.term)|\($0.employer)|\($0.day)" }
        #expect(fromOutcome.count == fromFile.count)
        #expect(Set(fromOutcome) == Set(fromFile))
        #expect(run.outcome.unplaced.count == (try run.table("unplaced.csv").records.count))
        #expect(run.outcome.plan.placements.count + run.outcome.unplaced.count == run.outcome.requestedPlacements)
    }

    @Test func theFourImpossiblePlacementsAreUnplacedWithReasons() throws {
        let outcome = try run.outcome
        for (student, term) in [("S039", "summer-2026"), ("S041", "summer-2026")] {
            let reason = outcome.unplacedReason(student, term)
            #expect(reason?.contains("one-to-one escort trained in") == true && reason?.contains("peg-feeding") == true,
                    "\(student) \(term): \(reason ?? "placed")")
        }
        for (student, term) in [("S083", "autumn-2025"), ("S043", "spring-2026")] {
            #expect(outcome.unplacedReason(student, term) != nil, "\(student) cannot be placed in \(term)")
        }
    }

    @Test func aDuplicatedTimetableRowBreaksRulesSixAndSeven() throws {
        let run = try run
        let copy = try run.copyOfPlan()
        let url = copy.appendingPathComponent("timetable.csv")
        var lines = csvLines(try String(contentsOf: url, encoding: .utf8))
        lines.append(lines[1])
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        let violations = PlanVerifier.verify(try PlanRows.read(copy), against: run.workspace)
        #expect(violations.contains { $0.rule == 6 && $0.line == lines.count && $0.message.contains("(also line 2)") }, "\(violations)")
        #expect(violations.contains { $0.rule == 7 && $0.line == lines.count }, "\(violations)")
    }

    @Test func anEscortSentToTwoPlacesOnOneDayBreaksRuleNine() throws {
        let run = try run
        let duties = try run.table("escorts.csv").records
        // Two duties on the same term and day by different staff at different employers.
        var pair: (CSVRecord, CSVRecord)?
        search: for a in duties {
            for b in duties where a.line < b.line && a["term"] == b["term"] && a["day"] == b["day"]
                && a["staff"] != b["staff"] && a["employer"] != b["employer"] {
                pair = (a, b)
                break search
            }
        }
        let (first, second) = try #require(pair)
        let copy = try run.copyOfPlan()
        let url = copy.appendingPathComponent("escorts.csv")
        var lines = csvLines(try String(contentsOf: url, encoding: .utf8))
        let staffA = try #require(first["staff"]), staffB = try #require(second["staff"])
        try #require(lines[second.line - 1].hasPrefix("\(staffB),"))
        lines[second.line - 1] = staffA + lines[second.line - 1].dropFirst(staffB.count)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        let violations = PlanVerifier.verify(try PlanRows.read(copy), against: run.workspace)
        #expect(violations.contains { $0.rule == 9 && $0.message.contains("\(staffA) is escorting at two places") }, "\(violations)")
        #expect(violations.allSatisfy { $0.rule == 9 }, "\(violations)")
    }
}
