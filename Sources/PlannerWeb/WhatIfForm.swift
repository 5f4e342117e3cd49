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
        if changes.isEmpty, problems.isEmpty { problems.append("Choose at least one change: an employer that withdraws, a new capacity, staff away or a student who leaves.") }
        guard problems.isEmpty else { return .failure(PageError(.badRequest, problems.joined(separator: " "))) }
        return .success(ChangeSet(from: from, changes: changes))
    }
}
