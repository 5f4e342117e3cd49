import PlacementDomain

/// Says, for each (student, term) left without a placement, why — in a coordinator's words:
/// which hard rule ruled out every employer, or that the allowed ones were full, already used
/// or had no escort free.
enum UnplacedReasons {
    static func explain(_ plan: Plan, workspace: Workspace) -> [UnplacedEntry] {
        let pools = StaffPools(workspace)
        var placed = Set<String>()
        var used: [Session: Int] = [:]
        for placement in plan.placements {
            placed.insert("\(placement.student.rawValue)|\(placement.session.term.rawValue)")
            used[placement.session, default: 0] += 1
        }
        var entries: [UnplacedEntry] = []
        for student in workspace.students.sorted(by: { $0.id < $1.id }) {
            for term in workspace.terms where student.terms.contains(term.id)
                && !placed.contains("\(student.id.rawValue)|\(term.id.rawValue)") {
                let reason = reason(student, term, plan: plan, used: used, pools: pools, workspace: workspace)
                entries.append(UnplacedEntry(student: student.id, term: term.id, reason: reason))
            }
        }
        return entries
    }

    private static func reason(_ student: Student, _ term: Term, plan: Plan, used: [Session: Int],
                               pools: StaffPools, workspace: Workspace) -> String {
        var options = workspace.employers.flatMap { employer in
            Weekday.allCases.filter { employer.days.contains($0) }.map { (employer, $0) }
        }
        let days = Weekday.allCases.filter(student.days.contains).map(\.description).joined(separator: ", ")
        options = options.filter { $0.0.terms.contains(term.id) && student.days.contains($0.1) }
        if options.isEmpty { return "No employer hosts in \(term.name) on a day the student can attend (\(days))." }
        options = options.filter { $0.0.capacity(of: Session(employer: $0.0.id, day: $0.1, term: term.id)) > 0 }
        if options.isEmpty { return "The employers hosting on the student's days in \(term.name) have no places (capacity 0)." }
        let beforeNeeds = options
        options = options.filter { student.needs.isSubset(of: $0.0.features) }
        if options.isEmpty { return needsReason(student, beforeNeeds.map(\.0), term: term) }
        options = options.filter { Eligibility.firstBrokenRule(student, $0.0, day: $0.1, term: term.id, in: workspace) != .pathwayAndYear }
        if options.isEmpty {
            return "No employer that meets the student's needs accepts the \(student.pathway ?? "(no)") pathway\(student.year.map { " in year \($0)" } ?? "")."
        }
        let beforeTravel = options
        options = options.filter { (workspace.travelMinutes(student, $0.0) ?? .max) <= student.maxTravelMinutes }
        if options.isEmpty { return travelReason(student, beforeTravel.map(\.0), workspace: workspace) }
        let beforeAvoid = options
        options = options.filter { !student.avoid.contains($0.0.id) }
        if options.isEmpty {
            return "The only suitable employers (\(names(beforeAvoid.map(\.0)))) are on the student's avoid list."
        }
        let escortable = options.filter { pools.canEverEscort(student, on: $0.1, in: term.id) }
        if escortable.isEmpty { return escortReason(student, term: term, days: options.map(\.1)) }
        return takenReason(student, term, escortable, plan: plan, used: used, workspace: workspace)
    }

    private static func needsReason(_ student: Student, _ employers: [Employer], term: Term) -> String {
        let needs = student.needs.sorted().joined(separator: ", ")
        let closest = employers.max { a, b in
            (student.needs.intersection(a.features).count, b.id.rawValue) < (student.needs.intersection(b.features).count, a.id.rawValue)
        }
        var text = "No employer open on the student's days in \(term.name) provides everything they need (\(needs))."
        if let closest {
            let missing = student.needs.subtracting(closest.features).sorted().joined(separator: ", ")
            text += " Closest: \(closest.name), which lacks \(missing)."
        }
        return text
    }

    private static func travelReason(_ student: Student, _ employers: [Employer], workspace: Workspace) -> String {
        let nearest = employers.min { a, b in
            (workspace.travelMinutes(student, a) ?? .max, a.id.rawValue) < (workspace.travelMinutes(student, b) ?? .max, b.id.rawValue)
        }
        var text = "Every employer that meets the student's needs is beyond their \(student.maxTravelMinutes)-minute travel limit."
        if let nearest, let minutes = workspace.travelMinutes(student, nearest) {
            text += " Nearest: \(nearest.name), \(minutes) minutes."
        }
        return text
    }

    private static func escortReason(_ student: Student, term: Term, days: [Weekday]) -> String {
        let kind = student.escort == .oneToOne ? "a one-to-one escort" : "a shared escort"
        let skills = student.escortSkills.isEmpty ? "" : " trained in \(student.escortSkills.sorted().joined(separator: " and "))"
        let dayList = Set(days).sorted().map(\.description).joined(separator: ", ")
        return "Needs \(kind)\(skills), and no such escort is free on \(dayList) in \(term.name) (the days suitable employers host)."
    }

    private static func takenReason(_ student: Student, _ term: Term, _ options: [(Employer, Weekday)],
                                    plan: Plan, used: [Session: Int], workspace: Workspace) -> String {
        let otherTerms = Dictionary(plan.placements.filter { $0.student == student.id }.map { ($0.session.employer, $0.session.term) },
                                    uniquingKeysWith: { a, _ in a })
        var statuses: [(employer: Employer, days: [Weekday], status: String)] = []
        for (employer, day) in options {
            let status: String
            if let other = otherTerms[employer.id], let otherTerm = workspace.term(other) {
                status = "already used in \(otherTerm.name)"
            } else if used[Session(employer: employer.id, day: day, term: term.id), default: 0] >= employer.capacity(of: Session(employer: employer.id, day: day, term: term.id)) {
                status = "full"
            } else {
                status = student.escort == .none ? "not usable without unplacing another student" : "no escort free"
            }
            if let last = statuses.last, last.employer.id == employer.id, last.status == status {
                statuses[statuses.count - 1].days.append(day)
            } else {
                statuses.append((employer, [day], status))
            }
        }
        let details = statuses.map { "\($0.employer.name) (\($0.days.map(\.description).joined(separator: ", "))) \($0.status)" }
        let shown = details.prefix(4).joined(separator: "; ")
        let more = details.count > 4 ? "; and \(details.count - 4) more" : ""
        let opening = options.count == 1 ? "The only allowed session was taken" : "All \(options.count) allowed sessions were taken"
        return "\(opening): \(shown)\(more)."
    }

    private static func names(_ employers: [Employer]) -> String {
        let unique = Dictionary(employers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return unique.keys.sorted().map { unique[$0]! }.joined(separator: ", ")
    }
}
