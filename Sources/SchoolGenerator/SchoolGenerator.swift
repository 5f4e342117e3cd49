import Foundation

/// Size and seed of a generated school.
public struct SchoolGeneratorParameters: Sendable {
    public var students: Int
    public var employers: Int
    public var staff: Int
    public var sites: Int
    public var terms: Int
    public var seed: UInt64

    public init(students: Int = 150, employers: Int = 40, staff: Int = 25, sites: Int = 2, terms: Int = 3,
                seed: UInt64 = 2026) {
        self.students = students
        self.employers = employers
        self.staff = staff
        self.sites = sites
        self.terms = terms
        self.seed = seed
    }
}

/// Generates a synthetic, realistic and deliberately hard special-school workspace.
///
/// The school has the same character at any size: places are only ~1.2–1.3 × the students
/// taking part each term, escort staff-days only ~1.1–1.2 × expected escort demand (with
/// Thursdays and Fridays scarcest), the most wanted sectors (cafes, farms) are undersupplied, and
/// about one student in forty cannot be placed in some term at all. Output is fully
/// deterministic for a given parameter set.
public enum SchoolGenerator {
    /// Returns file name -> full CSV file text (LF line endings, header row first, RFC 4180
    /// quoting where needed). Files: terms, sites, students, employers, staff, settings, travel.
    public static func generate(_ p: SchoolGeneratorParameters) -> [String: String] {
        render(buildWorld(p))
    }

    /// Builds the in-memory school. Each stage draws from its own random stream.
    static func buildWorld(_ p: SchoolGeneratorParameters) -> SchoolWorld {
        let studentCount = max(1, p.students)
        let employerCount = max(1, p.employers)
        let staffCount = max(0, p.staff)
        let siteCount = max(1, p.sites)
        let termCount = min(max(1, p.terms), 12)

        var world = SchoolWorld()
        var siteRandom = SeededRandom(seed: p.seed, stream: 1)
        var employerRandom = SeededRandom(seed: p.seed, stream: 2)
        var travelRandom = SeededRandom(seed: p.seed, stream: 3)
        var studentRandom = SeededRandom(seed: p.seed, stream: 4)
        var capacityRandom = SeededRandom(seed: p.seed, stream: 5)
        var staffRandom = SeededRandom(seed: p.seed, stream: 6)
        var hardRandom = SeededRandom(seed: p.seed, stream: 7)

        world.terms = GeneratedCalendar.terms(count: termCount)
        world.sites = GeneratedCalendar.sites(count: siteCount, random: &siteRandom)
        world.employers = GeneratedEmployers.generate(count: employerCount, terms: termCount, sites: world.sites,
                                                      random: &employerRandom)
        GeneratedTravel.generate(&world, random: &travelRandom)
        world.students = GeneratedStudents.generate(count: studentCount, terms: termCount, sites: siteCount,
                                                    employers: world.employers, random: &studentRandom)
        Calibration.calibrateCapacity(&world, random: &capacityRandom)
        world.staff = GeneratedStaff.generate(count: staffCount, terms: termCount, random: &staffRandom)
        GeneratedStaff.calibrate(&world, random: &staffRandom)
        world.recomputeEscortCover()
        HardCases.make(&world, random: &hardRandom)
        world.relaxedStudents = HardCases.repair(&world)
        return world
    }

    static func render(_ w: SchoolWorld) -> [String: String] {
        let termCount = w.terms.count
        func termsCell(_ set: TermSet) -> String {
            set == TermSet.all(termCount) ? "" : CSVText.list(set.list(termCount).map { w.terms[$0].id })
        }
        func flags<T>(_ set: FlagSet, _ make: (Int) -> T?, _ code: (T) -> String) -> String {
            CSVText.list(set.raws.compactMap(make).map(code))
        }
        func optional(_ n: Int?) -> String { n.map(String.init) ?? "" }

        var files: [String: String] = [:]
        files["terms.csv"] = CSVText.file(header: ["id", "name"], rows: w.terms.map { [$0.id, $0.name] })
        files["sites.csv"] = CSVText.file(header: ["id", "name", "latitude", "longitude"], rows: w.sites.map {
            [$0.id, $0.name, CSVText.fixed($0.latitude, decimals: 5), CSVText.fixed($0.longitude, decimals: 5)]
        })
        files["students.csv"] = CSVText.file(
            header: ["id", "name", "year", "pathway", "site", "interests", "needs", "escort", "escort_skills",
                     "max_travel_minutes", "days", "terms", "avoid"],
            rows: w.students.map { s in
                [s.id, s.name, String(s.year), s.pathway.name, w.sites.count == 1 ? "" : w.sites[s.site].id,
                 CSVText.list(s.interests.map { $0.code }),
                 flags(s.needs, Feature.init(rawValue:)) { $0.code },
                 s.escort.code,
                 flags(s.escortSkills, Skill.init(rawValue:)) { $0.code },
                 String(s.maxTravel),
                 s.days == .all ? "" : s.days.csv,
                 termsCell(s.terms),
                 CSVText.list(s.avoid.map { w.employers[$0].id })]
            })
        // Employers are listed by sector, then name, so a coordinator can scan them in Excel.
        let employerOrder = w.employers.indices.sorted {
            (w.employers[$0].sector.rawValue, w.employers[$0].name) < (w.employers[$1].sector.rawValue, w.employers[$1].name)
        }
        files["employers.csv"] = CSVText.file(
            header: ["id", "name", "sector", "days", "capacity", "terms", "features", "pathways", "min_year", "max_year",
                     "latitude", "longitude"],
            rows: employerOrder.map { i in
                let e = w.employers[i]
                return [e.id, e.name, e.sector.code, e.days.csv, String(e.capacity), termsCell(e.terms),
                        flags(e.features, Feature.init(rawValue:)) { $0.code },
                        CSVText.list(e.pathways.map { $0.name }), optional(e.minYear), optional(e.maxYear),
                        e.publishCoordinates ? CSVText.fixed(e.latitude, decimals: 5) : "",
                        e.publishCoordinates ? CSVText.fixed(e.longitude, decimals: 5) : ""]
            })
        files["staff.csv"] = CSVText.file(header: ["id", "name", "skills", "days", "terms"], rows: w.staff.map {
            [$0.id, $0.name, flags($0.skills, Skill.init(rawValue:)) { $0.code }, $0.days.csv, termsCell($0.terms)]
        })
        let position = Dictionary(uniqueKeysWithValues: employerOrder.enumerated().map { ($0.element, $0.offset) })
        let travelRows = w.overrides.sorted { (position[$0.employer]!, $0.site) < (position[$1.employer]!, $1.site) }
        files["travel.csv"] = CSVText.file(header: ["site", "employer", "minutes"], rows: travelRows.map {
            [w.sites[$0.site].id, w.employers[$0.employer].id, String($0.minutes)]
        })
        files["settings.csv"] = CSVText.file(header: ["setting", "value", "description"], rows: [
            ["shared_escort_ratio", String(w.sharedEscortRatio), "Students one escort can look after when they are marked shared"],
            ["placement_weight", "1000", "Points for every student placed in a term"],
            ["interest_weight", "1", "Multiplies the interest points (5 for a student's first choice of sector down to 1 for their fifth)"],
            ["travel_weight", "0.01", "Points lost per minute of travel"],
            ["sector_repeat_penalty", "2", "Points lost each time a student goes back to a sector they have already done"],
            ["escort_penalty", "1", "Points lost for each escort sent to a session"],
        ])
        return files
    }
}
