import PlacementDomain

/// `employers.csv`: one row per employer (see Data/README.md for every column).
func readEmployers(_ table: CSVTable, terms: [TermID], log: ProblemLog) -> [Employer] {
    guard requireColumns(["id", "name", "sector", "days", "capacity"], in: table, log: log) else { return [] }
    return uniqueIDs(table, log: log).compactMap { readEmployer($0, terms: terms, log: log) }
}

private func readEmployer(_ record: CSVRecord, terms: [TermID], log: ProblemLog) -> Employer? {
    let row = RowParser(record: record, log: log)
    let name = row.text("name", required: true)
    let sector = row.code("sector", required: true)
    let days = row.weekdays("days", required: true)
    let capacity = row.integer("capacity", in: 0...1000, required: true, meaning: "students per day")
    let minYear = row.integer("min_year", in: 7...14, meaning: "school year")
    let maxYear = row.integer("max_year", in: 7...14, meaning: "school year")
    if let minYear, let maxYear, minYear > maxYear {
        row.problem("min_year", "min_year \(minYear) is after max_year \(maxYear)", fix: "Swap the two years or correct one.")
    }
    let latitude = row.decimal("latitude", in: -90...90, meaning: "latitude")
    let longitude = row.decimal("longitude", in: -180...180, meaning: "longitude")
    if (record["latitude"] == nil) != (record["longitude"] == nil) {
        row.problem(record["latitude"] == nil ? "latitude" : "longitude", "only one of latitude and longitude is given",
                    fix: "Give both, or neither (then travel.csv must give the minutes from every site).")
    }
    guard let id = record["id"], let name, let sector, let days, let capacity else { return nil }
    let location = latitude.flatMap { lat in longitude.map { Coordinate(latitude: lat, longitude: $0) } }
    return Employer(
        id: EmployerID(id), name: name, sector: sector, days: days, capacity: capacity,
        terms: row.terms("terms", known: terms), features: Set(row.list("features")),
        pathways: Set(row.list("pathways")), minYear: minYear, maxYear: maxYear, location: location)
}
