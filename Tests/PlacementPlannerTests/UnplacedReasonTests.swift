import Foundation
import Testing
import PlacementDomain
import PlanExport
import YearSolver

/// A student who cannot be placed by construction is listed with a reason naming the cause,
/// and everyone else still gets the optimal plan.
@Suite struct UnplacedReasonTests {
    /// Two ordinary students and two employers; the optimum for them is farm + cafe.
    private func school() -> TestSchool {
        var school = TestSchool()
        school.student("A", pathway: "Brook", interests: ["farm"])
        school.student("B", pathway: "Brook", interests: ["cafe"])
        school.employer("farm1", name: "Farm One", sector: "farm", days: [.mon, .tue], capacity: 2,
                        features: ["step-free"], pathways: ["Brook"], minutes: 20)
        school.employer("cafe1", name: "Cafe One", sector: "cafe", days: [.mon, .tue], capacity: 2,
                        features: ["step-free", "quiet-space"], pathways: ["Brook"], minutes: 30)
        return school
    }

    private func restIsOptimal(_ outcome: PlanOutcome, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.employer(of: "A") == "farm1", sourceLocation: sourceLocation)
        #expect(outcome.employer(of: "B") == "cafe1", sourceLocation: sourceLocation)
        #expect(outcome.unplaced.count == 1, sourceLocation: sourceLocation)
        expectOptimal(outcome, handObjective([(5, 20), (5, 30)]), sourceLocation: sourceLocation)
    }

    /// The student's row in the exported unplaced.csv.
    private func unplacedRow(_ outcome: PlanOutcome, _ workspace: Workspace, _ student: String) -> String? {
        let text = PlanFolder.files(for: outcome, workspace: workspace)["unplaced.csv"] ?? ""
        return csvLines(text).first { $0.hasPrefix("\(student),") }
    }

    /// A student no plan can place: the placements' bound still proves the plan places the most possible.
    @Test func theMostPlacementsBoundCountsOnlyWhatCanBePlaced() throws {
        var school = school()
        school.student("X", pathway: "Brook", interests: ["farm"], needs: ["hoist"])
        let outcome = try school.plan()
        #expect(outcome.mostPlacementsPossible == 2)
        #expect(outcome.score.placements == 2)
    }

    @Test func needsAFeatureNoEmployerHas() throws {
        var school = school()
        school.student("X", pathway: "Brook", interests: ["farm"], needs: ["step-free", "hoist"])
        let outcome = try school.plan()
        let reason = try #require(outcome.unplacedReason("X"))
        #expect(reason.contains("everything they need (hoist, step-free)"), "\(reason)")
        #expect(reason.contains("lacks hoist"), "\(reason)")
        let row = try #require(unplacedRow(outcome, school.workspace, "X"))
        #expect(row.contains("t1") && row.contains("hoist"), "\(row)")
        restIsOptimal(outcome)
    }

    @Test func everyEmployerIsTooFar() throws {
        var school = school()
        school.student("X", pathway: "Brook", interests: ["farm"], maxTravel: 15)
        let outcome = try school.plan()
        let reason = try #require(outcome.unplacedReason("X"))
        #expect(reason.contains("15-minute travel limit"), "\(reason)")
        #expect(reason.contains("Nearest: Farm One, 20 minutes"), "\(reason)")
        #expect(try #require(unplacedRow(outcome, school.workspace, "X")).contains("travel limit"))
        restIsOptimal(outcome)
    }

    @Test func noEmployerOnTheStudentsDays() throws {
        var school = school()
        school.student("X", pathway: "Brook", interests: ["farm"], days: [.fri])
        let outcome = try school.plan()
        let reason = try #require(outcome.unplacedReason("X"))
        #expect(reason.contains("No employer hosts in Term 1 on a day the student can attend (Fri)"), "\(reason)")
        restIsOptimal(outcome)
    }

    @Test func pathwayNotAccepted() throws {
        var school = school()
        school.student("X", year: 10, pathway: "Waterfall", interests: ["farm"])
        let outcome = try school.plan()
        let reason = try #require(outcome.unplacedReason("X"))
        #expect(reason.contains("Waterfall pathway"), "\(reason)")
        restIsOptimal(outcome)
    }

    @Test func everySuitableEmployerIsAvoided() throws {
        var school = school()
        school.student("X", pathway: "Brook", interests: ["farm"], avoid: ["farm1", "cafe1"])
        let outcome = try school.plan()
        let reason = try #require(outcome.unplacedReason("X"))
        #expect(reason.contains("avoid list"), "\(reason)")
        #expect(reason.contains("Cafe One, Farm One"), "\(reason)")
        restIsOptimal(outcome)
    }

    @Test func noEscortWithTheSkillIsFree() throws {
        var school = school()
        school.student("X", pathway: "Brook", interests: ["farm"], escort: .oneToOne, skills: ["peg-feeding"])
        school.staffMember("ST1", skills: ["epilepsy"])
        let outcome = try school.plan()
        let reason = try #require(outcome.unplacedReason("X"))
        #expect(reason.contains("escort trained in peg-feeding"), "\(reason)")
        #expect(try #require(unplacedRow(outcome, school.workspace, "X")).contains("escort"))
        restIsOptimal(outcome)
    }

    @Test func placesTakenByOthers() throws {
        var school = TestSchool()
        school.student("A", interests: ["farm"])
        school.student("B", interests: ["farm"])
        school.employer("farm1", name: "Farm One", sector: "farm", days: [.mon], capacity: 1)
        let outcome = try school.plan()
        #expect(outcome.plan.placements.count == 1)
        let entry = try #require(outcome.unplaced.first)
        #expect(entry.reason == "The only allowed session was taken: Farm One (Mon) full.")
        expectOptimal(outcome, handObjective([(5, 10)]))
    }

    @Test func everyUnplacedStudentTermIsListedOnce() throws {
        var school = TestSchool(terms: 3)
        school.student("A", interests: ["farm"], terms: ["t1", "t3"])
        school.student("B", interests: ["farm"], needs: ["hoist"])
        school.employer("farm1", sector: "farm")
        let outcome = try school.plan()
        let keys = outcome.unplaced.map { "\($0.student)|\($0.term)" }
        #expect(keys == ["A|t3", "B|t1", "B|t2", "B|t3"] || keys == ["A|t1", "B|t1", "B|t2", "B|t3"])
        #expect(outcome.requestedPlacements == 5)
        #expect(outcome.plan.placements.count + outcome.unplaced.count == outcome.requestedPlacements)
    }
}
