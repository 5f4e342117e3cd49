import Foundation
import Synchronization
import LinearSolver

/// The year's relaxation over every placement, solved over a working set of placements that grows
/// (sifting): GLPK's simplex over the working set only, then every placement left out priced at the
/// row duals; each student-term's best paying one joins the set and the simplex goes on from its last
/// basis, until no placement left out would pay. Each round also gives a proven bound: the lower of
/// the working set's optimum plus what the placements left out could add at those duals, and the
/// Lagrangian bound over whole student years at those duals (``LagrangianBound``).
///
/// Why: a what-if's relaxation over every placement is slow for GLPK. With the sample's plan of
/// session 16 as the current plan and ST03 away, the simplex took 10.1 s (from the quick plan, or
/// from an optimal point of the relaxation: the same), the interior point gives up on what-if models;
/// sifting from the short relaxation's 738 placements reached the same optimum, 447,011.62, proven
/// over every placement, in 9 rounds, 2,921 iterations, 0.39 s, with 1,369 placements in the set.
struct SiftedRelaxation {
    let year: YearModel
    /// The year's rows priced over whole student years (the master's, when it has one already).
    let lagrangian: LagrangianBound

    init(year: YearModel, lagrangian: LagrangianBound? = nil) {
        self.year = year
        self.lagrangian = lagrangian ?? LagrangianBound(year)
    }

    struct Result {
        /// The relaxation's optimum when `complete`, else the last round's optimum over the working set.
        let values: [Double]
        /// No plan scores more.
        let bound: Double
        /// Whether the values are the optimum over every placement (no placement left out would pay).
        let complete: Bool
        let rounds: Int
        /// Placements in the working set at the end.
        let kept: Int
    }

    /// Rounds at most; the sample's what-ifs take 5–12 (docs/SOLVER-NOTES.md, session 17).
    static let rounds = 50

    /// Placements left out that join the set each round, per student-term: those paying most. What-ifs
    /// from the sample's plans (ST16 away; taylor-patel withdrawn; ST03 away): 1 each took 9–10 rounds,
    /// 4,529–5,586 iterations, 0.55–1.4 s; 5 each 5–6 rounds, 3,296–4,756, 0.55–0.9 s; 12 or all of them
    /// no fewer iterations.
    static let enteringPerStudentTerm = 5

    /// Reduced cost above which a placement left out would pay (GLPK's simplex works to 1e-7 relative).
    static let entering = 1e-6

    /// - Parameter working: per placement (in `year.placementColumns` order), whether it starts in
    ///   the working set (history's placements always do).
    /// - Parameter start: the simplex's optimal basis of the relaxation over the working set (every
    ///   placement left out fixed at 0), where the first round starts.
    /// - Parameter shouldStop: asked before each round (Ctrl-C): the last round's result is returned.
    /// - Returns: nil when not even the first round was solved in time.
    func solve(working: [Bool], start: SimplexBasis? = nil, rounds: Int = Self.rounds, timeLimit: Double,
               shouldStop: () -> Bool = { false }) throws(LinearSolverError) -> Result? {
        let began = Date()
        let linear = year.linear
        let rowsOf = Self.rowsOfColumns(linear)
        let studentTerm = studentTerms()
        let objective = linear.columns.map(\.objective)
        var inSet = working
        var isPlacement = [Bool](repeating: false, count: linear.columns.count)
        for (offset, column) in year.placementColumns.enumerated() {
            isPlacement[column.index] = true
            if linear.columns[column.index].lower > 0.5 { inSet[offset] = true }
        }
        return try GrowingLP.with(sense: linear.sense) { (lp: GrowingLP) throws(LinearSolverError) -> Result? in
            for row in linear.rows { try lp.addRow(lower: row.lower, upper: row.upper, terms: []) }
            var lpColumns: [Int] = []
            func add(_ index: Int) throws(LinearSolverError) {
                let column = linear.columns[index]
                try lp.addColumn(lower: column.lower, upper: column.upper, objective: column.objective, terms: rowsOf[index])
                lpColumns.append(index)
            }
            for index in linear.columns.indices where !isPlacement[index] { try add(index) }
            for (offset, column) in year.placementColumns.enumerated() where inSet[offset] { try add(column.index) }
            if let start {
                let started = try lp.startAt(SimplexBasis(rows: start.rows, columns: lpColumns.map { start.columns[$0] }))
                debug("sifted relaxation: \(started ? "started from" : "could not start from") the given basis")
            }
            var last: Result?
            for round in 1...max(1, rounds) {
                let left = timeLimit - Date().timeIntervalSince(began)
                guard left > 0.05, round == 1 || !shouldStop(), let solution = try lp.solve(timeLimit: left) else { break }
                let priced = price(solution.rowDuals, rowsOf: rowsOf, leftOut: inSet.map { !$0 }, groups: studentTerm)
                let prices = lagrangian.pricedRowIndices.enumerated().map { number, row in
                    lagrangian.clamped(solution.rowDuals[row], row: number)
                }
                let years = lagrangian.evaluate(objective: objective, prices: prices).total
                var values = [Double](repeating: 0, count: linear.columns.count)
                for (k, index) in lpColumns.enumerated() { values[index] = solution.values[k] }
                let kept = inSet.filter { $0 }.count
                debug("sifted relaxation round \(round): \(kept) placements, \(solution.objective) + \(priced.gain) left out, "
                      + "student years \(years), \(priced.entering.count) entering, \(lp.iterations) iterations, \(Date().timeIntervalSince(began)) s")
                last = Result(values: values, bound: min(solution.objective + priced.gain, years, last?.bound ?? .infinity),
                              complete: priced.entering.isEmpty, rounds: round, kept: kept)
                // Done when nothing left out would pay, or when the bound is the working set's optimum
                // already (the student years' bound can be below the relaxation's).
                if priced.entering.isEmpty || last!.bound <= solution.objective + 1e-9 * abs(solution.objective) { break }
                for offset in priced.entering {
                    inSet[offset] = true
                    try add(year.placementColumns[offset].index)
                }
            }
            return last
        }
    }

