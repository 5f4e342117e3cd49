/// A simplex basis at a vertex no worse than a known feasible point, for when the point itself is
/// not a vertex.
///
/// A basis at a point needs every column strictly between its bounds (an escort count of 2 of a
/// pool of 4, say) basic, each in place of a row that is tight there, with those columns
/// independent on those rows. In a plan they often are not: escort columns form cycles across
/// sessions and a pool's day (two sessions, two pools, all four rows tight), and such a cycle is a
/// direction along which the point moves without leaving the tight rows. So, as interior-point
/// solvers end with a crossover: pair the interior columns with tight rows by sparse Gaussian
/// elimination, and whenever a column turns out dependent, move the point along that dependency
/// (the objective not worse) until a column reaches a bound or another row becomes tight. Each move
/// retires a column or tightens a row, so the moves end. The point stays feasible throughout, so the
/// primal simplex starts there without a first phase.
///
/// Measured (session 25): until this, every warm-started search of the large way at 600 students
/// (42 of them) started from GLPK's standard basis because of such cycles; now each starts at a
/// vertex, and the term MIPs and neighbourhoods after the master take 11 s instead of 25 s.
struct VertexCrossover {
    private let model: LinearModel
    /// Per column, its rows and coefficients.
    private let columnTerms: [[(row: Int, coefficient: Double)]]
    private(set) var values: [Double]
    private var activity: [Double]
    private let tolerance = 1e-7
    /// Most eliminations started afresh before giving up (then the caller keeps GLPK's standard
    /// basis): each costs a pass over the model. Of the 42 starts at 600 students, 41 needed none
    /// and one a single restart (1–5 ms each).
    private static let restartLimit = 200

    init(model: LinearModel, values: [Double]) {
        self.model = model
        self.values = values
        var terms = [[(row: Int, coefficient: Double)]](repeating: [], count: model.columns.count)
        var activity = [Double](repeating: 0, count: model.rows.count)
        for (i, row) in model.rows.enumerated() {
            for term in row.terms {
                terms[term.column.index].append((i, term.coefficient))
                activity[i] += term.coefficient * values[term.column.index]
            }
        }
        columnTerms = terms
        self.activity = activity
    }

    /// Statuses (row and column, 0-based) of a basis at a vertex no worse than the values, or
    /// nil when none was found within ``restartLimit`` eliminations.
    mutating func basis() -> SimplexBasis? {
        for _ in 0..<Self.restartLimit {
            var elimination = Elimination(rowCount: model.rows.count, columnCount: model.columns.count)
            let tight = model.rows.indices.map { tightStatus($0) != nil }
            var restart = false
            for column in model.columns.indices where isInterior(column) {
                guard let direction = elimination.add(column, terms: columnTerms[column], tight: tight) else { continue }
                guard let outcome = move(along: direction, tight: tight) else { return nil }
                // Only the dependent column itself at a bound leaves the pivots valid; anything else
                // (an earlier column at a bound, a newly tight row) changes the system: start again.
                if outcome.onlyColumnAtBound != column || outcome.rowsTightened {
                    restart = true
                    break
                }
            }
            if !restart { return statuses(pivotRows: elimination.pivotRows) }
        }
        return nil
    }

    private func isInterior(_ column: Int) -> Bool {
        let c = model.columns[column], value = values[column]
        return value > c.lower + tolerance && value < c.upper - tolerance
    }

    private func tightStatus(_ row: Int) -> SimplexBasis.Status? { Self.tightStatus(model.rows[row], activity[row], tolerance) }

    /// The nonbasic status of a row at the bound its activity sits on, or nil when not tight.
    static func tightStatus(_ row: LinearModel.Row, _ activity: Double, _ tolerance: Double) -> SimplexBasis.Status? {
        if row.lower == row.upper { return abs(activity - row.lower) <= tolerance ? .fixed : nil }
        if row.upper.isFinite, abs(activity - row.upper) <= tolerance { return .atUpper }
        if row.lower.isFinite, abs(activity - row.lower) <= tolerance { return .atLower }
        return nil
    }

    /// Moves the point along `direction` (column → change) or its opposite, whichever does not
    /// lower the objective, as far as every bound and row allows. Nil when nothing stops it (an
    /// unbounded direction: no vertex there).
    private mutating func move(along direction: [(column: Int, change: Double)],
                               tight: [Bool]) -> (onlyColumnAtBound: Int?, rowsTightened: Bool)? {
        let gain = direction.reduce(0) { $0 + model.columns[$1.column].objective * $1.change }
        let sign: Double = (model.sense == .maximize ? gain : -gain) >= 0 ? 1 : -1
        var rowChange: [Int: Double] = [:]
        for (column, change) in direction {
            for (row, coefficient) in columnTerms[column] { rowChange[row, default: 0] += coefficient * change * sign }
        }
        var step = Double.infinity
        for (column, change) in direction {
            let c = model.columns[column], delta = change * sign
            if delta > 0, c.upper.isFinite { step = min(step, (c.upper - values[column]) / delta) }
            if delta < 0, c.lower.isFinite { step = min(step, (values[column] - c.lower) / -delta) }
        }
        for (row, delta) in rowChange where !tight[row] && abs(delta) > 1e-12 {
            let r = model.rows[row]
            if delta > 0, r.upper.isFinite { step = min(step, (r.upper - activity[row]) / delta) }
            if delta < 0, r.lower.isFinite { step = min(step, (activity[row] - r.lower) / -delta) }
        }
        guard step.isFinite else { return nil }
        step = max(0, step)
        var atBound: [Int] = []
        for (column, change) in direction {
            let c = model.columns[column]
            var value = values[column] + step * change * sign
            if abs(value - c.lower) <= tolerance { value = c.lower }
            if abs(value - c.upper) <= tolerance { value = c.upper }
            values[column] = value
            if !isInterior(column) { atBound.append(column) }
        }
        var tightened = false
        for (row, delta) in rowChange.sorted(by: { $0.key < $1.key }) {
            activity[row] += step * delta
            if !tight[row], tightStatus(row) != nil { tightened = true }
        }
        return (atBound.count == 1 ? atBound[0] : nil, tightened)
    }

