import PlacementDomain

/// A plan looked up the ways explanations need: who is in each session, where each student is
/// each term, and where each escort is each day.
struct PlanIndex {
    struct DayTerm: Hashable { let day: Weekday; let term: TermID }

    let plan: Plan
    private(set) var studentsAt: [Session: [StudentID]] = [:]
    private(set) var sessionOf: [StudentID: [TermID: Session]] = [:]
    private(set) var dutyOf: [StaffID: [DayTerm: Session]] = [:]

    init(_ plan: Plan) {
        self.plan = plan
        for placement in plan.placements {
            studentsAt[placement.session, default: []].append(placement.student)
            sessionOf[placement.student, default: [:]][placement.session.term] = placement.session
        }
        for key in studentsAt.keys { studentsAt[key]!.sort() }
        for (session, staff) in plan.escorts {
            for member in staff { dutyOf[member, default: [:]][DayTerm(day: session.day, term: session.term)] = session }
        }
    }

    func session(of student: StudentID, in term: TermID) -> Session? { sessionOf[student]?[term] }
    func isPlaced(_ student: StudentID, in term: TermID) -> Bool { session(of: student, in: term) != nil }
    func duty(of staff: StaffID, on day: Weekday, in term: TermID) -> Session? { dutyOf[staff]?[DayTerm(day: day, term: term)] }
}

extension Workspace {
    /// Staff free on the day and term who hold every escort skill the student needs.
    func qualifiedEscorts(for student: Student, on day: Weekday, in term: TermID) -> [StaffMember] {
        staff.filter { $0.days.contains(day) && $0.terms.contains(term) && student.escortSkills.isSubset(of: $0.skills) }
    }
}
