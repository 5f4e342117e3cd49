extension PlanScore {
    /// Scores a plan with the workspace's objective weights:
    /// Σ placements [placement + interest − travel] − sector repeats − escort assignments.
    public static func compute(_ plan: Plan, in workspace: Workspace) -> PlanScore {
        var score = PlanScore()
        let settings = workspace.settings
        var sectorCounts: [String: Int] = [:]
        for placement in plan.placements {
            guard let student = workspace.student(placement.student),
                  let employer = workspace.employer(placement.session.employer) else { continue }
            let minutes = workspace.travelMinutes(student, employer) ?? 0
            let interest = student.interestPoints(for: employer.sector)
            score.placements += 1
            score.interestPoints += interest
            score.travelMinutes += minutes
            score.objective += settings.placementWeight + settings.interestWeight * Double(interest)
                - settings.travelWeight * Double(minutes)
            sectorCounts["\(student.id.rawValue)\u{1F}\(employer.sector)", default: 0] += 1
        }
        score.sectorRepeats = sectorCounts.values.reduce(0) { $0 + max(0, $1 - 1) }
        score.escortAssignments = plan.escorts.values.reduce(0) { $0 + $1.count }
        score.objective -= settings.sectorRepeatPenalty * Double(score.sectorRepeats)
            + settings.escortPenalty * Double(score.escortAssignments)
        return score
    }
}
