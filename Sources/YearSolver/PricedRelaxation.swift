import Foundation
import LinearSolver
import PlacementDomain

/// The year's bound and guide from the relaxation of a much smaller model (column generation).
///
/// The relaxation is solved over a short list of candidates: history, the greedy plan's choices
/// and each student-term's best few options. Its row prices (duals) are then put on the whole
/// year through ``LagrangianBound``: for any prices, the priced total over *every* candidate is a
/// proven bound. Candidates that students would pick at those prices but that are not on the list
/// join it, and the small relaxation is solved again, until no student wants anything new. At
/// the prices of the full relaxation the priced total equals its bound (checked on the sample
/// school: 425,606.83 against 425,606.87), so the bound loses nothing to the short list, while
/// GLPK only ever sees a fraction of the columns.
struct PricedRelaxation {
    let workspace: Workspace
    let pools: StaffPools
    let year: YearModel
    let lagrangian: LagrangianBound
    /// Each priced row's name, to carry prices from the small model to the year's.
    private let pricedRowIndex: [String: Int]

    /// Options per student and term on the first short list.
    static let firstOptions = 4
    /// Rounds of "solve the short list, price the year, extend the list".
    static let maxRounds = 6

    struct Result {
        /// Proven: no valid plan scores more.
        let bound: Double
        /// The short list's relaxation values, by year candidate (0 off the list): the guide.
        let guide: [Double]
        /// Year candidate indices on the final short list.
        let shortList: Set<Int>
        let rounds: Int
        let seconds: Double
    }

    init(workspace: Workspace, pools: StaffPools, year: YearModel) {
        self.workspace = workspace
        self.pools = pools
        self.year = year
        lagrangian = LagrangianBound(year)
        var index: [String: Int] = [:]
        for (position, row) in lagrangian.pricedRowIndices.enumerated() { index[year.linear.rows[row].name] = position }
        pricedRowIndex = index
    }

    /// - Parameter seed: candidates to start the list with besides each student-term's best (a plan's choices).
    func solve(seed: Set<Int>, timeLimit: Double) throws(LinearSolverError) -> Result? {
        let start = Date()
        var shortList = seed.union(firstShortList())
        var best: (bound: Double, guide: [Double])?
        var rounds = 0
        let objective = year.linear.columns.map(\.objective)
        while rounds < Self.maxRounds, Date().timeIntervalSince(start) < timeLimit {
            rounds += 1
            let candidates = shortList.sorted()
            let small = YearModelBuilder.build(workspace: workspace, pools: pools, candidates: candidates.map { year.candidates[$0] })
            let relaxation = try GLPKSolver.solveRelaxation(small.linear, timeLimit: timeLimit - Date().timeIntervalSince(start))
            guard relaxation.solved, relaxation.rowDuals.count == small.linear.rows.count else { break }
            var prices = [Double](repeating: 0, count: lagrangian.pricedRows)
            for (row, dual) in zip(small.linear.rows, relaxation.rowDuals) where dual != 0 {
                if let position = pricedRowIndex[row.name] { prices[position] = dual }
            }
            let evaluation = lagrangian.evaluate(objective: objective, prices: prices)
            if evaluation.total.isFinite, evaluation.total < (best?.bound ?? .infinity) {
                var guide = [Double](repeating: 0, count: year.candidates.count)
                for (offset, candidate) in candidates.enumerated() { guide[candidate] = relaxation.values[small.placementColumns[offset].index] }
                best = (evaluation.total, guide)
            }
            let wanted = year.placementColumns.indices.filter {
                evaluation.values[year.placementColumns[$0].index] > 0.5 && !shortList.contains($0)
            }
            debug("priced relaxation round \(rounds): \(candidates.count) candidates, relaxation \(relaxation.objective), year bound \(evaluation.total), \(wanted.count) wanted, \(Date().timeIntervalSince(start)) s")
            // Stop once the year's bound is the short list's own (within the interior point's margin) or nothing is new.
            if wanted.isEmpty || evaluation.total - relaxation.objective <= 1e-6 * abs(relaxation.objective) { break }
            shortList.formUnion(wanted)
        }
        guard let best else { return nil }
        return Result(bound: best.bound, guide: best.guide, shortList: shortList, rounds: rounds,
                      seconds: Date().timeIntervalSince(start))
    }

    /// History, and each student-term's best options by worth.
    private func firstShortList() -> Set<Int> {
        var list = Set<Int>()
        let settings = workspace.settings
        var byStudentTerm: [String: [Int]] = [:]
        for (index, candidate) in year.candidates.enumerated() {
            if candidate.isHistory { list.insert(index) }
            byStudentTerm["\(candidate.student.id.rawValue)|\(candidate.session.term.rawValue)", default: []].append(index)
        }
        for (_, members) in byStudentTerm {
            let ranked = members.sorted { (year.candidates[$0].worth(settings), -$0) > (year.candidates[$1].worth(settings), -$1) }
            // The best few employers, on every day they offer.
            var employers = Set<EmployerID>()
            for index in ranked {
                let employer = year.candidates[index].employer.id
                guard employers.contains(employer) || employers.count < Self.firstOptions else { continue }
                employers.insert(employer)
                list.insert(index)
            }
        }
        return list
    }
}
