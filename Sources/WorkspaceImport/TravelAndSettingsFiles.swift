import PlacementDomain

/// `travel.csv` (optional): `site,employer,minutes` overriding the computed travel time.
func readTravelOverrides(_ table: CSVTable, sites: [Site], employers: [Employer], log: ProblemLog) -> [TravelTimes.Route: Int] {
    guard requireColumns(["site", "employer", "minutes"], in: table, log: log) else { return [:] }
    var overrides: [TravelTimes.Route: Int] = [:]
    var firstLine: [TravelTimes.Route: Int] = [:]
    for record in table.records {
        let row = RowParser(record: record, log: log)
        let site = row.text("site", required: true)
        let employer = row.text("employer", required: true)
        let minutes = row.integer("minutes", in: 0...600, required: true, meaning: "minutes")
        if let site, !sites.contains(where: { $0.id.rawValue == site }) {
            row.problem("site", "'\(site)' is not a site in sites.csv", fix: "Use a site id from sites.csv.")
            continue
        }
        if let employer, !employers.contains(where: { $0.id.rawValue == employer }) {
            row.problem("employer", "'\(employer)' is not an employer in employers.csv", fix: "Use an employer id from employers.csv.")
            continue
        }
        guard let site, let employer, let minutes else { continue }
        let route = TravelTimes.Route(site: SiteID(site), employer: EmployerID(employer))
        if let line = firstLine[route] {
            row.problem(nil, "the travel time from \(site) to \(employer) is already given on line \(line)", fix: "Keep one row per site and employer.")
            continue
        }
        firstLine[route] = record.line
        overrides[route] = minutes
    }
    return overrides
}

/// `settings.csv` (optional): `setting,value` rows; unknown settings are reported.
func readSettings(_ table: CSVTable, log: ProblemLog) -> Settings {
    var settings = Settings()
    guard requireColumns(["setting", "value"], in: table, log: log) else { return settings }
    let weights: [String: WritableKeyPath<Settings, Double>] = [
        "placement_weight": \.placementWeight, "interest_weight": \.interestWeight, "travel_weight": \.travelWeight,
        "sector_repeat_penalty": \.sectorRepeatPenalty, "escort_penalty": \.escortPenalty,
        "disruption_weight": \.disruptionWeight, "day_change_weight": \.dayChangeWeight,
        "escort_change_weight": \.escortChangeWeight,
    ]
    for record in table.records {
        let row = RowParser(record: record, log: log)
        guard let name = row.text("setting", required: true) else { continue }
        if name == "shared_escort_ratio" {
            if let ratio = row.integer("value", in: 1...50, required: true, meaning: "students per escort") {
                settings.sharedEscortRatio = ratio
            }
        } else if let path = weights[name] {
            if let value = row.decimal("value", in: 0...1_000_000, required: true, meaning: "the \(name)") {
                settings[keyPath: path] = value
            }
        } else {
            row.problem("setting", "'\(name)' is not a setting",
                        fix: "Use one of shared_escort_ratio, \(weights.keys.sorted().joined(separator: ", ")).")
        }
    }
    return settings
}
