import Foundation
import LinearSolver
import PlacementDomain

/// Places students the plan leaves out when the count proof says more can be placed: each student
/// with a term unplaced (that has sessions to choose from), in the workspace's order, is re-planned
/// over the whole year together with the students placed at the sessions they could go to that
/// term, every other column kept as the plan has it (``StudentNeighbourhoods``' search, seeded by
/// the count instead of by points). The search starts from the plan, so the objective never drops.
///
/// Why: a placement the term MIPs miss is a chain through a full session: someone there must move,
/// perhaps to an employer they have in another term, to make room. Single-term re-plans cannot swap
/// employers between terms; pairs of terms can, but take 8–14 s each at 400 students (the large way
/// re-plans pairs only over short lists of up to 3,000 placements); the priced neighbourhoods choose
/// students by points, not by the places they block. After the large way's passes (2 cores, release):
/// - a generated 420-student school (seed 13, a 3,127-placement list, no pairs), 2 short of its
///   count: both found by the sixth neighbourhood, 1.5 s (1,209 placed, the most possible;
///   0.0161 % from the bound instead of 0.18 %; `plan` 26 s as before);
/// - a 450-student school (seed 6), 1 short: found by the fifth, 2.0 s (the priced neighbourhoods
///   found it before, later): 0.0122 % instead of 0.0130 %.
/// Sizes on the 420-student school: 10 students found one of the two in 13 neighbourhoods, 25 both
/// in 2.9 s. Adding the escorted students placed on the seed's days (whose escorts it might need)
/// changed neither plan. Seeded right after the first pass instead, it found the same placements,
/// but the pairs of terms then stopped at the count and generated 360–400-student schools lost
/// 10–72 points (360 students: 0.0141 → 0.0212 %). Not enough for a 150-student school (seed 16)
/// whose missing placement reshuffles several students' spring and summer: the pair of terms finds it.
struct PlacementNeighbourhoods {
    let options: PlanningOptions
    /// Students per neighbourhood: the student left out and up to this many less one in their way.
    static let size = 16
    /// Students tried as seeds, at most (a deterministic budget).
    static let attempts = 40
    /// Branch-and-bound nodes per neighbourhood.
    static let nodeLimit = 300

    /// The plan with more placements when a neighbourhood finds them (never a lower objective).
    /// - Parameter count: the most placements any valid plan can make; the search ends there.
    func placeMore(_ columns: StudentColumns, values start: [Double], count: Int, timeLimit: Double) throws(LinearSolverError) -> [Double] {
        let begin = Date()
        guard columns.placements(start) < count else { return start }
        var values = start
        var current = columns.year.linear.objectiveValue(values)
        var tried = Set<StudentID>()
        for attempt in 0..<Self.attempts {
            guard columns.placements(values) < count, options.shouldStop?() != true else { break }
            let left = timeLimit - Date().timeIntervalSince(begin)
            guard left > 0.1 else { break }
            guard let seed = columns.students.first(where: { !tried.contains($0) && !columns.unplacedTerms(of: $0, values).isEmpty })
            else { break }
            tried.insert(seed)
            let students = columns.rivals(of: seed, values: values, limit: Self.size)
            if let better = try columns.replan(students, from: values, objective: current, nodeLimit: Self.nodeLimit,
                                               timeLimit: left, shouldStop: options.shouldStop) {
                (values, current) = better
            }
            debug("  placement neighbourhood \(attempt) of \(students.count) students: \(current), \(columns.placements(values)) placed at \(Date().timeIntervalSince(begin)) s")
        }
        return values
    }
}
