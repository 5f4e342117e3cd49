import PlacementDomain

/// One (student, session) pair that may become a placement: it passes hard rules 1–5, the
/// employer has room at all, and — for escorted students — someone free that day holds each
/// skill the student's escort needs. Only these pairs become variables.
struct Candidate: Sendable {
    let student: Student
    let employer: Employer
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
}

enum CandidateFinder {
    static func candidates(in workspace: Workspace, pools: StaffPools) -> [Candidate] {
        let history = Set(workspace.history.map { Placement(student: $0.student, session: $0.session) })
        var result: [Candidate] = []
        for student in workspace.students {
            for session in Eligibility.eligibleSessions(for: student, in: workspace) {
                let isHistory = history.contains(Placement(student: student.id, session: session))
                guard isHistory || pools.canEverEscort(student, on: session.day, in: session.term) else { continue }
                result.append(candidate(student, session, workspace: workspace, isHistory: isHistory))
            }
        }
        return result
    }

    private static func candidate(_ student: Student, _ session: Session, workspace: Workspace, isHistory: Bool) -> Candidate {
        let employer = workspace.employer(session.employer)!
        return Candidate(student: student, employer: employer, session: session,
                         travelMinutes: workspace.travelMinutes(student, employer)!,
                         interestPoints: student.interestPoints(for: employer.sector), isHistory: isHistory)
    }
}
