import PlacementDomain

/// A hard rule a plan breaks, in plain words, with where to look.
public struct Violation: Sendable, Equatable, CustomStringConvertible {
    public let rule: Int?
    public let file: String
    public let line: Int?
    public let message: String

    public var description: String {
        let place = line.map { "\(file) line \($0)" } ?? file
        let ruleText = rule.map { "rule \($0)" } ?? "plan"
        return "\(place) (\(ruleText)): \(message)"
    }
}

/// Checks a plan folder against every hard rule, on its own: it shares no code with the model
/// builder, so a mistake there cannot hide itself here.
public struct PlanVerifier {
    struct Row {
        let line: Int
        let student: Student
        let employer: Employer
        let term: TermID
        let day: Weekday
        let escortsColumn: [String]
        var session: Session { Session(employer: employer.id, day: day, term: term) }
    }

    struct Duty {
        let line: Int
        let staff: StaffMember
        let session: Session
    }

    let workspace: Workspace
    private(set) var violations: [Violation] = []

    public static func verify(_ rows: PlanRows, against workspace: Workspace) -> [Violation] {
        var verifier = PlanVerifier(workspace: workspace)
        let placements = verifier.resolvePlacements(rows.placements)
        let duties = verifier.resolveDuties(rows.escorts)
        for row in placements { verifier.checkAllowed(row) }
        verifier.checkOnePerTerm(placements)
        verifier.checkNoRepeatedEmployer(placements)
        verifier.checkCapacity(placements)
        verifier.checkStaffOnePlacePerDay(duties)
        verifier.checkEscortNumbers(placements, duties)
        verifier.checkEscortColumnsAgree(placements, duties)
        verifier.checkHistoryKept(placements)
        return verifier.violations
    }

    mutating func report(_ rule: Int?, _ file: String, _ line: Int?, _ message: String) {
        violations.append(Violation(rule: rule, file: file, line: line, message: message))
    }

    mutating func resolvePlacements(_ rows: [PlanRows.PlacementRow]) -> [Row] {
        rows.compactMap { row in
            let student = workspace.student(StudentID(row.student))
            let employer = workspace.employer(EmployerID(row.employer))
            let term = workspace.term(TermID(row.term))
            let day = Weekday(abbreviation: row.day)
            if student == nil { report(nil, "timetable.csv", row.line, "'\(row.student)' is not a student in students.csv") }
            if employer == nil { report(nil, "timetable.csv", row.line, "'\(row.employer)' is not an employer in employers.csv") }
            if term == nil { report(nil, "timetable.csv", row.line, "'\(row.term)' is not a term in terms.csv") }
            if day == nil { report(nil, "timetable.csv", row.line, "'\(row.day)' is not a weekday (Mon Tue Wed Thu Fri)") }
            guard let student, let employer, let term, let day else { return nil }
            return Row(line: row.line, student: student, employer: employer, term: term.id, day: day, escortsColumn: row.escorts)
        }
    }

    mutating func resolveDuties(_ rows: [PlanRows.EscortRow]) -> [Duty] {
        rows.compactMap { row in
            let staff = workspace.staffMember(StaffID(row.staff))
            let employer = workspace.employer(EmployerID(row.employer))
            let term = workspace.term(TermID(row.term))
            let day = Weekday(abbreviation: row.day)
            if staff == nil { report(nil, "escorts.csv", row.line, "'\(row.staff)' is not a member of staff in staff.csv") }
            if employer == nil { report(nil, "escorts.csv", row.line, "'\(row.employer)' is not an employer in employers.csv") }
            if term == nil { report(nil, "escorts.csv", row.line, "'\(row.term)' is not a term in terms.csv") }
            if day == nil { report(nil, "escorts.csv", row.line, "'\(row.day)' is not a weekday (Mon Tue Wed Thu Fri)") }
            guard let staff, let employer, let term, let day else { return nil }
            return Duty(line: row.line, staff: staff, session: Session(employer: employer.id, day: day, term: term.id))
        }
    }
}
