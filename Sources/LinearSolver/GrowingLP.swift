internal import CGLPK
import Foundation

/// A linear program that grows between solves: rows and columns are added, and each solve
/// starts from the previous optimal basis (new rows basic, new columns at their lower bound), so
/// a few added columns take a few pivots instead of a solve from scratch. Made for column
/// generation, where each round adds columns priced at the last round's duals.
///
/// GLPK's problem lives only inside ``with(sense:_:)``: created, grown, solved and deleted on one
/// thread in one synchronous call (GLPK's memory is per thread). Every index and number is
/// checked in Swift before GLPK sees it (GLPK aborts the process on misuse).
public final class GrowingLP {
    public struct Solution: Sendable {
        public let objective: Double
        /// One value per column, in the order added.
        public let values: [Double]
        /// One dual value (shadow price) per row, in the order added, as GLPK reports it.
        public let rowDuals: [Double]
        /// Per column, whether it is basic in the optimal basis.
        public let basic: [Bool]
    }

    private var problem: OpaquePointer?
    public private(set) var columnCount = 0
    public private(set) var rowCount = 0

    private init(sense: LinearModel.Sense) {
        glp_term_out(GLP_OFF)
        let problem = glp_create_prob()!
        glp_set_obj_dir(problem, sense == .maximize ? GLP_MAX : GLP_MIN)
        self.problem = problem
    }

    /// Runs `body` with a new, empty program, deleted when `body` returns.
    public static func with<T>(sense: LinearModel.Sense, _ body: (GrowingLP) throws(LinearSolverError) -> T) throws(LinearSolverError) -> T {
        let program = GrowingLP(sense: sense)
        defer {
            if let problem = program.problem { glp_delete_prob(problem) }
            program.problem = nil
        }
        return try body(program)
    }

    private func live() throws(LinearSolverError) -> OpaquePointer {
        guard let problem else { throw .invalidModel("the growing program was used after it was deleted") }
        return problem
    }

    /// Adds a column with its coefficients in existing rows; returns its index (from 0).
    @discardableResult
    public func addColumn(lower: Double, upper: Double, objective: Double,
                          terms: [(row: Int, coefficient: Double)]) throws(LinearSolverError) -> Int {
        let problem = try live()
        try Self.checkBounds(lower, upper, what: "column \(columnCount)")
        guard objective.isFinite else { throw .invalidModel("column \(columnCount) has objective \(objective)") }
        let merged = try Self.merged(terms, limit: rowCount, what: "row")
        glp_add_cols(problem, 1)
        columnCount += 1
        let j = Int32(columnCount)
        GLPKProblem.setBounds(lower: lower, upper: upper) { glp_set_col_bnds(problem, j, $0, $1, $2) }
        glp_set_obj_coef(problem, j, objective)
        var indices: [Int32] = [0] + merged.map { Int32($0.0 + 1) }
        var values: [Double] = [0] + merged.map(\.1)
        glp_set_mat_col(problem, j, Int32(merged.count), &indices, &values)
        return columnCount - 1
    }

    /// Adds `lower ≤ Σ coefficient·column ≤ upper` over existing columns; returns its index (from 0).
    @discardableResult
    public func addRow(lower: Double, upper: Double, terms: [(column: Int, coefficient: Double)]) throws(LinearSolverError) -> Int {
        let problem = try live()
        try Self.checkBounds(lower, upper, what: "row \(rowCount)")
        let merged = try Self.merged(terms, limit: columnCount, what: "column")
        glp_add_rows(problem, 1)
        rowCount += 1
        let i = Int32(rowCount)
        GLPKProblem.setBounds(lower: lower, upper: upper) { glp_set_row_bnds(problem, i, $0, $1, $2) }
        var indices: [Int32] = [0] + merged.map { Int32($0.0 + 1) }
        var values: [Double] = [0] + merged.map(\.1)
        glp_set_mat_row(problem, i, Int32(merged.count), &indices, &values)
        return rowCount - 1
    }

