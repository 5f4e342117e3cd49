import Foundation
import LinearSolver
import PlacementDomain

/// Improves a valid year plan by re-planning a few students' whole years at once, every other
/// placement kept as it is (a large-neighbourhood search over students).
///
/// Which students: at the master's prices (``CapacityMaster``) each student's best year is worth
/// some amount and their planned year less; the students with the largest shortfall are where the
/// plan loses most against the bound. Each neighbourhood is one such student and the students now
/// placed at the sessions that student would rather have (who may have to move to make room).
/// Their placements, the escorts and groups at the sessions they could go to, and their sector
/// repeats are free; every other column keeps the plan's value. The search starts from the plan,
/// so the year's objective never gets worse.
///
/// Why: term-by-term re-plans move one term for everyone; a student who should swap employers
/// between terms needs two terms at once, which took 10 s of a 15 s plan on a generated
/// 150-student school (seed 3); with these neighbourhoods first that plan takes 4.5–5.3 s. A
/// neighbourhood's MIP has a few hundred free columns (``SolveOptions/substitutesFixedColumns``).
struct StudentNeighbourhoods {
    let options: PlanningOptions
    /// Students per neighbourhood. Generated 150-student school (seed 3), whole plan: 6 students
    /// 4.5–5.3 s, 12 students 7 s, 20 students 51 s (the single-term re-plans after them took
    /// longer), none 16–18 s.
    static let size = 6
    /// Neighbourhoods tried, at most (a deterministic budget).
    static let attempts = 30
    /// Branch-and-bound nodes per neighbourhood.
    static let nodeLimit = 300

    /// - Parameter pricedValues: each column's value at the master's prices.
    func improve(_ year: YearModel, values start: [Double], pricedValues: [Double], bound: Double,
                 timeLimit: Double) throws(LinearSolverError) -> [Double] {
        let begin = Date()
        let layout = Layout(year)
        let index = ColumnRowIndex(year.linear)
        var values = start
        var current = year.linear.objectiveValue(values)
        var tried = Set<StudentID>()
        for attempt in 0..<Self.attempts {
            guard relative(bound, above: current) > options.relativeGap, options.shouldStop?() != true else { break }
            let left = timeLimit - Date().timeIntervalSince(begin)
            guard left > 0.1 else { break }
            let shortfall = layout.shortfalls(values, pricedValues: pricedValues)
            guard let seed = shortfall.first(where: { $0.value > 1e-6 && !tried.contains($0.student) })?.student else { break }
            tried.insert(seed)
            let students = layout.neighbours(of: seed, values: values, pricedValues: pricedValues, limit: Self.size)
            let solveOptions = SolveOptions(timeLimit: left, relativeGap: 1e-9, presolve: false, nodeLimit: Self.nodeLimit,
                                            shouldStop: options.shouldStop)
            let result = try GLPKSolver.solve(year.linear, freeing: layout.freeColumns(students), at: values, index: index,
                                              options: solveOptions)
            guard result.status == .optimal || result.status == .feasible, year.linear.isFeasible(result.values) else { continue }
            // The whole year's objective (the search reads its plan back as the year's).
            if result.objective > current + 1e-6 {
                values = result.values
                current = result.objective
            }
            debug("  neighbourhood \(attempt) of \(students.count) students: \(current) at \(Date().timeIntervalSince(begin)) s")
        }
        return values
    }

    /// The year's columns grouped by student and by session.
    private struct Layout {
        let year: YearModel
        var candidatesOf: [StudentID: [Int]] = [:]
        var students: [StudentID] = []
        var sessionColumns: [Session: [Int]] = [:]
        var sectorColumns: [StudentID: [Int]] = [:]
        var candidatesAt: [Session: [Int]] = [:]

        init(_ year: YearModel) {
            self.year = year
            for (offset, candidate) in year.candidates.enumerated() {
                if candidatesOf[candidate.student.id] == nil { students.append(candidate.student.id) }
                candidatesOf[candidate.student.id, default: []].append(offset)
                candidatesAt[candidate.session, default: []].append(offset)
            }
            for entry in year.escortColumns { sessionColumns[entry.session, default: []].append(entry.column.index) }
            for (session, column) in year.sharedGroupColumns { sessionColumns[session, default: []].append(column.index) }
            let sessionOfEscorts = Dictionary(year.escortColumns.map { ($0.column, $0.session) }, uniquingKeysWith: { first, _ in first })
            for entry in year.keptEscortColumns {
                if let session = sessionOfEscorts[entry.escorts] { sessionColumns[session, default: []].append(entry.kept.index) }
            }
            for entry in year.sectorRepeatColumns { sectorColumns[entry.student, default: []].append(entry.column.index) }
        }

        private func placed(_ offset: Int, _ values: [Double]) -> Bool { values[year.placementColumns[offset].index] > 0.5 }
        private func priced(_ offset: Int, _ pricedValues: [Double]) -> Double { pricedValues[year.placementColumns[offset].index] }

        /// Per student, their best priced year (each term's best placement, or none) minus their
        /// planned year's priced value, largest first (ties in the workspace's order).
        func shortfalls(_ values: [Double], pricedValues: [Double]) -> [(student: StudentID, value: Double)] {
            var result: [(student: StudentID, value: Double)] = []
            for student in students {
                var bestPerTerm: [TermID: Double] = [:]
                var planned = 0.0
                for offset in candidatesOf[student]! {
                    let term = year.candidates[offset].session.term
                    bestPerTerm[term] = max(bestPerTerm[term] ?? 0, priced(offset, pricedValues))
                    if placed(offset, values) { planned += priced(offset, pricedValues) }
                }
                result.append((student, bestPerTerm.values.reduce(0, +) - planned))
            }
            return result.enumerated().sorted { ($0.element.value, -$0.offset) > ($1.element.value, -$1.offset) }.map(\.element)
        }

        /// The seed and the students placed at the sessions the seed prices above its own plan,
        /// most valuable sessions first, up to `limit` students.
        func neighbours(of seed: StudentID, values: [Double], pricedValues: [Double], limit: Int) -> [StudentID] {
            var chosen = [seed]
            let own = Dictionary(candidatesOf[seed]!.filter { placed($0, values) }.map { (year.candidates[$0].session.term, priced($0, pricedValues)) },
                                 uniquingKeysWith: max)
            let better = candidatesOf[seed]!
                .filter { !placed($0, values) && priced($0, pricedValues) > (own[year.candidates[$0].session.term] ?? 0) }
                .sorted { priced($0, pricedValues) > priced($1, pricedValues) }
            for offset in better where chosen.count < limit {
                for other in candidatesAt[year.candidates[offset].session]! where placed(other, values) && chosen.count < limit {
                    let student = year.candidates[other].student.id
                    if !chosen.contains(student) { chosen.append(student) }
                }
            }
            return chosen
        }

        /// The columns re-planned: the students' placements and sector repeats and the escort
        /// columns of the sessions they could go to (every other keeps the plan's value).
        func freeColumns(_ chosen: [StudentID]) -> [Int] {
            var free = Set<Int>()
            for student in chosen {
                for offset in candidatesOf[student]! {
                    free.insert(year.placementColumns[offset].index)
                    free.formUnion(sessionColumns[year.candidates[offset].session] ?? [])
                }
                free.formUnion(sectorColumns[student] ?? [])
            }
            return free.sorted()
        }
    }
}