    private func statuses(pivotRows: [Int: Int]) -> SimplexBasis {
        var rows = [SimplexBasis.Status](repeating: .basic, count: model.rows.count)
        for (_, row) in pivotRows { rows[row] = tightStatus(row) ?? .basic }
        let columns = model.columns.indices.map { j -> SimplexBasis.Status in
            let c = model.columns[j]
            if pivotRows[j] != nil { return .basic }
            if c.lower == c.upper { return .fixed }
            if c.lower.isFinite, abs(values[j] - c.lower) <= tolerance { return .atLower }
            if c.upper.isFinite, abs(values[j] - c.upper) <= tolerance { return .atUpper }
            return .free  // a free column at zero
        }
        return SimplexBasis(rows: rows, columns: columns)
    }
}

/// Sparse Gaussian elimination of columns on the tight rows, one column at a time: each
/// independent column gets a pivot row; a dependent one gives the combination of columns that
/// vanishes on the tight rows (a direction the point can move along).
private struct Elimination {
    /// Per pivot, in order: its row, its column reduced on the tight rows (1 at the pivot row, 0 at
    /// every earlier pivot's row) and which original columns make it up.
    private var pivotRow: [Int] = []
    private var reduced: [[(row: Int, value: Double)]] = []
    private var combination: [[(column: Int, value: Double)]] = []
    private var pivotOfRow: [Int]
    /// Pivot row of each basic column (column → row).
    private(set) var pivotRows: [Int: Int] = [:]
    // Sparse accumulators, reused.
    private var work: [Double]
    private var workRows: [Int] = []
    private var inWork: [Bool]
    private var mix: [Double]
    private var mixColumns: [Int] = []
    private var inMix: [Bool]
    private let dropTolerance = 1e-12
    private let pivotTolerance = 1e-9

    init(rowCount: Int, columnCount: Int) {
        pivotOfRow = [Int](repeating: -1, count: rowCount)
        work = [Double](repeating: 0, count: rowCount)
        inWork = [Bool](repeating: false, count: rowCount)
        mix = [Double](repeating: 0, count: columnCount)
        inMix = [Bool](repeating: false, count: columnCount)
    }

    /// Adds a column: nil when it is independent of the columns before it on the tight rows (it
    /// then has a pivot row), else the dependency (the column at 1, earlier columns at minus their
    /// share), along which every tight row's activity stays the same.
    mutating func add(_ column: Int, terms: [(row: Int, coefficient: Double)], tight: [Bool]) -> [(column: Int, change: Double)]? {
        clear()
        var queue = MinHeap()
        for (row, coefficient) in terms where tight[row] {
            addToWork(row, coefficient)
            if pivotOfRow[row] >= 0 { queue.push(pivotOfRow[row]) }
        }
        addToMix(column, 1)
        var last = -1
        while let k = queue.pop() {
            guard k != last else { continue }
            last = k
            let factor = work[pivotRow[k]]
            guard abs(factor) > dropTolerance else { continue }
            for (row, value) in reduced[k] {
                addToWork(row, -factor * value)
                if pivotOfRow[row] > k { queue.push(pivotOfRow[row]) }
            }
            work[pivotRow[k]] = 0
            for (other, value) in combination[k] { addToMix(other, -factor * value) }
        }
        // The pivot: the largest remaining entry (the first such row on ties).
        var best = -1
        for row in workRows where pivotOfRow[row] < 0 && abs(work[row]) > pivotTolerance {
            if best < 0 || abs(work[row]) > abs(work[best]) || (abs(work[row]) == abs(work[best]) && row < best) { best = row }
        }
        guard best >= 0 else {
            return mixColumns.sorted().compactMap { abs(mix[$0]) > dropTolerance ? ($0, mix[$0]) : nil }
        }
        let scale = work[best]
        pivotOfRow[best] = pivotRow.count
        pivotRow.append(best)
        reduced.append(workRows.sorted().compactMap { row in
            pivotOfRow[row] >= 0 && row != best || abs(work[row]) <= dropTolerance ? nil : (row, work[row] / scale)
        })
        combination.append(mixColumns.sorted().compactMap { abs(mix[$0]) > dropTolerance ? ($0, mix[$0] / scale) : nil })
        pivotRows[column] = best
        return nil
    }

    private mutating func clear() {
        for row in workRows { work[row] = 0; inWork[row] = false }
        workRows.removeAll(keepingCapacity: true)
        for column in mixColumns { mix[column] = 0; inMix[column] = false }
        mixColumns.removeAll(keepingCapacity: true)
    }

    private mutating func addToWork(_ row: Int, _ value: Double) {
        if !inWork[row] { inWork[row] = true; workRows.append(row) }
        work[row] += value
    }

    private mutating func addToMix(_ column: Int, _ value: Double) {
        if !inMix[column] { inMix[column] = true; mixColumns.append(column) }
        mix[column] += value
    }
}

/// A binary min-heap of pivot numbers (duplicates allowed; the caller skips repeats).
private struct MinHeap {
    private var items: [Int] = []

    mutating func push(_ item: Int) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, items[left] < items[smallest] { smallest = left }
                if right < items.count, items[right] < items[smallest] { smallest = right }
                guard smallest != parent else { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
