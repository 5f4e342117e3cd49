import Foundation
import Testing
import PlacementDomain
import PlanExport
import PlanVerify
import YearSolver

/// What-if re-planning: frozen terms kept exactly, and among plans with the most placements the
/// fewest changed (student, term)s — on instances small enough to know the answer by hand.
@Suite struct WhatIfTests {
    static func plan(_ placements: [(String, String, Weekday, String)], escorts: [Session: [StaffID]] = [:]) -> Plan {
        Plan(placements: placements.map {
            Placement(student: StudentID($0.0), session: Session(employer: EmployerID($0.1), day: $0.2, term: TermID($0.3)))
        }, escorts: escorts)
    }

    /// s1 may go to A or C, s2 only to A or B. When B withdraws, s2 can be placed only if the
    /// bystander s1 moves from A to C: two moves, both still placed.
    @Test func aBystanderMovesSoTheWithdrawnEmployersStudentIsPlaced() throws {
        var school = TestSchool()
        school.employer("A", sector: "farm")
        school.employer("B", sector: "cafe")
        school.employer("C", sector: "office")
        school.student("s1", interests: ["farm", "office"], avoid: ["B"])
        school.student("s2", interests: ["cafe", "farm"], avoid: ["C"])
        let current = Self.plan([("s1", "A", .mon, "t1"), ("s2", "B", .mon, "t1")])
        let result = try WhatIfPlanner.replan(school.workspace, current: current, changes: [.withdraw("B")], from: "t1")
        #expect(result.outcome.employer(of: "s1") == "C")
        #expect(result.outcome.employer(of: "s2") == "A")
        #expect(result.count(.moved) == 2)
        #expect(result.count(.newlyUnplaced) == 0)
        #expect(result.changes.first { $0.student == "s2" }?.reason == "B withdrew.")
        #expect(try writtenPlanViolations(result.outcome, result.workspace).isEmpty)
    }

    /// Nobody moves just to gain interest points: s1 stays at its less-liked employer.
    @Test func nobodyMovesOnlyForInterest() throws {
        var school = TestSchool()
        school.employer("liked", sector: "farm")
        school.employer("other", sector: "office")
        school.employer("gone", sector: "cafe")
        school.student("s1", interests: ["farm", "office"])
        let current = Self.plan([("s1", "other", .mon, "t1")])
        let result = try WhatIfPlanner.replan(school.workspace, current: current, changes: [.withdraw("gone")], from: "t1")
        #expect(result.outcome.employer(of: "s1") == "other")
        #expect(result.changes.isEmpty)
    }

    /// Of two students who could move to make room, exactly one moves (the minimum).
    @Test func capacityCutMovesTheFewestStudents() throws {
        var school = TestSchool()
        school.employer("A", capacity: 2)
        school.employer("B", capacity: 1)
        school.student("s1")
        school.student("s2")
        let current = Self.plan([("s1", "A", .mon, "t1"), ("s2", "A", .mon, "t1")])
        let result = try WhatIfPlanner.replan(school.workspace, current: current, changes: [.capacity("A", 1)], from: "t1")
        #expect(result.outcome.score.placements == 2)
        #expect(result.count(.moved) == 1)
        #expect(result.changes.count == 1)
    }

    /// Terms before --from are kept exactly, even where the change would otherwise apply.
    @Test func termsBeforeFromAreFrozen() throws {
        var school = TestSchool(terms: 2)
        school.employer("A")
        school.employer("B")
        school.student("s1")
        let current = Self.plan([("s1", "A", .mon, "t1"), ("s1", "B", .mon, "t2")])
        let result = try WhatIfPlanner.replan(school.workspace, current: current, changes: [.withdraw("A"), .withdraw("B")], from: "t2")
        #expect(result.outcome.employer(of: "s1", "t1") == "A")
        #expect(result.outcome.employer(of: "s1", "t2") == nil)
        #expect(result.count(.newlyUnplaced) == 1)
        #expect(try writtenPlanViolations(result.outcome, result.workspace).isEmpty)
    }

    /// A frozen term's escorts are kept by name, and a withdrawn employer's escorted student is
    /// re-placed with an escort.
    @Test func frozenEscortsStayAndEscortedStudentsAreReplaced() throws {
        var school = TestSchool(terms: 2)
        school.employer("A")
        school.employer("B")
        school.employer("C")
        school.student("s1", escort: .oneToOne)
        school.staffMember("x")
        school.staffMember("y")
        let t1 = Session(employer: "A", day: .mon, term: "t1")
        let t2 = Session(employer: "B", day: .mon, term: "t2")
        let current = Self.plan([("s1", "A", .mon, "t1"), ("s1", "B", .mon, "t2")], escorts: [t1: ["y"], t2: ["x"]])
        let result = try WhatIfPlanner.replan(school.workspace, current: current, changes: [.withdraw("B")], from: "t2")
        #expect(result.outcome.escorts(at: "A", .mon, "t1") == ["y"])
        #expect(result.outcome.employer(of: "s1", "t2") == "C")
        #expect(result.outcome.escorts(at: "C", .mon, "t2") == ["x"])
        #expect(try writtenPlanViolations(result.outcome, result.workspace).isEmpty)
    }

