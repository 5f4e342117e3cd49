import Testing
import PlacementDomain
import YearSolver

/// Each term of the objective: Σ placements [1000 + interest − 0.01 × travel]
/// − 2 × sector repeats − 1 × escort assignments, on schools whose optimum is known by hand.
@Suite struct ObjectiveTests {
    @Test func interestPrefersTheFirstRankedSector() throws {
        var school = TestSchool()
        school.student("S1", interests: ["cafe", "farm", "office"])
        school.employer("office1", sector: "office")
        school.employer("farm1", sector: "farm")
        school.employer("cafe1", sector: "cafe")
        school.employer("shop1", sector: "shop")
        let outcome = try school.plan()
        #expect(outcome.employer(of: "S1") == "cafe1")
        #expect(outcome.score.interestPoints == 5)
        expectOptimal(outcome, handObjective([(5, 10)]))
    }

    @Test(arguments: [(rank: 1, points: 5), (rank: 2, points: 4), (rank: 3, points: 3), (rank: 4, points: 2),
                      (rank: 5, points: 1), (rank: 6, points: 0)])
    func interestPointsByRank(rank: Int, points: Int) throws {
        let sectors = ["s1", "s2", "s3", "s4", "s5", "s6"]
        var school = TestSchool()
        school.student("S1", interests: sectors)
        school.employer("e", sector: sectors[rank - 1])
        let outcome = try school.plan()
        #expect(outcome.score.interestPoints == points)
        expectOptimal(outcome, handObjective([(points, 10)]))
    }

    @Test func interestIsSharedOutForTheBestTotal() throws {
        // A likes farm then cafe; B likes only farm. B at the farm and A at the cafe scores 5 + 4.
        var school = TestSchool()
        school.student("A", interests: ["farm", "cafe"])
        school.student("B", interests: ["farm"])
        school.employer("farm1", sector: "farm")
        school.employer("cafe1", sector: "cafe")
        let outcome = try school.plan()
        #expect(outcome.employer(of: "A") == "cafe1")
        #expect(outcome.employer(of: "B") == "farm1")
        expectOptimal(outcome, handObjective([(4, 10), (5, 10)]))
    }

    @Test func placementsComeBeforeInterest() throws {
        // A would love the farm, but the farm is the only employer with B's quiet space: placing
        // both (2000 − 0.2) beats giving A the farm and leaving B out (1005 − 0.1).
        var school = TestSchool()
        school.student("A", interests: ["farm"])
        school.student("B", interests: ["office"], needs: ["quiet-space"])
        school.employer("farm1", sector: "farm", features: ["quiet-space"])
        school.employer("office1", sector: "office")
        let outcome = try school.plan()
        #expect(outcome.employer(of: "A") == "office1")
        #expect(outcome.employer(of: "B") == "farm1")
        expectOptimal(outcome, handObjective([(0, 10), (0, 10)]))
    }

    @Test func travelBreaksATieTowardTheNearerEmployer() throws {
        var school = TestSchool()
        school.student("S1", interests: ["farm"])
        school.employer("farA", sector: "farm", minutes: 25)
        school.employer("nearB", sector: "farm", minutes: 12)
        school.employer("farC", sector: "farm", minutes: 40)
        let outcome = try school.plan()
        #expect(outcome.employer(of: "S1") == "nearB")
        #expect(outcome.score.travelMinutes == 12)
        expectOptimal(outcome, handObjective([(5, 12)]))
    }

    @Test func oneInterestPointOutweighsNinetyMinutesOfTravel() throws {
        var school = TestSchool()
        school.student("S1", interests: ["farm", "cafe"], maxTravel: 120)
        school.employer("farm1", sector: "farm", minutes: 95)
        school.employer("cafe1", sector: "cafe", minutes: 5)
        let outcome = try school.plan()
        #expect(outcome.employer(of: "S1") == "farm1")
        expectOptimal(outcome, handObjective([(5, 95)]))
    }

    @Test func sectorRepeatAvoidedWhenAnEqualAlternativeExists() throws {
        // No interests at all: two offices are nearer than the shop, but going to an office twice
        // costs the repeat penalty (2) against 0.05 more travel.
        var school = TestSchool(terms: 2)
        school.student("S1")
        school.employer("office1", sector: "office", minutes: 10)
        school.employer("office2", sector: "office", minutes: 10)
        school.employer("shop1", sector: "shop", minutes: 15)
        let outcome = try school.plan()
        let employers = Set(outcome.plan.placements.map(\.session.employer))
        #expect(employers.contains("shop1"))
        #expect(employers.count == 2)
        #expect(outcome.score.sectorRepeats == 0)
        expectOptimal(outcome, handObjective([(0, 10), (0, 15)]))
    }

    @Test func sectorRepeatPenaltyOutweighsOneInterestPoint() throws {
        // farm + farm would be 5 + 5 − 2 = 8 < farm + cafe = 9.
        var school = TestSchool(terms: 2)
        school.student("S1", interests: ["farm", "cafe"])
        school.employer("farm1", sector: "farm", minutes: 10)
        school.employer("farm2", sector: "farm", minutes: 10)
        school.employer("cafe1", sector: "cafe", minutes: 10)
        let outcome = try school.plan()
        let sectors = outcome.plan.placements.compactMap { school.workspace.employer($0.session.employer)?.sector }
        #expect(sectors.sorted() == ["cafe", "farm"])
        #expect(outcome.score.sectorRepeats == 0)
        expectOptimal(outcome, handObjective([(5, 10), (4, 10)]))
    }

