import PlacementDomain

/// A valid year plan built in milliseconds without any solver: term by term, the students with
/// the fewest options first, each given their best remaining session that still has a place and,
/// when they need one, a free escort with their skills (one member of staff per one-to-one
/// student, one per R shared students). It is the fallback when the time limit leaves no room for
/// the MIPs, and it keeps every hard rule (history placements first).
struct GreedyPlan {
    let workspace: Workspace
    let pools: StaffPools
    /// What each candidate (by index) is worth to the ranking, in place of its objective worth:
    /// Lagrangian prices make crowded sessions and scarce escorts cost (``LagrangianBound``).
    var preference: [Double]? = nil
    /// Terms already decided (a what-if's kept terms, as the current plan has them): taken as they
    /// are, their employers and sectors counted for the other terms.
    var fixed: [TermID: TermByTermPlan.TermChoice] = [:]

    /// What is already committed in one term.
    private struct TermState {
        var count: [Session: Int] = [:]
        var escorts: [Session: [StaffMember]] = [:]
        var oneToOne: [Session: [Student]] = [:]
        var shared: [Session: [Student]] = [:]
        var busy = Set<String>()
    }

    func choices(for year: YearModel) -> [TermID: TermByTermPlan.TermChoice] {
        var usedEmployers: [StudentID: Set<EmployerID>] = [:]
        var usedSectors: [StudentID: Set<String>] = [:]
        var result: [TermID: TermByTermPlan.TermChoice] = [:]
        let byStudentTerm = Dictionary(grouping: year.candidates.indices) {
            "\(year.candidates[$0].student.id.rawValue)|\(year.candidates[$0].session.term.rawValue)"
        }
        for (term, choice) in fixed {
            result[term] = choice
            for (student, candidate) in choice.byStudent {
                usedEmployers[student, default: []].insert(candidate.employer.id)
                usedSectors[student, default: []].insert(candidate.employer.sector)
            }
        }
        for term in workspace.terms where fixed[term.id] == nil {
            var state = TermState()
            var choice = TermByTermPlan.TermChoice()
            let groups = byStudentTerm.filter { $0.value.first.map { year.candidates[$0].session.term == term.id } ?? false }
            // Students with history first, then those with the fewest options (keys decorated once: this runs on millions of candidates).
            let order = groups.map { key, members in
                (history: members.contains { year.candidates[$0].isHistory } ? 0 : 1, count: members.count, key: key)
            }.sorted { ($0.history, $0.count, $0.key) < ($1.history, $1.count, $1.key) }.map(\.key)
            for key in order {
                let options = groups[key]!
                let history = options.filter { year.candidates[$0].isHistory }
                let ranked = history.isEmpty
                    ? options.map { (index: $0, value: value($0, year, usedSectors)) }
                        .sorted { ($0.value, -$0.index) > ($1.value, -$1.index) }.map(\.index)
                    : history
                for candidate in ranked.lazy.map({ year.candidates[$0] }) where !(usedEmployers[candidate.student.id]?.contains(candidate.employer.id) ?? false) {
                    guard candidate.isHistory || state.count[candidate.session, default: 0] < candidate.employer.capacity(of: candidate.session),
                          place(candidate, in: &state) || candidate.isHistory else { continue }
                    state.count[candidate.session, default: 0] += 1
                    choice.placements.insert(TermByTermPlan.key(candidate))
                    choice.byStudent[candidate.student.id] = candidate
                    usedEmployers[candidate.student.id, default: []].insert(candidate.employer.id)
                    usedSectors[candidate.student.id, default: []].insert(candidate.employer.sector)
                    break
                }
            }
            record(state, into: &choice, term: term.id)
            result[term.id] = choice
        }
        return result
    }

    private func value(_ index: Int, _ year: YearModel, _ usedSectors: [StudentID: Set<String>]) -> Double {
        let settings = workspace.settings
        let candidate = year.candidates[index]
        let repeatCost = usedSectors[candidate.student.id]?.contains(candidate.employer.sector) ?? false ? settings.sectorRepeatPenalty : 0
        return (preference?[index] ?? candidate.worth(settings)) - repeatCost
    }

    /// Adds the student's escort needs at the session if staff allow; false when they do not.
    private func place(_ candidate: Candidate, in state: inout TermState) -> Bool {
        let student = candidate.student, session = candidate.session
        switch student.escort {
        case .none:
            return true
        case .oneToOne:
            guard let staff = freeStaff(holding: student.escortSkills, session, state) else { return false }
            assign(staff, to: session, &state)
            state.oneToOne[session, default: []].append(student)
            return true
        case .shared:
            let ratio = workspace.settings.sharedEscortRatio
            let shared = state.shared[session, default: []].count + 1
            let needed = state.oneToOne[session, default: []].count + (shared + ratio - 1) / ratio
            let present = state.escorts[session, default: []]
            let covered = student.escortSkills.allSatisfy { skill in present.contains { $0.skills.contains(skill) } }
            if present.count < needed || !covered {
                guard let staff = freeStaff(holding: student.escortSkills, session, state) else { return false }
                assign(staff, to: session, &state)
            }
            state.shared[session, default: []].append(student)
            return true
        }
    }

    /// A member of staff free that day and term, not yet busy, holding the skills; the least
    /// skilled such person (keeping versatile staff for harder cases), then by id.
    private func freeStaff(holding skills: Set<String>, _ session: Session, _ state: TermState) -> StaffMember? {
        workspace.staff
            .filter { $0.days.contains(session.day) && $0.terms.contains(session.term) && skills.isSubset(of: $0.skills)
                && !state.busy.contains("\($0.id.rawValue)|\(session.day.rawValue)") }
            .min { ($0.skills.count, $0.id) < ($1.skills.count, $1.id) }
    }

    private func assign(_ staff: StaffMember, to session: Session, _ state: inout TermState) {
        state.busy.insert("\(staff.id.rawValue)|\(session.day.rawValue)")
        state.escorts[session, default: []].append(staff)
    }

    /// Expresses the term's escorts as the model's pool counts and shared-group counts.
    private func record(_ state: TermState, into choice: inout TermByTermPlan.TermChoice, term: TermID) {
        let ratio = workspace.settings.sharedEscortRatio
        for (session, staff) in state.escorts {
            for member in staff {
                guard let pool = pools.pool(of: member.id, on: session.day, in: term) else { continue }
                choice.escortCounts[TermByTermPlan.escortKey(pool, session), default: 0] += 1
            }
        }
        for (session, students) in state.shared { choice.groupCounts[session] = Double((students.count + ratio - 1) / ratio) }
    }
}
