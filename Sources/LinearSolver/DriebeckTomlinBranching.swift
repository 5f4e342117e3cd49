internal import CGLPK
import Foundation

/// GLPK's Driebeck–Tomlin branching rule (`GLP_BR_DTH`, `branch_drtom` in GLPK 5.0's glpios09.c),
/// computed from the search's callback (`GLP_IBRANCH`): the same column and branch at every node,
/// so the same search and the same plans, only sooner.
///
/// Why: for each fractional column GLPK's rule asks `glp_eval_tab_row` for a row of the simplex
/// table, which reads every non-basic column's coefficients through `glp_get_mat_col` and every
/// status through `glp_get_row_stat` / `glp_get_col_stat`, then `glp_dual_rtest` twice, which reads
/// each entry's status and reduced cost again: at 600 students those calls were 17.5 % of the whole
/// plan's processor time (perf). Here the statuses and reduced costs are read once per node, the
/// matrix once per search, both ratio tests made in one pass, and a table row summed row by row
/// over the non-zeros of B⁻ᵀe only. GLPK keeps each column's coefficients with its rows
/// descending (a problem loaded row by row), so summing rows from the last adds each column's
/// terms in GLPK's order: the same bits (terms that are zero change no sum). A problem whose
/// columns are not in that order is summed column by column, as GLPK does. The sample's term
/// MIPs spend half as long choosing branches as with GLPK's own rule.
final class DriebeckTomlinBranching {
    private var matrix: Matrix?
    private var scratch: Scratch?

    /// The column (1-based) and branch (`GLP_DN_BRNCH` / `GLP_UP_BRNCH`) GLPK's rule would choose
    /// at the tree's current node; nil when it cannot tell (no optimal basis, say): GLPK then chooses.
    func choose(_ tree: OpaquePointer) -> (column: Int32, branch: Int32)? {
        guard let problem = glp_ios_get_prob(tree), glp_get_status(problem) == GLP_OPT,
              glp_get_dual_stat(problem) == GLP_FEAS, glp_bf_exists(problem) != 0 else { return nil }
        let m = Int(glp_get_num_rows(problem)), n = Int(glp_get_num_cols(problem))
        guard m > 0, n > 0 else { return nil }
        if matrix?.rows != m || matrix?.columns != n {
            matrix = Matrix(problem, rows: m, columns: n)
            scratch = Scratch(rows: m, columns: n)
        }
        guard let matrix, let scratch else { return nil }
        scratch.read(problem, rows: m, columns: n)
        let maximize = glp_get_obj_dir(problem) == GLP_MAX
        let infinite = maximize ? -Double.greatestFiniteMagnitude : Double.greatestFiniteMagnitude
        var chosen: Int32 = 0, next: Int32 = 0, degradation = -1.0
        for j in 1...n where glp_ios_can_branch(tree, Int32(j)) != 0 {
            let x = glp_get_col_prim(problem, Int32(j))
            let position = Int(glp_get_col_bind(problem, Int32(j)))
            guard position >= 1, position <= m else { return nil }
            let length = matrix.tableRow(problem, position: position, scratch)
            let entering = scratch.dualRatioTests(length: length, maximize: maximize)
            func change(_ entering: Int, _ direction: Int32) -> Double {
                entering == 0 ? infinite : objectiveChange(k: Int(scratch.indices[entering]), alfa: scratch.values[entering], x: x,
                                                           direction: direction, matrix: matrix, scratch: scratch, maximize: maximize)
            }
            let down = change(entering.down, -1), up = change(entering.up, 1)
            if degradation < abs(down) || degradation < abs(up) {
                chosen = Int32(j)
                if abs(down) < abs(up) {
                    next = GLP_DN_BRNCH
                    degradation = abs(up)
                } else {
                    next = GLP_UP_BRNCH
                    degradation = abs(down)
                }
                if degradation == Double.greatestFiniteMagnitude { break }
            }
        }
        guard chosen > 0 else { return nil }
        if degradation < 1e-6 * (1 + 0.001 * abs(glp_get_obj_val(problem))) {
            return mostFractional(tree, problem, columns: n)
        }
        return (chosen, next)
    }

    /// The objective's change when the basic column leaves to its floor (`direction` −1) or ceiling
    /// (+1) and x[k] enters, one implicit dual simplex step with Tomlin's rounding.
    private func objectiveChange(k: Int, alfa: Double, x: Double, direction: Int32, matrix: Matrix, scratch: Scratch,
                                 maximize: Bool) -> Double {
        let m = matrix.rows
        var deltaK = ((direction < 0 ? floor(x) : ceil(x)) - x) / alfa
        if k > m && matrix.integerColumn[k - m - 1] && abs(deltaK - floor(deltaK + 0.5)) > 1e-3 {
            deltaK = deltaK > 0 ? ceil(deltaK) : floor(deltaK)
        }
        let status = scratch.status[k]
        var reducedCost = scratch.reducedCost[k]
        // A reduced cost of the wrong sign is round-off in a dual degenerate basis.
        let wrongSign = maximize ? (status == GLP_NL && reducedCost > 0 || status == GLP_NU && reducedCost < 0)
                                 : (status == GLP_NL && reducedCost < 0 || status == GLP_NU && reducedCost > 0)
        if wrongSign || status == GLP_NF { reducedCost = 0 }
        return reducedCost * deltaK
    }

