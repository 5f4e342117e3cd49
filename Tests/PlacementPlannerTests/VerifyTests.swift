import Foundation
import Testing
import PlacementDomain
import PlanExport
import PlanVerify
import WorkspaceImport
import YearSolver

/// PlanVerifier on a plan written by the planner and then edited by hand, as a coordinator
/// might in Excel: each edit breaks known rules.
@Suite struct VerifyTests {
    /// A school whose optimum is unique, so the written plan is known line by line.
    static func school() -> TestSchool {
        var school = TestSchool(terms: 2)
        school.student("A", year: 10, pathway: "Brook", interests: ["farm"], needs: ["step-free"], maxTravel: 30,
                       days: [.mon], terms: ["t1"], avoid: ["shop1"])
        school.student("B", interests: ["cafe"], escort: .oneToOne, terms: ["t1"])
        school.student("C", interests: ["shop"])
        school.student("D", interests: ["office"], terms: ["t1"])
        school.student("E", interests: ["office"], escort: .oneToOne, terms: ["t1"])
        school.employer("cafe1", sector: "cafe", days: [.mon], capacity: 1, minutes: 10)
        school.employer("far1", sector: "office", days: [.mon], capacity: 3, features: ["step-free"], minutes: 50)
        school.employer("farm1", sector: "farm", days: [.mon], capacity: 1, features: ["step-free"],
                        pathways: ["Brook"], minYear: 10, minutes: 20)
        school.employer("shop1", sector: "shop", days: [.mon], capacity: 1, features: ["step-free"], minutes: 10)
        school.staffMember("X", days: [.mon])
        school.staffMember("Y", days: [.mon, .tue])
        school.fixed("C", at: "shop1", .mon, "t1")
        return school
    }

    static let expectedTimetable = [
        "student,student_name,term,employer,employer_name,sector,day,travel_minutes,interest_rank,escorts",
        "A,Student A,t1,farm1,Employer farm1,farm,Mon,20,1,",
        "B,Student B,t1,cafe1,Employer cafe1,cafe,Mon,10,1,X",
        "C,Student C,t1,shop1,Employer shop1,shop,Mon,10,1,",
        "C,Student C,t2,cafe1,Employer cafe1,cafe,Mon,10,,",
        "D,Student D,t1,far1,Employer far1,office,Mon,50,1,",
        "E,Student E,t1,far1,Employer far1,office,Mon,50,1,Y",
    ]

    static let expectedEscorts = [
        "staff,staff_name,term,day,employer,students",
        "X,Staff X,t1,Mon,cafe1,B",
        "Y,Staff Y,t1,Mon,far1,E",
    ]

    /// Plans the school and writes it; returns the plan folder and the workspace.
    static func writtenPlan() throws -> (URL, Workspace) {
        let school = school()
        let outcome = try school.plan()
        let workspace = school.workspace
        return (try writePlan(outcome, workspace), workspace)
    }

    @Test func thePlanAsWrittenIsTheKnownOptimumAndHolds() throws {
        let (folder, workspace) = try Self.writtenPlan()
        let timetable = try String(contentsOf: folder.appendingPathComponent("timetable.csv"), encoding: .utf8)
        let escorts = try String(contentsOf: folder.appendingPathComponent("escorts.csv"), encoding: .utf8)
        #expect(csvLines(timetable) == Self.expectedTimetable)
        #expect(csvLines(escorts) == Self.expectedEscorts)
        #expect(PlanVerifier.verify(try PlanRows.read(folder), against: workspace).isEmpty)
    }

