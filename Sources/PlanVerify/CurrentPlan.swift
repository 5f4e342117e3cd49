import Foundation
import PlacementDomain

/// Why a plan folder cannot serve as the current plan of a what-if.
public struct CurrentPlanError: Error, CustomStringConvertible {
    public let lines: [String]
    public var description: String { lines.joined(separator: "\n") }
}

/// Reads a plan folder as the plan a what-if starts from: it must match the workspace and keep
/// every hard rule (a hand-edited plan that `verify` accepts is fine).
public enum CurrentPlan {
    public static func load(_ directory: URL, workspace: Workspace) throws(CurrentPlanError) -> Plan {
        let rows: PlanRows
        do {
            rows = try PlanRows.read(directory)
        } catch {
            throw CurrentPlanError(lines: error.problems.map(\.description))
        }
        let violations = PlanVerifier.verify(rows, against: workspace)
        guard violations.isEmpty else {
            throw CurrentPlanError(lines: violations.map(\.description)
                + ["The plan in \(directory.path) does not match this workspace or breaks a rule; fix it (see verify) before asking what if or why."])
        }
        var escorts: [Session: [StaffID]] = [:]
        for duty in rows.escorts {
            guard let day = Weekday(abbreviation: duty.day) else { continue }
            escorts[Session(employer: EmployerID(duty.employer), day: day, term: TermID(duty.term)), default: []].append(StaffID(duty.staff))
        }
        let placements = rows.placements.compactMap { row -> Placement? in
            guard let day = Weekday(abbreviation: row.day) else { return nil }
            return Placement(student: StudentID(row.student), session: Session(employer: EmployerID(row.employer), day: day, term: TermID(row.term)))
        }
        return Plan(placements: placements, escorts: escorts.mapValues { $0.sorted() })
    }
}