    /// GLPK's `branch_mostf`: the column whose value is furthest from whole.
    private func mostFractional(_ tree: OpaquePointer, _ problem: OpaquePointer, columns n: Int) -> (column: Int32, branch: Int32)? {
        var chosen: Int32 = 0, next: Int32 = 0, most = Double.greatestFiniteMagnitude
        for j in 1...n where glp_ios_can_branch(tree, Int32(j)) != 0 {
            let beta = glp_get_col_prim(problem, Int32(j))
            let half = floor(beta) + 0.5
            if most > abs(beta - half) {
                chosen = Int32(j)
                most = abs(beta - half)
                next = beta < half ? GLP_DN_BRNCH : GLP_UP_BRNCH
            }
        }
        return chosen > 0 ? (chosen, next) : nil
    }
}

/// The search problem's constraint matrix, read once (it does not change: no cuts are generated),
/// by column in `glp_get_mat_col`'s order and by row.
private struct Matrix {
    let rows: Int
    let columns: Int
    /// Per column (0-based), its entries' rows (1-based) and values.
    let columnStart: [Int]
    let columnRow: [Int32]
    let columnValue: [Double]
    /// Per row (1-based; entry 0 unused), its entries' columns (0-based) and values.
    let rowStart: [Int]
    let rowColumn: [Int32]
    let rowValue: [Double]
    let integerColumn: [Bool]
    /// Every column's rows descending: a table row may be summed row by row.
    let rowsDescend: Bool

    init(_ problem: OpaquePointer, rows m: Int, columns n: Int) {
        rows = m
        columns = n
        var columnStart = [0], columnRow: [Int32] = [], columnValue: [Double] = [], integerColumn: [Bool] = []
        var rowsDescend = true
        var perRow = [Int](repeating: 0, count: m + 2)
        var rowBuffer = [Int32](repeating: 0, count: m + 1), valueBuffer = [Double](repeating: 0, count: m + 1)
        for j in 1...n {
            let length = Int(glp_get_mat_col(problem, Int32(j), &rowBuffer, &valueBuffer))
            for t in stride(from: 1, through: length, by: 1) {
                columnRow.append(rowBuffer[t])
                columnValue.append(valueBuffer[t])
                perRow[Int(rowBuffer[t]) + 1] += 1
                if t > 1 && rowBuffer[t] >= rowBuffer[t - 1] { rowsDescend = false }
            }
            columnStart.append(columnRow.count)
            integerColumn.append(glp_get_col_kind(problem, Int32(j)) != GLP_CV)
        }
        var rowStart = [Int](repeating: 0, count: m + 2)
        for i in 1...m { rowStart[i + 1] = rowStart[i] + perRow[i + 1] }
        var fill = rowStart
        var rowColumn = [Int32](repeating: 0, count: columnRow.count), rowValue = [Double](repeating: 0, count: columnRow.count)
        for j in 0..<n {
            for k in columnStart[j]..<columnStart[j + 1] {
                let i = Int(columnRow[k])
                rowColumn[fill[i]] = Int32(j)
                rowValue[fill[i]] = columnValue[k]
                fill[i] += 1
            }
        }
        self.columnStart = columnStart; self.columnRow = columnRow; self.columnValue = columnValue
        self.rowStart = rowStart; self.rowColumn = rowColumn; self.rowValue = rowValue
        self.integerColumn = integerColumn; self.rowsDescend = rowsDescend
    }

