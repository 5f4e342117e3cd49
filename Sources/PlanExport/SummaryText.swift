import Foundation
import PlacementDomain
import YearSolver

/// The plain-words summary printed after planning and saved as `summary.txt`.
/// It holds counts only — no names — so it is safe to paste anywhere.
public enum SummaryText {
    public static func render(_ outcome: PlanOutcome, workspace: Workspace, includeTimings: Bool = true) -> String {
        let score = outcome.score
        let quality = if !outcome.bound.isFinite {
            "not proven: the time limit stopped the search before a bound was found (try a longer --time-limit)"
        } else if outcome.relativeGap < 1e-9 {
            "proven optimal"
        } else {
            String(format: "within %.4f %% of the best possible (bound %.2f)", outcome.relativeGap * 100, outcome.bound)
        }
        var lines = [
            "Students: \(workspace.students.count) (\(workspace.terms.count) terms, \(workspace.employers.count) employers, \(workspace.staff.count) escort staff)",
            "Placements: \(score.placements) made of \(outcome.requestedPlacements) student-terms; \(outcome.unplaced.count) unplaced (see unplaced.csv)",
            mostPossible(outcome),
            "Interest points: \(score.interestPoints)",
            "Sector repeats: \(score.sectorRepeats)",
            "Escort assignments: \(score.escortAssignments)",
            "Travel minutes (one way, all placements): \(score.travelMinutes)",
            String(format: "Objective: %.2f, %@", score.objective, quality),
        ]
        if includeTimings {
            lines.append(String(format: "Solve time: %.2f s (model %d variables, %d constraints, built in %.2f s)",
                                outcome.solveSeconds, outcome.variables, outcome.constraints, outcome.buildSeconds))
        }
        return lines.compactMap { $0 }.joined(separator: "\n") + "\n"
    }

    /// Whether anyone left out could have been placed, from the placements' own bound.
    private static func mostPossible(_ outcome: PlanOutcome) -> String? {
        guard let most = outcome.mostPlacementsPossible else { return nil }
        let placed = outcome.score.placements
        if placed >= most { return "Most possible: no valid plan places more than \(most) (proven), so nobody left out could have been placed" }
        return "Most possible: at most \(most) could be placed (this plan is \(most - placed) short of that bound)"
    }
}
