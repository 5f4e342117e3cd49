internal import CGLPK
import Foundation

/// The linear relaxation of a model: every integer column allowed to take fractional values.
public struct RelaxationResult: Sendable {
    public let solved: Bool
    /// An upper bound (when maximising) on every integer solution's objective.
    public let objective: Double
    public let values: [Double]
    /// Each row's dual value (shadow price) at the optimum, as GLPK reports it; empty when not solved.
    public var rowDuals: [Double] = []
    public let seconds: Double
    /// False for an interior point's best point kept when it stopped on numerical instability
    /// (`guideOnly`): near the optimum, but neither optimal nor a bound.
    public var isBound = true
    /// The simplex's optimal basis, when the simplex solved it.
    public var basis: SimplexBasis?

    public init(solved: Bool, objective: Double, values: [Double], rowDuals: [Double] = [], seconds: Double, isBound: Bool = true) {
        self.solved = solved
        self.objective = objective
        self.values = values
        self.rowDuals = rowDuals
        self.seconds = seconds
        self.isBound = isBound
    }
}

extension GLPKSolver {
    /// Models up to this many columns use the interior-point method (which cannot be stopped by
    /// a time limit); larger ones use the primal simplex, which can.
    public static let interiorPointColumnLimit = 20_000

    /// Solves the linear relaxation: interior point for models of moderate size (measured faster
    /// than simplex on the sample school: 4 s against 7 s), primal simplex with the time limit beyond.
    /// - Parameter preferSimplex: skip the interior point (measured on what-if models: it stops
    ///   with numerical instability after 1.4 s, where the simplex needs 0.6 s).
    /// - Parameter initial: a feasible assignment; when the simplex is used, it starts from there.
    /// - Parameter simplexFallback: when the interior point gives up, try the simplex (else: not solved).
    /// - Parameter guideOnly: the caller uses only the values, as a guide: when the interior point stops on
    ///   numerical instability its best point is returned (`isBound` false). Measured on generated
    ///   150-student schools: it stopped at iteration 29 with primal residual 4e-9 and gap 5e-8.
    public static func solveRelaxation(_ model: LinearModel, timeLimit: Double, preferSimplex: Bool = false,
                                       initial: [Double]? = nil, simplexFallback: Bool = true,
                                       guideOnly: Bool = false) throws(LinearSolverError) -> RelaxationResult {
        try ModelValidation.validate(model)
        let start = Date()
        let substituted = FixedColumnsRemoved(model)
        guard !substituted.isInfeasible else {
            return RelaxationResult(solved: false, objective: 0, values: [], seconds: 0)
        }
        if substituted.reduced.columns.count < model.columns.count {
            let reduced = try solveRelaxation(substituted.reduced, timeLimit: timeLimit, preferSimplex: preferSimplex,
                                              initial: initial.map { values in substituted.originalColumn.map { values[$0] } },
                                              simplexFallback: simplexFallback, guideOnly: guideOnly)
            guard reduced.solved else { return reduced }
            var result = RelaxationResult(solved: true, objective: reduced.objective + substituted.objectiveConstant,
                                          values: substituted.expand(reduced.values),
                                          rowDuals: substituted.expandRows(reduced.rowDuals, count: model.rows.count),
                                          seconds: Date().timeIntervalSince(start), isBound: reduced.isBound)
            result.basis = reduced.basis.map { substituted.expand($0, rowCount: model.rows.count) }
            return result
        }
        guard !model.columns.isEmpty else {
            return RelaxationResult(solved: true, objective: 0, values: [], seconds: 0)
        }
        glp_term_out(GLP_OFF)
        let problem = GLPKProblem.load(model)
        defer { glp_delete_prob(problem) }
        // The interior-point solver gives up on some models (fixed columns, say): then the simplex.
        let useInterior = !preferSimplex && model.columns.count <= interiorPointColumnLimit
        let interior = useInterior ? interiorPoint(problem, model: model) : nil
        var solved = interior?.solution
        var basis: SimplexBasis?
        if solved == nil, interior?.code == GLP_EINSTAB, guideOnly, let best = unstableBestPoint(problem, model: model) {
            return RelaxationResult(solved: true, objective: best.objective, values: best.values,
                                    seconds: Date().timeIntervalSince(start), isBound: false)
        }
        if solved == nil, !useInterior || simplexFallback {
            let warm = initial.map { model.isFeasible($0) && WarmBasis.apply($0, model: model, to: problem) } ?? false
            solved = primalSimplex(problem, timeLimit: max(0.1, timeLimit - Date().timeIntervalSince(start)), presolve: !warm)
            if solved != nil { basis = SimplexBasis.read(problem) }
        }
        guard let (objective, values, duals) = solved else {
            return RelaxationResult(solved: false, objective: 0, values: [], seconds: Date().timeIntervalSince(start))
        }
        var result = RelaxationResult(solved: true, objective: objective, values: values, rowDuals: duals,
                                      seconds: Date().timeIntervalSince(start))
        result.basis = basis
        return result
    }

    /// The interior point's optimum, or nil and GLPK's return code.
    private static func interiorPoint(_ problem: OpaquePointer, model: LinearModel) -> (solution: (Double, [Double], [Double])?, code: Int32) {
        var parameters = glp_iptcp()
        glp_init_iptcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        let code = glp_interior(problem, &parameters)
        guard code == 0, glp_ipt_status(problem) == GLP_OPT else { return (nil, code) }
        let values = (1...model.columns.count).map { glp_ipt_col_prim(problem, Int32($0)) }
        let duals = model.rows.isEmpty ? [] : (1...model.rows.count).map { glp_ipt_row_dual(problem, Int32($0)) }
        // The interior-point optimum is accurate to about 1e-8 relative; widen the bound by more than that.
        let objective = glp_ipt_obj_val(problem)
        let margin = abs(objective) * 1e-7 + 1e-6
        return ((model.sense == .maximize ? objective + margin : objective - margin, values, duals), code)
    }

    /// After `interiorPoint` stopped on numerical instability: the best point GLPK kept.
    private static func unstableBestPoint(_ problem: OpaquePointer, model: LinearModel) -> (objective: Double, values: [Double])? {
        guard glp_ipt_status(problem) != GLP_UNDEF, !model.columns.isEmpty else { return nil }
        let values = (1...model.columns.count).map { glp_ipt_col_prim(problem, Int32($0)) }
        guard values.allSatisfy(\.isFinite) else { return nil }
        return (glp_ipt_obj_val(problem), values)
    }

    private static func primalSimplex(_ problem: OpaquePointer, timeLimit: Double, presolve: Bool) -> (Double, [Double], [Double])? {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.meth = GLP_PRIMAL
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        parameters.tm_lim = Int32(max(1, min(Double(Int32.max), timeLimit * 1000)))
        guard glp_simplex(problem, &parameters) == 0, glp_get_status(problem) == GLP_OPT else { return nil }
        let count = Int(glp_get_num_cols(problem)), rows = Int(glp_get_num_rows(problem))
        return (glp_get_obj_val(problem), (1...count).map { glp_get_col_prim(problem, Int32($0)) },
                rows == 0 ? [] : (1...rows).map { glp_get_row_dual(problem, Int32($0)) })
    }
}
