import Foundation
import PlacementDomain
import YearSolver

/// Tries changes by re-planning their term with every other term kept exactly, and the current
/// plan's placements kept wherever possible — exactly what `whatif --from TERM --only` does with
/// the change, so the coordinator can repeat it. A change works when the new plan places students
/// who were unplaced and unplaces nobody: the re-planned plan is the proof.
final class ChangeTrials: @unchecked Sendable {
    struct Result: Sendable {
        /// Students the change places in its term, and where.
        let placed: [StudentID: Session]
        /// Students placed before who would lose their placement.
        let lost: [StudentID]
        /// Students placed before who would go to another employer or day: (student, from, to).
        let moves: [(StudentID, Session, Session)]
        var moved: Int { moves.count }
        var works: Bool { !placed.isEmpty && lost.isEmpty }
    }

    let workspace: Workspace
    let plan: Plan
    private let index: PlanIndex
    private let lock = NSLock()
    private var results: [SuggestedChange: Result] = [:]
    /// Per term: students a re-plan with no change at all already places (a hand-edited plan).
    private(set) var placedWithoutChange: [TermID: Set<StudentID>] = [:]
    /// Time allowed for one re-plan; node limits inside make the result deterministic well before it.
    static let timeLimit = 30.0

    init(workspace: Workspace, plan: Plan) {
        self.workspace = workspace
        self.plan = plan
        self.index = PlanIndex(plan)
    }

    var tried: Int { lock.withLock { results.count } }

    func result(_ change: SuggestedChange) -> Result? { lock.withLock { results[change] } }

    /// Re-plans each term once with no change, to know who a plain re-plan would place anyway.
    func runBaselines(_ terms: [TermID]) {
        let outcomes = parallelMap(terms) { term in (term, try? self.replan(term, changes: [])) }
        for (term, result) in outcomes {
            placedWithoutChange[term] = Set(result?.placed.keys.map { $0 } ?? [])
        }
    }

    /// Tries every change not tried before, two at a time (one per core).
    func run(_ changes: [SuggestedChange]) {
        let fresh = lock.withLock { Array(Set(changes.filter { results[$0] == nil })).sorted() }
        let outcomes = parallelMap(fresh) { change in
            (change, try? self.replan(change.term, changes: [change.workspaceChange(in: self.workspace)]))
        }
        lock.withLock {
            for (change, result) in outcomes {
                results[change] = result ?? Result(placed: [:], lost: [], moves: [])
            }
        }
    }

    private func replan(_ term: TermID, changes: [WorkspaceChange]) throws -> Result {
        let outcome = try WhatIfPlanner.replan(workspace, current: plan, changes: changes, terms: [term],
                                              options: PlanningOptions(timeLimit: Self.timeLimit))
        let after = PlanIndex(outcome.outcome.plan)
        let before = Set(plan.placements.filter { $0.session.term == term }.map(\.student))
        let now = outcome.outcome.plan.placements.filter { $0.session.term == term }
        let baseline = placedWithoutChange[term] ?? []
        var placed: [StudentID: Session] = [:]
        for placement in now where !before.contains(placement.student) && !baseline.contains(placement.student) {
            placed[placement.student] = placement.session
        }
        let lost = before.filter { !after.isPlaced($0, in: term) }.sorted()
        let moves = before.sorted().compactMap { student -> (StudentID, Session, Session)? in
            guard let was = index.session(of: student, in: term), let now = after.session(of: student, in: term), was != now
            else { return nil }
            return (student, was, now)
        }
        return Result(placed: placed, lost: lost, moves: moves)
    }

    private func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable @escaping (T) -> R) -> [R] {
        let box = ResultsBox<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { position in
            box.set(position, body(items[position]))
        }
        return box.values
    }
}

private final class ResultsBox<R>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [R?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ position: Int, _ value: R) { lock.withLock { storage[position] = value } }
    var values: [R] { lock.withLock { storage.map { $0! } } }
}
