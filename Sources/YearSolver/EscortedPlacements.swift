import PlacementDomain

/// Places one-to-one students a plan left out, where a session they can attend has room and a
/// member of staff holding their skills can be free that day — if need be by swapping an escort
/// elsewhere that day for someone free whose skills still cover that session's students.
///
/// Why: on generated 600-student schools every student left out while a place existed needed a
/// one-to-one escort; the greedy plan hands out staff in student order and can use up the only
/// qualified person on a day where someone else would do.
struct EscortedPlacements {
    let year: YearModel
    let pools: StaffPools

    func improve(_ choices: [TermID: TermByTermPlan.TermChoice]) -> [TermID: TermByTermPlan.TermChoice] {
        var result = choices
        for term in result.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            let otherEmployers = TermByTermPlan.employersByStudent(in: result.filter { $0.key != term }.values)
            var state = TermState(choice: result[term]!, pools: pools, term: term)
            let candidates = year.candidates.filter {
                $0.session.term == term && $0.student.escort == .oneToOne && !$0.isHistory
                    && !(otherEmployers[$0.student.id]?.contains($0.employer.id) ?? false)
            }
            let byStudent = Dictionary(grouping: candidates, by: \.student.id)
            for student in byStudent.keys.sorted() where state.choice.byStudent[student] == nil {
                let options = byStudent[student]!.sorted { ($0.worthKey, $0.session.description) > ($1.worthKey, $1.session.description) }
                for candidate in options where state.place(candidate) { break }
            }
            result[term] = state.choice
        }
        return result
    }

    /// One term's placements and escort counts, changed one placement at a time.
    private struct TermState {
        var choice: TermByTermPlan.TermChoice
        let pools: StaffPools
        let term: TermID
        var occupants: [Session: [Candidate]] = [:]

        init(choice: TermByTermPlan.TermChoice, pools: StaffPools, term: TermID) {
            self.choice = choice
            self.pools = pools
            self.term = term
            for candidate in choice.byStudent.values { occupants[candidate.session, default: []].append(candidate) }
        }

        func count(_ pool: StaffPools.Pool, _ session: Session) -> Int {
            Int((choice.escortCounts[TermByTermPlan.escortKey(pool, session)] ?? 0).rounded())
        }

        /// Members of the pool not escorting anywhere that day.
        func free(_ pool: StaffPools.Pool, on day: Weekday) -> Int {
            let busy = Set(occupants.keys).filter { $0.day == day }.reduce(0) { $0 + count(pool, $1) }
            return pool.members.count - busy
        }

        /// Whether the session's escorted students are covered, skill by skill, with these counts.
        func covered(_ session: Session, counts: [String: Int]) -> Bool {
            let students = occupants[session] ?? []
            let skills = Set(students.filter { $0.student.escort != .none }.flatMap(\.student.escortSkills))
            for skill in skills {
                let oneToOne = students.filter { $0.student.escort == .oneToOne && $0.student.escortSkills.contains(skill) }.count
                let shared = students.contains { $0.student.escort == .shared && $0.student.escortSkills.contains(skill) }
                let holders = pools.pools(on: session.day, in: term).filter { $0.skills.contains(skill) }
                    .reduce(0) { $0 + (counts[$1.label] ?? count($1, session)) }
                if holders < max(oneToOne, shared ? 1 : 0) { return false }
            }
            return true
        }

        /// Places the one-to-one candidate if its session has room and a qualified escort can be found.
        mutating func place(_ candidate: Candidate) -> Bool {
            let session = candidate.session
            guard (occupants[session]?.count ?? 0) < candidate.employer.capacity(of: session) else { return false }
            let qualified = pools.pools(on: session.day, in: term)
                .filter { candidate.student.escortSkills.isSubset(of: Set($0.skills)) }
                .sorted { ($0.skills.count, $0.label) < ($1.skills.count, $1.label) }
            guard let pool = qualified.first(where: { free($0, on: session.day) > 0 })
                    ?? qualified.first(where: { freeOneBySwapping($0, on: session.day) }) else { return false }
            choice.escortCounts[TermByTermPlan.escortKey(pool, session), default: 0] += 1
            choice.placements.insert(TermByTermPlan.key(candidate))
            choice.byStudent[candidate.student.id] = candidate
            occupants[session, default: []].append(candidate)
            return true
        }

        /// Frees one member of `pool` that day: somewhere it escorts, another pool with a free member
        /// takes over if that session's students stay covered.
        mutating func freeOneBySwapping(_ pool: StaffPools.Pool, on day: Weekday) -> Bool {
            let others = pools.pools(on: day, in: term).filter { $0.label != pool.label && free($0, on: day) > 0 }
            let sessions = occupants.keys.filter { $0.day == day && count(pool, $0) > 0 }.sorted { $0.description < $1.description }
            for session in sessions {
                for other in others {
                    let counts = [pool.label: count(pool, session) - 1, other.label: count(other, session) + 1]
                    guard covered(session, counts: counts) else { continue }
                    choice.escortCounts[TermByTermPlan.escortKey(pool, session)] = Double(counts[pool.label]!)
                    choice.escortCounts[TermByTermPlan.escortKey(other, session)] = Double(counts[other.label]!)
                    return true
                }
            }
            return false
        }
    }
}

private extension Candidate {
    /// Interest first, then shorter travel (the objective's order for one placement).
    var worthKey: Double { Double(interestPoints) * 1000 - Double(travelMinutes) }
}
