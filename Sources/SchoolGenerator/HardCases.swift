/// Deliberately impossible student–terms, and the repair pass that keeps everyone else possible.
///
/// About one student in forty (at least two) is made genuinely unplaceable in one term, in the
/// two ways that happen in real special schools:
/// - **Skill gap**: a Waterfall student with a one-to-one escort who must be PEG-feeding
///   trained, attending only Thursdays and Fridays. The one PEG-trained escort free on those days
///   is away in the last term, so nobody can escort them then.
/// - **Out of reach**: a Waterfall student who needs a changing bed and a quiet space within
///   25 minutes. The one host close enough that offers both does not host in that term.
/// Every other student is then checked: if rules 1–5 (plus "some escort with the right skills is
/// free that day") leave them no session in a term, or fewer distinct hosts than terms, their
/// profile is relaxed a step at a time (longer travel, all days, no avoid list, fewer needs).
enum HardCases {
    static func make(_ world: inout SchoolWorld, random: inout SeededRandom) {
        let studentCount = world.students.count
        guard studentCount >= 20, !world.employers.isEmpty else { return }
        let wanted = max(2, Int((Double(studentCount) * 0.025).rounded()))
        let termCount = world.terms.count
        let everyTerm = TermSet.all(termCount)
        var pool = random.shuffled(world.students.indices.filter {
            world.students[$0].pathway == .waterfall && world.students[$0].avoid.isEmpty && world.students[$0].terms == everyTerm
        })
        if pool.count < wanted {
            pool += random.shuffled(world.students.indices.filter { !pool.contains($0) && world.students[$0].terms == everyTerm })
        }
        let skillGap = Array(pool.prefix((wanted + 1) / 2))
        // Out-of-reach students come from different sites where possible, so that the host
        // brought within reach of one does not rescue another.
        var outOfReach: [Int] = []
        var usedSites = Set<Int>()
        for s in pool.dropFirst(skillGap.count) where outOfReach.count < wanted / 2 {
            if usedSites.insert(world.students[s].site).inserted { outOfReach.append(s) }
        }
        for s in pool.dropFirst(skillGap.count) where outOfReach.count < wanted / 2 && !outOfReach.contains(s) {
            outOfReach.append(s)
        }
        if !world.staff.isEmpty { makeSkillGaps(skillGap, &world, random: &random) }
        var protectedHosts: [Int] = []
        for (j, s) in outOfReach.enumerated() {
            makeOutOfReach(s, term: j % termCount, protectedHosts: &protectedHosts, &world, random: &random)
        }
        world.recomputeTravel()
        world.recomputeEscortCover()
        // Any host that would still take an out-of-reach student in their term loses that term
        // (if it is another such student's chosen host) or its changing bed. Repeated because
        // a host moved for one student may have come within reach of another.
        for _ in 0..<5 {
            var changed = false
            for h in world.hardCases where outOfReach.contains(h.student) {
                for (e, _) in world.eligibleSessions(world.students[h.student], term: h.term) {
                    if protectedHosts.contains(e) && world.employers[e].terms.count >= 2 {
                        world.employers[e].terms.remove(h.term)
                    } else {
                        world.employers[e].features.remove(Feature.changingBed.rawValue)
                    }
                    changed = true
                }
            }
            if !changed { break }
        }
        world.hardCases = world.hardCases.filter { world.eligibleSessions(world.students[$0.student], term: $0.term).isEmpty }
    }

