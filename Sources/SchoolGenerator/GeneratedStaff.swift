/// Escort staff: skills, free days and terms.
///
/// Most escorts are part-time teaching assistants free two to four days a week, fewer of them
/// on Thursdays and very few on Fridays, so escorting is the bottleneck late in the week.
/// PEG-feeding training is rare (about one escort in ten). After the students are known,
/// `calibrate` trims or adds free days so that each term's staff-days are only ~1.1–1.2 ×
/// the expected escort demand.
enum GeneratedStaff {
    /// Chance of holding each skill (epilepsy, manual-handling, autism-trained, peg-feeding, first-aid, makaton).
    static let skillOdds: [Double] = [0.50, 0.45, 0.55, 0.10, 0.70, 0.30]
    /// Which weekdays (Mon…Fri) escorts tend to be free.
    static let dayWeights: [Double] = [1.1, 1.1, 1.0, 0.8, 0.55]

    static func generate(count: Int, terms: Int, random: inout SeededRandom) -> [GenStaff] {
        let width = max(2, String(count).count)
        var usedNames = Set<String>()
        var staff: [GenStaff] = (0..<count).map { i in
            var skills = FlagSet()
            for k in Skill.allCases where random.chance(skillOdds[k.rawValue]) { skills.insert(k.rawValue) }
            let dayCount = [2, 3, 4][random.weightedIndex([0.35, 0.40, 0.25])]
            var staffTerms = TermSet.all(terms)
            if terms >= 2 && random.chance(0.15) {   // long-term leave, or joined part-way through
                staffTerms = GeneratedEmployers.someTerms(terms, random: &random)
            }
            var name = ""
            repeat {
                name = "\(random.pick(NamePools.staffFirstNames)) \(random.pick(NamePools.surnames))"
            } while !usedNames.insert(name).inserted && usedNames.count < 7_000
            return GenStaff(id: "ST" + GeneratedStudents.padded(i + 1, width: width), name: name, skills: skills,
                            days: DaySet(random.weightedSample(dayWeights, count: dayCount)), terms: staffTerms)
        }
        // Every skill a student can require is held by someone; PEG feeding by at least two.
        let required: [(Skill, Int)] = [(.epilepsy, 1), (.manualHandling, 1), (.autismTrained, 1), (.pegFeeding, 2)]
        for (skill, minimum) in required where !staff.isEmpty {
            var holders = staff.filter { $0.skills.contains(skill.rawValue) }.count
            for i in random.shuffled(Array(staff.indices)) where holders < min(minimum, staff.count) {
                if !staff[i].skills.contains(skill.rawValue) { staff[i].skills.insert(skill.rawValue); holders += 1 }
            }
        }
        return staff
    }

    /// Adds or removes free days (keeping 2–4 per person where possible) until every term's
    /// staff-days lie just above the expected escort demand (ratio 1.10–1.20).
    static func calibrate(_ world: inout SchoolWorld, random: inout SeededRandom) {
        guard !world.staff.isEmpty else { return }
        let ratio = 1.10 + 0.10 * random.unit()
        let termCount = world.terms.count
        let target = (0..<termCount).map { Int((world.escortDemand($0) * ratio).rounded(.up)) }
        var maxDays = 4
        for _ in 0..<50_000 {
            let supply = (0..<termCount).map { world.staffDays($0) }
            if let short = (0..<termCount).first(where: { supply[$0] < target[$0] }) {
                let growable = world.staff.indices.filter {
                    world.staff[$0].terms.contains(short) && world.staff[$0].days.count < maxDays
                }
                if growable.isEmpty {
                    if maxDays == 5 { return }
                    maxDays = 5
                    continue
                }
                let i = random.pick(growable)
                let missing = (0..<5).filter { !world.staff[i].days.contains($0) }
                world.staff[i].days.insert(missing[random.weightedIndex(missing.map { dayWeights[$0] })])
                continue
            }
            // Everything covered: trim surplus days, preferring to take away late-week days.
            let slack = (0..<termCount).map { supply[$0] - target[$0] }
            let shrinkable = world.staff.indices.filter { i in
                world.staff[i].days.count > 2 && (0..<termCount).allSatisfy { t in
                    !world.staff[i].terms.contains(t) || slack[t] > 0
                }
            }
            if shrinkable.isEmpty { return }
            let i = random.pick(shrinkable)
            let present = world.staff[i].days.list
            world.staff[i].days.remove(present[random.weightedIndex(present.map { 1 / dayWeights[$0] })])
        }
    }
}
