internal import CGLPK
import Foundation

/// Solves a ``LinearModel`` with GLPK's branch-and-cut.
///
/// Every GLPK pointer lives inside one synchronous call: the problem is created, solved, read and
/// deleted on the calling thread (GLPK's memory is per thread), after the model has been
/// validated (GLPK aborts the process on misuse), with GLPK's terminal output switched off.
public enum GLPKSolver {
    public static func solve(_ model: LinearModel, options: SolveOptions = SolveOptions()) throws(LinearSolverError) -> SolveResult {
        try ModelValidation.validate(model)
        if let initial = options.initialSolution {
            try ModelValidation.validate(initialSolution: initial, for: model)
        }
        if let from = options.dualSimplexFrom {
            try ModelValidation.validate(initialSolution: from, for: model)
        }
        if let from = options.rootRelaxationFrom {
            try ModelValidation.validate(initialSolution: from, for: model)
        }
        let start = Date()
        if options.substitutesFixedColumns {
            return try solveSubstituted(model, options: options, start: start)
        }
        if model.columns.isEmpty {
            return SolveResult(status: .optimal, values: [], objective: 0, bound: 0, seconds: 0, nodes: 0)
        }
        glp_term_out(GLP_OFF)
        let problem = GLPKProblem.load(model)
        defer { glp_delete_prob(problem) }
        return try SearchRun(problem: problem, model: model, options: options, start: start).run()
    }

    /// The search over a few of the model's columns, every other fixed at its value in `values` (a
    /// neighbourhood of a valid plan): the reduced model of ``SolveOptions/substitutesFixedColumns``
    /// without copying or reading the whole model (`index`, built once for it); values, objective
    /// and bound are the whole model's. `values` must keep every row (rows without a free column
    /// are not checked); the search starts from them.
    /// - Parameter free: the columns the search may change.
    public static func solve(_ model: LinearModel, freeing free: [Int], at values: [Double], index: ColumnRowIndex,
                             options: SolveOptions = SolveOptions()) throws(LinearSolverError) -> SolveResult {
        guard index.columnCount == model.columns.count, index.rowCount == model.rows.count else {
            throw .invalidModel("the column index was built for another model")
        }
        try ModelValidation.validate(initialSolution: values, for: model)
        let sorted = Array(Set(free)).sorted()
        guard sorted.allSatisfy({ $0 >= 0 && $0 < model.columns.count }) else {
            throw .invalidModel("a column to free does not exist (\(model.columns.count) columns)")
        }
        let start = Date()
        var starting = options
        starting.initialSolution = values
        return try solve(FixedColumnsRemoved(model, freeing: sorted, at: values, index: index), of: model, options: starting, start: start)
    }

    /// The search over the model's free columns only; values, objective and bound are the whole model's.
    private static func solveSubstituted(_ model: LinearModel, options: SolveOptions, start: Date) throws(LinearSolverError) -> SolveResult {
        let removed = FixedColumnsRemoved(model)
        guard !removed.isInfeasible else {
            return SolveResult(status: .infeasible, values: [], objective: 0, bound: 0, seconds: Date().timeIntervalSince(start), nodes: 0)
        }
        return try solve(removed, of: model, options: options, start: start)
    }

    /// The search over `removed`'s reduced model, its plan and bound read back as `model`'s.
    private static func solve(_ removed: FixedColumnsRemoved, of model: LinearModel, options: SolveOptions,
                              start: Date) throws(LinearSolverError) -> SolveResult {
        var inner = options
        inner.substitutesFixedColumns = false
        inner.initialSolution = options.initialSolution.map { initial in removed.originalColumn.map { initial[$0] } }
        inner.dualSimplexFrom = options.dualSimplexFrom.map { from in removed.originalColumn.map { from[$0] } }
        inner.rootRelaxationFrom = options.rootRelaxationFrom.map { from in removed.originalColumn.map { from[$0] } }
        inner.goodEnough = options.goodEnough.map { $0 - removed.objectiveConstant }
        let result = try solve(removed.reduced, options: inner)
        guard result.status == .optimal || result.status == .feasible else { return result }
        let values = removed.expand(result.values)
        return SolveResult(status: result.status, values: values, objective: model.objectiveValue(values),
                           bound: result.bound + removed.objectiveConstant, seconds: Date().timeIntervalSince(start), nodes: result.nodes)
    }

    /// Writes the model in LP (readable, records "Maximize") or free MPS format.
    public static func write(_ model: LinearModel, to path: String, format: ModelFileFormat) throws(LinearSolverError) {
        try ModelValidation.validate(model)
        glp_term_out(GLP_OFF)
        let problem = GLPKProblem.load(model)
        defer { glp_delete_prob(problem) }
        let status = switch format {
        case .lp: glp_write_lp(problem, nil, path)
        case .mps: glp_write_mps(problem, GLP_MPS_FILE, nil, path)
        }
        guard status == 0 else { throw .solverFailed("could not write the model to \(path)") }
    }
}

/// Copies a validated model into a new GLPK problem object.
enum GLPKProblem {
    static func load(_ model: LinearModel) -> OpaquePointer {
        let problem = glp_create_prob()!
        glp_set_prob_name(problem, String(model.name.prefix(200)))
        glp_set_obj_dir(problem, model.sense == .maximize ? GLP_MAX : GLP_MIN)
        if !model.columns.isEmpty { glp_add_cols(problem, Int32(model.columns.count)) }
        for (offset, column) in model.columns.enumerated() {
            let j = Int32(offset + 1)
            glp_set_col_name(problem, j, column.name)
            switch column.kind {
            case .continuous: glp_set_col_kind(problem, j, GLP_CV)
            case .integer, .binary: glp_set_col_kind(problem, j, GLP_IV)
            }
            setBounds(lower: column.lower, upper: column.upper) { glp_set_col_bnds(problem, j, $0, $1, $2) }
            glp_set_obj_coef(problem, j, column.objective)
        }
        if !model.rows.isEmpty { glp_add_rows(problem, Int32(model.rows.count)) }
        for (offset, row) in model.rows.enumerated() {
            let i = Int32(offset + 1)
            glp_set_row_name(problem, i, row.name)
            setBounds(lower: row.lower, upper: row.upper) { glp_set_row_bnds(problem, i, $0, $1, $2) }
            var indices: [Int32] = [0] + row.terms.map { Int32($0.column.index + 1) }
            var values: [Double] = [0] + row.terms.map(\.coefficient)
            glp_set_mat_row(problem, i, Int32(row.terms.count), &indices, &values)
        }
        return problem
    }

    static func setBounds(lower: Double, upper: Double, _ apply: (Int32, Double, Double) -> Void) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): apply(GLP_FR, 0, 0)
        case (true, false): apply(GLP_LO, lower, 0)
        case (false, true): apply(GLP_UP, 0, upper)
        case (true, true): apply(lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }
}
