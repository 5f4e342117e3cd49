import PlacementDomain

/// `staff.csv`: `id,name,skills,days,terms` — escort-capable staff and when they are free.
func readStaff(_ table: CSVTable, terms: [TermID], log: ProblemLog) -> [StaffMember] {
    guard requireColumns(["id", "name", "days"], in: table, log: log) else { return [] }
    return uniqueIDs(table, log: log).compactMap { record in
        let row = RowParser(record: record, log: log)
        let name = row.text("name", required: true)
        let days = row.weekdays("days", required: true)
        guard let id = record["id"], let name, let days else { return nil }
        return StaffMember(id: StaffID(id), name: name, skills: Set(row.list("skills")), days: days,
                           terms: row.terms("terms", known: terms))
    }
}
