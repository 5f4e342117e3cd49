import LinearSolver
import PlacementDomain

/// Builds the year model: variables, then one function per rule family, each opening with the
/// rule it encodes. Rows are named with their indices, e.g. `capacity[oxfam,Tue,autumn]`.
struct YearModelBuilder {
    let workspace: Workspace
    let pools: StaffPools
    let index: CandidateIndex
    var model: YearModel
    /// Whether each shared group counts for at most the session's capacity (below R) in rule 9b's
    /// group row: a what-if's model (``enoughEscortsPerSession()``).
    var groupsBySessionSize = false
    private var settings: Settings { workspace.settings }

    init(workspace: Workspace, pools: StaffPools, candidates: [Candidate]) {
        self.workspace = workspace
        self.pools = pools
        self.index = CandidateIndex(candidates, workspace: workspace)
        self.model = YearModel(candidates: candidates)
    }

    /// - Parameter current: a what-if's current plan, whose escorts are kept where possible.
    /// - Parameter rewardsEscortMoves: whether a what-if's model also rewards escorts who move
    ///   (``rewardEscortMoves(of:)``).
    static func build(workspace: Workspace, pools: StaffPools, candidates: [Candidate], current: Plan? = nil,
                      rewardsEscortMoves: Bool = true) -> YearModel {
        var builder = YearModelBuilder(workspace: workspace, pools: pools, candidates: candidates)
        builder.groupsBySessionSize = current != nil
        builder.addPlacementVariables()
        builder.addEscortVariables()
        if let current {
            builder.keepEscorts(of: current)
            if rewardsEscortMoves { builder.rewardEscortMoves(of: current) }
        }
        builder.onePlacementPerTerm()
        builder.differentEmployerEachTime()
        builder.sessionCapacity()
        builder.staffInOnePlacePerDay()
        builder.enoughEscortsPerSession()
        builder.escortSkillsPerSession()
        builder.keepHistory()
        builder.penaliseSectorRepeats()
        return builder.model
    }

    private func x(_ candidate: Int) -> LinearModel.ColumnID { model.placementColumns[candidate] }

    /// One binary per candidate, worth placement weight + interest − travel.
    mutating func addPlacementVariables() {
        for candidate in model.candidates {
            let column = model.linear.addColumn("x[\(candidate.student.id),\(candidate.session)]", kind: .binary,
                                                objective: candidate.worth(settings))
            model.placementColumns.append(column)
        }
    }

    /// At each session with escorted candidates: how many staff of each pool free that day go
    /// there (each costs the escort penalty), and how many shared-escort groups it has.
    mutating func addEscortVariables() {
        for session in index.sessions {
            let escorted = index.bySession[session]!.filter { model.candidates[$0].student.escort != .none }
            guard !escorted.isEmpty else { continue }
            for pool in pools.pools(on: session.day, in: session.term) {
                let upper = Double(min(pool.members.count, escorted.count))
                let column = model.linear.addColumn("escorts[\(pool.shortName),\(session)]", kind: .integer,
                                                    upper: upper, objective: -settings.escortPenalty)
                model.escortColumns.append((pool, session, column))
            }
            let shared = escorted.filter { model.candidates[$0].student.escort == .shared }
            if !shared.isEmpty {
                let groups = (shared.count + settings.sharedEscortRatio - 1) / settings.sharedEscortRatio
                model.sharedGroupColumns[session] = model.linear.addColumn(
                    "sharedGroups[\(session)]", kind: .integer, upper: Double(groups))
            }
        }
    }

    /// What-if objective: each escort who stays at the session they had in the current plan is
    /// worth the escort-change weight (`kept ≤ escorts there from the pool`, `kept ≤ how many of
    /// the pool were there before`), so escorts change only when the placements make them.
    mutating func keepEscorts(of current: Plan) {
        guard settings.escortChangeWeight > 0 else { return }
        for entry in model.escortColumns {
            let before = (current.escorts[entry.session] ?? []).filter(entry.pool.members.contains).count
            guard before > 0 else { continue }
            let kept = model.linear.addColumn("keptEscorts[\(entry.pool.shortName),\(entry.session)]", kind: .continuous,
                                              upper: Double(before), objective: settings.escortChangeWeight)
            model.linear.addRow("keptEscorts[\(entry.pool.shortName),\(entry.session)]", [(kept, 1), (entry.column, -1)], upper: 0)
            model.keptEscortColumns.append((escorts: entry.column, kept: kept, before: Double(before)))
        }
    }

