import Foundation

/// Host employers: sector mix, names, hosting pattern, features, restrictions and location.
///
/// Supply is deliberately out of step with demand: cafes and farms are the most wanted sectors
/// but few hosts offer them, while offices and charity shops are plentiful but less wanted.
/// Capacities start small (1–3 students a day, 1–3 days a week) and are later tuned by
/// `calibrateCapacity` so that a term's total places are only ~1.2–1.3 × the students taking part.
enum GeneratedEmployers {
    /// How many hosts of each sector a school of this size has (shares of all employers).
    static let supplyWeights: [Double] = [3, 4, 5, 5, 3, 3, 3, 4, 5, 5]
    /// How likely a host of each sector is to offer each feature:
    /// step-free, accessible-toilet, quiet-space, changing-bed.
    static let featureOdds: [[Double]] = [
        [0.35, 0.30, 0.55, 0.04],   // farm
        [0.55, 0.45, 0.15, 0.02],   // cafe
        [0.50, 0.20, 0.30, 0.00],   // charity-shop
        [0.90, 0.70, 0.20, 0.06],   // supermarket
        [0.95, 0.90, 0.30, 0.35],   // leisure-centre
        [0.50, 0.20, 0.20, 0.00],   // hairdresser
        [0.80, 0.50, 0.50, 0.00],   // kitchen-showroom
        [0.70, 0.60, 0.45, 0.06],   // garden-centre
        [0.85, 0.75, 0.60, 0.06],   // office
        [0.95, 0.95, 0.40, 0.30],   // care-home
    ]
    /// Hosting-day popularity Mon…Fri: mid-week is busy, Mondays and Fridays are thin.
    static let hostingDayWeights: [Double] = [0.7, 1.2, 1.2, 1.1, 0.6]

    static func generate(count: Int, terms: Int, sites: [GenSite], random: inout SeededRandom) -> [GenEmployer] {
        let sectors = quotaSequence(weights: supplyWeights, total: count, random: &random)
        var usedNames = Set<String>()
        var usedIds = Set<String>()
        let siteWeights = GeneratedCalendar.siteWeights(sites.count)
        var employers: [GenEmployer] = []
        for sectorRaw in sectors {
            let sector = Sector(rawValue: sectorRaw)!
            let anchor = sites[random.weightedIndex(siteWeights)]
            let km = 2.5 + 17.5 * pow(random.unit(), 1.5)
            let (lat, lon) = offset(latitude: anchor.latitude, longitude: anchor.longitude,
                                    km: km, bearing: 2 * Double.pi * random.unit())
            let town = NamePools.nearestTown(latitude: lat, longitude: lon)
            let name = uniqueName(sector: sector, town: town, used: &usedNames, random: &random)
            let id = uniqueSlug(name, used: &usedIds)

            let dayCount = [1, 2, 3][random.weightedIndex([0.30, 0.45, 0.25])]
            let days = DaySet(random.weightedSample(hostingDayWeights, count: dayCount))
            let capacity = [1, 2, 3][random.weightedIndex([0.45, 0.40, 0.15])]

            var hostTerms = TermSet.all(terms)
            if terms >= 2 && random.chance(0.22) { hostTerms = someTerms(terms, random: &random) }

            var features = FlagSet()
            for f in Feature.allCases where random.chance(featureOdds[sectorRaw][f.rawValue]) {
                features.insert(f.rawValue)
            }
            if features.contains(Feature.changingBed.rawValue) {
                features.insert(Feature.stepFree.rawValue)        // a changing bed room needs level access
                features.insert(Feature.accessibleToilet.rawValue)
            }

            var pathways: [Pathway] = []
            switch random.weightedIndex([0.72, 0.14, 0.06, 0.04, 0.04]) {
            case 1: pathways = [.brook, .stream]
            case 2: pathways = [.brook]
            case 3: pathways = [.stream, .waterfall]
            case 4: pathways = [.waterfall]
            default: break
            }

            var minYear: Int?
            var maxYear: Int?
            if sector == .careHome && random.chance(0.5) { minYear = 12 }
            else if sector == .office && random.chance(0.25) { minYear = 11 }
            else if random.chance(0.06) { minYear = 11 }
            if random.chance(0.05) { maxYear = 13 }

            employers.append(GenEmployer(id: id, name: name, sector: sector, days: days, capacity: capacity,
                                         terms: hostTerms, features: features, pathways: pathways,
                                         minYear: minYear, maxYear: maxYear, latitude: lat, longitude: lon))
        }
        ensureChangingBedHosts(&employers, random: &random)
        pauseSomeHosts(&employers, random: &random)
        return employers
    }

    /// A list of `total` category indexes whose counts follow `weights` (largest remainder),
    /// in shuffled order, so every size of school has the same sector mix.
    static func quotaSequence(weights: [Double], total: Int, random: inout SeededRandom) -> [Int] {
        let sum = weights.reduce(0, +)
        let exact = weights.map { $0 / sum * Double(total) }
        var counts = exact.map { Int($0) }
        let order = exact.indices.sorted { (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1) }
        var i = 0
        while counts.reduce(0, +) < total { counts[order[i % order.count]] += 1; i += 1 }
        var sequence: [Int] = []
        for (index, n) in counts.enumerated() { sequence += Array(repeating: index, count: n) }
        random.shuffle(&sequence)
        return sequence
    }

