import PlacementDomain

/// `terms.csv`: `id,name`, rows in chronological order.
func readTerms(_ table: CSVTable, log: ProblemLog) -> [Term] {
    guard requireColumns(["id", "name"], in: table, log: log) else { return [] }
    let terms = uniqueIDs(table, log: log).compactMap { record -> Term? in
        let row = RowParser(record: record, log: log)
        guard let id = row.text("id", required: true), let name = row.text("name", required: true) else { return nil }
        return Term(id: TermID(id), name: name)
    }
    if terms.isEmpty && table.records.isEmpty {
        log.add(Problem(file: table.file, line: 2, "there are no terms", fix: "Add one row per term, in date order (e.g. autumn,Autumn term)."))
    }
    return terms
}

/// `sites.csv`: `id,name,latitude,longitude`.
func readSites(_ table: CSVTable, log: ProblemLog) -> [Site] {
    guard requireColumns(["id", "name", "latitude", "longitude"], in: table, log: log) else { return [] }
    let sites = uniqueIDs(table, log: log).compactMap { record -> Site? in
        let row = RowParser(record: record, log: log)
        let name = row.text("name", required: true)
        let latitude = row.decimal("latitude", in: -90...90, required: true, meaning: "latitude")
        let longitude = row.decimal("longitude", in: -180...180, required: true, meaning: "longitude")
        guard let id = record["id"], let name, let latitude, let longitude else { return nil }
        return Site(id: SiteID(id), name: name, location: Coordinate(latitude: latitude, longitude: longitude))
    }
    if table.records.isEmpty {
        log.add(Problem(file: table.file, line: 2, "there are no sites", fix: "Add the school's site(s) with their latitude and longitude."))
    }
    return sites
}
