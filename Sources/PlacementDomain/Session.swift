/// One employer hosting on one weekday in one term.
public struct Session: Hashable, Sendable, CustomStringConvertible {
    public let employer: EmployerID
    public let day: Weekday
    public let term: TermID
    public init(employer: EmployerID, day: Weekday, term: TermID) {
        self.employer = employer; self.day = day; self.term = term
    }
    public var description: String { "\(employer),\(day),\(term)" }
}
