// The generator's in-memory school. Everything is held in arrays (never dictionaries) so that
// output order is fixed, and the same eligibility rules the planner enforces (hard rules 1–5,
// plus "a suitable escort could exist") are re-implemented here so the generator can shape the
// data: tight, but with only the deliberate hard cases truly impossible.

/// The whole generated school plus derived lookup tables.
struct SchoolWorld {
    var terms: [GenTerm] = []
    var sites: [GenSite] = []
    var employers: [GenEmployer] = []
    var students: [GenStudent] = []
    var staff: [GenStaff] = []
    var overrides: [TravelOverride] = []
    var hardCases: [HardCase] = []
    var sharedEscortRatio = 3
    /// How many ordinary students the repair pass had to relax (for diagnostics).
    var relaxedStudents = 0
    /// `travel[site][employer]` in minutes, overrides applied.
    var travel: [[Int]] = []
    /// `escortCover[term][day]`: how many staff are free, and the union of their skills.
    var escortCover: [[(count: Int, skills: FlagSet)]] = []

    mutating func recomputeTravel() {
        travel = sites.map { site in
            employers.map { e in
                computedTravelMinutes(fromLatitude: site.latitude, longitude: site.longitude,
                                      toLatitude: e.latitude, longitude: e.longitude)
            }
        }
        for o in overrides { travel[o.site][o.employer] = o.minutes }
    }

    mutating func recomputeEscortCover() {
        escortCover = terms.indices.map { t in
            (0..<5).map { d in
                var count = 0
                var skills = FlagSet()
                for member in staff where member.terms.contains(t) && member.days.contains(d) {
                    count += 1
                    skills.mask |= member.skills.mask
                }
                return (count, skills)
            }
        }
    }

    /// Employers passing hard rules 2–5 for student `s` (needs, pathway, year, travel, avoid),
    /// whatever the term or day. Paused hosts (capacity 0) are left out.
    /// `profiles` (from `hostProfiles()`) makes this fast when called for every student.
    func suitableHosts(_ s: GenStudent, profiles: [HostProfile]? = nil) -> [Int] {
        let table = profiles ?? hostProfiles()
        let needs = s.needs.mask
        let pathwayBit = UInt8(1) << UInt8(s.pathway.rawValue)
        let reach = travel[s.site]
        var result: [Int] = []
        for e in 0..<table.count {
            let h = table[e]
            if h.capacity == 0 || needs & ~h.features != 0 || h.pathways & pathwayBit == 0 { continue }
            if s.year < h.minYear || s.year > h.maxYear || reach[e] > s.maxTravel { continue }
            if !s.avoid.isEmpty && s.avoid.contains(e) { continue }
            result.append(e)
        }
        return result
    }

    /// The employer fields the eligibility checks need, as plain values.
    func hostProfiles() -> [HostProfile] {
        employers.map { e in
            var pathways: UInt8 = e.pathways.isEmpty ? 0b111 : 0
            for p in e.pathways { pathways |= 1 << UInt8(p.rawValue) }
            return HostProfile(capacity: e.capacity, features: e.features.mask, pathways: pathways,
                               minYear: e.minYear ?? Int.min, maxYear: e.maxYear ?? Int.max,
                               terms: e.terms.mask, days: e.days.mask)
        }
    }

    /// Sessions (employer, day) in term `t` that student `s` could be placed in on their own:
    /// hard rules 1–5, plus at least one free escort on that day holding each needed skill.
    /// `hosts` is `suitableHosts(s)` and `profiles` is `hostProfiles()`, passed in so callers
    /// can reuse them across terms and students.
    func eligibleSessions(_ s: GenStudent, term t: Int, hosts: [Int], profiles: [HostProfile]) -> [(employer: Int, day: Int)] {
        guard s.terms.contains(t) else { return [] }
        var result: [(employer: Int, day: Int)] = []
        let usable = usableDays(s, term: t)
        guard usable != 0 else { return [] }
        let termBit = UInt64(1) << UInt64(t)
        for e in hosts where profiles[e].terms & termBit != 0 {
            let days = profiles[e].days & usable
            if days == 0 { continue }
            for d in 0..<5 where days & (1 << UInt8(d)) != 0 { result.append((e, d)) }
        }
        return result
    }

    /// Bit mask of the weekdays student `s` can attend in term `t` and, if escorted, on which
    /// some free escort holds each skill they need.
    func usableDays(_ s: GenStudent, term t: Int) -> UInt8 {
        var mask: UInt8 = 0
        for d in 0..<5 where s.days.contains(d) {
            if s.escort != .none {
                let cover = escortCover[t][d]
                if cover.count == 0 || !s.escortSkills.isSubset(of: cover.skills) { continue }
            }
            mask |= 1 << UInt8(d)
        }
        return mask
    }

    func eligibleSessions(_ s: GenStudent, term t: Int) -> [(employer: Int, day: Int)] {
        let profiles = hostProfiles()
        return eligibleSessions(s, term: t, hosts: suitableHosts(s, profiles: profiles), profiles: profiles)
    }

    /// Students taking part in term `t`.
    func participants(_ t: Int) -> Int { students.filter { $0.terms.contains(t) }.count }

    /// Σ capacity × hosting days over employers hosting in term `t`.
    func capacityDays(_ t: Int) -> Int { capacityDaysByTerm()[t] }

    /// `capacityDays` for every term at once.
    func capacityDaysByTerm() -> [Int] {
        var places = [Int](repeating: 0, count: terms.count)
        for e in employers where e.capacity > 0 {
            let perTerm = e.capacity * e.days.count
            for t in 0..<terms.count where e.terms.contains(t) { places[t] += perTerm }
        }
        return places
    }

    /// Expected escort staff-days needed in term `t`: one per one-to-one student, and 0.6 per
    /// shared student (groups of three rarely fill: hosts take one to three students a day).
    func escortDemand(_ t: Int) -> Double {
        students.filter { $0.terms.contains(t) }.reduce(0.0) {
            $0 + ($1.escort == .oneToOne ? 1 : $1.escort == .shared ? 0.6 : 0)
        }
    }

    /// Staff-days free for escorting in term `t`.
    func staffDays(_ t: Int) -> Int {
        staff.filter { $0.terms.contains(t) }.reduce(0) { $0 + $1.days.count }
    }
}
