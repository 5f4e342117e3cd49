import LinearSolver
import PlacementDomain

/// The whole year as one mixed-integer program, with the maps from its columns back to
/// placements and escort counts.
struct YearModel {
    var linear: LinearModel
    let candidates: [Candidate]
    /// Column of each candidate's placement variable (same order as `candidates`).
    var placementColumns: [LinearModel.ColumnID] = []
    /// How many staff of a pool escort at a session.
    var escortColumns: [(pool: StaffPools.Pool, session: Session, column: LinearModel.ColumnID)] = []
    /// Shared-escort groups at a session: ceil(#shared / R).
    var sharedGroupColumns: [Session: LinearModel.ColumnID] = [:]
    /// What-if: escorts of a pool kept at a session, at most as many as were there before.
    var keptEscortColumns: [(escorts: LinearModel.ColumnID, kept: LinearModel.ColumnID, before: Double)] = []
    /// What-if: members of a pool whose duty that day has gone and who escort at a new session that
    /// day instead, at most as many as have gone and as go somewhere new (``YearModelBuilder/rewardEscortMoves(of:)``).
    var escortMoveColumns: [(column: LinearModel.ColumnID, escorts: [LinearModel.ColumnID], kept: [LinearModel.ColumnID], before: Double)] = []
    /// What-if: each pool-day's `moved + kept ≤ duties before` row (by index) with its `moved` column,
    /// whose worth prices the row in a bound over whole student years (``CapacityMaster``).
    var escortMoveRows: [(row: Int, moved: LinearModel.ColumnID)] = []
    /// Extra placements of a student in one sector, over the candidates of that sector.
    var sectorRepeatColumns: [(student: StudentID, sector: String, candidates: [Int], column: LinearModel.ColumnID)] = []
    /// Rows that concern one student only (rules 6 and 7, sector repeats): the Lagrangian bound
    /// keeps them inside each student's own sub-problem and prices every other row.
    var studentRows = Set<Int>()
    /// Rows limiting how many of a pool escort on one day (rule 9a): the Lagrangian bound fills
    /// each pool's day itself, best sessions first, instead of pricing the row.
    var poolRows = Set<Int>()

    /// How many placements a plan (column values) makes.
    func placements(in values: [Double]) -> Int {
        placementColumns.reduce(0) { $0 + (values[$1.index] > 0.5 ? 1 : 0) }
    }

    init(candidates: [Candidate]) {
        self.linear = LinearModel(name: "placement_year", sense: .maximize)
        self.candidates = candidates
    }

    /// The most shared students one escort group can hold at a session: R, or fewer where the
    /// session itself holds fewer (a session for 2 students never fills a group of 3). Every valid
    /// plan has #shared ≤ this × groups there (with at most `capacity` students, ceil(#shared / R)
    /// groups hold them), so a charge written with it bounds only fractional plans tighter.
    static func sharedGroupSize(ratio: Int, capacity: Int) -> Int {
        max(1, min(ratio, capacity))
    }
}

/// Candidate indices grouped the ways the rules need them, each group in a fixed order.
struct CandidateIndex {
    let sessions: [Session]
    let bySession: [Session: [Int]]
    let studentTerms: [(StudentID, TermID, [Int])]
    let studentEmployers: [(StudentID, EmployerID, [Int])]
    let studentSectors: [(StudentID, String, [Int])]

    init(_ candidates: [Candidate], workspace: Workspace) {
        func order(_ session: Session) -> (Int, String, Int) {
            (workspace.order(of: session.term) ?? 0, session.employer.rawValue, session.day.rawValue)
        }
        let bySession = Dictionary(grouping: candidates.indices) { candidates[$0].session }
        self.bySession = bySession
        sessions = bySession.keys.sorted { order($0) < order($1) }
        studentTerms = Self.grouped(candidates) { ($0.student.id, $0.session.term) }
            .map { ($0.key.0, $0.key.1, $0.value) }
        studentEmployers = Self.grouped(candidates) { ($0.student.id, $0.employer.id) }
            .map { ($0.key.0, $0.key.1, $0.value) }
        studentSectors = Self.grouped(candidates) { ($0.student.id, $0.employer.sector) }
            .map { ($0.key.0, $0.key.1, $0.value) }
    }

    private struct Pair<A: Hashable & Comparable, B: Hashable & Comparable>: Hashable { let a: A; let b: B }

    /// Groups candidate indices by a key, returned in key order (first appearance order inside).
    private static func grouped<A: Hashable & Comparable, B: Hashable & Comparable>(
        _ candidates: [Candidate], by key: (Candidate) -> (A, B)
    ) -> [(key: (A, B), value: [Int])] {
        var groups: [Pair<A, B>: [Int]] = [:]
        for index in candidates.indices {
            let (a, b) = key(candidates[index])
            groups[Pair(a: a, b: b), default: []].append(index)
        }
        return groups.sorted { ($0.key.a, $0.key.b) < ($1.key.a, $1.key.b) }.map { (key: ($0.key.a, $0.key.b), value: $0.value) }
    }
}
