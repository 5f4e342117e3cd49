import PlacementDomain

/// The what-if form's fields, checked against the school: every id must exist, and at least one
/// change must be asked for. Problems are sentences for the coordinator.
struct WhatIfForm {
    let fields: FormFields

    func changeSet(in workspace: Workspace) -> Result<ChangeSet, PageError> {
        var problems: [String] = []
        var changes: [WorkspaceChange] = []
        let from = TermID(fields["from"] ?? workspace.terms.first?.id.rawValue ?? "")
        if workspace.term(from) == nil { problems.append("The term '\(from)' is not in terms.csv.") }
        if let id = fields["withdraw"] {
            if workspace.employer(EmployerID(id)) == nil { problems.append("The employer '\(id)' is not in employers.csv.") }
            changes.append(.withdraw(EmployerID(id)))
        }
        if let id = fields["capacity_employer"] {
            if workspace.employer(EmployerID(id)) == nil { problems.append("The employer '\(id)' is not in employers.csv.") }
            if let places = fields["capacity_places"].flatMap({ Int($0) }), places >= 0, places <= 1000 {
                changes.append(.capacity(EmployerID(id), places))
            } else {
                problems.append("The new number of places must be a whole number from 0 to 1000.")
            }
        }
        if let id = fields["staff_away"] {
            if workspace.staffMember(StaffID(id)) == nil { problems.append("The member of staff '\(id)' is not in staff.csv.") }
            changes.append(.staffAway(StaffID(id)))
        }
        if let id = fields["student_leaves"] {
            if workspace.student(StudentID(id)) == nil { problems.append("The student '\(id)' is not in students.csv.") }
            changes.append(.studentLeaves(StudentID(id)))
        }
        changes += moreChanges(in: workspace, problems: &problems)
        if changes.isEmpty, problems.isEmpty { problems.append("Choose at least one change: an employer that withdraws, a new capacity, staff away or a student who leaves.") }
        guard problems.isEmpty else { return .failure(PageError(.badRequest, problems.joined(separator: " "))) }
        return .success(ChangeSet(from: from, changes: changes))
    }

    /// The changes `explain` suggests: places on one day, staff free on a day or back, a new escort,
    /// a longer travel limit, an extra day for a student.
    private func moreChanges(in workspace: Workspace, problems: inout [String]) -> [WorkspaceChange] {
        var changes: [WorkspaceChange] = []
        func day(_ field: String) -> Weekday? {
            guard let text = fields[field] else { problems.append("Choose a day."); return nil }
            guard let day = Weekday(abbreviation: text) else { problems.append("'\(text)' is not a weekday."); return nil }
            return day
        }
        func count(_ field: String, _ what: String, upTo limit: Int) -> Int? {
            guard let n = fields[field].flatMap({ Int($0) }), (0...limit).contains(n) else {
                problems.append("\(what) must be a whole number from 0 to \(limit)."); return nil
            }
            return n
        }
        func employer(_ id: String) -> EmployerID? {
            workspace.employer(EmployerID(id)) != nil ? EmployerID(id) : { problems.append("The employer '\(id)' is not in employers.csv."); return nil }()
        }
        func staff(_ id: String) -> StaffID? {
            workspace.staffMember(StaffID(id)) != nil ? StaffID(id) : { problems.append("The member of staff '\(id)' is not in staff.csv."); return nil }()
        }
        func student(_ id: String) -> StudentID? {
            workspace.student(StudentID(id)) != nil ? StudentID(id) : { problems.append("The student '\(id)' is not in students.csv."); return nil }()
        }
        if let id = fields["day_capacity_employer"], let e = employer(id), let d = day("day_capacity_day"),
           let n = count("day_capacity_places", "The places on that day", upTo: 1000) {
            changes.append(.dayCapacity(e, d, n))
        }
        if let id = fields["staff_also_free"], let s = staff(id), let d = day("staff_also_free_day") { changes.append(.staffAlsoFree(s, d)) }
        if let id = fields["staff_back"], let s = staff(id) { changes.append(.staffAlsoInTerms(s)) }
        if let skills = fields["new_escort_skills"] ?? (fields["new_escort_day"] != nil ? "" : nil), let d = day("new_escort_day") {
            let list = skills.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            changes.append(.newEscort(workspace.newEscortID(), skills: Set(list), day: d))
        }
        if let id = fields["travel_student"], let s = student(id), let n = count("travel_minutes", "The travel limit", upTo: 600) {
            changes.append(.travelLimit(s, n))
        }
        if let id = fields["attends_student"], let s = student(id), let d = day("attends_day") { changes.append(.studentAlsoAttends(s, d)) }
        return changes
    }
}