    /// Escorts stay where they were, even when someone from another pool could equally go.
    @Test func escortsKeepTheirSessions() throws {
        var school = TestSchool()
        school.employer("A")
        school.employer("gone")
        school.student("s1", escort: .oneToOne)
        school.staffMember("x", skills: ["epilepsy"])
        school.staffMember("y")
        school.student("s2", escort: .oneToOne, skills: ["epilepsy"], days: [.tue])
        let session = Session(employer: "A", day: .mon, term: "t1")
        let current = Self.plan([("s1", "A", .mon, "t1")], escorts: [session: ["x"]])
        let result = try WhatIfPlanner.replan(school.workspace, current: current, changes: [.withdraw("gone")], from: "t1")
        #expect(result.outcome.escorts(at: "A", .mon) == ["x"])
        #expect(result.escortChanges.isEmpty)
    }

    /// An escort whose employer withdraws goes with the student to the new session (one escort
    /// change) rather than someone else going and them staying idle (two), whether the other person
    /// is in their pool (named first by id) or in another pool that could equally go.
    @Test(arguments: [[String](), ["epilepsy"]])
    func aFreedEscortMovesWithTheirStudent(otherSkills: [String]) throws {
        var school = TestSchool()
        school.employer("B")
        school.employer("gone")
        school.student("s1", escort: .oneToOne)
        school.student("s2", escort: .oneToOne, skills: ["epilepsy"], days: [.tue])
        school.staffMember("a", skills: Set(otherSkills))
        school.staffMember("x")
        let current = Self.plan([("s1", "gone", .mon, "t1")], escorts: [Session(employer: "gone", day: .mon, term: "t1"): ["x"]])
        let result = try WhatIfPlanner.replan(school.workspace, current: current, changes: [.withdraw("gone")], from: "t1")
        #expect(result.outcome.employer(of: "s1") == "B")
        #expect(result.outcome.escorts(at: "B", .mon) == ["x"])
        #expect(result.escortChanges.map { "\($0.staff) \($0.before?.rawValue ?? "-") \($0.after?.rawValue ?? "-")" } == ["x gone B"])
        #expect(try writtenPlanViolations(result.outcome, result.workspace).isEmpty)
    }

    /// The CLI: a what-if on a planned workspace writes changes.csv; bad changes exit 2 and write nothing.
    @Test func whatIfCommandWritesChangesAndRefusesBadArguments() throws {
        let workspace = try MinimalWorkspace.write().path
        let folder = try TempDir.make("whatif")
        let planDir = folder.appendingPathComponent("plan").path
        let newDir = folder.appendingPathComponent("new").path
        #expect(CLITests.run(["plan", workspace, "--out", planDir, "--quiet"]) == 0)
        for bad in [["--withdraw", "nobody"], ["--staff-away", "ghost"], ["--from", "t9"], ["--capacity", "farm1=-1"],
                    ["--capacity", "farm1"], ["--student-leaves", "S99"], ["--day-capacity", "farm1@Sat=2"],
                    ["--day-capacity", "farm1=2"], ["--staff-also-free", "ST1"], ["--staff-back", "ghost"],
                    ["--new-escort", "epilepsy"], ["--travel-limit", "S1=ten"], ["--student-also-attends", "S99@Mon"]] {
            #expect(CLITests.run(["whatif", workspace, "--plan", planDir, "--out", newDir] + bad) == 2, "\(bad)")
            #expect(!FileManager.default.fileExists(atPath: newDir), "\(bad) wrote something")
        }
        #expect(CLITests.run(["whatif", workspace, "--plan", planDir, "--out", planDir, "--withdraw", "cafe1"]) == 2)
        #expect(CLITests.run(["whatif", workspace, "--plan", planDir, "--out", newDir, "--from", "t2", "--withdraw", "farm1", "--quiet"]) == 0)
        let changes = try String(contentsOfFile: newDir + "/changes.csv", encoding: .utf8)
        #expect(changes.hasPrefix("student,student_name,term,before,after,reason\n"))
        #expect(FileManager.default.fileExists(atPath: newDir + "/staff_changes.csv"))
        let frozenBefore = try String(contentsOfFile: planDir + "/timetable.csv", encoding: .utf8).split(separator: "\n").filter { $0.contains(",t1,") }
        let frozenAfter = try String(contentsOfFile: newDir + "/timetable.csv", encoding: .utf8).split(separator: "\n").filter { $0.contains(",t1,") }
        #expect(frozenBefore == frozenAfter)
    }