    /// What the placements left out could add at `duals` (each paying one at its upper bound), and
    /// each student-term's best paying one (placement offsets, ascending).
    private func price(_ duals: [Double], rowsOf: [[(row: Int, coefficient: Double)]], leftOut: [Bool],
                       groups: [Int]) -> (gain: Double, entering: [Int]) {
        var gain = 0.0
        var best: [Int: [(offset: Int, reduced: Double)]] = [:]
        for (offset, column) in year.placementColumns.enumerated() where leftOut[offset] {
            var reduced = year.linear.columns[column.index].objective
            for (row, coefficient) in rowsOf[column.index] { reduced -= duals[row] * coefficient }
            guard reduced > Self.entering else { continue }
            gain += reduced * year.linear.columns[column.index].upper
            best[groups[offset], default: []].append((offset, reduced))
        }
        return (gain, best.values.flatMap { $0.sorted { ($0.reduced, -$0.offset) > ($1.reduced, -$1.offset) }.prefix(Self.enteringPerStudentTerm).map(\.offset) }.sorted())
    }

    /// Each placement's student-term, numbered from 0.
    private func studentTerms() -> [Int] {
        var numbers: [String: Int] = [:]
        return year.candidates.map { candidate in
            let key = "\(candidate.student.id)|\(candidate.session.term)"
            if let number = numbers[key] { return number }
            numbers[key] = numbers.count
            return numbers.count - 1
        }
    }

    /// For each column, the rows it appears in with its coefficient there.
    private static func rowsOfColumns(_ linear: LinearModel) -> [[(row: Int, coefficient: Double)]] {
        var rowsOf = [[(row: Int, coefficient: Double)]](repeating: [], count: linear.columns.count)
        for (index, row) in linear.rows.enumerated() {
            for term in row.terms { rowsOf[term.column.index].append((index, term.coefficient)) }
        }
        return rowsOf
    }
}

/// A what-if's sifted relaxation, solved once for whichever of the quick way's two term passes asks
/// first (the other waits for it): the same result whichever thread solves it.
final class SharedSiftedRelaxation: @unchecked Sendable {
    private let lock = NSLock()
    /// Nil until solved; then the relaxation, or the error that stopped it (given to every caller).
    private var outcome: Result<SiftedRelaxation.Result?, LinearSolverError>?
    private let solve: (_ abandoned: @escaping () -> Bool) throws(LinearSolverError) -> SiftedRelaxation.Result?
    private let abandoned = Atomic<Bool>(false)

    /// - Parameter solve: solves the relaxation; it should stop early once `abandoned()` says so.
    init(_ solve: @escaping (_ abandoned: @escaping () -> Bool) throws(LinearSolverError) -> SiftedRelaxation.Result?) {
        self.solve = solve
    }

    /// The relaxation, solved on the calling thread the first time (GLPK's memory is per thread).
    /// An error in that solve is thrown to every caller, also when ``startSolving()`` met it first.
    func get() throws(LinearSolverError) -> SiftedRelaxation.Result? {
        lock.lock()
        defer { lock.unlock() }
        if outcome == nil {
            do throws(LinearSolverError) {
                outcome = .success(try solve { [self] in abandoned.load(ordering: .relaxed) })
            } catch {
                outcome = .failure(error)
            }
        }
        return try outcome!.get()
    }

    /// Starts solving now, on a thread of its own, so that the relaxation is ready (or nearly) when a
    /// pass asks for it (and meets any error then).
    func startSolving() {
        startSolverThread { [self] in _ = try? get() }
    }

    /// No pass will ask any more: a solve under way may stop (what it has is no longer used).
    func abandon() {
        abandoned.store(true, ordering: .relaxed)
    }

    /// The relaxation if some pass asked for it and it was solved (waiting while it is being solved), else nil.
    var ifSolved: SiftedRelaxation.Result? {
        lock.withLock { if case .success(let result)? = outcome { result } else { nil } }
    }
}
