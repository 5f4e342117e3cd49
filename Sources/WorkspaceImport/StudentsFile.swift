import PlacementDomain

/// `students.csv`: one row per student (see Data/README.md for every column).
func readStudents(_ table: CSVTable, terms: [TermID], sites: [Site], employers: Set<EmployerID>, log: ProblemLog) -> [Student] {
    guard requireColumns(["id", "name", "max_travel_minutes"], in: table, log: log) else { return [] }
    return uniqueIDs(table, log: log).compactMap { readStudent($0, terms: terms, sites: sites, employers: employers, log: log) }
}

private func readStudent(_ record: CSVRecord, terms: [TermID], sites: [Site], employers: Set<EmployerID>, log: ProblemLog) -> Student? {
    let row = RowParser(record: record, log: log)
    let name = row.text("name", required: true)
    let year = row.integer("year", in: 7...14, meaning: "school year")
    let site = studentSite(row, sites: sites)
    let escort = escortLevel(row)
    let maxTravel = row.integer("max_travel_minutes", in: 0...600, required: true, meaning: "minutes")
    let days = row.weekdays("days")
    let studentTerms = row.terms("terms", known: terms)
    let avoid = row.list("avoid").map { EmployerID($0) }
    for employer in avoid where !employers.contains(employer) {
        row.problem("avoid", "'\(employer)' is not an employer in employers.csv", fix: "Use employer ids from employers.csv in the avoid list.")
    }
    guard let id = record["id"], let name, let site, let escort, let maxTravel, let days else { return nil }
    return Student(
        id: StudentID(id), name: name, year: year, pathway: row.code("pathway"), site: site,
        interests: row.list("interests"), needs: Set(row.list("needs")), escort: escort,
        escortSkills: Set(row.list("escort_skills")), maxTravelMinutes: maxTravel, days: days,
        terms: studentTerms, avoid: Set(avoid))
}

private func studentSite(_ row: RowParser, sites: [Site]) -> SiteID? {
    guard let raw = row.text("site") else {
        if sites.count == 1 { return sites[0].id }
        row.problem("site", "no site is given and the school has \(sites.count) sites",
                    fix: "Write the student's site id (\(sites.map(\.id.rawValue).joined(separator: ", "))).")
        return nil
    }
    guard sites.contains(where: { $0.id.rawValue == raw }) else {
        row.problem("site", "'\(raw)' is not a site in sites.csv",
                    fix: "Use a site id from sites.csv (\(sites.map(\.id.rawValue).joined(separator: ", "))).")
        return nil
    }
    return SiteID(raw)
}

private func escortLevel(_ row: RowParser) -> EscortLevel? {
    guard let raw = row.text("escort") else { return EscortLevel.none }
    guard let level = EscortLevel(rawValue: raw) else {
        row.problem("escort", "'\(raw)' is not an escort level", fix: "Write none, shared or one-to-one.")
        return nil
    }
    return level
}
