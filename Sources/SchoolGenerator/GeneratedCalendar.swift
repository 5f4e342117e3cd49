/// Terms and school sites.
enum GeneratedCalendar {
    /// Up to three terms: the full terms of the 2025–26 school year. Four or more: half terms
    /// (six a year), continuing into later school years if needed. Ids are readable and sort
    /// nowhere special: the row order of terms.csv is what gives the chronology.
    static func terms(count: Int) -> [GenTerm] {
        let seasons = ["Autumn", "Spring", "Summer"]
        if count <= 3 {
            return (0..<count).map { i in
                let year = 2025 + (i == 0 ? 0 : 1)
                return GenTerm(id: "\(seasons[i].lowercased())-\(year)", name: "\(seasons[i]) term \(year)")
            }
        }
        return (0..<count).map { i in
            let schoolYear = 2025 + i / 6
            let half = i % 6
            let season = seasons[half / 2]
            let part = half % 2 + 1
            let year = schoolYear + (half < 2 ? 0 : 1)
            return GenTerm(id: "\(season.lowercased())\(part)-\(year)", name: "\(season) \(part) \(year)")
        }
    }

    /// The first sites come from a fixed list of plausible locations in West Kent; any beyond
    /// ten are placed at random in the same area (lat 51.20–51.35, lon 0.10–0.40).
    static func sites(count: Int, random: inout SeededRandom) -> [GenSite] {
        (0..<count).map { i in
            if i < NamePools.sites.count {
                let s = NamePools.sites[i]
                return GenSite(id: s.id, name: s.name, latitude: s.latitude, longitude: s.longitude)
            }
            return GenSite(id: "site-\(i + 1)", name: "Hollybank Satellite Base \(i + 1)",
                           latitude: 51.20 + 0.15 * random.unit(), longitude: 0.10 + 0.30 * random.unit())
        }
    }

    /// Relative size of each site: the main site is the largest.
    static func siteWeights(_ count: Int) -> [Double] {
        (0..<count).map { $0 == 0 ? 1.5 : 1.0 }
    }
}