    static func makeSkillGaps(_ chosen: [Int], _ world: inout SchoolWorld, random: inout SeededRandom) {
        guard !chosen.isEmpty else { return }
        let termCount = world.terms.count
        let lastTerm = termCount - 1
        let late: [Int] = [3, 4]   // Thu, Fri
        let peg = Skill.pegFeeding.rawValue
        var holders = world.staff.indices.filter { world.staff[$0].skills.contains(peg) }
        if holders.isEmpty { let i = random.int(below: world.staff.count); world.staff[i].skills.insert(peg); holders = [i] }
        for (n, i) in holders.enumerated() {
            if n == 0 && termCount >= 2 {
                // The one PEG-trained escort free late in the week, away in the last term.
                for d in late { world.staff[i].days.insert(d) }
                while world.staff[i].days.count > 4 { world.staff[i].days.remove(world.staff[i].days.list[0]) }
                world.staff[i].terms.remove(lastTerm)
                if world.staff[i].terms.count == 0 { world.staff[i].terms.insert(0) }
            } else {
                for d in late where world.staff[i].days.contains(d) {
                    world.staff[i].days.remove(d)
                    let early = (0..<3).filter { !world.staff[i].days.contains($0) }
                    if world.staff[i].days.count < 2, !early.isEmpty { world.staff[i].days.insert(random.pick(early)) }
                }
            }
        }
        for s in chosen {
            world.students[s].escort = .oneToOne
            var skills = FlagSet()
            skills.insert(peg)
            if random.chance(0.5) { skills.insert(Skill.epilepsy.rawValue) }
            world.students[s].escortSkills = skills
            world.students[s].days = DaySet(late)
            var needs = FlagSet()
            if world.students[s].needs.contains(Feature.stepFree.rawValue) { needs.insert(Feature.stepFree.rawValue) }
            world.students[s].needs = needs
            world.students[s].maxTravel = 45
            world.hardCases.append(HardCase(student: s, term: lastTerm,
                reason: "one-to-one escort with peg-feeding needed on Thu/Fri; the only such escort is away"))
        }
        world.recomputeEscortCover()
    }

    static func makeOutOfReach(_ s: Int, term: Int, protectedHosts: inout [Int], _ world: inout SchoolWorld,
                               random: inout SeededRandom) {
        let site = world.students[s].site
        let cb = Feature.changingBed.rawValue, quiet = Feature.quietSpace.rawValue
        let usable = world.employers.indices.filter {
            world.employers[$0].publishCoordinates && world.employers[$0].capacity > 0
        }
        guard !usable.isEmpty else { return }
        let limit = 25
        let bySensory = usable.filter { world.employers[$0].features.contains(cb) && world.employers[$0].features.contains(quiet) }
        var host = bySensory.min { (world.travel[site][$0], $0) < (world.travel[site][$1], $1) }
        if host == nil || world.travel[site][host!] > limit {
            // Upgrade a suitable nearby host and bring it within reach (4–5.5 km from the site).
            let sectors: [Sector] = [.leisureCentre, .careHome, .gardenCentre, .farm]
            let preferred = usable.filter { sectors.contains(world.employers[$0].sector) }
            let pool = preferred.isEmpty ? usable : preferred
            let pick = pool.min { (world.travel[site][$0], $0) < (world.travel[site][$1], $1) }!
            for f in Feature.allCases { world.employers[pick].features.insert(f.rawValue) }
            // Of 24 compass points, use the one farthest from the school's other sites, so the
            // host does not also come within reach of students elsewhere.
            let origin = world.sites[site]
            let km = 4 + 1.5 * random.unit()
            var best = (latitude: origin.latitude, longitude: origin.longitude, score: -1)
            for step in 0..<24 {
                let (lat, lon) = offset(latitude: origin.latitude, longitude: origin.longitude,
                                        km: km, bearing: 2 * Double.pi * Double(step) / 24)
                let score = world.sites.indices.filter { $0 != site }.map {
                    computedTravelMinutes(fromLatitude: world.sites[$0].latitude, longitude: world.sites[$0].longitude,
                                          toLatitude: lat, longitude: lon)
                }.min() ?? 0
                if score > best.score { best = (lat, lon, score) }
            }
            world.employers[pick].latitude = best.latitude
            world.employers[pick].longitude = best.longitude
            world.overrides.removeAll { $0.employer == pick }
            world.recomputeTravel()
            host = pick
        }
        let c = host!
        protectedHosts.append(c)
        world.employers[c].pathways = []
        world.employers[c].minYear = nil
        world.employers[c].maxYear = nil
        if world.employers[c].days.count < 2 {
            let missing = (0..<5).filter { !world.employers[c].days.contains($0) }
            world.employers[c].days.insert(random.pick(missing))
        }

        var student = world.students[s]
        var needs = FlagSet()
        for f in Feature.allCases { needs.insert(f.rawValue) }
        student.needs = needs
        if student.escort == .none { student.escort = .shared }
        var skills = FlagSet()
        skills.insert(Skill.manualHandling.rawValue)
        student.escortSkills = skills
        student.maxTravel = limit
        student.avoid = []
        let hostDays = world.employers[c].days.list
        if world.terms.count >= 2 {
            world.employers[c].terms = TermSet.all(world.terms.count)
            world.employers[c].terms.remove(term)
            student.days = DaySet(Array(random.shuffled(hostDays).prefix(2)))
        } else {
            let other = (0..<5).filter { !world.employers[c].days.contains($0) }
            student.days = DaySet(Array(random.shuffled(other).prefix(2)))
        }
        world.students[s] = student
        world.hardCases.append(HardCase(student: s, term: term,
            reason: "needs changing-bed and quiet-space within 25 minutes; the only such host is closed that term"))
    }

