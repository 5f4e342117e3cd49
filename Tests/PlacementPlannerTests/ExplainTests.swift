import Foundation
import Testing
import PlacementDomain
import PlanExplain
import PlanExport
import PlanVerify
import YearSolver

/// `explain` on tiny schools where the reason is known by hand: each kind of reason, and each
/// suggested change applied to the school and re-planned.
@Suite struct ExplainTests {
    /// A and B fill Farm One (Mon, 1 place) and Cafe One (Mon, 1 place); X is the student under test.
    private func school() -> TestSchool {
        var school = TestSchool()
        school.student("A", name: "Amira Khan", interests: ["farm"])
        school.student("B", name: "Ben Ode", interests: ["cafe"])
        school.employer("farm1", name: "Farm One", sector: "farm", days: [.mon], capacity: 1, features: ["step-free"], minutes: 20)
        school.employer("cafe1", name: "Cafe One", sector: "cafe", days: [.mon], capacity: 1, minutes: 30)
        return school
    }

    private func explain(_ school: TestSchool, student: String? = nil) throws -> (ExplainReport, PlanOutcome) {
        let outcome = try school.plan()
        let report = Explainer.explain(school.workspace, plan: outcome.plan, student: student.map { StudentID($0) })
        return (report, outcome)
    }

    private func lines(_ report: ExplainReport, _ student: String, _ kind: Explanation.Kind) -> [String] {
        report.explanations.filter { $0.student.rawValue == student && $0.kind == kind }.map(\.detail)
    }

