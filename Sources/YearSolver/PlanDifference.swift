import PlacementDomain

/// Who moves where between two plans, with the reason in plain words.
enum PlanDifference {
    static func placements(before: Plan, after: Plan, terms: Set<TermID>, changes: [WorkspaceChange],
                           unplaced: [UnplacedEntry], workspace: Workspace) -> [PlacementChange] {
        func index(_ plan: Plan) -> [String: Session] {
            Dictionary(plan.placements.map { ("\($0.student.rawValue)|\($0.session.term.rawValue)", $0.session) },
                       uniquingKeysWith: { a, _ in a })
        }
        let old = index(before), new = index(after)
        let reasons = Dictionary(unplaced.map { ("\($0.student.rawValue)|\($0.term.rawValue)", $0.reason) }, uniquingKeysWith: { a, _ in a })
        var result: [PlacementChange] = []
        let students = Set(before.placements.map(\.student) + after.placements.map(\.student)).sorted()
        for student in students {
            for term in workspace.terms where terms.contains(term.id) {
                let key = "\(student.rawValue)|\(term.id.rawValue)"
                let was = old[key], now = new[key]
                guard was != now else { continue }
                let kind: PlacementChange.Kind = switch (was, now) {
                case (nil, _): .newlyPlaced
                case (_, nil): .newlyUnplaced
                case let (was?, now?): was.employer == now.employer ? .dayChanged : .moved
                }
                result.append(PlacementChange(student: student, term: term.id, before: was, after: now, kind: kind,
                                              reason: reason(kind, student: student, was: was, changes: changes,
                                                             unplacedReason: reasons[key])))
            }
        }
        return result
    }

    private static func reason(_ kind: PlacementChange.Kind, student: StudentID, was: Session?,
                               changes: [WorkspaceChange], unplacedReason: String?) -> String {
        if changes.contains(.studentLeaves(student)) { return "The student leaves." }
        let outcome = kind == .newlyUnplaced ? " No longer placed: \(unplacedReason ?? "no allowed session is free.")" : ""
        if let was {
            for change in changes {
                if case .withdraw(was.employer) = change { return "\(was.employer) withdrew.\(outcome)" }
                if case .capacity(was.employer, let places) = change { return "\(was.employer) now takes \(places) a day.\(outcome)" }
            }
        }
        switch kind {
        case .newlyPlaced: return "Newly placed."
        case .newlyUnplaced: return "No longer placed: \(unplacedReason ?? "no allowed session is free.")"
        case .dayChanged: return "Same employer, another day, so escorts or places work out."
        case .moved: return "Moved to free a place or an escort that another student needs."
        }
    }

    static func escorts(before: Plan, after: Plan, terms: Set<TermID>) -> [EscortChange] {
        func duties(_ plan: Plan) -> [String: (StaffID, TermID, Weekday, EmployerID)] {
            var result: [String: (StaffID, TermID, Weekday, EmployerID)] = [:]
            for (session, staff) in plan.escorts where terms.contains(session.term) {
                for member in staff {
                    result["\(member.rawValue)|\(session.term.rawValue)|\(session.day.rawValue)"] = (member, session.term, session.day, session.employer)
                }
            }
            return result
        }
        let old = duties(before), new = duties(after)
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            let was = old[key], now = new[key]
            guard was?.3 != now?.3, let any = was ?? now else { return nil }
            return EscortChange(staff: any.0, term: any.1, day: any.2, before: was?.3, after: now?.3)
        }
    }
}
