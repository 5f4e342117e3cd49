import Foundation
import Testing
import PlacementDomain
import PlanExport
import PlanVerify
import YearSolver

/// A tiny school built in Swift, so each test states only what matters to it.
///
/// Defaults: one site `main`; terms `t1` (and more if added); every employer's travel time comes
/// from an explicit override (`minutes`, default 10), so objective values are known exactly.
struct TestSchool {
    var terms: [Term] = [Term(id: "t1", name: "Term 1")]
    var sites: [Site] = [Site(id: "main", name: "Main Site", location: Coordinate(latitude: 51.0, longitude: 0.0))]
    var students: [Student] = []
    var employers: [Employer] = []
    var staff: [StaffMember] = []
    var minutes: [EmployerID: Int] = [:]
    var history: [HistoryPlacement] = []
    var settings = Settings()

    init(terms termCount: Int = 1) {
        terms = (1...termCount).map { Term(id: TermID("t\($0)"), name: "Term \($0)") }
    }

    var allTerms: Set<TermID> { Set(terms.map(\.id)) }

    mutating func student(_ id: String, name: String? = nil, year: Int? = nil, pathway: String? = nil,
                          interests: [String] = [], needs: Set<String> = [], escort: EscortLevel = .none,
                          skills: Set<String> = [], maxTravel: Int = 60, days: Set<Weekday> = Set(Weekday.allCases),
                          terms: Set<TermID>? = nil, avoid: Set<EmployerID> = []) {
        students.append(Student(id: StudentID(id), name: name ?? "Student \(id)", year: year, pathway: pathway,
                                site: "main", interests: interests, needs: needs, escort: escort, escortSkills: skills,
                                maxTravelMinutes: maxTravel, days: days, terms: terms ?? allTerms, avoid: avoid))
    }

    /// An employer with travel `minutes` from `main` (given by override), unless `location` is set.
    mutating func employer(_ id: String, name: String? = nil, sector: String = "office", days: Set<Weekday> = [.mon],
                           capacity: Int = 1, terms: Set<TermID>? = nil, features: Set<String> = [],
                           pathways: Set<String> = [], minYear: Int? = nil, maxYear: Int? = nil,
                           minutes: Int? = 10, location: Coordinate? = nil) {
        employers.append(Employer(id: EmployerID(id), name: name ?? "Employer \(id)", sector: sector, days: days,
                                  capacity: capacity, terms: terms ?? allTerms, features: features, pathways: pathways,
                                  minYear: minYear, maxYear: maxYear, location: location))
        if let minutes, location == nil { self.minutes[EmployerID(id)] = minutes }
    }

    mutating func staffMember(_ id: String, skills: Set<String> = [], days: Set<Weekday> = Set(Weekday.allCases),
                              terms: Set<TermID>? = nil) {
        staff.append(StaffMember(id: StaffID(id), name: "Staff \(id)", skills: skills, days: days, terms: terms ?? allTerms))
    }

    mutating func fixed(_ student: String, at employer: String, _ day: Weekday, _ term: String = "t1") {
        history.append(HistoryPlacement(student: StudentID(student),
                                        session: Session(employer: EmployerID(employer), day: day, term: TermID(term))))
    }

    var workspace: Workspace {
        var overrides: [TravelTimes.Route: Int] = [:]
        for site in sites {
            for (employer, value) in minutes { overrides[TravelTimes.Route(site: site.id, employer: employer)] = value }
        }
        return Workspace(terms: terms, sites: sites, students: students, employers: employers, staff: staff,
                         travel: TravelTimes(sites: sites, employers: employers, overrides: overrides),
                         history: history, settings: settings)
    }

    /// Plans the school, and checks the written plan against the independent verifier.
    func plan(timeLimit: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> PlanOutcome {
        let workspace = self.workspace
        let outcome = try YearPlanner.plan(workspace, options: PlanningOptions(timeLimit: timeLimit))
        let violations = try writtenPlanViolations(outcome, workspace)
        #expect(violations.isEmpty, "verifier: \(violations)", sourceLocation: sourceLocation)
        return outcome
    }
}

// MARK: - Reading a plan

extension PlanOutcome {
    func placement(_ student: String, _ term: String = "t1") -> Placement? {
        plan.placement(of: StudentID(student), in: TermID(term))
    }

    func employer(of student: String, _ term: String = "t1") -> String? {
        placement(student, term)?.session.employer.rawValue
    }

    func escorts(at employer: String, _ day: Weekday, _ term: String = "t1") -> [String] {
        (plan.escorts[Session(employer: EmployerID(employer), day: day, term: TermID(term))] ?? []).map(\.rawValue)
    }

    func unplacedReason(_ student: String, _ term: String = "t1") -> String? {
        unplaced.first { $0.student.rawValue == student && $0.term.rawValue == term }?.reason
    }

    var escortAssignments: Int { plan.escorts.values.reduce(0) { $0 + $1.count } }
}

/// The objective by hand, with the default weights: each placement is (interest points, travel minutes).
func handObjective(_ placements: [(interest: Int, minutes: Int)], repeats: Int = 0, escorts: Int = 0,
                   settings: Settings = Settings()) -> Double {
    placements.reduce(0.0) {
        $0 + settings.placementWeight + settings.interestWeight * Double($1.interest) - settings.travelWeight * Double($1.minutes)
    } - settings.sectorRepeatPenalty * Double(repeats) - settings.escortPenalty * Double(escorts)
}

/// Checks the solver's claim and the score against a hand-computed optimum.
func expectOptimal(_ outcome: PlanOutcome, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(outcome.score.objective - expected) < 1e-6,
            "objective \(outcome.score.objective), expected \(expected)", sourceLocation: sourceLocation)
    #expect(outcome.provenOptimal, sourceLocation: sourceLocation)
}

// MARK: - Temporary folders and written plans

enum TempDir {
    /// Every folder a test run makes lives under one folder per run, easy to delete.
    static let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("placement-planner-tests")
        .appendingPathComponent("run-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")

    static func make(_ label: String = "test") throws -> URL {
        let url = root.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Writes the plan with PlanFolder.write into a fresh folder; returns the plan folder.
func writePlan(_ outcome: PlanOutcome, _ workspace: Workspace) throws -> URL {
    let root = try TempDir.make("plan")
    let out = root.appendingPathComponent("plan")
    try PlanFolder.write(PlanFolder.files(for: outcome, workspace: workspace), to: out,
                         workspace: root.appendingPathComponent("workspace"))
    return out
}

func writtenPlanViolations(_ outcome: PlanOutcome, _ workspace: Workspace) throws -> [Violation] {
    let folder = try writePlan(outcome, workspace)
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    return PlanVerifier.verify(try PlanRows.read(folder), against: workspace)
}

/// Writes workspace files (name → text) into a fresh folder.
func writeFiles(_ files: [String: String], label: String = "workspace") throws -> URL {
    let url = try TempDir.make(label)
    for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
    return url
}

/// A CSV file's rows split into cells (simple: no quoted commas), header first.
func csvLines(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
}

/// Time limits for tests whose plans must end on their own budgets (nodes, simplex work, the gap),
/// never on the clock. The whole suite runs its tests side by side on CI's two cores, so a solve
/// that takes 2 s alone can take ten times that; a clock safety net (the master's share of the limit,
/// a term's share of what is left) cut one CI run's sample plan short (425,548.55 instead of
/// 425,561.87, session 18). Far above any such test's work, so the plan never depends on the load.
enum TestTime {
    static let generous = 600.0
}
