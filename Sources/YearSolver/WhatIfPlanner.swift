import PlacementDomain

/// One (student, term) whose placement differs between the current plan and the what-if plan.
public struct PlacementChange: Sendable, Equatable {
    public enum Kind: String, Sendable { case moved, dayChanged, newlyPlaced, newlyUnplaced }
    public let student: StudentID
    public let term: TermID
    public let before: Session?
    public let after: Session?
    public let kind: Kind
    public let reason: String
}

/// One escort duty (staff, term, day) that differs between the two plans.
public struct EscortChange: Sendable, Equatable {
    public let staff: StaffID
    public let term: TermID
    public let day: Weekday
    public let before: EmployerID?
    public let after: EmployerID?
}

public struct WhatIfOutcome: Sendable {
    /// The new plan, against the changed workspace.
    public let outcome: PlanOutcome
    /// The workspace with the changes applied (what the new plan verifies against).
    public let workspace: Workspace
    public let changes: [PlacementChange]
    public let escortChanges: [EscortChange]
    /// The current plan's objective (against the original workspace).
    public let objectiveBefore: Double
    /// The changes asked for.
    public let requested: [WorkspaceChange]

    public var studentsAffected: Int { Set(changes.map(\.student)).count }
    public func count(_ kind: PlacementChange.Kind) -> Int { changes.filter { $0.kind == kind }.count }
}

/// Re-plans after a change with as little disruption as possible: terms before `from` are kept
/// exactly, and from `from` on every (student, term) that differs from the current plan costs the
/// disruption weight — far less than a placement, far more than any interest or travel gain — so
/// students move only when that lets someone be placed or the change forces it.
public enum WhatIfPlanner {
    public static func replan(_ workspace: Workspace, current: Plan, changes: [WorkspaceChange], from: TermID,
                              options: PlanningOptions = PlanningOptions()) throws(PlanningError) -> WhatIfOutcome {
        let start = workspace.order(of: from) ?? 0
        return try replan(workspace, current: current, changes: changes,
                          terms: Set(workspace.terms.dropFirst(start).map(\.id)), options: options)
    }

    /// Re-plans only `terms`, with the changes applied to them; every other term is kept exactly
    /// (used by `explain` to try a change in one term).
    public static func replan(_ workspace: Workspace, current: Plan, changes: [WorkspaceChange], terms later: Set<TermID>,
                              options: PlanningOptions = PlanningOptions()) throws(PlanningError) -> WhatIfOutcome {
        let frozen = Set(workspace.terms.map(\.id)).subtracting(later)
        var changed = workspace.applying(changes, from: later)
        let kept = try frozenPlacements(current, frozen: frozen, in: changed)
        let stillAllowed = workspace.history.filter { later.contains($0.session.term) && isAllowed($0, in: changed) }
        changed = changed.with(history: kept + stillAllowed)
        var planning = options
        planning.relativeGap = solverGap(options.relativeGap, current: current, in: workspace, terms: later)
        planning.frozenTerms = frozen
        planning.current = current
        let planned = try YearPlanner.plan(changed, options: planning)
        var plan = planned.plan
        for session in plan.escorts.keys where frozen.contains(session.term) { plan.escorts[session] = nil }
        for (session, staff) in current.escorts where frozen.contains(session.term) { plan.escorts[session] = staff }
        let outcome = planned.replacingPlan(plan, score: PlanScore.compute(plan, in: changed))
        return WhatIfOutcome(
            outcome: outcome, workspace: changed,
            changes: PlanDifference.placements(before: current, after: plan, terms: later, changes: changes,
                                               unplaced: outcome.unplaced, workspace: changed),
            escortChanges: PlanDifference.escorts(before: current, after: plan, terms: later),
            objectiveBefore: PlanScore.compute(current, in: workspace).objective, requested: changes)
    }

    /// The gap the solver aims at for `gap` on the plan's own points. The solver's gap is on the
    /// what-if objective: the plan's points plus a keep reward for each placement kept (and escort
    /// duty), about the disruption weight per placement of the re-planned terms more. The summary
    /// shows the gap on the plan's points alone, so the solver aims that much closer (the sample with
    /// basket-co withdrawn: within 0.01 % of the what-if objective was 0.0105 % of the plan's points).
    static func solverGap(_ gap: Double, current: Plan, in workspace: Workspace, terms later: Set<TermID>) -> Double {
        let points = PlanScore.compute(current, in: workspace).objective
        let rewards = workspace.settings.disruptionWeight * Double(current.placements.filter { later.contains($0.session.term) }.count)
        return points > 0 ? gap * points / (points + rewards) : gap
    }

    /// The current plan's placements in the frozen terms, each still allowed by the workspace.
    private static func frozenPlacements(_ current: Plan, frozen: Set<TermID>, in workspace: Workspace) throws(PlanningError) -> [HistoryPlacement] {
        var kept: [HistoryPlacement] = []
        for placement in current.placements where frozen.contains(placement.session.term) {
            let fixed = HistoryPlacement(student: placement.student, session: placement.session)
            guard isAllowed(fixed, in: workspace) else {
                throw .frozenPlacementNotAllowed(student: placement.student, session: placement.session)
            }
            kept.append(fixed)
        }
        return kept
    }

    private static func isAllowed(_ placement: HistoryPlacement, in workspace: Workspace) -> Bool {
        guard let student = workspace.student(placement.student), let employer = workspace.employer(placement.session.employer)
        else { return false }
        return employer.capacity(of: placement.session) > 0
            && Eligibility.firstBrokenRule(student, employer, day: placement.session.day, term: placement.session.term,
                                           in: workspace) == nil
    }
}

extension PlanOutcome {
    /// The outcome for another plan and score. The solver's bound and gap are on the what-if
    /// objective (points less disruption); the points still possibly missing are carried over onto
    /// the plan's own points, so the summary compares like with like.
    func replacingPlan(_ plan: Plan, score: PlanScore) -> PlanOutcome {
        let missing = bound.isFinite ? bound - bound / (1 + relativeGap) : .infinity
        return PlanOutcome(plan: plan, score: score, unplaced: unplaced, requestedPlacements: requestedPlacements,
                           provenOptimal: provenOptimal, mostPlacementsPossible: mostPlacementsPossible,
                           bound: score.objective + missing,
                           relativeGap: missing / max(abs(score.objective), 1e-9), solveSeconds: solveSeconds,
                           buildSeconds: buildSeconds, variables: variables, constraints: constraints)
    }
}