    @Test func sectorRepeatTakenWhenItIsStillWorthIt() throws {
        var school = TestSchool(terms: 2)
        school.student("S1", interests: ["farm"])
        school.employer("farm1", sector: "farm")
        school.employer("farm2", sector: "farm")
        school.employer("office1", sector: "office")
        let outcome = try school.plan()
        #expect(Set(outcome.plan.placements.map(\.session.employer)) == ["farm1", "farm2"])
        #expect(outcome.score.sectorRepeats == 1)
        // 5 + 5 − 2 = 8 beats 5 + 0.
        expectOptimal(outcome, handObjective([(5, 10), (5, 10)], repeats: 1))
    }

    @Test func largerRepeatPenaltySettingChangesTheChoice() throws {
        var school = TestSchool(terms: 2)
        school.student("S1", interests: ["farm"])
        school.employer("farm1", sector: "farm")
        school.employer("farm2", sector: "farm")
        school.employer("office1", sector: "office")
        school.settings.sectorRepeatPenalty = 6
        let outcome = try school.plan()
        // 5 + 5 − 6 = 4 now loses to 5 + 0.
        #expect(outcome.plan.placements.map(\.session.employer).contains("office1"))
        #expect(outcome.score.sectorRepeats == 0)
        expectOptimal(outcome, handObjective([(5, 10), (0, 10)], settings: school.settings))
    }

    @Test func historySectorCountsTowardRepeats() throws {
        // S1 was at a farm in t1 (history); in t2 another farm scores 5 − 2 = 3, the cafe 4.
        var school = TestSchool(terms: 2)
        school.student("S1", interests: ["farm", "cafe"])
        school.employer("farm1", sector: "farm", terms: ["t1"])
        school.employer("farm2", sector: "farm", terms: ["t2"])
        school.employer("cafe1", sector: "cafe", terms: ["t2"])
        school.fixed("S1", at: "farm1", .mon, "t1")
        let outcome = try school.plan()
        #expect(outcome.employer(of: "S1", "t2") == "cafe1")
        expectOptimal(outcome, handObjective([(5, 10), (4, 10)]))
    }

    @Test func threePlacementsInOneSectorCountTwoRepeats() throws {
        var school = TestSchool(terms: 3)
        school.student("S1", interests: ["farm"])
        school.employer("farm1", sector: "farm")
        school.employer("farm2", sector: "farm")
        school.employer("farm3", sector: "farm")
        let outcome = try school.plan()
        #expect(outcome.score.sectorRepeats == 2)
        expectOptimal(outcome, handObjective([(5, 10), (5, 10), (5, 10)], repeats: 2))
    }

    @Test func sharedStudentsAreGroupedToUseFewerEscorts() throws {
        // Two identical employers; both shared students at one session need one escort, not two.
        var school = TestSchool()
        school.student("S1", interests: ["farm"], escort: .shared)
        school.student("S2", interests: ["farm"], escort: .shared)
        school.employer("farm1", sector: "farm", capacity: 2)
        school.employer("farm2", sector: "farm", capacity: 2)
        school.staffMember("A")
        school.staffMember("B")
        let outcome = try school.plan()
        let sessions = Set(outcome.plan.placements.map(\.session))
        #expect(sessions.count == 1)
        #expect(outcome.escortAssignments == 1)
        expectOptimal(outcome, handObjective([(5, 10), (5, 10)], escorts: 1))
    }

    @Test func escortPenaltyOutweighsASmallTravelSaving() throws {
        // Splitting the two shared students would save 20 minutes (0.2 points) but cost an escort (1 point).
        var school = TestSchool()
        school.student("S1", interests: ["farm"], escort: .shared)
        school.student("S2", interests: ["farm"], escort: .shared)
        school.employer("near", sector: "farm", capacity: 1, minutes: 10)
        school.employer("far", sector: "farm", capacity: 2, minutes: 30)
        school.staffMember("A")
        school.staffMember("B")
        let outcome = try school.plan()
        #expect(outcome.employer(of: "S1") == "far")
        #expect(outcome.employer(of: "S2") == "far")
        expectOptimal(outcome, handObjective([(5, 30), (5, 30)], escorts: 1))
    }

    @Test func customWeightsFromSettingsAreUsed() throws {
        var school = TestSchool()
        school.student("S1", interests: ["farm", "cafe"], maxTravel: 200)
        school.employer("farm1", sector: "farm", minutes: 100)
        school.employer("cafe1", sector: "cafe", minutes: 5)
        school.settings.interestWeight = 10
        school.settings.travelWeight = 1
        school.settings.placementWeight = 500
        let outcome = try school.plan()
        // farm: 500 + 50 − 100 = 450; cafe: 500 + 40 − 5 = 535.
        #expect(outcome.employer(of: "S1") == "cafe1")
        expectOptimal(outcome, 535)
    }

    @Test func scoreComputeMatchesTheFormula() {
        var school = TestSchool(terms: 2)
        school.student("S1", interests: ["farm", "cafe"], escort: .shared)
        school.employer("farm1", sector: "farm", minutes: 20)
        school.employer("farm2", sector: "farm", minutes: 30)
        school.staffMember("A")
        let t1 = Session(employer: "farm1", day: .mon, term: "t1")
        let t2 = Session(employer: "farm2", day: .mon, term: "t2")
        let plan = Plan(placements: [Placement(student: "S1", session: t1), Placement(student: "S1", session: t2)],
                        escorts: [t1: ["A"], t2: ["A"]])
        let score = PlanScore.compute(plan, in: school.workspace)
        #expect(score.placements == 2)
        #expect(score.sectorRepeats == 1)
        #expect(score.escortAssignments == 2)
        #expect(score.travelMinutes == 50)
        #expect(abs(score.objective - (2000 + 10 - 0.5 - 2 - 2)) < 1e-9)
    }
}
