import Testing
import PlacementDomain
import YearSolver

/// Hard rules 1–8 and 10 (rule 9, escorts, is in EscortRuleTests), each on a tiny school whose
/// best plan is known by hand. In each, the employer the student would like best is forbidden,
/// so a model missing the rule would choose it.
@Suite struct HardRuleTests {
    @Test func rule1_studentTermsMustIncludeTheTerm() throws {
        var school = TestSchool(terms: 2)
        school.student("S1", interests: ["farm"], terms: ["t2"])
        school.employer("farm1", sector: "farm", terms: ["t1"])
        school.employer("office1", sector: "office", terms: ["t2"])
        let outcome = try school.plan()
        #expect(outcome.placement("S1", "t1") == nil)
        #expect(outcome.employer(of: "S1", "t2") == "office1")
        #expect(outcome.unplaced.isEmpty, "S1 takes no part in t1, so it is not unplaced there")
        #expect(outcome.requestedPlacements == 1)
        expectOptimal(outcome, handObjective([(0, 10)]))
    }

    @Test func rule1_employerDaysMustMeetStudentDays() throws {
        var school = TestSchool()
        school.student("S1", interests: ["farm"], days: [.tue, .thu])
        school.employer("farm1", sector: "farm", days: [.mon, .wed])
        school.employer("office1", sector: "office", days: [.mon, .thu])
        let outcome = try school.plan()
        #expect(outcome.placement("S1")?.session == Session(employer: "office1", day: .thu, term: "t1"))
        expectOptimal(outcome, handObjective([(0, 10)]))
    }

    @Test func rule2_everyNeedMustBeAFeature() throws {
        var school = TestSchool()
        school.student("S1", interests: ["farm", "cafe"], needs: ["step-free", "quiet-space"])
        school.employer("farm1", sector: "farm", features: ["step-free"])
        school.employer("cafe1", sector: "cafe", features: ["step-free", "quiet-space", "hoist"])
        let outcome = try school.plan()
        #expect(outcome.employer(of: "S1") == "cafe1")
        expectOptimal(outcome, handObjective([(4, 10)]))
    }

    @Test func rule3_pathwayMustBeAccepted() throws {
        var school = TestSchool()
        school.student("S1", pathway: "Stream", interests: ["farm", "cafe"])
        school.student("S2", interests: ["farm", "cafe"])
        school.employer("farm1", sector: "farm", capacity: 2, pathways: ["Brook", "Waterfall"])
        school.employer("cafe1", sector: "cafe", capacity: 2, pathways: ["Stream"])
        let outcome = try school.plan()
        #expect(outcome.employer(of: "S1") == "cafe1")
        // A student with no pathway is refused by an employer that lists pathways.
        #expect(outcome.placement("S2") == nil)
        expectOptimal(outcome, handObjective([(4, 10)]))
    }

    @Test func rule3_yearMustBeWithinLimits() throws {
        var school = TestSchool()
        school.student("young", year: 9, interests: ["farm", "cafe", "office"])
        school.student("old", year: 13, interests: ["farm", "cafe", "office"])
        school.student("noYear", interests: ["farm", "cafe", "office"])
        school.employer("farm1", sector: "farm", capacity: 3, minYear: 10, maxYear: 12)
        school.employer("cafe1", sector: "cafe", capacity: 3, minYear: 13)
        school.employer("office1", sector: "office", capacity: 3, maxYear: 9)
        let outcome = try school.plan()
        #expect(outcome.employer(of: "young") == "office1")
        #expect(outcome.employer(of: "old") == "cafe1")
        // Limits are checked only when the student's year is known.
        #expect(outcome.employer(of: "noYear") == "farm1")
        expectOptimal(outcome, handObjective([(3, 10), (4, 10), (5, 10)]))
    }

