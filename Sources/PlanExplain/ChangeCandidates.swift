import PlacementDomain

/// The single changes worth trying for one unplaced (student, term), smallest ask first: each one
/// opens a session the student is blocked from today. Whether it really places them is decided by
/// re-planning (``ChangeTrials``).
struct ChangeCandidates {
    let view: StudentTermView
    let index: PlanIndex
    let workspace: Workspace
    /// At most this many changes of each kind are tried.
    static let perKind = 2

    func changes() -> [SuggestedChange] {
        extraPlaces() + staffFreeDays() + extraDays() + longerTravel() + newEscorts()
    }

    private var student: Student { view.student }
    private var term: TermID { view.term.id }

    /// Allowed sessions, the student's best-liked sectors first.
    private var rankedAllowedSessions: [Session] {
        view.allowedSessions.sorted { a, b in
            (rank(a.employer), a.employer, a.day) < (rank(b.employer), b.employer, b.day)
        }
    }

    private func rank(_ employer: EmployerID) -> Int {
        workspace.employer(employer).flatMap { student.interestRank(of: $0.sector) } ?? 99
    }

    /// One more place at an allowed session that is full.
    private func extraPlaces() -> [SuggestedChange] {
        let full = rankedAllowedSessions.filter { session in
            (index.studentsAt[session]?.count ?? 0) >= (workspace.employer(session.employer)?.capacity(of: session) ?? 0)
        }
        return full.prefix(Self.perKind).map { .extraPlace($0.employer, $0.day, term) }
    }

    /// A qualified member of staff who is not free on an allowed session's day becomes free: on
    /// that day (when they escort in the term), or in the term (when they escort that day in others).
    private func staffFreeDays() -> [SuggestedChange] {
        guard student.escort != .none else { return [] }
        var result: [SuggestedChange] = []
        let days = Set(rankedAllowedSessions.map(\.day)).sorted()
        let qualified = workspace.staff.filter { student.escortSkills.isSubset(of: $0.skills) }.sorted { $0.id < $1.id }
        for day in days {
            if let member = qualified.first(where: { $0.terms.contains(term) && !$0.days.contains(day) }) {
                result.append(.staffAlsoFree(member.id, day, term))
            }
        }
        for member in qualified where !member.terms.contains(term) && !member.days.isDisjoint(with: days) {
            result.append(.staffAlsoInTerm(member.id, term))
        }
        var seen = Set<SuggestedChange>()
        return Array(result.filter { seen.insert($0).inserted }.prefix(Self.perKind))
    }

    /// The student attends one more day, on which an otherwise allowed employer hosts.
    private func extraDays() -> [SuggestedChange] {
        let days = view.missingOnly(.days).sorted { rank($0.employer.id) < rank($1.employer.id) }
            .flatMap { $0.hostingDays.sorted() }
        var seen = Set<Weekday>()
        return days.filter { seen.insert($0).inserted }.prefix(Self.perKind).map { .extraDay(student.id, $0, term) }
    }

    /// A travel limit just long enough to reach an otherwise allowed employer.
    private func longerTravel() -> [SuggestedChange] {
        let minutes = Set(view.missingOnly(.travel).compactMap(\.travelMinutes)).sorted()
        return minutes.prefix(Self.perKind).map { .longerTravel(student.id, $0, term) }
    }

    /// A new escort with the student's skills on an allowed session's day.
    private func newEscorts() -> [SuggestedChange] {
        guard student.escort != .none else { return [] }
        let days = Set(rankedAllowedSessions.map(\.day)).sorted()
        return days.prefix(Self.perKind).map { .newEscort(student.escortSkills.sorted(), $0, term) }
    }
}