    /// `glp_eval_tab_row` for the basic variable at basis `position`: into `scratch.indices` /
    /// `scratch.values` from entry 1, variables ascending (rows 1…m, then columns m+1…m+n), each
    /// entry the same double GLPK computes; returns how many.
    func tableRow(_ problem: OpaquePointer, position: Int, _ scratch: Scratch) -> Int {
        let m = rows
        let rho = scratch.rho, sums = scratch.sums, touched = scratch.touched
        let indices = scratch.indices, values = scratch.values
        let status = scratch.status
        for i in 0...m { rho[i] = 0 }
        rho[position] = 1
        glp_btran(problem, rho.baseAddress)
        var length = 0
        for i in 1...m where status[i] != GLP_BS && rho[i] != 0 {
            length += 1
            indices[length] = Int32(i)
            values[length] = -rho[i]
        }
        rowStart.withUnsafeBufferPointer { rowStart in
            rowColumn.withUnsafeBufferPointer { rowColumn in
                rowValue.withUnsafeBufferPointer { rowValue in
                    for i in stride(from: m, through: 1, by: -1) where rho[i] != 0 {
                        let r = rho[i]
                        for k in rowStart[i]..<rowStart[i + 1] {
                            let j = Int(rowColumn[k])
                            touched[j] = true
                            if rowsDescend { sums[j] += r * rowValue[k] }
                        }
                    }
                }
            }
        }
        for j in 0..<columns where touched[j] {
            touched[j] = false
            var alfa = sums[j]
            sums[j] = 0
            guard status[m + j + 1] != GLP_BS else { continue }
            if !rowsDescend {
                alfa = 0
                for k in columnStart[j]..<columnStart[j + 1] { alfa += rho[Int(columnRow[k])] * columnValue[k] }
            }
            if alfa != 0 {
                length += 1
                indices[length] = Int32(m + j + 1)
                values[length] = alfa
            }
        }
        return length
    }
}

/// Working arrays reused from node to node (raw buffers: no copy-on-write checks in the loops).
private final class Scratch {
    /// Per variable (1…m rows, m+1…m+n columns), its status and reduced cost at the node.
    let status: UnsafeMutableBufferPointer<Int32>
    let reducedCost: UnsafeMutableBufferPointer<Double>
    /// B⁻ᵀe, 1-based.
    let rho: UnsafeMutableBufferPointer<Double>
    let sums: UnsafeMutableBufferPointer<Double>
    let touched: UnsafeMutableBufferPointer<Bool>
    /// A table row, 1-based, as `glp_dual_rtest` reads it.
    let indices: UnsafeMutableBufferPointer<Int32>
    let values: UnsafeMutableBufferPointer<Double>

    init(rows m: Int, columns n: Int) {
        func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
            buffer.initialize(repeating: value)
            return buffer
        }
        status = buffer(m + n + 1, 0)
        reducedCost = buffer(m + n + 1, 0)
        rho = buffer(m + 1, 0)
        sums = buffer(n, 0)
        touched = buffer(n, false)
        indices = buffer(m + n + 1, 0)
        values = buffer(m + n + 1, 0)
    }

    /// The node's statuses and reduced costs, read once for all its table rows.
    func read(_ problem: OpaquePointer, rows m: Int, columns n: Int) {
        for i in 1...m {
            status[i] = glp_get_row_stat(problem, Int32(i))
            reducedCost[i] = glp_get_row_dual(problem, Int32(i))
        }
        for j in 1...n {
            status[m + j] = glp_get_col_stat(problem, Int32(j))
            reducedCost[m + j] = glp_get_col_dual(problem, Int32(j))
        }
    }

    /// `glp_dual_rtest` (GLPK 5.0) over the table row in `indices` / `values` with tolerance 1e-9,
    /// on the statuses and reduced costs read, for both directions at once (direction −1 sees each
    /// entry negated, and a / −b is −(a / b) exactly): the positions of the entering variables, 0 for none.
    func dualRatioTests(length: Int, maximize: Bool) -> (down: Int, up: Int) {
        let eps = 1e-9, sense = maximize ? -1.0 : 1.0
        var down = (pivot: 0, ratio: Double.greatestFiniteMagnitude, biggest: 0.0)
        var up = down
        func consider(_ best: inout (pivot: Int, ratio: Double, biggest: Double), _ t: Int, _ ratio: Double, _ alfa: Double) {
            let temp = ratio < 0 ? 0 : ratio
            if best.ratio > temp || best.ratio == temp && best.biggest < abs(alfa) { best = (t, temp, abs(alfa)) }
        }
        for t in stride(from: 1, through: length, by: 1) {
            let k = Int(indices[t])
            let alfa = values[t]
            switch status[k] {
            case GLP_NL:
                if alfa >= eps { consider(&up, t, (sense * reducedCost[k]) / alfa, alfa) }
                if -alfa >= eps { consider(&down, t, (sense * reducedCost[k]) / -alfa, alfa) }
            case GLP_NU:
                if alfa <= -eps { consider(&up, t, (sense * reducedCost[k]) / alfa, alfa) }
                if -alfa <= -eps { consider(&down, t, (sense * reducedCost[k]) / -alfa, alfa) }
            case GLP_NF:
                if !(-eps < alfa && alfa < eps) {
                    consider(&up, t, 0, alfa)
                    consider(&down, t, 0, alfa)
                }
            default:
                continue
            }
        }
        return (down.pivot, up.pivot)
    }

    deinit {
        status.deallocate(); reducedCost.deallocate(); rho.deallocate(); sums.deallocate()
        touched.deallocate(); indices.deallocate(); values.deallocate()
    }
}
