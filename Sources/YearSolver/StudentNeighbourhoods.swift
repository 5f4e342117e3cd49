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
    /// Free columns per neighbourhood, at most: the last students chosen are left out until it
    /// fits. At 2,000 students (seed 1) a neighbourhood of 38,910 columns took 4.3 s and one of
    /// 27,677 1.8 s, so the clock ended the 30 at 22–24, and the plan depended on the machine's
    /// speed; the 600-student school's largest is 11,566 (its plan unchanged).
    static let columnLimit = 15_000

    /// - Parameter pricedValues: each column's value at the master's prices.
    func improve(_ columns: StudentColumns, values start: [Double], pricedValues: [Double], bound: Double,
                 timeLimit: Double) throws(LinearSolverError) -> [Double] {
        let begin = Date()
        let year = columns.year
        var values = start
        var current = year.linear.objectiveValue(values)
        // Per student (in the workspace's order), kept up to date as neighbourhoods change their years.
        var shortfall = columns.students.map { columns.shortfall(of: $0, values, pricedValues: pricedValues) }
        var tried = [Bool](repeating: false, count: shortfall.count)
        for attempt in 0..<Self.attempts {
            guard relative(bound, above: current) > options.relativeGap, options.shouldStop?() != true else { break }
            let left = timeLimit - Date().timeIntervalSince(begin)
            guard left > 0.1 else { break }
            // The untried student furthest below their best year (the first such in the workspace's order).
            var best: Int?
            for position in shortfall.indices where !tried[position] && shortfall[position] > 1e-6
                && shortfall[position] > best.map({ shortfall[$0] }) ?? -.infinity {
                best = position
            }
            guard let seed = best else { break }
            tried[seed] = true
            let students = columns.trimmed(columns.neighbours(of: columns.students[seed], values: values, pricedValues: pricedValues,
                                                              limit: Self.size), toColumns: Self.columnLimit)
            if let better = try columns.replan(students, from: values, objective: current, nodeLimit: Self.nodeLimit,
                                              timeLimit: left, shouldStop: options.shouldStop) {
                (values, current) = better
                for student in students {
                    shortfall[columns.position[student]!] = columns.shortfall(of: student, values, pricedValues: pricedValues)
                }
            }
            debug("  neighbourhood \(attempt) of \(students.count) students: \(current) at \(Date().timeIntervalSince(begin)) s")
        }
        return values
    }
}
