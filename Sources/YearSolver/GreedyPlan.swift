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
    /// A what-if's current escorts: each session's staff, preferred when escorting it again.
    var currentEscorts: [Session: [StaffID]] = [:]

    /// What is already committed in one term.
    private struct TermState {
        var count: [Session: Int] = [:]
        var escorts: [Session: [StaffMember]] = [:]
        var oneToOne: [Session: [Student]] = [:]
        var shared: [Session: [Student]] = [:]
        var busy = Set<String>()
        /// What-if: staff held at the session they escort in the current plan, not yet given a student.
        var held: [Session: [StaffMember]] = [:]
    }

    /// Each student's employers and sectors so far in the year (rule 7, sector repeats).
    private struct Used {
        var employers: [StudentID: Set<EmployerID>] = [:]
        var sectors: [StudentID: Set<String>] = [:]

        func hasEmployer(of candidate: Candidate) -> Bool {
            employers[candidate.student.id]?.contains(candidate.employer.id) ?? false
        }

        mutating func take(_ candidate: Candidate) {
            employers[candidate.student.id, default: []].insert(candidate.employer.id)
            sectors[candidate.student.id, default: []].insert(candidate.employer.sector)
        }
    }

    func choices(for year: YearModel) -> [TermID: TermByTermPlan.TermChoice] {
        var used = Used()
        var result: [TermID: TermByTermPlan.TermChoice] = [:]
        let byStudentTerm = Dictionary(grouping: year.candidates.indices) {
            "\(year.candidates[$0].student.id.rawValue)|\(year.candidates[$0].session.term.rawValue)"
        }
        for (term, choice) in fixed {
            result[term] = choice
            for candidate in choice.byStudent.values { used.take(candidate) }
        }
        for term in workspace.terms where fixed[term.id] == nil {
            let groups = byStudentTerm.filter { $0.value.first.map { year.candidates[$0].session.term == term.id } ?? false }
            result[term.id] = choices(term: term.id, groups: groups, year, &used)
        }
        return result
    }

    /// One term: history first, a what-if's current placements next, then everyone else, students
    /// with the fewest options first.
    private func choices(term: TermID, groups: [String: [Int]], _ year: YearModel, _ used: inout Used) -> TermByTermPlan.TermChoice {
        var state = TermState()
        var choice = TermByTermPlan.TermChoice()
        // Keys decorated once: this runs on millions of candidates.
        let order = groups.map { key, members in
            (history: members.contains { year.candidates[$0].isHistory } ? 0 : 1, count: members.count, key: key)
        }.sorted { ($0.history, $0.count, $0.key) < ($1.history, $1.count, $1.key) }.map(\.key)
        // A what-if keeps every current placement that still fits before anyone else chooses
        // (minimal disruption: otherwise a displaced student takes a place someone still holds, and
        // the moves cascade) — whole sessions where their escorts are all still there, then
        // one-to-one students, so a shared student does not take the escort they need.
        let keepFirst = order.filter { key in groups[key]!.contains { year.candidates[$0].isCurrent } }
            .enumerated().sorted {
                (year.candidates[groups[$0.element]![0]].student.escort.keepOrder, $0.offset)
                    < (year.candidates[groups[$1.element]![0]].student.escort.keepOrder, $1.offset)
            }.map(\.element)
        holdCurrentEscorts(term: term, in: &state)
        keepWholeSessions(term: term, year, &state, &choice, &used)
        for (pass, keys) in [keepFirst, order].enumerated() {
            if pass == 1 { releaseHeldEscorts(in: &state) }
            for key in keys where choice.byStudent[year.candidates[groups[key]![0]].student.id] == nil {
                let options = groups[key]!
                let history = options.filter { year.candidates[$0].isHistory }
                let ranked = !history.isEmpty ? history
                    : pass == 0 ? options.filter { year.candidates[$0].isCurrent }
                    : options.map { (index: $0, value: value($0, year, used.sectors)) }
                        .sorted { ($0.value, -$0.index) > ($1.value, -$1.index) }.map(\.index)
                for candidate in ranked.lazy.map({ year.candidates[$0] }) where !used.hasEmployer(of: candidate) {
                    guard candidate.isHistory || state.count[candidate.session, default: 0] < candidate.employer.capacity(of: candidate.session),
                          place(candidate, in: &state) || candidate.isHistory else { continue }
                    commit(candidate, &state, &choice, &used)
                    break
                }
            }
        }
        record(state, into: &choice, term: term)
        return choice
    }

    private func commit(_ candidate: Candidate, _ state: inout TermState, _ choice: inout TermByTermPlan.TermChoice, _ used: inout Used) {
        state.count[candidate.session, default: 0] += 1
        choice.placements.insert(TermByTermPlan.key(candidate))
        choice.byStudent[candidate.student.id] = candidate
        used.take(candidate)
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

    /// A member of staff for the session holding the skills: in a what-if one held there (the
    /// current plan's escort); else one free that day and term and not yet busy — the least
    /// skilled such person (keeping versatile staff for harder cases), then by id.
    private func freeStaff(holding skills: Set<String>, _ session: Session, _ state: TermState) -> StaffMember? {
        let byRank = { (a: StaffMember, b: StaffMember) in (a.skills.count, a.id) < (b.skills.count, b.id) }
        if let held = state.held[session]?.filter({ skills.isSubset(of: $0.skills) }).min(by: byRank) { return held }
        return workspace.staff
            .filter { $0.days.contains(session.day) && $0.terms.contains(session.term) && skills.isSubset(of: $0.skills)
                && !state.busy.contains("\($0.id.rawValue)|\(session.day.rawValue)") }
            .min(by: byRank)
    }

    private func assign(_ staff: StaffMember, to session: Session, _ state: inout TermState) {
        if let position = state.held[session]?.firstIndex(where: { $0.id == staff.id }) {
            state.held[session]!.remove(at: position)
        } else {
            state.busy.insert("\(staff.id.rawValue)|\(session.day.rawValue)")
        }
        state.escorts[session, default: []].append(staff)
    }

    /// What-if: each current escort still free that day and term is held at their session, so the
    /// students kept there find them (and no one else takes them first).
    private func holdCurrentEscorts(term: TermID, in state: inout TermState) {
        for (session, staff) in currentEscorts.sorted(by: { "\($0.key)" < "\($1.key)" }) where session.term == term {
            for id in staff {
                guard let member = workspace.staffMember(id), member.days.contains(session.day),
                      member.terms.contains(term), state.busy.insert("\(id.rawValue)|\(session.day.rawValue)").inserted else { continue }
                state.held[session, default: []].append(member)
            }
        }
    }

    /// What-if: a session whose current escorts are all still held, cover its current students (rule
    /// 9, checked again: the current plan may be hand-edited) and whose students all still fit is kept
    /// as it is — students and escorts together. The rules count skills across the session's escorts,
    /// which one person per student, as ``place(_:in:)`` chooses, cannot always match.
    private func keepWholeSessions(term: TermID, _ year: YearModel, _ state: inout TermState,
                                   _ choice: inout TermByTermPlan.TermChoice, _ used: inout Used) {
        let current = Dictionary(grouping: year.candidates.filter { $0.isCurrent && $0.session.term == term }, by: \.session)
        for session in current.keys.sorted(by: { "\($0)" < "\($1)" }) {
            let students = current[session]!
            let held = state.held[session] ?? []
            guard held.count == (currentEscorts[session] ?? []).count, covers(held, students.map(\.student)),
                  students.count <= students[0].employer.capacity(of: session),
                  students.allSatisfy({ choice.byStudent[$0.student.id] == nil && !used.hasEmployer(of: $0) }) else { continue }
            for candidate in students {
                commit(candidate, &state, &choice, &used)
                switch candidate.student.escort {
                case .oneToOne: state.oneToOne[session, default: []].append(candidate.student)
                case .shared: state.shared[session, default: []].append(candidate.student)
                case .none: break
                }
            }
            state.escorts[session, default: []] += state.held[session] ?? []
            state.held[session] = nil
        }
    }

    /// Rule 9 at one session, as the model counts it: enough escorts for the one-to-one students
    /// plus one per R shared, and for each skill enough holders for the one-to-one students needing
    /// it and one for any shared student needing it. (A hand-edited current plan may break it.)
    private func covers(_ staff: [StaffMember], _ students: [Student]) -> Bool {
        let ratio = workspace.settings.sharedEscortRatio
        let oneToOne = students.filter { $0.escort == .oneToOne }, shared = students.filter { $0.escort == .shared }
        guard staff.count >= oneToOne.count + (shared.count + ratio - 1) / ratio else { return false }
        for skill in Set(students.filter { $0.escort != .none }.flatMap(\.escortSkills)) {
            let holders = staff.filter { $0.skills.contains(skill) }.count
            let needing = oneToOne.filter { $0.escortSkills.contains(skill) }.count
            let sharedNeeding = shared.contains { $0.escortSkills.contains(skill) }
            guard holders >= needing, !sharedNeeding || holders >= 1 else { return false }
        }
        return true
    }

    /// Held escorts no kept student needed become free for everyone else.
    private func releaseHeldEscorts(in state: inout TermState) {
        for (session, staff) in state.held {
            for member in staff { state.busy.remove("\(member.id.rawValue)|\(session.day.rawValue)") }
        }
        state.held = [:]
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

private extension EscortLevel {
    /// Whose current placement a what-if keeps first: students with their own escort, then shared, then none.
    var keepOrder: Int {
        switch self {
        case .oneToOne: 0
        case .shared: 1
        case .none: 2
        }
    }
}