    /// Some but not all terms: either one term missed, or (with many terms) a run of terms.
    static func someTerms(_ terms: Int, random: inout SeededRandom) -> TermSet {
        var set = TermSet.all(terms)
        if terms >= 4 && random.chance(0.5) {
            let length = random.int(in: (terms / 2)...(terms - 1))
            let start = random.int(in: 0...(terms - length))
            set = TermSet(mask: 0)
            for t in start..<(start + length) { set.insert(t) }
        } else {
            set.remove(random.int(below: terms))
        }
        return set
    }

    /// At least one host in ten (minimum two) has a changing bed; the likeliest sectors
    /// (leisure centres, care homes, offices) are upgraded if chance gave too few.
    static func ensureChangingBedHosts(_ employers: inout [GenEmployer], random: inout SeededRandom) {
        let wanted = max(2, Int((Double(employers.count) * 0.10).rounded()))
        let preferred: [Sector] = [.leisureCentre, .careHome, .office, .supermarket, .gardenCentre]
        var have = employers.filter { $0.features.contains(Feature.changingBed.rawValue) }.count
        for sector in preferred {
            for i in random.shuffled(Array(employers.indices)) where have < wanted && employers[i].sector == sector {
                if employers[i].features.contains(Feature.changingBed.rawValue) { continue }
                for f in [Feature.changingBed, .stepFree, .accessibleToilet] { employers[i].features.insert(f.rawValue) }
                if random.chance(0.6) { employers[i].features.insert(Feature.quietSpace.rawValue) }
                have += 1
            }
        }
    }

    /// About one host in twenty is paused (capacity 0) this year: still on the books, hosts nobody.
    static func pauseSomeHosts(_ employers: inout [GenEmployer], random: inout SeededRandom) {
        guard employers.count >= 10 else { return }
        let paused = max(1, Int((Double(employers.count) * 0.05).rounded()))
        let candidates = random.shuffled(employers.indices.filter {
            !employers[$0].features.contains(Feature.changingBed.rawValue)
        })
        for i in candidates.prefix(paused) { employers[i].capacity = 0 }
    }

    static func uniqueName(sector: Sector, town: String, used: inout Set<String>, random: inout SeededRandom) -> String {
        for _ in 0..<40 {
            let name = candidateName(sector: sector, town: town, random: &random)
            if !used.contains(name) { used.insert(name); return name }
        }
        var n = 2
        let base = candidateName(sector: sector, town: town, random: &random)
        while used.contains("\(base) \(n)") { n += 1 }
        used.insert("\(base) \(n)")
        return "\(base) \(n)"
    }

    /// A made-up business name in the style of its sector. A few contain commas or double
    /// quotes on purpose, so the CSV quoting is exercised.
    static func candidateName(sector: Sector, town: String, random: inout SeededRandom) -> String {
        let place = random.pick(NamePools.places)
        let surname = random.pick(NamePools.surnames)
        switch sector {
        case .farm:
            return random.pick(["\(place) Farm", "\(place) Care Farm", "\(place) Stables", "\(place) Alpacas",
                                "\(place) Smallholding", "\(place) Farm Park"])
        case .cafe:
            let adjective = random.pick(NamePools.cafeAdjectives), noun = random.pick(NamePools.cafeNouns)
            return random.pick(["The \(adjective) \(noun) Cafe", "\(place) Tea Rooms", "\(town) Community Cafe",
                                "\(noun) & \(random.pick(NamePools.cafeNouns)) Coffee House"])
        case .charityShop:
            return "\(random.pick(NamePools.charities)) Shop, \(town)"
        case .supermarket:
            return "\(random.pick(NamePools.supermarkets)) \(town)"
        case .leisureCentre:
            return random.pick(["\(town) Leisure Centre", "\(town) Swimming Pool", "\(place) Sports Club",
                                "\(town) Bowls and Activity Centre"])
        case .hairdresser:
            return random.pick(["\(random.pick(NamePools.staffFirstNames))'s Hair Studio", "Cut Above \(town)",
                                "The Barber Shop \(town)", "\(surname) Hair and Beauty"])
        case .kitchenShowroom:
            return random.pick(["\(surname) Kitchens \(town)", "\(surname), \(random.pick(NamePools.surnames)) Kitchen Design",
                                "\(town) Kitchen and Bathroom Centre"])
        case .gardenCentre:
            return random.pick(["\(place) Garden Centre", "\(place) Nurseries", "\(town) Community Garden",
                                "\(place) \"Grow Your Own\" Plant Centre"])
        case .office:
            return random.pick(["\(town) Town Council Offices", "\(surname), \(random.pick(NamePools.surnames)) & Co Solicitors",
                                "\(surname) Estate Agents", "\(place) Business Park Reception"])
        case .careHome:
            return "\(place) \(random.pick(NamePools.careHomeSuffixes))"
        }
    }

    /// Lower-case id made of letters, digits and hyphens, unique within the file.
    static func uniqueSlug(_ name: String, used: inout Set<String>) -> String {
        var slug = ""
        var lastWasHyphen = true
        for ch in name.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { slug.append(ch); lastWasHyphen = false }
            else if ch == "'" { continue }
            else if !lastWasHyphen { slug.append("-"); lastWasHyphen = true }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        // Ids stay within the planner's 40-character limit (a "-2" suffix included).
        if slug.count > 40 { slug = String(slug.prefix(37)) }
        var candidate = slug
        var n = 2
        while used.contains(candidate) { candidate = "\(slug.prefix(37))-\(n)"; n += 1 }
        used.insert(candidate)
        return candidate
    }
}
