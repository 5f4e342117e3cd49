import PlacementDomain

/// One small change to the school that might let an unplaced student be placed, in one term.
/// Cases are listed from the smallest ask to the largest; `explain` tries them in that order.
public enum SuggestedChange: Hashable, Sendable, Comparable {
    /// One more place at an employer on one weekday.
    case extraPlace(EmployerID, Weekday, TermID)
    /// A member of staff who holds the skills and escorts in the term is also free on a weekday.
    case staffAlsoFree(StaffID, Weekday, TermID)
    /// A member of staff who holds the skills, free on the day in other terms, escorts in this term too.
    case staffAlsoInTerm(StaffID, TermID)
    /// The student can also attend on a weekday.
    case extraDay(StudentID, Weekday, TermID)
    /// The student may travel this many minutes each way.
    case longerTravel(StudentID, Int, TermID)
    /// One more escort with these skills, free on a weekday.
    case newEscort([String], Weekday, TermID)

    public var term: TermID {
        switch self {
        case .extraPlace(_, _, let term), .staffAlsoFree(_, _, let term), .extraDay(_, _, let term),
             .longerTravel(_, _, let term), .newEscort(_, _, let term), .staffAlsoInTerm(_, let term): term
        }
    }

    /// How big an ask it is: smaller first.
    var size: Int {
        switch self {
        case .extraPlace: 1
        case .staffAlsoFree, .staffAlsoInTerm: 2
        case .extraDay: 3
        case .longerTravel: 4
        case .newEscort: 5
        }
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.size, a.sortKey) < (b.size, b.sortKey)
    }

    private var sortKey: String {
        switch self {
        case let .extraPlace(employer, day, term): "\(term)|\(employer)|\(day.rawValue)"
        case let .staffAlsoFree(staff, day, term): "\(term)|\(staff)|\(day.rawValue)"
        case let .staffAlsoInTerm(staff, term): "\(term)|\(staff)|"
        case let .extraDay(student, day, term): "\(term)|\(student)|\(day.rawValue)"
        case let .longerTravel(student, minutes, term): "\(term)|\(student)|\(String(format: "%05d", minutes))"
        case let .newEscort(skills, day, term): "\(term)|\(skills.joined(separator: "+"))|\(day.rawValue)"
        }
    }

    /// The change as a what-if change to the workspace, applied to its term only.
    public func workspaceChange(in workspace: Workspace) -> WorkspaceChange {
        switch self {
        case let .extraPlace(employer, day, term):
            let current = workspace.employer(employer)?.capacity(of: Session(employer: employer, day: day, term: term)) ?? 0
            return .dayCapacity(employer, day, current + 1)
        case let .staffAlsoFree(staff, day, _): return .staffAlsoFree(staff, day)
        case let .staffAlsoInTerm(staff, _): return .staffAlsoInTerms(staff)
        case let .extraDay(student, day, _): return .studentAlsoAttends(student, day)
        case let .longerTravel(student, minutes, _): return .travelLimit(student, minutes)
        case let .newEscort(skills, day, _): return .newEscort(workspace.newEscortID(), skills: Set(skills), day: day)
        }
    }

    /// The `whatif` arguments that make this change (from its term on).
    public func whatIfArguments(in workspace: Workspace) -> [String] {
        let change: [String]
        switch self {
        case let .extraPlace(employer, day, term):
            let now = workspace.employer(employer)?.capacity(of: Session(employer: employer, day: day, term: term)) ?? 0
            change = ["--day-capacity", "\(employer)@\(day)=\(now + 1)"]
        case let .staffAlsoFree(staff, day, _): change = ["--staff-also-free", "\(staff)@\(day)"]
        case let .staffAlsoInTerm(staff, _): change = ["--staff-back", "\(staff)"]
        case let .extraDay(student, day, _): change = ["--student-also-attends", "\(student)@\(day)"]
        case let .longerTravel(student, minutes, _): change = ["--travel-limit", "\(student)=\(minutes)"]
        case let .newEscort(skills, day, _): change = ["--new-escort", "\(skills.joined(separator: ","))@\(day)"]
        }
        return ["--from", term.rawValue, "--only"] + change
    }

    /// The change in a coordinator's words.
    func words(_ wording: Wording) -> String {
        let workspace = wording.workspace
        switch self {
        case let .extraPlace(employer, day, term):
            let now = workspace.employer(employer)?.capacity(of: Session(employer: employer, day: day, term: term)) ?? 0
            return "One more place at \(wording.employer(employer)) on \(day.fullName)s in \(wording.term(term)) (\(now) → \(now + 1))"
        case let .staffAlsoFree(staff, day, term):
            return "\(wording.staff(staff)) (\(staff)) free to escort on \(day.fullName)s in \(wording.term(term))"
        case let .staffAlsoInTerm(staff, term):
            let days = workspace.staffMember(staff).map { Wording.days($0.days) } ?? ""
            return "\(wording.staff(staff)) (\(staff)) free to escort in \(wording.term(term)) on their usual days (\(days))"
        case let .extraDay(student, day, term):
            return "\(wording.student(student)) also attending on \(day.fullName)s in \(wording.term(term))"
        case let .longerTravel(student, minutes, term):
            let limit = workspace.student(student)?.maxTravelMinutes ?? 0
            return "\(wording.student(student)) travelling up to \(minutes) minutes (limit now \(limit)) in \(wording.term(term))"
        case let .newEscort(skills, day, term):
            let trained = skills.isEmpty ? "" : " trained in \(Wording.list(skills))"
            return "One more escort\(trained) free on \(day.fullName)s in \(wording.term(term))"
        }
    }
}