    @Test func rule4_travelFromCoordinatesIsRoundedUpAndTheLimitIsInclusive() throws {
        // (51.0, 0.0) → (51.09, 0.0) is 10.0075 km: ceil(5 + 2.6 × 10.0075) = 32 minutes.
        var school = TestSchool()
        school.student("S1", interests: ["farm"], maxTravel: 32)
        school.student("S2", interests: ["farm"], maxTravel: 31)
        school.employer("farm1", sector: "farm", capacity: 2, location: Coordinate(latitude: 51.09, longitude: 0.0))
        school.employer("office1", sector: "office", capacity: 2, minutes: 5)
        #expect(school.workspace.travelMinutes(school.students[0], school.employers[0]) == 32)
        let outcome = try school.plan()
        #expect(outcome.employer(of: "S1") == "farm1")
        #expect(outcome.employer(of: "S2") == "office1")
        expectOptimal(outcome, handObjective([(5, 32), (0, 5)]))
    }

    @Test func rule4_travelOverrideReplacesTheEstimate() throws {
        // The farm is 24 minutes by coordinates, but the override says 45.
        var school = TestSchool()
        school.student("S1", interests: ["farm"], maxTravel: 40)
        school.employer("farm1", sector: "farm", location: Coordinate(latitude: 51.0, longitude: 0.1))
        school.employer("office1", sector: "office", minutes: 30)
        school.minutes["farm1"] = 45
        let workspace = school.workspace
        #expect(workspace.travelMinutes(school.students[0], school.employers[0]) == 45)
        let outcome = try school.plan()
        #expect(outcome.employer(of: "S1") == "office1")
        expectOptimal(outcome, handObjective([(0, 30)]))
    }

