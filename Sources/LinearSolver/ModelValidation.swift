/// Checks that GLPK can take a model without aborting the process.
///
/// GLPK calls `abort()` on an out-of-range index, a bad bound, a non-finite coefficient or a
/// name longer than 255 bytes or holding a control character, so every one of those is caught here first.
enum ModelValidation {
    static let maximumNameBytes = 255

    static func validate(_ model: LinearModel) throws(LinearSolverError) {
        guard model.columns.count < Int(Int32.max), model.rows.count < Int(Int32.max) else {
            throw .invalidModel("model has too many rows or columns")
        }
        for column in model.columns {
            try checkName(column.name, what: "column")
            guard !column.lower.isNaN, !column.upper.isNaN, column.lower <= column.upper,
                  column.lower < .infinity, column.upper > -.infinity else {
                throw .invalidModel("column \(column.name) has bounds \(column.lower)…\(column.upper)")
            }
            guard column.objective.isFinite else {
                throw .invalidModel("column \(column.name) has objective \(column.objective)")
            }
        }
        for row in model.rows {
            try checkName(row.name, what: "row")
            guard !row.lower.isNaN, !row.upper.isNaN, row.lower <= row.upper,
                  row.lower < .infinity, row.upper > -.infinity else {
                throw .invalidModel("row \(row.name) has bounds \(row.lower)…\(row.upper)")
            }
            // `LinearModel.addRow` keeps each row's terms in ascending column order, repeats summed:
            // a column not above the one before it is a repeat (or a row built some other way).
            var previous = -1
            for term in row.terms {
                guard term.column.index >= 0, term.column.index < model.columns.count else {
                    throw .invalidModel("row \(row.name) names a column that does not exist")
                }
                guard term.column.index > previous else {
                    throw .invalidModel("row \(row.name) names a column twice")
                }
                previous = term.column.index
                guard term.coefficient.isFinite else {
                    throw .invalidModel("row \(row.name) has coefficient \(term.coefficient)")
                }
            }
        }
    }

    static func validate(initialSolution: [Double], for model: LinearModel) throws(LinearSolverError) {
        guard initialSolution.count == model.columns.count else {
            throw .invalidModel("initial solution has \(initialSolution.count) values for \(model.columns.count) columns")
        }
        guard initialSolution.allSatisfy(\.isFinite) else {
            throw .invalidModel("initial solution has a value that is not a finite number")
        }
    }

    private static func isControl(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F }

    private static func checkName(_ name: String, what: String) throws(LinearSolverError) {
        guard !name.isEmpty, name.utf8.count <= maximumNameBytes else {
            throw .invalidModel("\(what) name '\(name.prefix(40))…' is empty or longer than \(maximumNameBytes) bytes")
        }
        // glp_set_col_name / glp_set_row_name abort on any byte C's iscntrl accepts (0–31, 127).
        let hasControl = name.utf8.withContiguousStorageIfAvailable { $0.contains(where: isControl) } ?? name.utf8.contains(where: isControl)
        guard !hasControl else {
            throw .invalidModel("\(what) name contains a control character (position \(name.utf8.firstIndex(where: isControl).map { name.utf8.distance(from: name.utf8.startIndex, to: $0) } ?? 0))")
        }
    }
}
