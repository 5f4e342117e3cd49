internal import CGLPK
import Foundation

/// The linear relaxation of a model: every integer column allowed to take fractional values.
public struct RelaxationResult: Sendable {
    public let solved: Bool
    /// An upper bound (when maximising) on every integer solution's objective.
    public let objective: Double
    public let values: [Double]
    public let seconds: Double
}

extension GLPKSolver {
    /// Solves the linear relaxation with GLPK's primal simplex (measured faster than dual on these models).
    public static func solveRelaxation(_ model: LinearModel, timeLimit: Double) throws(LinearSolverError) -> RelaxationResult {
        try ModelValidation.validate(model)
        let start = Date()
        guard !model.columns.isEmpty else {
            return RelaxationResult(solved: true, objective: 0, values: [], seconds: 0)
        }
        glp_term_out(GLP_OFF)
        let problem = GLPKProblem.load(model)
        defer { glp_delete_prob(problem) }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.meth = GLP_PRIMAL
        parameters.presolve = GLP_ON
        parameters.tm_lim = Int32(max(1, min(Double(Int32.max), timeLimit * 1000)))
        let code = glp_simplex(problem, &parameters)
        let seconds = Date().timeIntervalSince(start)
        guard code == 0, glp_get_status(problem) == GLP_OPT else {
            return RelaxationResult(solved: false, objective: 0, values: [], seconds: seconds)
        }
        let values = (1...model.columns.count).map { glp_get_col_prim(problem, Int32($0)) }
        return RelaxationResult(solved: true, objective: glp_get_obj_val(problem), values: values, seconds: seconds)
    }
}