    /// Starts the next solve at `basis` (rows and columns in the order added); false (GLPK's
    /// standard basis set instead) when it does not fit or cannot be factorised.
    public func startAt(_ basis: SimplexBasis) throws(LinearSolverError) -> Bool {
        SimplexBasis.apply(basis, to: try live())
    }

    /// Simplex iterations made so far, over every solve: a measure of work that, unlike the clock,
    /// is the same on every machine.
    public var iterations: Int { problem.map { Int(glp_get_it_cnt($0)) } ?? 0 }

    /// The primal simplex from the current basis (GLPK's standard basis the first time, or when
    /// the current one cannot be factorised); nil when no optimum was reached in time or within
    /// `iterationLimit` simplex iterations.
    public func solve(timeLimit: Double, iterationLimit: Int = Int(Int32.max)) throws(LinearSolverError) -> Solution? {
        let problem = try live()
        guard columnCount > 0, rowCount > 0, iterationLimit > 0 else { return nil }
        if glp_bf_exists(problem) == 0, glp_factorize(problem) != 0 { glp_std_basis(problem) }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.meth = GLP_PRIMAL
        parameters.presolve = GLP_OFF
        parameters.tm_lim = Int32(max(1, min(Double(Int32.max), timeLimit * 1000)))
        parameters.it_lim = Int32(min(iterationLimit, Int(Int32.max)))
        var code = glp_simplex(problem, &parameters)
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
            glp_std_basis(problem)
            code = glp_simplex(problem, &parameters)
        }
        guard code == 0, glp_get_status(problem) == GLP_OPT else { return nil }
        return Solution(objective: glp_get_obj_val(problem),
                        values: (0..<columnCount).map { glp_get_col_prim(problem, Int32($0 + 1)) },
                        rowDuals: (0..<rowCount).map { glp_get_row_dual(problem, Int32($0 + 1)) },
                        basic: (0..<columnCount).map { glp_get_col_stat(problem, Int32($0 + 1)) == GLP_BS })
    }

    /// Deletes columns that are not basic (indices from 0, as added); the others keep their order,
    /// numbered from 0 again, and the basis stays as it was, factorised. A basic column, a repeat or
    /// an index out of range is refused before GLPK sees it.
    public func deleteNonbasicColumns(_ columns: [Int]) throws(LinearSolverError) {
        let problem = try live()
        guard !columns.isEmpty else { return }
        guard Set(columns).count == columns.count else { throw .invalidModel("a column to delete is listed twice") }
        var numbers: [Int32] = [0]
        for column in columns.sorted() {
            guard column >= 0, column < columnCount else { throw .invalidModel("column \(column) does not exist (\(columnCount) so far)") }
            guard glp_get_col_stat(problem, Int32(column + 1)) != GLP_BS else { throw .invalidModel("column \(column) is basic") }
            numbers.append(Int32(column + 1))
        }
        glp_del_cols(problem, Int32(columns.count), &numbers)
        columnCount -= columns.count
    }

    private static func checkBounds(_ lower: Double, _ upper: Double, what: String) throws(LinearSolverError) {
        guard !lower.isNaN, !upper.isNaN, lower != .infinity, upper != -.infinity, lower <= upper else {
            throw .invalidModel("\(what) has bounds \(lower)…\(upper)")
        }
    }

    /// Terms with indices checked in range and repeats summed, zeros dropped, in index order.
    private static func merged(_ terms: [(Int, Double)], limit: Int, what: String) throws(LinearSolverError) -> [(Int, Double)] {
        var sums: [Int: Double] = [:]
        for (index, coefficient) in terms {
            guard index >= 0, index < limit else { throw .invalidModel("\(what) \(index) does not exist (\(limit) so far)") }
            guard coefficient.isFinite else { throw .invalidModel("\(what) \(index) has coefficient \(coefficient)") }
            sums[index, default: 0] += coefficient
        }
        return sums.filter { $0.value != 0 }.sorted { $0.key < $1.key }
    }
}
