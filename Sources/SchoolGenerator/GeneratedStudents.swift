/// Students: pathway, year, site, escort, needs, interests, availability and limits.
///
/// Pathways decide most of a student's profile:
/// - Brook (≈40 %): the most independent — almost never escorted, few needs, travel up to an hour.
/// - Stream (≈35 %): moderate needs — about half travel with a shared escort.
/// - Waterfall (≈25 %): the most complex needs — many one-to-one escorts, often needing
///   step-free access, a quiet space or a changing bed, and short travel limits.
/// Counts are fixed by quota (not coin flips) so every school size keeps the same mix:
/// overall ≈57 % no escort, ≈29 % shared, ≈14 % one-to-one.
enum GeneratedStudents {
    static let pathwayShares: [Double] = [0.40, 0.35, 0.25]
    /// Escort mix within each pathway: none, shared, one-to-one.
    static let escortShares: [[Double]] = [[0.92, 0.08, 0.00], [0.45, 0.45, 0.10], [0.20, 0.40, 0.40]]
    /// Chance of needing step-free, accessible-toilet, quiet-space, changing-bed, per pathway.
    static let needOdds: [[Double]] = [[0.04, 0.00, 0.12, 0.00], [0.15, 0.10, 0.30, 0.00], [0.60, 0.40, 0.50, 0.20]]
    /// Chance of attending on only two or three days a week (part-time timetables, therapies).
    static let partWeekOdds: [Double] = [0.08, 0.12, 0.22]
    /// Longest one-way journey (minutes) each pathway tolerates, in steps of five.
    static let travelLimits: [ClosedRange<Int>] = [7...12, 6...10, 5...8]
    /// How often each sector is wanted: cafes and farms are the favourites.
    static let sectorPopularity: [Double] = [18, 20, 6, 8, 12, 9, 3, 9, 5, 5]

    static func generate(count: Int, terms: Int, sites: Int, employers: [GenEmployer],
                         random: inout SeededRandom) -> [GenStudent] {
        let width = max(3, String(count).count)
        let pathways = GeneratedEmployers.quotaSequence(weights: pathwayShares, total: count, random: &random)
        // Escort kinds by quota within each pathway, handed out in shuffled order.
        var escortQueues: [[Int]] = Pathway.allCases.map { p in
            let n = pathways.filter { $0 == p.rawValue }.count
            return GeneratedEmployers.quotaSequence(weights: escortShares[p.rawValue], total: n, random: &random)
        }
        let siteWeights = GeneratedCalendar.siteWeights(sites)
        var usedNames = Set<String>()
        var students: [GenStudent] = []
        for (index, pathwayRaw) in pathways.enumerated() {
            let pathway = Pathway(rawValue: pathwayRaw)!
            let escort = EscortKind(rawValue: escortQueues[pathwayRaw].removeLast())!
            let year = 10 + random.weightedIndex([0.22, 0.22, 0.20, 0.18, 0.18])

            var needs = FlagSet()
            for f in Feature.allCases where random.chance(needOdds[pathwayRaw][f.rawValue]) { needs.insert(f.rawValue) }
            if needs.contains(Feature.changingBed.rawValue) {
                needs.insert(Feature.stepFree.rawValue)
                needs.insert(Feature.accessibleToilet.rawValue)
            }

            var skills = FlagSet()
            if escort == .oneToOne {
                let mobility = needs.contains(Feature.changingBed.rawValue) || needs.contains(Feature.stepFree.rawValue)
                if random.chance(0.30) { skills.insert(Skill.epilepsy.rawValue) }
                if random.chance(mobility ? 0.75 : 0.15) { skills.insert(Skill.manualHandling.rawValue) }
                if random.chance(0.35) { skills.insert(Skill.autismTrained.rawValue) }
                if random.chance(0.08) { skills.insert(Skill.pegFeeding.rawValue) }
            } else if escort == .shared {
                if random.chance(0.20) { skills.insert(Skill.autismTrained.rawValue) }
                if random.chance(0.12) { skills.insert(Skill.epilepsy.rawValue) }
            }

            var popularity = sectorPopularity
            if pathway == .waterfall {
                popularity[Sector.farm.rawValue] *= 1.3
                popularity[Sector.gardenCentre.rawValue] *= 1.3
                popularity[Sector.hairdresser.rawValue] *= 0.6
                popularity[Sector.office.rawValue] *= 0.5
            }
            let interestCount = 2 + random.weightedIndex([0.25, 0.30, 0.25, 0.20])
            let interests = random.weightedSample(popularity, count: interestCount).map { Sector(rawValue: $0)! }

            var days = DaySet.all
            if random.chance(partWeekOdds[pathwayRaw]) {
                days = DaySet(random.weightedSample([1, 1, 1, 1, 1], count: random.int(in: 2...3)))
            }

            var studentTerms = TermSet.all(terms)
            if terms >= 2 && random.chance(0.06) {
                let dropped = max(1, terms / 3)
                if year == 14 {   // leaving part-way through the year
                    for t in (terms - dropped)..<terms { studentTerms.remove(t) }
                } else {          // joined the school part-way through the year
                    for t in 0..<dropped { studentTerms.remove(t) }
                }
            }

            students.append(GenStudent(
                id: "S" + padded(index + 1, width: width),
                name: uniqueName(used: &usedNames, random: &random),
                year: year, pathway: pathway, site: random.weightedIndex(siteWeights),
                interests: interests, needs: needs, escort: escort, escortSkills: skills,
                maxTravel: 5 * random.int(in: travelLimits[pathwayRaw]),
                days: days, terms: studentTerms, avoid: []))
        }
        addAvoidLists(&students, employers: employers, random: &random)
        return students
    }

    /// About one student in twenty-five has one or two hosts they must never go back to
    /// (a placement that broke down, a family connection). These are picked from the sectors
    /// the student most wants, so the rule really bites.
    static func addAvoidLists(_ students: inout [GenStudent], employers: [GenEmployer], random: inout SeededRandom) {
        guard !employers.isEmpty else { return }
        let count = max(1, Int((Double(students.count) * 0.04).rounded()))
        for s in random.shuffled(Array(students.indices)).prefix(count) {
            let wanted = students[s].interests
            var candidates = employers.indices.filter { wanted.prefix(2).contains(employers[$0].sector) }
            if candidates.isEmpty { candidates = Array(employers.indices) }
            let picks = random.shuffled(candidates).prefix(random.chance(0.3) ? 2 : 1)
            students[s].avoid = picks.sorted()
        }
    }

    static func uniqueName(used: inout Set<String>, random: inout SeededRandom) -> String {
        while true {
            let name = "\(random.pick(NamePools.studentFirstNames)) \(random.pick(NamePools.surnames))"
            if used.insert(name).inserted || used.count > 12_000 { return name }
        }
    }

    static func padded(_ n: Int, width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