    /// Applies the suggestion to the school, re-plans its term keeping everyone else where possible,
    /// and checks the named students are placed, nobody placed before is lost, and the plan verifies.
    private func expectTrue(_ suggestion: Suggestion, _ workspace: Workspace, _ plan: Plan,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let change = suggestion.change.workspaceChange(in: workspace)
        let term = suggestion.change.term
        let result = try WhatIfPlanner.replan(workspace, current: plan, changes: [change], terms: [term])
        let after = result.outcome.plan
        for student in suggestion.placed {
            #expect(after.placement(of: student, in: term) != nil, "\(suggestion.detail): \(student) not placed", sourceLocation: sourceLocation)
        }
        for placement in plan.placements {
            #expect(after.placement(of: placement.student, in: placement.session.term) != nil,
                    "\(suggestion.detail): \(placement.student) lost", sourceLocation: sourceLocation)
        }
        #expect(after.placements.count >= plan.placements.count + suggestion.placed.count, sourceLocation: sourceLocation)
        let folder = try writePlan(result.outcome, result.workspace)
        let violations = PlanVerifier.verify(try PlanRows.read(folder), against: result.workspace)
        #expect(violations.isEmpty, "\(violations)", sourceLocation: sourceLocation)
    }

    @Test func noEmployerWithinTravel() throws {
        var school = school()
        school.employer("farm2", name: "Farm Two", sector: "farm", days: [.mon], capacity: 1, features: ["step-free"], minutes: 25)
        school.student("X", name: "Xena Lowe", interests: ["farm"], maxTravel: 15)
        let (report, outcome) = try explain(school)
        let rules = try #require(lines(report, "X", .rules).first)
        #expect(rules.contains("2 within 15 minutes' travel") == false && rules.contains("0 within 15 minutes' travel"), "\(rules)")
        #expect(rules.contains("The travel limit ruled out the last of them"), "\(rules)")
        let misses = lines(report, "X", .nearestMiss)
        #expect(misses.first == "Farm One is 20 minutes away; limit 15.", "\(misses)")
        let take = try #require(lines(report, "X", .whatWouldItTake).first)
        // The smallest change: 20 minutes reaches Farm One, whose place Amira gives up for Farm Two.
        #expect(take == "Xena Lowe (X) travelling up to 20 minutes (limit now 15) in Term 1 would place them at Farm One on Mondays, "
                + "moving Amira Khan (A) from Farm One Mon to Farm Two Mon, unplacing nobody.", "\(take)")
        let suggestion = try #require(report.suggestions.first)
        #expect(suggestion.placed == ["X"])
        try expectTrue(suggestion, school.workspace, outcome.plan)
    }

    @Test func needsNotMet() throws {
        var school = school()
        school.student("X", interests: ["farm"], needs: ["step-free", "hoist"])
        let (report, _) = try explain(school)
        let rules = try #require(lines(report, "X", .rules).first)
        #expect(rules.contains("0 provide hoist and step-free") && rules.contains("The student's needs ruled out"), "\(rules)")
        #expect(lines(report, "X", .nearestMiss).contains("Farm One meets every other rule but lacks hoist."))
        #expect(lines(report, "X", .whatWouldItTake).first?.contains("No single change") == true)
        #expect(report.suggestions.isEmpty)
    }

    @Test func allAllowedSessionsFull() throws {
        var school = school()
        school.student("X", interests: ["farm"])
        let (report, outcome) = try explain(school)
        let full = lines(report, "X", .full)
        #expect(full.contains("Farm One on Mondays is full (1 place): Amira Khan (A)."), "\(full)")
        #expect(full.contains("Cafe One on Mondays is full (1 place): Ben Ode (B)."), "\(full)")
        let take = try #require(lines(report, "X", .whatWouldItTake).first)
        #expect(take.hasPrefix("One more place at Farm One on Mondays in Term 1 (1 → 2) would place them at Farm One"), "\(take)")
        // The smallest change that works is the only one tried: the best-liked employer first.
        #expect(report.suggestions.map(\.change) == [.extraPlace("farm1", .mon, "t1")])
        for suggestion in report.suggestions { try expectTrue(suggestion, school.workspace, outcome.plan) }
    }

    @Test func escortSkillMissingOnThatDay() throws {
        var school = school()
        school.employer("shop1", name: "Shop One", sector: "shop", days: [.mon], capacity: 2, minutes: 10)
        school.student("X", interests: ["shop"], escort: .oneToOne, skills: ["epilepsy"])
        school.staffMember("S1", skills: ["epilepsy"], days: [.tue])
        school.staffMember("S2", days: [.mon])
        let (report, outcome) = try explain(school)
        let escort = try #require(lines(report, "X", .escort).first)
        #expect(escort == "Shop One on Mondays has a place, but the student needs a one-to-one escort trained in epilepsy and no such escort is free on Mondays in Term 1.", "\(escort)")
        let take = try #require(lines(report, "X", .whatWouldItTake).first)
        #expect(take.hasPrefix("Staff S1 (S1) free to escort on Mondays in Term 1 would place them at Shop One"), "\(take)")
        for suggestion in report.suggestions { try expectTrue(suggestion, school.workspace, outcome.plan) }
    }

    @Test func oneToOneEscortBusy() throws {
        var school = school()
        school.employer("shop1", name: "Shop One", sector: "shop", days: [.mon], capacity: 2, minutes: 10)
        school.student("Y", name: "Yusuf Ali", interests: ["shop"], escort: .oneToOne, skills: ["epilepsy"], avoid: ["farm1", "cafe1"])
        school.student("X", interests: ["shop"], escort: .oneToOne, skills: ["epilepsy"], days: [.mon])
        school.staffMember("S1", skills: ["epilepsy"], days: [.mon])
        let (report, outcome) = try explain(school)
        let placedOne = outcome.placement("X") == nil ? "X" : "Y"
        let other = placedOne == "X" ? "Yusuf Ali (Y)" : "Student X (X)"
        let escort = try #require(lines(report, placedOne, .escort).first)
        #expect(escort.contains("the only such escort free on Mondays in Term 1: Staff S1 is at Shop One with \(other)"), "\(escort)")
        let take = try #require(lines(report, placedOne, .whatWouldItTake).first)
        #expect(take.hasPrefix("One more escort trained in epilepsy free on Mondays in Term 1 would place them at Shop One"), "\(take)")
        #expect(report.suggestions.count == 1)
        for suggestion in report.suggestions { try expectTrue(suggestion, school.workspace, outcome.plan) }
    }

    @Test func anExtraDayOpensAnEmployer() throws {
        var school = school()
        school.employer("shop1", name: "Shop One", sector: "shop", days: [.wed], capacity: 1, minutes: 10)
        school.student("X", interests: ["shop"], days: [.tue], avoid: ["farm1", "cafe1"])
        let (report, outcome) = try explain(school)
        let rules = try #require(lines(report, "X", .rules).first)
        #expect(rules.contains("0 on the student's days (Tue)") && rules.contains("The student's days ruled out"), "\(rules)")
        #expect(lines(report, "X", .nearestMiss).contains("Shop One hosts on Wed; the student attends Tue."))
        let suggestion = try #require(report.suggestions.first)
        #expect(suggestion.change == .extraDay("X", .wed, "t1"))
        try expectTrue(suggestion, school.workspace, outcome.plan)
    }

    /// One student's year: each placement says why, and names the better-liked employer that was too far.
    @Test func whyThisPlacement() throws {
        var school = TestSchool(terms: 2)
        school.student("X", interests: ["cafe", "farm"], maxTravel: 25)
        school.employer("farm1", name: "Farm One", sector: "farm", days: [.mon], capacity: 1, minutes: 20)
        school.employer("farm2", name: "Farm Two", sector: "farm", days: [.mon], capacity: 1, minutes: 15)
        school.employer("cafe1", name: "Cafe One", sector: "cafe", days: [.mon], capacity: 1, minutes: 30)
        let (report, _) = try explain(school, student: "X")
        let placed = lines(report, "X", .placed)
        #expect(placed.count == 2)
        #expect(placed.contains("Placed at Farm Two on Mondays: farm is their 2nd choice of sector; 15 minutes' travel (limit 25)."), "\(placed)")
        #expect(lines(report, "X", .betterOption).allSatisfy { $0 == "Cafe One (cafe, 1st choice): 30 minutes away; limit 25." })
        #expect(lines(report, "X", .rules).isEmpty)
    }

    /// A hand-edited plan that leaves out a student who fits: re-planning alone places them.
    @Test func aStudentAPlainReplanWouldPlace() throws {
        var school = school()
        school.employer("farm2", name: "Farm Two", sector: "farm", days: [.mon], capacity: 1, minutes: 20)
        school.student("X", interests: ["farm"])
        let outcome = try school.plan()
        var edited = outcome.plan
        edited.placements.removeAll { $0.student == "X" }
        let report = Explainer.explain(school.workspace, plan: edited)
        #expect(lines(report, "X", .whatWouldItTake).first?.contains("with no change at all") == true)
        #expect(report.suggestions.isEmpty)
    }
}
