import Foundation
import Testing
import PlacementDomain
import YearSolver

/// Degenerate schools never take GLPK (or the process) down: each gives a plan or a clear message,
/// and a time limit always returns — with the best plan found, or saying there is none.
@Suite struct DegenerateModelTests {
    static func expectPlanOrMessage(_ school: TestSchool, timeLimit: Double = 10,
                                    sourceLocation: SourceLocation = #_sourceLocation) -> PlanOutcome? {
        let start = Date()
        defer {
            #expect(Date().timeIntervalSince(start) < timeLimit + 15, "returned within the time limit", sourceLocation: sourceLocation)
        }
        do {
            let outcome = try YearPlanner.plan(school.workspace, options: PlanningOptions(timeLimit: timeLimit))
            #expect((try? writtenPlanViolations(outcome, school.workspace))?.isEmpty == true, sourceLocation: sourceLocation)
            return outcome
        } catch {
            #expect(!error.description.isEmpty && !error.description.contains("internal"), "\(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    @Test func noStudents() {
        var school = TestSchool()
        school.employer("e1")
        school.staffMember("ST1")
        let outcome = Self.expectPlanOrMessage(school)
        #expect(outcome?.plan.placements.isEmpty == true && outcome?.requestedPlacements == 0)
    }

    @Test func noEmployers() {
        var school = TestSchool(terms: 2)
        school.student("S1")
        school.student("S2", escort: .oneToOne)
        let outcome = Self.expectPlanOrMessage(school)
        #expect(outcome?.plan.placements.isEmpty == true)
        #expect(outcome?.unplaced.count == 4, "every student-term is listed as unplaced, with a reason")
        #expect(outcome?.unplaced.allSatisfy { !$0.reason.isEmpty } == true)
    }

    @Test func noTermsNoSitesNothingAtAll() {
        var school = TestSchool()
        school.terms = []
        school.sites = []
        let outcome = Self.expectPlanOrMessage(school)
        #expect(outcome?.plan.placements.isEmpty == true)
    }

    @Test func zeroCapacityEverywhere() {
        var school = TestSchool(terms: 3)
        for index in 1...5 { school.student("S\(index)") }
        for index in 1...4 { school.employer("e\(index)", days: Set(Weekday.allCases), capacity: 0) }
        let outcome = Self.expectPlanOrMessage(school)
        #expect(outcome?.plan.placements.isEmpty == true && outcome?.unplaced.count == 15)
    }

    @Test func everyoneIneligible() {
        var school = TestSchool(terms: 2)
        school.student("S1", needs: ["changing-bed"])
        school.student("S2", maxTravel: 5)
        school.student("S3", pathway: "Waterfall")
        school.student("S4", days: [.fri])
        school.student("S5", avoid: ["e1"])
        school.employer("e1", pathways: ["Brook"], minutes: 10)
        let outcome = Self.expectPlanOrMessage(school)
        #expect(outcome?.plan.placements.count == 0)
        #expect(outcome?.unplaced.count == 10)
    }

    @Test func oneStudent() {
        var school = TestSchool()
        school.student("S1", interests: ["office"])
        school.employer("e1")
        let outcome = Self.expectPlanOrMessage(school)
        #expect(outcome?.employer(of: "S1") == "e1")
        #expect(outcome?.provenOptimal == true)
    }

    @Test func oneToOneStudentsAndNoStaff() {
        var school = TestSchool()
        school.student("S1", escort: .oneToOne)
        school.student("S2", escort: .shared, skills: ["peg"])
        school.employer("e1", capacity: 3)
        let outcome = Self.expectPlanOrMessage(school)
        #expect(outcome?.plan.placements.isEmpty == true && outcome?.unplaced.count == 2)
    }

    @Test func tenThousandStudentsWithNoEligiblePair() {
        var school = TestSchool(terms: 3)
        for index in 1...10_000 { school.student("S\(index)", maxTravel: 5) }
        for index in 1...20 { school.employer("e\(index)", days: Set(Weekday.allCases), capacity: 3, minutes: 30) }
        let outcome = Self.expectPlanOrMessage(school, timeLimit: 20)
        #expect(outcome?.plan.placements.isEmpty == true)
        #expect(outcome?.unplaced.count == 30_000)
    }

    /// A very short time limit on a real-sized school returns promptly: a valid plan or a clear "none found".
    @Test func aTimeLimitAlwaysReturns() throws {
        var school = TestSchool(terms: 3)
        for index in 1...300 { school.student("S\(index)", interests: ["office"], escort: index % 5 == 0 ? .shared : .none) }
        for index in 1...60 { school.employer("e\(index)", days: [.mon, .wed], capacity: 2, minutes: 5 + index % 40) }
        for index in 1...10 { school.staffMember("ST\(index)") }
        for limit in [0.05, 0.5] {
            let start = Date()
            _ = Self.expectPlanOrMessage(school, timeLimit: limit)
            // A guard against hanging, not a speed measurement (a debug build on a busy machine takes ~5 s).
            #expect(Date().timeIntervalSince(start) < 60, "time limit \(limit) s took \(Date().timeIntervalSince(start)) s")
        }
    }
}
