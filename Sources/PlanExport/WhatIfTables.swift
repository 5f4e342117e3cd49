import Foundation
import PlacementDomain
import YearSolver

/// The what-if's extra files: `changes.csv`, `staff_changes.csv`, and its summary lines.
public enum WhatIfTables {
    public static func files(for result: WhatIfOutcome) -> [String: String] {
        var files = PlanFolder.files(for: result.outcome, workspace: result.workspace)
        files["changes.csv"] = changes(result)
        files["staff_changes.csv"] = staffChanges(result)
        files["summary.txt"] = (files["summary.txt"] ?? "") + summary(result)
        return files
    }

    static func describe(_ session: Session?) -> String {
        session.map { "\($0.employer) \($0.day)" } ?? ""
    }

    /// `changes.csv`: `student,student_name,term,before,after,reason`.
    static func changes(_ result: WhatIfOutcome) -> String {
        let order = { (term: TermID) in result.workspace.order(of: term) ?? .max }
        let rows = result.changes.sorted { ($0.student, order($0.term)) < ($1.student, order($1.term)) }.map {
            [$0.student.rawValue, result.workspace.student($0.student)?.name ?? "", $0.term.rawValue,
             describe($0.before), describe($0.after), $0.reason]
        }
        return CSVText.render(header: ["student", "student_name", "term", "before", "after", "reason"], rows: rows)
    }

    /// `staff_changes.csv`: `staff,staff_name,term,day,before,after` (employer ids, empty when not escorting).
    static func staffChanges(_ result: WhatIfOutcome) -> String {
        let order = { (term: TermID) in result.workspace.order(of: term) ?? .max }
        let rows = result.escortChanges.sorted { ($0.staff, order($0.term), $0.day) < ($1.staff, order($1.term), $1.day) }.map {
            [$0.staff.rawValue, result.workspace.staffMember($0.staff)?.name ?? "", $0.term.rawValue, $0.day.description,
             $0.before?.rawValue ?? "", $0.after?.rawValue ?? ""]
        }
        return CSVText.render(header: ["staff", "staff_name", "term", "day", "before", "after"], rows: rows)
    }

    /// Counts only, no names.
    public static func summary(_ result: WhatIfOutcome) -> String {
        let change = result.outcome.score.objective - result.objectiveBefore
        let relied = result.requested.filter(\.addsToTheFiles)
        let note = relied.isEmpty ? [] : [
            "This plan counts on: \(relied.map(\.description).joined(separator: "; ")). Make the same change in your files before running verify on it.",
        ]
        return ([
            "What-if: \(result.studentsAffected) students affected; \(result.count(.moved)) moved, \(result.count(.dayChanged)) changed day, \(result.count(.newlyPlaced)) newly placed, \(result.count(.newlyUnplaced)) newly unplaced (see changes.csv)",
            "Escort duties changed: \(result.escortChanges.count) (see staff_changes.csv)",
            String(format: "Objective change: %+.2f (from %.2f)", change, result.objectiveBefore),
        ] + note).joined(separator: "\n") + "\n"
    }
}
