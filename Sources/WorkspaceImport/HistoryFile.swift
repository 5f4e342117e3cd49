import PlacementDomain

/// `history.csv` (optional): `student,employer,term[,day]` — placements fixed in advance.
/// Without a day, the employer's first hosting day the student can attend is used.
/// Each row must itself obey the hard rules; rows together must not break rules 6–8.
func readHistory(_ table: CSVTable, workspace: Workspace, log: ProblemLog) -> [HistoryPlacement] {
    guard requireColumns(["student", "employer", "term"], in: table, log: log) else { return [] }
    var kept: [HistoryPlacement] = []
    var lineOf: [String: Int] = [:]
    var sessionCount: [Session: Int] = [:]
    for record in table.records {
        let row = RowParser(record: record, log: log)
        guard let placement = historyPlacement(row, workspace: workspace) else { continue }
        let termKey = "\(placement.student)|term|\(placement.session.term)"
        let employerKey = "\(placement.student)|employer|\(placement.session.employer)"
        if let line = lineOf[termKey] {
            row.problem("term", "this student already has a placement in this term on line \(line)",
                        fix: "Keep one placement per student per term (rule 6).")
            continue
        }
        if let line = lineOf[employerKey] {
            row.problem("employer", "this student is already placed with this employer on line \(line)",
                        fix: "A student goes to each employer at most once a year (rule 7).")
            continue
        }
        sessionCount[placement.session, default: 0] += 1
        if let employer = workspace.employer(placement.session.employer), sessionCount[placement.session]! > employer.capacity(of: placement.session) {
            row.problem("employer", "this makes \(sessionCount[placement.session]!) students at \(employer.id) on \(placement.session.day) in \(placement.session.term), over its capacity of \(employer.capacity(of: placement.session))",
                        fix: "Move a student or raise the capacity in employers.csv (rule 8).")
            continue
        }
        lineOf[termKey] = record.line
        lineOf[employerKey] = record.line
        kept.append(placement)
    }
    return kept
}

private func historyPlacement(_ row: RowParser, workspace: Workspace) -> HistoryPlacement? {
    let studentID = row.text("student", required: true)
    let employerID = row.text("employer", required: true)
    let termID = row.text("term", required: true)
    let student = studentID.flatMap { workspace.student(StudentID($0)) }
    let employer = employerID.flatMap { workspace.employer(EmployerID($0)) }
    if let studentID, student == nil { row.problem("student", "'\(studentID)' is not a student in students.csv", fix: "Use a student id from students.csv.") }
    if let employerID, employer == nil { row.problem("employer", "'\(employerID)' is not an employer in employers.csv", fix: "Use an employer id from employers.csv.") }
    if let termID, workspace.term(TermID(termID)) == nil { row.problem("term", "'\(termID)' is not a term in terms.csv", fix: "Use a term id from terms.csv.") }
    guard let student, let employer, let termID, workspace.term(TermID(termID)) != nil else { return nil }
    let term = TermID(termID)
    guard employer.terms.contains(term) else {
        row.problem("term", "\(employer.id) does not host in term \(term)", fix: "Check the term, or add it to the employer's terms in employers.csv.")
        return nil
    }
    let day: Weekday
    if let raw = row.text("day") {
        guard let parsed = Weekday(abbreviation: raw) else {
            row.problem("day", "'\(raw)' is not a weekday", fix: "Use Mon Tue Wed Thu Fri.")
            return nil
        }
        day = parsed
    } else {
        guard let first = Weekday.allCases.first(where: { employer.days.contains($0) && student.days.contains($0) }) else {
            row.problem("day", "the student cannot attend on any day \(employer.id) hosts", fix: "Give the day, or correct the days in students.csv or employers.csv.")
            return nil
        }
        day = first
    }
    if let rule = Eligibility.firstBrokenRule(student, employer, day: day, term: term, in: workspace) {
        row.problem(nil, "this placement breaks hard rule \(rule.rawValue): \(ruleWording(rule))",
                    fix: "Correct the placement, or the student's or employer's details, so it is allowed.")
        return nil
    }
    return HistoryPlacement(student: student.id, session: Session(employer: employer.id, day: day, term: term))
}

/// Plain words for each of hard rules 1–5.
func ruleWording(_ rule: EligibilityRule) -> String {
    switch rule {
    case .termsAndDays: "the student and employer must both take part in that term and on that day"
    case .needs: "the employer must provide every feature the student needs"
    case .pathwayAndYear: "the employer must accept the student's pathway and year"
    case .travel: "the journey must be within the student's travel limit"
    case .avoid: "the employer is on the student's avoid list"
    }
}
