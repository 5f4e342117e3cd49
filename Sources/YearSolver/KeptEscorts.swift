import LinearSolver
import PlacementDomain

/// A what-if's escorts kept at the sessions they had, as the master's own columns and rows
/// (``CapacityMaster``): per session with escorts before, `Σ kept ≤ Σ shares of its escorted
/// placements + extra escorts`, each kept escort worth its reward less its pool-day's move price,
/// each extra escort costing the escort penalty and taking its day's supply like any other.
///
/// Every valid plan keeps these rows: a session's escorts are at least its escorted placements'
/// shares (the charge ``CapacityMaster`` makes), the rest are extra, and the day's escorts at most
/// its staff. So the master's bound stays proven, and its mix now counts what keeping an escort
/// costs. Why: the master left the kept escorts out of its program and its bound counted every one
/// of them kept for free: the sample with taylor-patel-co-solicitors withdrawn, bound 436,398.33
/// against the relaxation's 436,365.08 (plan 436,343.83), so the what-if waited 0.58 s for the
/// relaxation over every placement to prove it.
struct KeptEscorts {
    /// A column of the master: its rows (numbered as the master's) with coefficients, bound and worth.
    struct Column {
        let rows: [(row: Int, coefficient: Double)]
        let upper: Double
        let objective: Double
    }

    /// Years of more columns leave the kept escorts out of the master (priced free, as before session
    /// 31). At 2,000 students (1.9 million columns, ~1,900 escorts kept) the master's first round did
    /// not end within its share of the simplex work, so there was no master bound at all: a what-if
    /// (ST001 away) ended 1.20 % from the subgradient's bound instead of 0.077 % from the master's.
    /// 600 students (206,824 columns) keep them: ST01 away proven within 0.0018 % instead of 0.0100 %.
    static let columnLimit = 250_000

    private(set) var columns: [Column] = []
    /// The year's kept-escort columns the master's columns stand for (worth nothing in the year's pricing).
    private(set) var modelColumns: [Int] = []
    private(set) var rowCount = 0
    /// Per escorted placement (column of the year) at a session with escorts before, its keep row.
    private(set) var keepRowOf: [Int: Int] = [:]

    /// None: the master prices every kept escort as free (``columnLimit``).
    init() {}

    /// - Parameter escorted: each escorted placement's session, column and escort share.
    /// - Parameter dayRows: each escorted placement's day supply row (the master's numbering).
    /// - Parameter worth: per kept-escort column of the year, its worth net of the move prices.
    /// - Parameter first: the master's number for the first keep row.
    init(_ year: YearModel, escorted: [(session: Session, column: Int, share: Double)], dayRows: [Int], worth: [Int: Double],
         penalty: Double, first: Int, to entries: inout [ColumnRows.Entry]) {
        let sessionOf = Dictionary(year.escortColumns.map { ($0.column.index, $0.session) }, uniquingKeysWith: { first, _ in first })
        var keepRow: [Session: Int] = [:]
        for entry in year.keptEscortColumns {
            guard let session = sessionOf[entry.escorts.index], let value = worth[entry.kept.index], value > 1e-9 else { continue }
            let row = keepRow[session] ?? first + keepRow.count
            keepRow[session] = row
            columns.append(Column(rows: [(row, 1)], upper: entry.before, objective: value))
            modelColumns.append(entry.kept.index)
        }
        rowCount = keepRow.count
        guard rowCount > 0 else { return }
        var dayRowOf: [Session: Int] = [:]
        for (k, placement) in escorted.enumerated() {
            guard let row = keepRow[placement.session] else { continue }
            entries.append(.init(column: placement.column, row: row, coefficient: -placement.share))
            keepRowOf[placement.column] = row
            dayRowOf[placement.session] = dayRows[k]
        }
        var escortsUpper: [Session: Double] = [:]
        for entry in year.escortColumns { escortsUpper[entry.session, default: 0] += year.linear.columns[entry.column.index].upper }
        for (session, row) in keepRow.sorted(by: { $0.value < $1.value }) {
            // Every session with escorts has escorted placements, so a day row; without one the extra
            // escorts would still be counted, only not against the day's staff (a looser bound, never a wrong one).
            let rows: [(row: Int, coefficient: Double)] = dayRowOf[session].map { [(row, -1), ($0, 1)] } ?? [(row, -1)]
            columns.append(Column(rows: rows, upper: escortsUpper[session] ?? 0, objective: -penalty))
        }
    }

    /// Per kept-escort column of the year, its worth less the prices of the move rows it is in
    /// (``CapacityMaster``'s fixed prices, positions among `lagrangian`'s priced rows).
    static func worth(_ year: YearModel, lagrangian: LagrangianBound, fixedPrices: [(row: Int, price: Double)],
                      objective: [Double]) -> [Int: Double] {
        var charged: [Int: Double] = [:]
        for fixed in fixedPrices {
            for k in lagrangian.rowStart[fixed.row]..<lagrangian.rowStart[fixed.row + 1] {
                charged[lagrangian.rowColumn[k], default: 0] += fixed.price * lagrangian.rowCoefficient[k]
            }
        }
        var worth: [Int: Double] = [:]
        for entry in year.keptEscortColumns { worth[entry.kept.index] = objective[entry.kept.index] - (charged[entry.kept.index] ?? 0) }
        return worth
    }

    /// The columns' part of the priced total at the master's row prices: each at its upper bound when
    /// it is worth more than its rows' prices.
    func pricedTotal(_ duals: [Double]) -> Double {
        columns.reduce(0) { total, column in total + max(0, reduced(column, duals)) * column.upper }
    }

    /// Adds to `use` (per master row) what the columns take of each row at those prices, each at its
    /// upper bound when it pays (as ``pricedTotal(_:)`` counts them): their part of a subgradient.
    func addRowUse(at duals: [Double], to use: inout [Double]) {
        for column in columns where reduced(column, duals) > 0 {
            for (row, coefficient) in column.rows { use[row] += coefficient * column.upper }
        }
    }

    private func reduced(_ column: Column, _ duals: [Double]) -> Double {
        column.rows.reduce(column.objective) { $0 - duals[$1.row] * $1.coefficient }
    }
}
