import PlacementDomain

/// One (student, session) pair that may become a placement: it passes hard rules 1–5, the
/// employer has room at all, and — for escorted students — someone free that day holds each
/// skill the student's escort needs. Only these pairs become variables.
struct Candidate: Sendable {
    /// Each student and employer is stored once and shared by all its candidates: a candidate
    /// holding both by value took ~380 bytes and twenty reference counts per copy (2,000 students:
    /// 1.9 million candidates, ~700 MB).
    final class Shared<Value: Sendable>: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let sharedStudent: Shared<Student>
    private let sharedEmployer: Shared<Employer>
    var student: Student { sharedStudent.value }
    var employer: Employer { sharedEmployer.value }
    let session: Session
    let travelMinutes: Int
    let interestPoints: Int
    /// Kept from history.csv: the placement is fixed.
    let isHistory: Bool
    /// Added to the placement's value (used when planning one term at a time, for sector repeats).
    var adjustment: Double = 0
    /// The student already has this sector in a term planned outside this model: the repeat
    /// penalty is then in `adjustment`, and the model adds no repeat variable for the sector.
    var sectorAlreadyUsed = false
    /// What-if: the value of keeping (or the cost of changing) the student's current placement.
    var keepValue: Double = 0
    /// What-if: this is the student's placement in the current plan.
    var isCurrent = false

    init(student: Shared<Student>, employer: Shared<Employer>, session: Session, travelMinutes: Int, interestPoints: Int,
         isHistory: Bool) {
        sharedStudent = student
        sharedEmployer = employer
        self.session = session
        self.travelMinutes = travelMinutes
        self.interestPoints = interestPoints
        self.isHistory = isHistory
    }

    /// The placement's worth in the objective: placement weight + interest − travel, plus any
    /// adjustment and what-if keep value.
    func worth(_ settings: Settings) -> Double {
        settings.placementWeight + settings.interestWeight * Double(interestPoints)
            - settings.travelWeight * Double(travelMinutes) + adjustment + keepValue
    }
}

enum CandidateFinder {
    /// - Parameters:
    ///   - frozenTerms: terms in which only the history placements may appear (what-if).
    ///   - current: the plan a what-if should disturb as little as possible.
    static func candidates(in workspace: Workspace, pools: StaffPools, frozenTerms: Set<TermID> = [],
                           current: Plan? = nil) -> [Candidate] {
        let history = Set(workspace.history.map { Placement(student: $0.student, session: $0.session) })
        let currentByStudentTerm = Dictionary((current?.placements ?? []).map { ("\($0.student)|\($0.session.term)", $0.session) },
                                              uniquingKeysWith: { a, _ in a })
        var result: [Candidate] = []
        let employers = workspace.employers.map(Candidate.Shared.init)
        for student in workspace.students {
            let shared = Candidate.Shared(student)
            // Travel and interest per employer, looked up once for all its sessions.
            var known: [Int: (minutes: Int, points: Int)] = [:]
            Eligibility.forEachEligibleSession(for: student, in: workspace) { employerIndex, session in
                let isHistory = !history.isEmpty && history.contains(Placement(student: student.id, session: session))
                guard isHistory || (!frozenTerms.contains(session.term)
                                    && pools.canEverEscort(student, on: session.day, in: session.term)) else { return }
                let facts = known[employerIndex] ?? {
                    let employer = workspace.employers[employerIndex]
                    let found = (minutes: workspace.travelMinutes(student, employer)!, points: student.interestPoints(for: employer.sector))
                    known[employerIndex] = found
                    return found
                }()
                var found = Candidate(student: shared, employer: employers[employerIndex], session: session, travelMinutes: facts.minutes,
                                      interestPoints: facts.points, isHistory: isHistory)
                if current != nil {
                    let was = currentByStudentTerm["\(student.id)|\(session.term)"]
                    found.keepValue = keepValue(session, was: was, settings: workspace.settings)
                    found.isCurrent = was == session
                }
                result.append(found)
            }
        }
        return result
    }

    /// Minimal disruption: a changed (student, term) costs the disruption weight, a changed day
    /// only the day-change weight. Written as a value per candidate (the constant dropped):
    /// same session +weight, same employer other day +(weight − day weight), placing a student
    /// the current plan left unplaced −weight.
    static func keepValue(_ session: Session, was: Session?, settings: Settings) -> Double {
        guard let was else { return -settings.disruptionWeight }
        if was == session { return settings.disruptionWeight }
        if was.employer == session.employer { return settings.disruptionWeight - settings.dayChangeWeight }
        return 0
    }
}
