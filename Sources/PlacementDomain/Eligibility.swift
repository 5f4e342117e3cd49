/// Hard rules 1–5: whether a student may be placed with an employer on a day in a term,
/// and, when not, the first rule that rules it out (for explanations).
public enum EligibilityRule: Int, CaseIterable, Sendable, Comparable {
    case termsAndDays = 1, needs, pathwayAndYear, travel, avoid
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

public enum Eligibility {
    /// The first of rules 1–5 that forbids this session for the student, or nil when allowed.
    public static func firstBrokenRule(_ student: Student, _ employer: Employer, day: Weekday, term: TermID,
                                       in workspace: Workspace) -> EligibilityRule? {
        if !(student.terms.contains(term) && employer.terms.contains(term)
             && employer.days.contains(day) && student.days.contains(day)) { return .termsAndDays }
        if !student.needs.isSubset(of: employer.features) { return .needs }
        if !acceptsPathwayAndYear(employer, student) { return .pathwayAndYear }
        guard let minutes = workspace.travelMinutes(student, employer), minutes <= student.maxTravelMinutes
        else { return .travel }
        if student.avoid.contains(employer.id) { return .avoid }
        return nil
    }

    public static func acceptsPathwayAndYear(_ employer: Employer, _ student: Student) -> Bool {
        if !employer.pathways.isEmpty {
            guard let pathway = student.pathway, employer.pathways.contains(pathway) else { return false }
        }
        if let year = student.year {
            if let minimum = employer.minYear, year < minimum { return false }
            if let maximum = employer.maxYear, year > maximum { return false }
        }
        return true
    }

    /// Every session (employer, day, term) open to the student under rules 1–5, in a fixed order.
    public static func eligibleSessions(for student: Student, in workspace: Workspace) -> [Session] {
        var sessions: [Session] = []
        for term in workspace.terms where student.terms.contains(term.id) {
            for employer in workspace.employers {
                for day in Weekday.allCases where employer.capacity(of: Session(employer: employer.id, day: day, term: term.id)) > 0
                    && firstBrokenRule(student, employer, day: day, term: term.id, in: workspace) == nil {
                    sessions.append(Session(employer: employer.id, day: day, term: term.id))
                }
            }
        }
        return sessions
    }
}