    /// Relaxes students (other than the hard cases) until each term they take part in has at
    /// least one possible session, the year offers at least as many distinct hosts as terms,
    /// and (escorts aside) each term's places could seat every one of them at once.
    /// Returns how many students were relaxed.
    @discardableResult
    static func repair(_ world: inout SchoolWorld) -> Int {
        let hard = Set(world.hardCases.map { $0.student })
        var repaired = Set<Int>()
        let profiles = world.hostProfiles()   // employers do not change from here on
        for s in world.students.indices where !hard.contains(s) {
            var student = world.students[s]
            var changed = false
            while !isWorkable(student, world, profiles: profiles) {
                guard relaxOneStep(&student) else { break }
                changed = true
            }
            if changed { repaired.insert(s); world.students[s] = student }
        }
        // Then make sure each term's places suit the students: anyone a maximum matching
        // cannot seat (ignoring escorts) is relaxed a step, and the matching is redone.
        for _ in 0..<12 {
            var progress = false
            let hosts = world.students.map { world.suitableHosts($0, profiles: profiles) }
            for t in world.terms.indices {
                for s in TermMatching.unseated(world, term: t, hosts: hosts, profiles: profiles) where !hard.contains(s) {
                    if relaxOneStep(&world.students[s]) { repaired.insert(s); progress = true }
                }
            }
            if !progress { break }
        }
        return repaired.count
    }

    static func isWorkable(_ s: GenStudent, _ world: SchoolWorld, profiles: [HostProfile]) -> Bool {
        let suitable = world.suitableHosts(s, profiles: profiles)
        var usedHost = [Bool](repeating: false, count: suitable.count)
        for t in s.terms.list(world.terms.count) {
            let days = world.usableDays(s, term: t)
            var any = false
            let termBit = UInt64(1) << UInt64(t)
            for (k, e) in suitable.enumerated() where profiles[e].terms & termBit != 0 && profiles[e].days & days != 0 {
                any = true
                usedHost[k] = true
            }
            if !any { return false }
        }
        return usedHost.filter { $0 }.count >= s.terms.count
    }

    /// One relaxation, least intrusive first. Returns false when nothing is left to relax.
    static func relaxOneStep(_ s: inout GenStudent) -> Bool {
        if s.maxTravel < 60 { s.maxTravel += 5; return true }
        if s.days != .all { s.days = .all; return true }
        if !s.avoid.isEmpty { s.avoid = []; return true }
        for f in [Feature.changingBed, .quietSpace, .accessibleToilet, .stepFree] where s.needs.contains(f.rawValue) {
            s.needs.remove(f.rawValue); return true
        }
        for k in [Skill.pegFeeding, .manualHandling, .epilepsy, .autismTrained] where s.escortSkills.contains(k.rawValue) {
            s.escortSkills.remove(k.rawValue); return true
        }
        if s.maxTravel < 90 { s.maxTravel += 5; return true }
        return false
    }
}