    /// What-if objective: a member of staff whose duty that day has gone (their session lost its
    /// escorted students or its employer) and who escorts at another session that day instead is one
    /// escort change, where leaving them idle and sending someone else is two. Per pool and day,
    /// `moved ≤ duties before − kept` and `moved ≤ escorts sent − kept`, each move worth
    /// ``moveWeight``; the plan's escorts are named so (``PlanDecoder``).
    mutating func rewardEscortMoves(of current: Plan) {
        let weight = Self.moveWeight(settings)
        guard weight > 0 else { return }
        let keptOf = Dictionary(model.keptEscortColumns.map { ($0.escorts, $0.kept) }, uniquingKeysWith: { first, _ in first })
        let entriesByPool = Dictionary(grouping: model.escortColumns) { "\($0.pool.term)|\($0.pool.day.rawValue)|\($0.pool.label)" }
        for key in entriesByPool.keys.sorted() {
            let entries = entriesByPool[key]!
            let pool = entries[0].pool
            let before = current.escorts.filter { $0.key.term == pool.term && $0.key.day == pool.day }
                .reduce(0) { $0 + $1.value.filter(pool.members.contains).count }
            guard before > 0 else { continue }
            let escorts = entries.map(\.column)
            let kept = escorts.compactMap { keptOf[$0] }
            let moved = model.linear.addColumn("movedEscorts[\(pool.shortName),\(pool.term),\(pool.day.rawValue)]", kind: .continuous,
                                               upper: Double(before), objective: weight)
            model.escortMoveRows.append((model.linear.rows.count, moved))
            model.linear.addRow("movedFromGone[\(pool.shortName),\(pool.term),\(pool.day.rawValue)]",
                                [(moved, 1)] + kept.map { ($0, 1) }, upper: Double(before))
            model.linear.addRow("movedToNew[\(pool.shortName),\(pool.term),\(pool.day.rawValue)]",
                                [(moved, 1)] + escorts.map { ($0, -1) } + kept.map { ($0, 1) }, upper: 0)
            model.escortMoveColumns.append((moved, escorts, kept, Double(before)))
        }
    }

    /// A move's worth: half an escort change (it saves one of the two changes a new person makes),
    /// and at most half the escort penalty, so no escort is ever sent just to be moved.
    static func moveWeight(_ settings: Settings) -> Double {
        min(settings.escortChangeWeight, settings.escortPenalty) / 2
    }

    /// Rule 6: each student is placed in at most one session per term.
    mutating func onePlacementPerTerm() {
        for (student, term, members) in index.studentTerms where members.count > 1 {
            model.studentRows.insert(model.linear.rows.count)
            model.linear.addRow("onePerTerm[\(student),\(term)]", members.map { (x($0), 1) }, upper: 1)
        }
    }

    /// Rule 7: never the same employer twice in the year for one student.
    mutating func differentEmployerEachTime() {
        for (student, employer, members) in index.studentEmployers
        where Set(members.map { model.candidates[$0].session.term }).count > 1 {
            model.studentRows.insert(model.linear.rows.count)
            model.linear.addRow("differentEmployer[\(student),\(employer)]", members.map { (x($0), 1) }, upper: 1)
        }
    }

    /// The places a session offers (its employer's, that day and term; every session here has a candidate).
    private func capacity(of session: Session) -> Int {
        model.candidates[index.bySession[session]![0]].employer.capacity(of: session)
    }

    /// Rule 8: at most `capacity` students in each session.
    mutating func sessionCapacity() {
        for session in index.sessions {
            let members = index.bySession[session]!
            let capacity = capacity(of: session)
            guard members.count > capacity else { continue }
            model.linear.addRow("capacity[\(session)]", members.map { (x($0), 1) }, upper: Double(capacity))
        }
    }

    /// Rule 9a: each staff member escorts at most one session per (term, day), only when free.
    /// (Pools hold only staff free that day, so the count per pool bounds it.)
    mutating func staffInOnePlacePerDay() {
        let byPool = Dictionary(grouping: model.escortColumns) { "\($0.pool.term)|\($0.pool.day.rawValue)|\($0.pool.label)" }
        for key in byPool.keys.sorted() {
            let entries = byPool[key]!
            let pool = entries[0].pool
            let upperSum = entries.reduce(0) { $0 + model.linear.columns[$1.column.index].upper }
            guard upperSum > Double(pool.members.count) else { continue }
            model.poolRows.insert(model.linear.rows.count)
            model.linear.addRow("staffDay[\(pool.shortName),\(pool.day),\(pool.term)]",
                                entries.map { ($0.column, 1) }, upper: Double(pool.members.count))
        }
    }

