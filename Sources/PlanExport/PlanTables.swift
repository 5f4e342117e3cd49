import PlacementDomain
import YearSolver

/// The plan as the tables a coordinator opens in Excel, rows sorted by student then term order.
public struct PlanTables {
    let workspace: Workspace
    let plan: Plan
    let unplaced: [UnplacedEntry]

    public init(workspace: Workspace, plan: Plan, unplaced: [UnplacedEntry]) {
        self.workspace = workspace; self.plan = plan; self.unplaced = unplaced
    }

    private func termOrder(_ term: TermID) -> Int { workspace.order(of: term) ?? .max }

    /// `timetable.csv`: one row per placement.
    public func timetable() -> String {
        let rows = plan.placements
            .sorted { ($0.student, termOrder($0.session.term)) < ($1.student, termOrder($1.session.term)) }
            .compactMap { placement -> [String]? in
                guard let student = workspace.student(placement.student),
                      let employer = workspace.employer(placement.session.employer) else { return nil }
                let escorts = (plan.escorts[placement.session] ?? []).map(\.rawValue).joined(separator: ";")
                return [student.id.rawValue, student.name, placement.session.term.rawValue, employer.id.rawValue,
                        employer.name, employer.sector, placement.session.day.description,
                        workspace.travelMinutes(student, employer).map(String.init) ?? "",
                        student.interestRank(of: employer.sector).map(String.init) ?? "",
                        student.escort == .none ? "" : escorts]
            }
        return CSVText.render(header: ["student", "student_name", "term", "employer", "employer_name", "sector", "day",
                                       "travel_minutes", "interest_rank", "escorts"], rows: rows)
    }

    /// `escorts.csv`: one row per staff member per session they escort.
    public func escorts() -> String {
        var rows: [(StaffID, Int, Weekday, [String])] = []
        for (session, staff) in plan.escorts {
            let students = plan.placements.filter { $0.session == session }
                .filter { workspace.student($0.student)?.escort != EscortLevel.none }
                .map(\.student.rawValue).sorted().joined(separator: ";")
            for member in staff {
                rows.append((member, termOrder(session.term), session.day,
                             [member.rawValue, workspace.staffMember(member)?.name ?? "", session.term.rawValue,
                              session.day.description, session.employer.rawValue, students]))
            }
        }
        rows.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        return CSVText.render(header: ["staff", "staff_name", "term", "day", "employer", "students"], rows: rows.map(\.3))
    }

    /// `unplaced.csv`: one row per (student, term) without a placement, with the reason.
    public func unplacedList() -> String {
        let rows = unplaced.sorted { ($0.student, termOrder($0.term)) < ($1.student, termOrder($1.term)) }
            .map { [$0.student.rawValue, workspace.student($0.student)?.name ?? "", $0.term.rawValue, $0.reason] }
        return CSVText.render(header: ["student", "student_name", "term", "reason"], rows: rows)
    }

    /// `employer_rota.csv`: who each employer hosts, on which day of which term, with which escorts.
    public func employerRota() -> String {
        let sessions = Dictionary(grouping: plan.placements, by: \.session)
        let rows = sessions.keys
            .sorted { ($0.employer, termOrder($0.term), $0.day) < ($1.employer, termOrder($1.term), $1.day) }
            .map { session -> [String] in
                [session.employer.rawValue, workspace.employer(session.employer)?.name ?? "", session.term.rawValue,
                 session.day.description, sessions[session]!.map(\.student.rawValue).sorted().joined(separator: ";"),
                 (plan.escorts[session] ?? []).map(\.rawValue).joined(separator: ";")]
            }
        return CSVText.render(header: ["employer", "employer_name", "term", "day", "students", "escorts"], rows: rows)
    }
}
