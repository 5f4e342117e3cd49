import PlacementDomain

/// For a student left unplaced although some sessions were allowed: which capacity or escort
/// rule stopped each one, and who holds the places or the escorts.
struct BlockedSessions {
    let view: StudentTermView
    let index: PlanIndex
    let workspace: Workspace
    let wording: Wording

    /// At most this many sessions are described one by one; the rest are counted.
    static let shown = 6

    func explanations() -> [(Explanation.Kind, String)] {
        let lines = allLines()
        guard lines.count > Self.shown else { return lines }
        let rest = lines.dropFirst(Self.shown)
        let full = rest.filter { $0.0 == .full }.count
        let escort = rest.count - full
        var parts: [String] = []
        if full > 0 { parts.append("\(Wording.count(full, "more allowed session")) full") }
        if escort > 0 { parts.append("\(Wording.count(escort, "more allowed session")) without a suitable escort free") }
        return Array(lines.prefix(Self.shown)) + [(full > 0 ? .full : .escort, Wording.list(parts) + ".")]
    }

    private func allLines() -> [(Explanation.Kind, String)] {
        var lines: [(Explanation.Kind, String)] = []
        for session in view.allowedSessions {
            guard let employer = workspace.employer(session.employer) else { continue }
            let holders = index.studentsAt[session] ?? []
            let capacity = employer.capacity(of: session)
            let place = "\(employer.name) on \(session.day.fullName)s"
            if holders.count >= capacity {
                let names = Wording.shortList(holders.map(wording.student), limit: 6)
                lines.append((.full, "\(place) is full (\(Wording.count(capacity, "place"))): \(names)."))
            } else if view.student.escort != .none, let blocked = escortBlock(session, place: place) {
                lines.append((.escort, blocked))
            } else {
                lines.append((.full, "\(place) has a free place, but every way of using it breaks another rule or "
                                    + "leaves another student without a placement (see what would it take)."))
            }
        }
        return lines
    }

    /// Why no escort could go with the student to the session, or nil when one could.
    private func escortBlock(_ session: Session, place: String) -> String? {
        let student = view.student
        let need = wording.escortNeed(student)
        let qualified = workspace.qualifiedEscorts(for: student, on: session.day, in: session.term)
        let when = "on \(session.day.fullName)s in \(wording.term(session.term))"
        guard !qualified.isEmpty else {
            return "\(place) has a place, but the student needs \(need) and no such escort is free \(when)."
        }
        var busy: [String] = []
        for member in qualified.sorted(by: { $0.id < $1.id }) {
            guard let duty = index.duty(of: member.id, on: session.day, in: session.term) else { return nil }
            if duty == session, student.escort == .shared { return nil }
            let with = (index.studentsAt[duty] ?? []).filter { workspace.student($0)?.escort != EscortLevel.none }
            let whom = with.isEmpty ? "" : " with \(Wording.shortList(with.map(wording.student), limit: 3))"
            busy.append("\(member.name) is at \(wording.employer(duty.employer))\(whom)")
        }
        let opening = qualified.count == 1 ? "the only such escort free \(when)" : "all \(qualified.count) such escorts free \(when) are busy"
        return "\(place) has a place, but the student needs \(need); \(opening): \(Wording.list(busy))."
    }
}
