import LinearSolver
import PlacementDomain

/// The year's columns grouped by student and by session, for searches that re-plan a few
/// students' whole years at once (``StudentNeighbourhoods``, ``PlacementNeighbourhoods``; built
/// once for both when a plan runs both).
struct StudentColumns {
    let year: YearModel
    var candidatesOf: [StudentID: [Int]] = [:]
    var students: [StudentID] = []
    /// Each student's place in `students`.
    var position: [StudentID: Int] = [:]
    var sessionColumns: [Session: [Int]] = [:]
    var sectorColumns: [StudentID: [Int]] = [:]
    var candidatesAt: [Session: [Int]] = [:]
    /// The year's rows by column, for the searches over a few students' columns.
    let index: ColumnRowIndex

    init(_ year: YearModel) {
        self.year = year
        index = ColumnRowIndex(year.linear)
        for (offset, candidate) in year.candidates.enumerated() {
            if candidatesOf[candidate.student.id] == nil {
                position[candidate.student.id] = students.count
                students.append(candidate.student.id)
            }
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

    /// The student's best priced year (each term's best placement, or none) minus their planned
    /// year's priced value. Summed in term order, so that equal students always compare equal.
    func shortfall(of student: StudentID, _ values: [Double], pricedValues: [Double]) -> Double {
        var bestPerTerm: [TermID: Double] = [:]
        var planned = 0.0
        for offset in candidatesOf[student]! {
            let term = year.candidates[offset].session.term
            bestPerTerm[term] = max(bestPerTerm[term] ?? 0, priced(offset, pricedValues))
            if placed(offset, values) { planned += priced(offset, pricedValues) }
        }
        return bestPerTerm.sorted { $0.key.rawValue < $1.key.rawValue }.reduce(0) { $0 + $1.value } - planned
    }

    /// How many placements the plan makes.
    func placements(_ values: [Double]) -> Int {
        year.placements(in: values)
    }

    /// The terms in which the student has a placement to choose from and none in the plan.
    func unplacedTerms(of student: StudentID, _ values: [Double]) -> Set<TermID> {
        var open = Set<TermID>(), placedTerms = Set<TermID>()
        for offset in candidatesOf[student]! {
            open.insert(year.candidates[offset].session.term)
            if placed(offset, values) { placedTerms.insert(year.candidates[offset].session.term) }
        }
        return open.subtracting(placedTerms)
    }

    /// The seed and the students placed at the sessions it could go to in the terms where it has
    /// none, the seed's most valuable placements first (in the workspace's order on ties), up to
    /// `limit` students.
    func rivals(of seed: StudentID, values: [Double], limit: Int) -> [StudentID] {
        var chosen = [seed]
        let open = unplacedTerms(of: seed, values)
        let wanted = candidatesOf[seed]!.enumerated()
            .filter { open.contains(year.candidates[$0.element].session.term) }
            .sorted { (worth($0.element), -$0.offset) > (worth($1.element), -$1.offset) }
            .map(\.element)
        for offset in wanted where chosen.count < limit {
            for other in candidatesAt[year.candidates[offset].session]! where placed(other, values) && chosen.count < limit {
                let student = year.candidates[other].student.id
                if !chosen.contains(student) { chosen.append(student) }
            }
        }
        return chosen
    }

    private func worth(_ offset: Int) -> Double { year.linear.columns[year.placementColumns[offset].index].objective }

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

    /// The first of `students` whose re-plan frees at most `limit` columns (always the first one,
    /// the seed, however many it frees).
    func trimmed(_ students: [StudentID], toColumns limit: Int) -> [StudentID] {
        var students = students
        while students.count > 1, freeColumns(students).count > limit { students.removeLast() }
        return students
    }

    /// The plan with the students' whole years re-planned (their placements, the escorts of the
    /// sessions they could go to, their sector repeats), every other column kept: the search's plan
    /// when it keeps every row of the year and scores more than `values` (`objective`), else nil.
    func replan(_ students: [StudentID], from values: [Double], objective: Double, nodeLimit: Int,
                timeLimit: Double, shouldStop: (@Sendable () -> Bool)?) throws(LinearSolverError) -> (values: [Double], objective: Double)? {
        let options = SolveOptions(timeLimit: timeLimit, relativeGap: 1e-9, presolve: false, nodeLimit: nodeLimit, shouldStop: shouldStop)
        let free = freeColumns(students)
        let result = try GLPKSolver.solve(year.linear, freeing: free, at: values, index: index, options: options)
        debug("    replan: \(free.count) free columns, \(result.nodes) nodes, \(result.seconds) s")
        // The whole year's objective (the search reads its plan back as the year's).
        guard result.status == .optimal || result.status == .feasible, result.objective > objective + 1e-6,
              year.linear.isFeasible(result.values) else { return nil }
        return (result.values, result.objective)
    }
}
