/// Tunes host capacity so the school is tight: in every term, the total number of places
/// (Σ capacity × hosting days over hosts open that term) lands between ~1.2 and ~1.3 × the
/// number of students taking part. Real schools never have much slack, and the many
/// per-student restrictions (travel, needs, days, pathways) cut usable places further.
enum Calibration {
    static func calibrateCapacity(_ world: inout SchoolWorld, random: inout SeededRandom) {
        let low = 1.20 + 0.05 * random.unit()
        let high = low + 0.08
        let termCount = world.terms.count
        let demand = (0..<termCount).map { Double(world.participants($0)) }
        var capacityLimit = 3
        for _ in 0..<200_000 {
            let places = world.capacityDaysByTerm().map(Double.init)
            if let short = (0..<termCount).first(where: { places[$0] < low * demand[$0] }) {
                let growable = world.employers.indices.filter {
                    let e = world.employers[$0]
                    return e.capacity > 0 && e.terms.contains(short) && (e.capacity < capacityLimit || e.days.count < 3)
                }
                if growable.isEmpty {
                    if capacityLimit >= 12 { return }
                    capacityLimit += 1
                    continue
                }
                let i = random.pick(growable)
                if world.employers[i].days.count < 3 && (world.employers[i].capacity >= 2 || random.chance(0.5)
                                                         || world.employers[i].capacity >= capacityLimit) {
                    let missing = (0..<5).filter { !world.employers[i].days.contains($0) }
                    let weights = missing.map { GeneratedEmployers.hostingDayWeights[$0] }
                    world.employers[i].days.insert(missing[random.weightedIndex(weights)])
                } else {
                    world.employers[i].capacity += 1
                }
                continue
            }
            // Enough places everywhere: shrink while some term is above the band and no term
            // would fall below it.
            guard let over = (0..<termCount).first(where: { places[$0] > high * demand[$0] }) else { return }
            let candidates = world.employers.indices.filter { i in
                let e = world.employers[i]
                guard e.capacity > 0, e.terms.contains(over), e.capacity >= 2 || e.days.count >= 2 else { return false }
                let loss = Double(e.capacity >= 2 ? e.days.count : e.capacity)
                return (0..<termCount).allSatisfy { t in !e.terms.contains(t) || places[t] - loss >= low * demand[t] }
            }
            if candidates.isEmpty { return }
            let i = random.pick(candidates)
            if world.employers[i].capacity >= 2 {
                world.employers[i].capacity -= 1
            } else {
                let present = world.employers[i].days.list
                world.employers[i].days.remove(random.pick(present))
            }
        }
    }
}
