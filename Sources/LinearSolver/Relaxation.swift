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
        var parameters = glp_iptcp()
        glp_init_iptcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        let code = glp_interior(problem, &parameters)
        let seconds = Date().timeIntervalSince(start)
        guard code == 0, glp_ipt_status(problem) == GLP_OPT else {
            return RelaxationResult(solved: false, objective: 0, values: [], seconds: seconds)
        }
        let values = (1...model.columns.count).map { glp_ipt_col_prim(problem, Int32($0)) }
        // The interior-point optimum is accurate to about 1e-8 relative; widen the bound by more than that.
        let objective = glp_ipt_obj_val(problem)
        let margin = abs(objective) * 1e-7 + 1e-6
        return RelaxationResult(solved: true, objective: model.sense == .maximize ? objective + margin : objective - margin,
                                values: values, seconds: seconds)
    }
}
