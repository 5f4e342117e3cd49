/// A model with its fixed columns (lower == upper) substituted out: their values move into the
/// row bounds and an objective constant. GLPK's interior-point solver gives up on models with
/// fixed columns (a what-if fixes every placement of the terms it keeps), and the reduced model
/// is smaller anyway.
struct FixedColumnsRemoved {
    let reduced: LinearModel
    /// For each reduced column, its column in the original model.
    let originalColumn: [Int]
    /// Per original column, its value when fixed (a free column's entry is not used).
    private let fixedValue: [Double]
    /// For each reduced row, its row in the original model.
    let originalRow: [Int]
    let objectiveConstant: Double
    /// A row left with no free columns whose fixed activity breaks its bounds.
    let isInfeasible: Bool

    init(_ model: LinearModel) {
        self.init(model, fixed: model.columns.map { $0.lower == $0.upper }, at: model.columns.map(\.lower),
                  rows: model.rows.indices)
    }

    /// The same reduced model as ``init(_:)`` gives for `model` with every column but `free` fixed at
    /// its value in `values`, built from the free columns' rows only (`index`): rows without a free
    /// column are left out unchecked, so `values` must keep them (a valid plan does).
    /// - Parameter free: column indices, ascending, each once.
    init(_ model: LinearModel, freeing free: [Int], at values: [Double], index: ColumnRowIndex) {
        var fixed = [Bool](repeating: true, count: model.columns.count)
        var fixedValue = values
        for column in free {
            let bounds = model.columns[column]
            if bounds.lower == bounds.upper { fixedValue[column] = bounds.lower } else { fixed[column] = false }
        }
        self.init(model, fixed: fixed, at: fixedValue, rows: index.rows(of: free.filter { !fixed[$0] }))
    }

    /// Columns `fixed` at their `fixedValue` moved into the bounds of `rows` (the others are left out).
    private init(_ model: LinearModel, fixed: [Bool], at fixedValue: [Double], rows: some Sequence<Int>) {
        var reduced = LinearModel(name: model.name, sense: model.sense)
        var newIndex = [Int](repeating: -1, count: model.columns.count)
        var originalColumn: [Int] = []
        var constant = 0.0
        for (index, column) in model.columns.enumerated() {
            if fixed[index] {
                constant += column.objective * fixedValue[index]
            } else {
                newIndex[index] = reduced.addColumn(column.name, kind: column.kind, lower: column.lower,
                                                    upper: column.upper, objective: column.objective).index
                originalColumn.append(index)
            }
        }
        var infeasible = false
        var originalRow: [Int] = []
        for rowIndex in rows {
            let row = model.rows[rowIndex]
            var shift = 0.0
            var terms: [(LinearModel.ColumnID, Double)] = []
            for term in row.terms {
                let column = term.column.index
                if fixed[column] {
                    shift += term.coefficient * fixedValue[column]
                } else {
                    terms.append((LinearModel.ColumnID(index: newIndex[column]), term.coefficient))
                }
            }
            if terms.isEmpty {
                if shift < row.lower - 1e-9 || shift > row.upper + 1e-9 { infeasible = true }
                continue
            }
            if Self.alwaysHolds(terms, lower: row.lower - shift, upper: row.upper - shift, columns: reduced.columns) { continue }
            reduced.addRow(row.name, terms, lower: row.lower - shift, upper: row.upper - shift)
            originalRow.append(rowIndex)
        }
        self.originalRow = originalRow
        self.reduced = reduced
        self.originalColumn = originalColumn
        self.fixedValue = fixedValue
        self.objectiveConstant = constant
        self.isInfeasible = infeasible
    }

    /// Whether every value the columns' bounds allow keeps the row within its bounds (a capacity
    /// row left with fewer places asked than it has, say): such a row changes nothing.
    private static func alwaysHolds(_ terms: [(LinearModel.ColumnID, Double)], lower: Double, upper: Double,
                                    columns: [LinearModel.Column]) -> Bool {
        var least = 0.0, most = 0.0
        for (column, coefficient) in terms {
            let bounds = (columns[column.index].lower * coefficient, columns[column.index].upper * coefficient)
            least += min(bounds.0, bounds.1)
            most += max(bounds.0, bounds.1)
        }
        return least.isFinite && most.isFinite && least >= lower - 1e-9 && most <= upper + 1e-9
    }

    /// Values of the original model's columns from values of the reduced model's.
    func expand(_ values: [Double]) -> [Double] {
        var full = fixedValue
        for (reducedIndex, original) in originalColumn.enumerated() { full[original] = values[reducedIndex] }
        return full
    }

    /// A basis of the original model from the reduced model's: rows left out basic (they always
    /// hold), substituted columns fixed.
    func expand(_ basis: SimplexBasis, rowCount: Int) -> SimplexBasis {
        var rows = [SimplexBasis.Status](repeating: .basic, count: rowCount)
        for (reducedIndex, original) in originalRow.enumerated() { rows[original] = basis.rows[reducedIndex] }
        var columns = [SimplexBasis.Status](repeating: .fixed, count: fixedValue.count)
        for (reducedIndex, original) in originalColumn.enumerated() { columns[original] = basis.columns[reducedIndex] }
        return SimplexBasis(rows: rows, columns: columns)
    }

    /// Row duals of the original model from the reduced model's (0 for rows left out).
    func expandRows(_ duals: [Double], count: Int) -> [Double] {
        guard !duals.isEmpty else { return [] }
        var full = [Double](repeating: 0, count: count)
        for (reducedIndex, original) in originalRow.enumerated() { full[original] = duals[reducedIndex] }
        return full
    }
}
