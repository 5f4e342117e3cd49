internal import CGLPK

/// Which rows and columns a simplex optimum had basic, and where the others sat: a later simplex
/// over the same rows (and more columns) can start there instead of at the all-slack basis.
public struct SimplexBasis: Sendable {
    public enum Status: Sendable { case basic, atLower, atUpper, free, fixed }

    public var rows: [Status]
    public var columns: [Status]

    public init(rows: [Status], columns: [Status]) {
        self.rows = rows
        self.columns = columns
    }

    /// The basis of a loaded problem after a simplex solve.
    static func read(_ problem: OpaquePointer) -> SimplexBasis {
        let rows = Int(glp_get_num_rows(problem)), columns = Int(glp_get_num_cols(problem))
        return SimplexBasis(rows: (0..<rows).map { status(glp_get_row_stat(problem, Int32($0 + 1))) },
                            columns: (0..<columns).map { status(glp_get_col_stat(problem, Int32($0 + 1))) })
    }

    /// Sets the basis on a loaded problem of the same shape; false (GLPK's standard basis set
    /// instead) when the shape differs or GLPK cannot factorise it.
    static func apply(_ basis: SimplexBasis, to problem: OpaquePointer) -> Bool {
        guard basis.rows.count == Int(glp_get_num_rows(problem)), basis.columns.count == Int(glp_get_num_cols(problem)),
              basis.rows.count + basis.columns.count > 0,
              (basis.rows + basis.columns).filter({ $0 == .basic }).count == basis.rows.count else { return false }
        for (i, status) in basis.rows.enumerated() { glp_set_row_stat(problem, Int32(i + 1), code(status)) }
        for (j, status) in basis.columns.enumerated() { glp_set_col_stat(problem, Int32(j + 1), code(status)) }
        guard glp_factorize(problem) == 0 else {
            glp_std_basis(problem)
            return false
        }
        return true
    }

    private static func status(_ code: Int32) -> Status {
        switch code {
        case GLP_BS: .basic
        case GLP_NU: .atUpper
        case GLP_NF: .free
        case GLP_NS: .fixed
        default: .atLower
        }
    }

    private static func code(_ status: Status) -> Int32 {
        switch status {
        case .basic: GLP_BS
        case .atLower: GLP_NL
        case .atUpper: GLP_NU
        case .free: GLP_NF
        case .fixed: GLP_NS
        }
    }
}