    /// The changes `explain` suggests, applied: each gives exactly what it says, in the terms asked.
    @Test func changesThatAddToTheSchool() throws {
        var school = TestSchool(terms: 2)
        school.student("A", escort: .oneToOne, skills: ["epilepsy"], maxTravel: 20, days: [.mon])
        school.employer("farm1", days: [.mon, .tue], capacity: 1)
        school.staffMember("ST1", skills: ["epilepsy"], days: [.tue], terms: ["t1"])
        let workspace = school.workspace
        let t2: Set<TermID> = ["t2"]
        let changed = workspace.applying([
            .dayCapacity("farm1", .mon, 3), .staffAlsoFree("ST1", .wed), .travelLimit("A", 35),
            .studentAlsoAttends("A", .thu), .newEscort(workspace.newEscortID(), skills: ["epilepsy"], day: .fri),
        ], from: t2)
        let farm = try #require(changed.employer("farm1"))
        #expect(farm.capacity(of: Session(employer: "farm1", day: .mon, term: "t2")) == 3)
        #expect(farm.capacity(of: Session(employer: "farm1", day: .tue, term: "t2")) == 1)
        #expect(farm.capacity(of: Session(employer: "farm1", day: .mon, term: "t1")) == 1)
        #expect(changed.staffMember("ST1")?.days == [.tue, .wed])
        #expect(changed.staffMember("ST1")?.terms == ["t1"])
        #expect(workspace.applying([.staffAlsoInTerms("ST1")], from: t2).staffMember("ST1")?.terms == ["t1", "t2"])
        let escort = try #require(changed.staffMember("new-escort"))
        #expect(escort.skills == ["epilepsy"] && escort.days == [.fri] && escort.terms == t2)
        #expect(changed.student("A")?.maxTravelMinutes == 35)
        #expect(changed.student("A")?.days == [.mon, .thu])
        #expect(changed.newEscortID() == "new-escort-2")
        #expect([WorkspaceChange.withdraw("farm1"), .staffAway("ST1"), .studentLeaves("A")].allSatisfy { !$0.addsToTheFiles })
    }

    /// One more place on one weekday, through the CLI: the third student is placed that day only.
    @Test func aDayCapacityWhatIf() throws {
        var school = TestSchool()
        for id in ["A", "B", "C"] { school.student(id, days: [.mon]) }
        school.employer("farm1", days: [.mon, .tue], capacity: 2)
        let outcome = try school.plan()
        #expect(outcome.plan.placements.count == 2)
        let result = try WhatIfPlanner.replan(school.workspace, current: outcome.plan, changes: [.dayCapacity("farm1", .mon, 3)], from: "t1")
        #expect(result.outcome.plan.placements.count == 3)
        #expect(result.count(.newlyPlaced) == 1 && result.count(.moved) == 0)
        #expect(WhatIfTables.summary(result).contains("This plan counts on: employer farm1 takes 3 on Mon."))
    }

    /// The CLI: --only keeps the later terms exactly; a suggested change's flag is read and reported as counted on.
    @Test func onlyOneTermAndTheSuggestedChangeFlags() throws {
        // Cafe One hosts in both terms, so Ann goes there in term 2.
        var files = MinimalWorkspace.files
        files["employers.csv"] = files["employers.csv"]!.replacingOccurrences(of: "cafe1,Cafe One,cafe,Mon,1,t1,", with: "cafe1,Cafe One,cafe,Mon,1,,")
        let workspace = try MinimalWorkspace.write(files).path
        let folder = try TempDir.make("whatif-only")
        let planDir = folder.appendingPathComponent("plan").path
        #expect(CLITests.run(["plan", workspace, "--out", planDir, "--quiet"]) == 0)
        let onlyDir = folder.appendingPathComponent("only").path
        #expect(CLITests.run(["whatif", workspace, "--plan", planDir, "--out", onlyDir, "--from", "t1", "--only",
                              "--withdraw", "cafe1", "--quiet"]) == 0)
        func rows(_ dir: String, _ term: String) throws -> [Substring] {
            try String(contentsOfFile: dir + "/timetable.csv", encoding: .utf8).split(separator: "\n").filter { $0.contains(",\(term),") }
        }
        #expect(try rows(planDir, "t2").contains { $0.contains(",cafe1,") }, "the plan sends someone to Cafe One in term 2")
        #expect(try rows(planDir, "t2") == rows(onlyDir, "t2"), "--only keeps term 2 exactly")
        let laterDir = folder.appendingPathComponent("later").path
        #expect(CLITests.run(["whatif", workspace, "--plan", planDir, "--out", laterDir, "--from", "t1",
                              "--withdraw", "cafe1", "--quiet"]) == 0)
        #expect(try !rows(laterDir, "t2").contains { $0.contains(",cafe1,") }, "without --only the withdrawal reaches term 2")
        let result = try BuiltBinary.run(["whatif", workspace, "--plan", planDir, "--out", folder.appendingPathComponent("day").path,
                                          "--from", "t2", "--day-capacity", "farm1@Mon=3", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("This plan counts on: employer farm1 takes 3 on Mon."), "\(result.stdout)")
    }
}
