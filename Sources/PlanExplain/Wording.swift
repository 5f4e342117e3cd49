import PlacementDomain

/// Names, lists and days in a coordinator's words: names with ids, never solver terms.
struct Wording {
    let workspace: Workspace

    func student(_ id: StudentID) -> String {
        guard let student = workspace.student(id) else { return id.rawValue }
        return "\(student.name) (\(id))"
    }

    func employer(_ id: EmployerID) -> String { workspace.employer(id)?.name ?? id.rawValue }
    func staff(_ id: StaffID) -> String { workspace.staffMember(id)?.name ?? id.rawValue }
    func term(_ id: TermID) -> String { workspace.term(id)?.name ?? id.rawValue }

    /// "Wed, Thu".
    static func days<S: Sequence>(_ days: S) -> String where S.Element == Weekday {
        Set(days).sorted().map(\.description).joined(separator: ", ")
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// The first few items, then "and N more".
    static func shortList(_ items: [String], limit: Int = 4) -> String {
        guard items.count > limit else { return list(items) }
        return items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }

    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][n % 10]
        return "\(n)\(suffix)"
    }

    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    func escortNeed(_ student: Student) -> String {
        let kind = student.escort == .oneToOne ? "a one-to-one escort" : "a shared escort"
        let skills = student.escortSkills.isEmpty ? "" : " trained in \(Self.list(student.escortSkills.sorted()))"
        return kind + skills
    }
}
