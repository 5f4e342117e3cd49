internal import CGLPK

/// A starting simplex basis built from a known feasible assignment: each column at the bound it
/// sits on is nonbasic there, each column strictly between its bounds is basic and takes the place
/// of a row that is tight at the assignment. The simplex then starts at that plan (primal feasible)
/// instead of at zero, and a nearby optimum takes far fewer pivots. Where the columns between their
/// bounds are dependent on the tight rows (no basis sits at the assignment itself), the basis is at
/// a vertex no worse nearby (``VertexCrossover``).
enum WarmBasis {
    /// Sets the basis on a loaded problem; returns false (leaving GLPK's standard basis) when no
    /// valid basis could be built from the assignment.
    static func apply(_ values: [Double], model: LinearModel, to problem: OpaquePointer) -> Bool {
        guard values.count == model.columns.count else { return false }
        if let basis = pairedWithTightRows(values, model: model), SimplexBasis.apply(basis, to: problem) { return true }
        // Interior columns that no greedy pairing fits (cycles of escort columns): a vertex near the values.
        var crossover = VertexCrossover(model: model, values: values)
        if let basis = crossover.basis(), SimplexBasis.apply(basis, to: problem) { return true }
        glp_std_basis(problem)
        return false
    }

    /// Each column strictly between its bounds paired greedily with a row it is in, a tight one
    /// when there is one: the basis at the values when the pairing is independent; nil when a
    /// column finds no row left.
    private static func pairedWithTightRows(_ values: [Double], model: LinearModel) -> SimplexBasis? {
        let tolerance = 1e-7
        var rowsOf = [[Int]](repeating: [], count: model.columns.count)
        var activity = [Double](repeating: 0, count: model.rows.count)
        for (i, row) in model.rows.enumerated() {
            for term in row.terms {
                rowsOf[term.column.index].append(i)
                activity[i] += term.coefficient * values[term.column.index]
            }
        }
        var rowStatus = [SimplexBasis.Status](repeating: .basic, count: model.rows.count)
        var columnStatus = [SimplexBasis.Status](repeating: .atLower, count: model.columns.count)
        for (j, column) in model.columns.enumerated() {
            let value = values[j]
            if column.lower == column.upper {
                columnStatus[j] = .fixed
            } else if abs(value - column.lower) <= tolerance {
                columnStatus[j] = .atLower
            } else if column.upper.isFinite, abs(value - column.upper) <= tolerance {
                columnStatus[j] = .atUpper
            } else {
                // Strictly between its bounds: basic, in place of a row it appears in — a tight one
                // when there is one (the basis is then exactly the assignment), else the nearest
                // (the simplex starts close to it and restores feasibility first).
                let free = rowsOf[j].filter { rowStatus[$0] == .basic }
                guard let row = free.first(where: { VertexCrossover.tightStatus(model.rows[$0], activity[$0], tolerance) != nil })
                        ?? free.min(by: { distance(model.rows[$0], activity[$0]) < distance(model.rows[$1], activity[$1]) })
                else { return nil }
                rowStatus[row] = VertexCrossover.tightStatus(model.rows[row], activity[row], tolerance)
                    ?? nearestBound(model.rows[row], activity[row])
                columnStatus[j] = .basic
            }
        }
        return SimplexBasis(rows: rowStatus, columns: columnStatus)
    }

    /// The slack basis with every column nonbasic at the bound nearer its value in `values`: always
    /// valid. When every column that costs anything sits at its better bound in `values` (the
    /// nearest-plan search: the plan's placements at 1 cost −1, the others at 0 cost 1, escorts
    /// cost nothing), every reduced cost has the right sign: dual feasible, and the dual simplex
    /// only mends the rows the values break. (The basis at the values themselves, ``apply(_:model:to:)``,
    /// was singular on a 400-student year's short list.)
    static func applyAtBounds(_ values: [Double], model: LinearModel, to problem: OpaquePointer) {
        for i in model.rows.indices { glp_set_row_stat(problem, Int32(i + 1), GLP_BS) }
        for (j, column) in model.columns.enumerated() {
            let status: Int32 = switch (column.lower.isFinite, column.upper.isFinite) {
            case _ where column.lower == column.upper: GLP_NS
            case (false, false): GLP_NF
            case (true, false): GLP_NL
            case (false, true): GLP_NU
            case (true, true): values[j] - column.lower <= column.upper - values[j] ? GLP_NL : GLP_NU
            }
            glp_set_col_stat(problem, Int32(j + 1), status)
        }
    }

    private static func distance(_ row: LinearModel.Row, _ activity: Double) -> Double {
        min(row.upper.isFinite ? abs(row.upper - activity) : .infinity, row.lower.isFinite ? abs(activity - row.lower) : .infinity)
    }

    /// The status of a row held at its nearer finite bound (a free row cannot be nonbasic: `.infinity` distance keeps it last).
    private static func nearestBound(_ row: LinearModel.Row, _ activity: Double) -> SimplexBasis.Status {
        if row.lower == row.upper { return .fixed }
        if !row.lower.isFinite { return .atUpper }
        if !row.upper.isFinite { return .atLower }
        return abs(row.upper - activity) <= abs(activity - row.lower) ? .atUpper : .atLower
    }
}
