import PlacementDomain

/// Rules 1–8 and 10, checked row by row and by counting.
extension PlanVerifier {
    /// Rules 1–5 for one placement.
    mutating func checkAllowed(_ row: Row) {
        let s = row.student, e = row.employer
        if !s.terms.contains(row.term) { report(1, "timetable.csv", row.line, "student \(s.id) does not take part in term \(row.term)") }
        if !e.terms.contains(row.term) { report(1, "timetable.csv", row.line, "\(e.id) does not host in term \(row.term)") }
        if !e.days.contains(row.day) { report(1, "timetable.csv", row.line, "\(e.id) does not host on \(row.day)") }
        if !s.days.contains(row.day) { report(1, "timetable.csv", row.line, "student \(s.id) cannot attend on \(row.day)") }
        let missing = s.needs.subtracting(e.features)
        if !missing.isEmpty {
            report(2, "timetable.csv", row.line, "\(e.id) does not provide \(missing.sorted().joined(separator: ", ")), which student \(s.id) needs")
        }
        if !e.pathways.isEmpty && !(s.pathway.map(e.pathways.contains) ?? false) {
            report(3, "timetable.csv", row.line, "\(e.id) does not accept the \(s.pathway ?? "(none)") pathway of student \(s.id)")
        }
        if let year = s.year, (e.minYear.map { year < $0 } ?? false) || (e.maxYear.map { year > $0 } ?? false) {
            report(3, "timetable.csv", row.line, "\(e.id) does not take students in year \(year)")
        }
        let minutes = workspace.travel.minutes(from: s.site, to: e.id)
        if minutes.map({ $0 > s.maxTravelMinutes }) ?? true {
            report(4, "timetable.csv", row.line, "\(e.id) is \(minutes.map { "\($0) minutes" } ?? "an unknown time") away; student \(s.id)'s limit is \(s.maxTravelMinutes) minutes")
        }
        if s.avoid.contains(e.id) { report(5, "timetable.csv", row.line, "\(e.id) is on student \(s.id)'s avoid list") }
    }

    /// Rule 6: at most one placement per student per term.
    mutating func checkOnePerTerm(_ rows: [Row]) {
        var first: [String: Int] = [:]
        for row in rows {
            let key = "\(row.student.id.rawValue)\u{1F}\(row.term.rawValue)"
            if let line = first[key] {
                report(6, "timetable.csv", row.line, "student \(row.student.id) is placed twice in term \(row.term) (also line \(line))")
            } else { first[key] = row.line }
        }
    }

    /// Rule 7: never the same employer twice in the year.
    mutating func checkNoRepeatedEmployer(_ rows: [Row]) {
        var first: [String: Int] = [:]
        for row in rows {
            let key = "\(row.student.id.rawValue)\u{1F}\(row.employer.id.rawValue)"
            if let line = first[key] {
                report(7, "timetable.csv", row.line, "student \(row.student.id) goes to \(row.employer.id) a second time (also line \(line))")
            } else { first[key] = row.line }
        }
    }

    /// Rule 8: at most `capacity` students per session.
    mutating func checkCapacity(_ rows: [Row]) {
        let bySession = Dictionary(grouping: rows, by: \.session)
        for (session, members) in bySession.sorted(by: { $0.value[0].line < $1.value[0].line }) {
            let capacity = members[0].employer.capacity(of: session)
            if members.count > capacity {
                report(8, "timetable.csv", members.map(\.line).max(),
                       "\(members.count) students at \(session.employer) on \(session.day) in \(session.term), capacity \(capacity)")
            }
        }
    }

    /// Rule 10: every history placement appears exactly.
    mutating func checkHistoryKept(_ rows: [Row]) {
        let planned = Set(rows.map { "\($0.student.id.rawValue)\u{1F}\($0.session)" })
        for fixed in workspace.history where !planned.contains("\(fixed.student.rawValue)\u{1F}\(fixed.session)") {
            report(10, "timetable.csv", nil, "the history placement of student \(fixed.student) at \(fixed.session.employer) on \(fixed.session.day) in \(fixed.session.term) is missing")
        }
    }
}