    struct Edit: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let old: String
        let new: String
        /// Every rule number the verifier should report (nil: not a rule, e.g. an unknown id).
        let rules: Set<Int?>
        let message: String
        let line: Int?
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "day the employer does not host", file: "timetable.csv",
             old: "A,Student A,t1,farm1,Employer farm1,farm,Mon,", new: "A,Student A,t1,farm1,Employer farm1,farm,Tue,",
             rules: [1], message: "farm1 does not host on Tue", line: 2),
        Edit(name: "need not met, over capacity", file: "timetable.csv",
             old: "A,Student A,t1,farm1,Employer farm1,farm,", new: "A,Student A,t1,cafe1,Employer cafe1,cafe,",
             rules: [2, 8], message: "cafe1 does not provide step-free, which student A needs", line: 2),
        Edit(name: "pathway refused", file: "timetable.csv",
             old: "D,Student D,t1,far1,", new: "D,Student D,t1,farm1,",
             rules: [3, 8], message: "farm1 does not accept the (none) pathway of student D", line: 6),
        Edit(name: "too far", file: "timetable.csv",
             old: "A,Student A,t1,farm1,", new: "A,Student A,t1,far1,",
             rules: [4], message: "far1 is 50 minutes away; student A's limit is 30 minutes", line: 2),
        Edit(name: "avoided employer", file: "timetable.csv",
             old: "A,Student A,t1,farm1,", new: "A,Student A,t1,shop1,",
             rules: [5, 8], message: "shop1 is on student A's avoid list", line: 2),
        Edit(name: "two placements in one term", file: "timetable.csv",
             old: "C,Student C,t2,cafe1,", new: "C,Student C,t1,far1,",
             rules: [6], message: "student C is placed twice in term t1 (also line 4)", line: 5),
        Edit(name: "same employer twice", file: "timetable.csv",
             old: "C,Student C,t2,cafe1,", new: "C,Student C,t2,shop1,",
             rules: [7], message: "student C goes to shop1 a second time (also line 4)", line: 5),
        Edit(name: "two students over capacity", file: "timetable.csv",
             old: "D,Student D,t1,far1,", new: "D,Student D,t1,shop1,",
             rules: [8], message: "2 students at shop1 on Mon in t1, capacity 1", line: 6),
        Edit(name: "escort in two places", file: "escorts.csv",
             old: "Y,Staff Y,t1,Mon,far1,E", new: "X,Staff X,t1,Mon,far1,E",
             rules: [9], message: "X is escorting at two places on Mon in t1 (also line 2)", line: 3),
        Edit(name: "escort not free that day", file: "escorts.csv",
             old: "X,Staff X,t1,Mon,cafe1,B", new: "X,Staff X,t1,Tue,cafe1,B",
             rules: [9], message: "X is not free to escort on Tue in t1", line: 2),
        Edit(name: "escort duty deleted", file: "escorts.csv",
             old: "Y,Staff Y,t1,Mon,far1,E\n", new: "",
             rules: [9], message: "0 escort(s) at far1 on Mon in t1, but 1 one-to-one and 0 shared student(s) need 1", line: nil),
        Edit(name: "history placement moved", file: "timetable.csv",
             old: "C,Student C,t1,shop1,", new: "C,Student C,t1,far1,",
             rules: [10], message: "the history placement of student C at shop1 on Mon in t1 is missing", line: nil),
        Edit(name: "unknown student id", file: "timetable.csv",
             old: "D,Student D,", new: "Q,Student D,",
             rules: [nil], message: "'Q' is not a student in students.csv", line: 6),
    ]

    @Test(arguments: edits)
    func handEditedPlanBreaksTheExpectedRules(_ edit: Edit) throws {
        let (folder, workspace) = try Self.writtenPlan()
        let url = folder.appendingPathComponent(edit.file)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains(edit.old), "the edit must apply to the written plan")
        try Data(text.replacingOccurrences(of: edit.old, with: edit.new).utf8).write(to: url)

        let violations = PlanVerifier.verify(try PlanRows.read(folder), against: workspace)
        #expect(Set(violations.map(\.rule)) == edit.rules, "\(violations)")
        let match = violations.first { $0.message == edit.message }
        #expect(match != nil, "no violation says '\(edit.message)': \(violations)")
        if let line = edit.line { #expect(match?.line == line) }
    }

    @Test func missingColumnInAnEditedPlanIsReported() throws {
        let (folder, _) = try Self.writtenPlan()
        let url = folder.appendingPathComponent("timetable.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "student,student_name,term,employer,", with: "student,student_name,term,host,").utf8)
            .write(to: url)
        let error = #expect(throws: WorkspaceProblems.self) { try PlanRows.read(folder) }
        #expect(error?.problems.contains { $0.file == "timetable.csv" && $0.column == "employer" && $0.line == 1 } == true)
    }
}