    @Test func travelFormulaMatchesTheReadme() {
        let london = Coordinate(latitude: 51.5074, longitude: -0.1278)
        let paris = Coordinate(latitude: 48.8566, longitude: 2.3522)
        #expect(abs(TravelTimes.haversineKilometres(london, paris) - 343.556) < 0.01)
        #expect(TravelTimes.computedMinutes(from: london, to: paris) == 899)
        #expect(TravelTimes.computedMinutes(from: london, to: london) == 5)
        #expect(TravelTimes.computedMinutes(from: Coordinate(latitude: 51.0, longitude: 0.0),
                                            to: Coordinate(latitude: 51.0, longitude: 0.1)) == 24)
    }

    @Test func rule5_avoidedEmployerIsNeverUsed() throws {
        var school = TestSchool()
        school.student("S1", interests: ["farm", "cafe"], avoid: ["farm1"])
        school.employer("farm1", sector: "farm")
        school.employer("cafe1", sector: "cafe")
        let outcome = try school.plan()
        #expect(outcome.employer(of: "S1") == "cafe1")
        expectOptimal(outcome, handObjective([(4, 10)]))
    }

    @Test func rule6_atMostOnePlacementPerStudentPerTerm() throws {
        var school = TestSchool()
        school.student("S1", interests: ["farm", "cafe"])
        school.employer("farm1", sector: "farm", days: [.mon])
        school.employer("cafe1", sector: "cafe", days: [.tue])
        let outcome = try school.plan()
        #expect(outcome.plan.placements.count == 1)
        #expect(outcome.employer(of: "S1") == "farm1")
        expectOptimal(outcome, handObjective([(5, 10)]))
    }

    @Test func rule7_neverTheSameEmployerTwiceInTheYear() throws {
        var school = TestSchool(terms: 3)
        school.student("S1", interests: ["farm"])
        school.employer("farm1", sector: "farm", days: [.mon, .tue], capacity: 2)
        school.employer("office1", sector: "office", minutes: 20)
        let outcome = try school.plan()
        let employers = outcome.plan.placements.map(\.session.employer)
        #expect(employers.count == 2)
        #expect(Set(employers) == ["farm1", "office1"])
        #expect(outcome.unplaced.count == 1)
        let reason = try #require(outcome.unplaced.first?.reason)
        #expect(reason.contains("already used in Term"), "\(reason)")
        expectOptimal(outcome, handObjective([(5, 10), (0, 20)]))
    }

    @Test func rule8_noMoreStudentsThanCapacity() throws {
        var school = TestSchool()
        for id in ["S1", "S2", "S3"] { school.student(id, interests: ["farm"]) }
        school.employer("farm1", sector: "farm", capacity: 2)
        let outcome = try school.plan()
        #expect(outcome.plan.placements.count == 2)
        let unplaced = try #require(outcome.unplaced.first)
        #expect(outcome.unplaced.count == 1)
        #expect(unplaced.reason.contains("full"), "\(unplaced.reason)")
        expectOptimal(outcome, handObjective([(5, 10), (5, 10)]))
    }

    @Test func rule8_capacityIsPerDay() throws {
        var school = TestSchool()
        for id in ["S1", "S2", "S3"] { school.student(id, interests: ["farm"]) }
        school.employer("farm1", sector: "farm", days: [.mon, .wed, .fri], capacity: 1)
        let outcome = try school.plan()
        #expect(Set(outcome.plan.placements.map(\.session.day)) == [.mon, .wed, .fri])
        expectOptimal(outcome, handObjective([(5, 10), (5, 10), (5, 10)]))
    }

    @Test func rule8_capacityZeroHostsNobody() throws {
        var school = TestSchool()
        school.student("S1", interests: ["farm"])
        school.employer("farm1", sector: "farm", capacity: 0)
        let outcome = try school.plan()
        #expect(outcome.plan.placements.isEmpty)
        #expect(outcome.unplacedReason("S1")?.contains("capacity 0") == true)
        expectOptimal(outcome, 0)
    }

    @Test func rule10_historyIsKeptExactlyEvenWhenWorse() throws {
        var school = TestSchool(terms: 2)
        school.student("S1", interests: ["farm", "cafe"])
        school.employer("farm1", sector: "farm", days: [.mon])
        school.employer("office1", sector: "office", days: [.mon, .wed], minutes: 40)
        school.fixed("S1", at: "office1", .wed, "t1")
        let outcome = try school.plan()
        #expect(outcome.placement("S1", "t1")?.session == Session(employer: "office1", day: .wed, term: "t1"))
        #expect(outcome.employer(of: "S1", "t2") == "farm1")
        expectOptimal(outcome, handObjective([(0, 40), (5, 10)]))
    }

    @Test func rule10_historyTakesThePlaceAndBlocksTheEmployerLater() throws {
        var school = TestSchool(terms: 2)
        school.student("S1", interests: ["cafe"])
        school.student("S2", interests: ["farm"])
        school.employer("farm1", sector: "farm", days: [.mon], capacity: 1)
        school.employer("cafe1", sector: "cafe", days: [.mon], capacity: 1)
        // S1 is fixed at the farm in t1: S2 cannot have it in t1, and S1 cannot return in t2.
        school.fixed("S1", at: "farm1", .mon, "t1")
        let outcome = try school.plan()
        #expect(outcome.employer(of: "S1", "t1") == "farm1")
        #expect(outcome.employer(of: "S2", "t1") == "cafe1")
        #expect(outcome.employer(of: "S1", "t2") == "cafe1")
        #expect(outcome.employer(of: "S2", "t2") == "farm1")
        expectOptimal(outcome, handObjective([(0, 10), (0, 10), (5, 10), (5, 10)]))
    }

    @Test func rule10_historyThatCannotBeEscortedIsAnError() throws {
        var school = TestSchool()
        school.student("S1", interests: ["farm"], escort: .oneToOne, skills: ["epilepsy"])
        school.employer("farm1", sector: "farm")
        school.staffMember("A")
        school.fixed("S1", at: "farm1", .mon)
        #expect {
            _ = try YearPlanner.plan(school.workspace, options: PlanningOptions(timeLimit: 10))
        } throws: { error in
            guard case PlanningError.historyCannotBeEscorted = error else { return false }
            return "\(error)".contains("history.csv")
        }
    }

    @Test func rule10_escortedHistoryGetsItsEscort() throws {
        var school = TestSchool()
        school.student("S1", interests: ["cafe"], escort: .oneToOne, skills: ["epilepsy"])
        school.employer("farm1", sector: "farm")
        school.employer("cafe1", sector: "cafe")
        school.staffMember("A")
        school.staffMember("B", skills: ["epilepsy"])
        school.fixed("S1", at: "farm1", .mon)
        let outcome = try school.plan()
        #expect(outcome.employer(of: "S1") == "farm1")
        #expect(outcome.escorts(at: "farm1", .mon) == ["B"])
        expectOptimal(outcome, handObjective([(0, 10)], escorts: 1))
    }
}