    /// Rule 9b: escorts at a session ≥ #one-to-one students + ceil(#shared students / R).
    /// The ceiling is an integer group count g with R·g ≥ #shared and g ≥ each shared student.
    /// G·g with G = min(R, capacity) is as valid (a session for fewer than R students holds one
    /// group at most) and tightens the relaxation (sample school 425,606.87 → 425,588.07). A
    /// what-if's model (``groupsBySessionSize``) uses it: the sample with ST08 away ended 0.0183 % from
    /// its bound after 13–25 s (its relaxation stood 100 points above every plan); with G the same
    /// plan is proven within 0.0095 % in about half the time, and ST04 away, sheepwash-tea-rooms
    /// and stonewall-house-care-home withdrawn affect 3, 2 and 2 students fewer (session 33). A plan's
    /// model keeps R: there its interior point's guide made the term MIPs lose a placement on a
    /// generated school, 0.23 % short (session 8), and in session 33 six of nine schools' plans came
    /// out 0.4–12 points lower (three 0.3–2.8 higher). The master charges G in both, see ``CapacityMaster``.
    mutating func enoughEscortsPerSession() {
        let escortsBySession = Dictionary(grouping: model.escortColumns, by: \.session)
        for session in index.sessions {
            guard let escorts = escortsBySession[session] else { continue }
            let members = index.bySession[session]!
            let oneToOne = members.filter { model.candidates[$0].student.escort == .oneToOne }
            let shared = members.filter { model.candidates[$0].student.escort == .shared }
            var terms = escorts.map { ($0.column, 1.0) } + oneToOne.map { (x($0), -1.0) }
            if let groups = model.sharedGroupColumns[session] {
                terms.append((groups, -1))
                let capacity = capacity(of: session)
                let ratio = Double(groupsBySessionSize ? YearModel.sharedGroupSize(ratio: settings.sharedEscortRatio, capacity: capacity)
                                   : settings.sharedEscortRatio)
                model.linear.addRow("sharedGroups[\(session)]", [(groups, ratio)] + shared.map { (x($0), -1) }, lower: 0)
                for member in shared {
                    model.linear.addRow("sharedGroupOpen[\(model.candidates[member].student.id),\(session)]",
                                        [(groups, 1), (x(member), -1)], lower: 0)
                }
            }
            model.linear.addRow("escortCount[\(session)]", terms, lower: 0)
        }
    }

    /// Rule 9c: for each skill k, escorts there holding k ≥ #one-to-one students needing k,
    /// and ≥ 1 if any shared student there needs k.
    mutating func escortSkillsPerSession() {
        let escortsBySession = Dictionary(grouping: model.escortColumns, by: \.session)
        for session in index.sessions {
            guard let escorts = escortsBySession[session] else { continue }
            let members = index.bySession[session]!
            let skills = Set(members.flatMap { model.candidates[$0].student.escort == .none ? [] : Array(model.candidates[$0].student.escortSkills) })
            for skill in skills.sorted() {
                let holders = escorts.filter { $0.pool.skills.contains(skill) }.map { ($0.column, 1.0) }
                let needing = members.filter { model.candidates[$0].student.escortSkills.contains(skill) }
                let oneToOne = needing.filter { model.candidates[$0].student.escort == .oneToOne }
                if !oneToOne.isEmpty {
                    model.linear.addRow("escortSkill[\(skill),\(session)]", holders + oneToOne.map { (x($0), -1) }, lower: 0)
                }
                for member in needing where model.candidates[member].student.escort == .shared {
                    model.linear.addRow("sharedSkill[\(skill),\(model.candidates[member].student.id),\(session)]",
                                        holders + [(x(member), -1)], lower: 0)
                }
            }
        }
    }

    /// Rule 10: every history placement is kept exactly.
    mutating func keepHistory() {
        for (offset, candidate) in model.candidates.enumerated() where candidate.isHistory {
            model.linear.fix(x(offset), at: 1)
        }
    }

    /// Objective: −penalty × max(0, placements of the student in the sector − 1).
    mutating func penaliseSectorRepeats() {
        for (student, sector, members) in index.studentSectors {
            let terms = Set(members.map { model.candidates[$0].session.term })
            let employers = Set(members.map { model.candidates[$0].employer.id })
            guard terms.count > 1, employers.count > 1, settings.sectorRepeatPenalty > 0,
                  !members.contains(where: { model.candidates[$0].sectorAlreadyUsed }) else { continue }
            let repeats = model.linear.addColumn("sectorRepeats[\(student),\(sector)]", kind: .continuous,
                                                 objective: -settings.sectorRepeatPenalty)
            model.sectorRepeatColumns.append((student, sector, members, repeats))
            model.studentRows.insert(model.linear.rows.count)
            model.linear.addRow("sectorRepeat[\(student),\(sector)]", members.map { (x($0), 1) } + [(repeats, -1)], upper: 1)
        }
    }
}
