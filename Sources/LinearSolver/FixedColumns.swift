/// A model with its fixed columns (lower == upper) substituted out: their values move into the
/// row bounds and an objective constant. GLPK's interior-point solver gives up on models with
/// fixed columns (a what-if fixes every placement of the terms it keeps), and the reduced model
/// is smaller anyway.
struct FixedColumnsRemoved {
    let reduced: LinearModel
    /// For each reduced column, its column in the original model.
    let originalColumn: [Int]
    let fixedValues: [Int: Double]
    /// For each reduced row, its row in the original model.
    let originalRow: [Int]
    let objectiveConstant: Double
    /// A row left with no free columns whose fixed activity breaks its bounds.
    let isInfeasible: Bool

    init(_ model: LinearModel) {
        var reduced = LinearModel(name: model.name, sense: model.sense)
        var newIndex: [Int: LinearModel.ColumnID] = [:]
        var originalColumn: [Int] = []
        var fixedValues: [Int: Double] = [:]
        var constant = 0.0
        for (index, column) in model.columns.enumerated() {
            if column.lower == column.upper {
                fixedValues[index] = column.lower
                constant += column.objective * column.lower
            } else {
                newIndex[index] = reduced.addColumn(column.name, kind: column.kind, lower: column.lower,
                                                    upper: column.upper, objective: column.objective)
                originalColumn.append(index)
            }
        }
        var infeasible = false
        var originalRow: [Int] = []
        for (rowIndex, row) in model.rows.enumerated() {
            var shift = 0.0
            var terms: [(LinearModel.ColumnID, Double)] = []
            for term in row.terms {
                if let fixed = fixedValues[term.column.index] {
                    shift += term.coefficient * fixed
                } else {
                    terms.append((newIndex[term.column.index]!, term.coefficient))
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
        self.fixedValues = fixedValues
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
    func expand(_ values: [Double], count: Int) -> [Double] {
        var full = [Double](repeating: 0, count: count)
        for (index, value) in fixedValues { full[index] = value }
        for (reducedIndex, original) in originalColumn.enumerated() { full[original] = values[reducedIndex] }
        return full
    }

    /// A basis of the original model from the reduced model's: rows left out basic (they always
    /// hold), substituted columns fixed.
    func expand(_ basis: SimplexBasis, rowCount: Int) -> SimplexBasis {
        var rows = [SimplexBasis.Status](repeating: .basic, count: rowCount)
        for (reducedIndex, original) in originalRow.enumerated() { rows[original] = basis.rows[reducedIndex] }
        var columns = [SimplexBasis.Status](repeating: .fixed, count: originalColumn.count + fixedValues.count)
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
