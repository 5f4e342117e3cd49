import PlacementDomain

/// Escort staff grouped, for each (day, term), into pools of interchangeable people: those free
/// that day and term who hold the same skills (counting only skills some escorted student needs).
///
/// Staff in one pool are exactly interchangeable for rule 9 on that day, so the model counts how
/// many of each pool go to each session instead of choosing people — which removes the countless
/// equivalent plans that differ only by who escorts. People are named after solving, in id order.
struct StaffPools: Sendable {
    struct Pool: Sendable {
        let day: Weekday
        let term: TermID
        /// Relevant skills every member holds, sorted.
        let skills: [String]
        /// Members in id order.
        let members: [StaffID]
        /// Position among the day's pools (sorted by skills): a short name for model columns,
        /// whose names GLPK limits to 255 bytes however many skills staff hold.
        var number = 0
        /// The pool's identity: its skills.
        var label: String { skills.isEmpty ? "general" : skills.joined(separator: "+") }
        var shortName: String { "pool\(number)" }
    }

    struct DayKey: Hashable { let day: Weekday; let term: TermID }

    private(set) var poolsByDay: [DayKey: [Pool]] = [:]

    init(_ workspace: Workspace) {
        let relevant = Set(workspace.students.filter { $0.escort != .none }.flatMap(\.escortSkills))
        for term in workspace.terms {
            for day in Weekday.allCases {
                let free = workspace.staff.filter { $0.days.contains(day) && $0.terms.contains(term.id) }
                let grouped = Dictionary(grouping: free) { $0.skills.intersection(relevant).sorted() }
                let pools = grouped.map { skills, members in
                    Pool(day: day, term: term.id, skills: skills, members: members.map(\.id).sorted())
                }.sorted { $0.label < $1.label }.enumerated().map { index, pool in
                    var numbered = pool
                    numbered.number = index + 1
                    return numbered
                }
                if !pools.isEmpty { poolsByDay[DayKey(day: day, term: term.id)] = pools }
            }
        }
    }

    func pools(on day: Weekday, in term: TermID) -> [Pool] {
        poolsByDay[DayKey(day: day, term: term)] ?? []
    }

    /// The pool a member of staff belongs to on a day and term (nil when not free then).
    func pool(of staff: StaffID, on day: Weekday, in term: TermID) -> Pool? {
        pools(on: day, in: term).first { $0.members.contains(staff) }
    }

    /// Whether anyone is free to escort the student that day, holding each needed skill.
    func canEverEscort(_ student: Student, on day: Weekday, in term: TermID) -> Bool {
        guard student.escort != .none else { return true }
        let pools = pools(on: day, in: term)
        guard !pools.isEmpty else { return false }
        return student.escortSkills.allSatisfy { skill in pools.contains { $0.skills.contains(skill) } }
    }
}
