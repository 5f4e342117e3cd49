/// travel.csv: a handful of measured journey times that replace the straight-line estimate.
///
/// - About one host in forty has no published coordinates (e.g. a farm reached down an
///   unnamed track); travel.csv then gives its time from every site.
/// - About one site–host pair in seventeen per host is corrected by hand: slow country lanes
///   (+8 to +20 minutes) or a direct bus (−3 to −8 minutes).
enum GeneratedTravel {
    static func generate(_ world: inout SchoolWorld, random: inout SeededRandom) {
        world.recomputeTravel()
        var overrides: [TravelOverride] = []
        let employerCount = world.employers.count
        if employerCount >= 10 {
            let hidden = max(1, Int((Double(employerCount) / 40).rounded()))
            let candidates = world.employers.indices.filter {
                !world.employers[$0].features.contains(Feature.changingBed.rawValue)
            }
            for e in random.shuffled(candidates).prefix(hidden) {
                world.employers[e].publishCoordinates = false
                for s in world.sites.indices {
                    overrides.append(TravelOverride(site: s, employer: e,
                                                    minutes: max(5, world.travel[s][e] + random.int(in: -2...6))))
                }
            }
        }
        let corrections = max(1, Int((Double(employerCount) * 0.06).rounded()))
        let published = world.employers.indices.filter { world.employers[$0].publishCoordinates }
        var used = Set<Int>()
        for _ in 0..<corrections where !published.isEmpty {
            let e = random.pick(published)
            let s = random.int(below: world.sites.count)
            guard used.insert(s * employerCount + e).inserted else { continue }
            let computed = world.travel[s][e]
            let minutes = random.chance(0.7) ? computed + random.int(in: 8...20) : max(5, computed - random.int(in: 3...8))
            overrides.append(TravelOverride(site: s, employer: e, minutes: minutes))
        }
        world.overrides = overrides
        world.recomputeTravel()
    }
}
