import PlacementDomain

/// Every employer hosting in a term, checked against one student's hard rules: the facts the
/// funnel, the nearest misses, the placement reasons and the suggested changes are all read from.
struct StudentTermView {
    /// The hard rules in the order the funnel applies them.
    enum Rule: Int, CaseIterable, Comparable {
        case days, needs, pathwayAndYear, travel, avoid, usedElsewhere
        static func < (a: Rule, b: Rule) -> Bool { a.rawValue < b.rawValue }
    }

    struct Option {
        let employer: Employer
        /// Days the employer hosts in the term with at least one place.
        let hostingDays: Set<Weekday>
        let travelMinutes: Int?
        /// Rules this employer breaks for the student (empty: allowed).
        let broken: Set<Rule>
        /// The term the student already goes to this employer in, if any.
        let usedIn: TermID?
    }

    let student: Student
    let term: Term
    /// Employers hosting in the term, in file order.
    let options: [Option]

    init(student: Student, term: Term, plan: Plan, workspace: Workspace) {
        self.student = student
        self.term = term
        let usedIn = Dictionary(plan.placements.filter { $0.student == student.id && $0.session.term != term.id }
            .map { ($0.session.employer, $0.session.term) }, uniquingKeysWith: { a, _ in a })
        options = workspace.employers.compactMap { employer in
            guard employer.terms.contains(term.id) else { return nil }
            let hosting = Set(employer.days.filter {
                employer.capacity(of: Session(employer: employer.id, day: $0, term: term.id)) > 0
            })
            guard !hosting.isEmpty else { return nil }
            let minutes = workspace.travelMinutes(student, employer)
            var broken = Set<Rule>()
            if hosting.isDisjoint(with: student.days) { broken.insert(.days) }
            if !student.needs.isSubset(of: employer.features) { broken.insert(.needs) }
            if !Eligibility.acceptsPathwayAndYear(employer, student) { broken.insert(.pathwayAndYear) }
            if (minutes ?? .max) > student.maxTravelMinutes { broken.insert(.travel) }
            if student.avoid.contains(employer.id) { broken.insert(.avoid) }
            if usedIn[employer.id] != nil { broken.insert(.usedElsewhere) }
            return Option(employer: employer, hostingDays: hosting, travelMinutes: minutes, broken: broken,
                          usedIn: usedIn[employer.id])
        }
    }

    /// Employers the student may go to this term (every rule kept).
    var allowed: [Option] { options.filter(\.broken.isEmpty) }

    /// Sessions the student may be placed in this term.
    var allowedSessions: [Session] {
        allowed.flatMap { option in
            option.hostingDays.intersection(student.days).sorted().map {
                Session(employer: option.employer.id, day: $0, term: term.id)
            }
        }
    }

    /// Employers that break exactly this one rule and no other.
    func missingOnly(_ rule: Rule) -> [Option] { options.filter { $0.broken == [rule] } }
}
