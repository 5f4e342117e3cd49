import PlacementDomain

/// Rule 9: escorts free, in one place a day, enough of them, with the right skills.
extension PlanVerifier {
    /// Each staff member escorts only when free, at most one session per (term, day).
    mutating func checkStaffOnePlacePerDay(_ duties: [Duty]) {
        var first: [String: (Int, EmployerID)] = [:]
        for duty in duties {
            if !duty.staff.days.contains(duty.session.day) || !duty.staff.terms.contains(duty.session.term) {
                report(9, "escorts.csv", duty.line, "\(duty.staff.id) is not free to escort on \(duty.session.day) in \(duty.session.term)")
            }
            let key = "\(duty.staff.id.rawValue)\u{1F}\(duty.session.term.rawValue)\u{1F}\(duty.session.day.rawValue)"
            if let (line, employer) = first[key], employer != duty.session.employer {
                report(9, "escorts.csv", duty.line, "\(duty.staff.id) is escorting at two places on \(duty.session.day) in \(duty.session.term) (also line \(line))")
            } else if first[key] == nil {
                first[key] = (duty.line, duty.session.employer)
            }
        }
    }

    /// Escorts ≥ #one-to-one + ceil(#shared / R); per skill k ≥ #one-to-one needing k, and ≥ 1 if a shared student needs k.
    mutating func checkEscortNumbers(_ rows: [Row], _ duties: [Duty]) {
        let staffBySession = Dictionary(grouping: duties, by: \.session).mapValues { Set($0.map(\.staff.id)) }
        let ratio = workspace.settings.sharedEscortRatio
        for (session, members) in Dictionary(grouping: rows, by: \.session).sorted(by: { $0.value[0].line < $1.value[0].line }) {
            let staff = (staffBySession[session] ?? []).compactMap { workspace.staffMember($0) }
            let oneToOne = members.filter { $0.student.escort == .oneToOne }
            let shared = members.filter { $0.student.escort == .shared }
            let needed = oneToOne.count + (shared.count + ratio - 1) / ratio
            let where_ = "at \(session.employer) on \(session.day) in \(session.term)"
            if staff.count < needed {
                report(9, "escorts.csv", nil, "\(staff.count) escort(s) \(where_), but \(oneToOne.count) one-to-one and \(shared.count) shared student(s) need \(needed)")
            }
            let skills = Set((oneToOne + shared).flatMap(\.student.escortSkills))
            for skill in skills.sorted() {
                let holders = staff.filter { $0.skills.contains(skill) }.count
                let oneToOneNeeding = oneToOne.filter { $0.student.escortSkills.contains(skill) }.count
                let sharedNeeding = shared.contains { $0.student.escortSkills.contains(skill) }
                let skillNeeded = max(oneToOneNeeding, sharedNeeding ? 1 : 0)
                if holders < skillNeeded {
                    report(9, "escorts.csv", nil, "\(holders) escort(s) trained in \(skill) \(where_), but \(skillNeeded) needed")
                }
            }
        }
    }

    /// timetable.csv's escorts column must match escorts.csv for escorted students.
    mutating func checkEscortColumnsAgree(_ rows: [Row], _ duties: [Duty]) {
        let staffBySession = Dictionary(grouping: duties, by: \.session).mapValues { Set($0.map(\.staff.id.rawValue)) }
        for row in rows where row.student.escort != .none {
            let listed = Set(row.escortsColumn)
            let duty = staffBySession[row.session] ?? []
            if listed != duty {
                report(9, "timetable.csv", row.line, "the escorts column (\(listed.sorted().joined(separator: ";"))) does not match escorts.csv (\(duty.sorted().joined(separator: ";"))) for this session")
            }
        }
    }
}
