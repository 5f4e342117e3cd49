/// A school weekday, written `Mon Tue Wed Thu Fri` in every file.
public enum Weekday: Int, CaseIterable, Comparable, Sendable, CustomStringConvertible {
    case mon, tue, wed, thu, fri

    public init?(abbreviation: String) {
        guard let day = Weekday.allCases.first(where: { $0.description == abbreviation }) else { return nil }
        self = day
    }

    public var description: String { ["Mon", "Tue", "Wed", "Thu", "Fri"][rawValue] }
    public var fullName: String { ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][rawValue] }
    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}

/// How a student must be accompanied at a placement.
public enum EscortLevel: String, CaseIterable, Sendable {
    case none
    case shared
    case oneToOne = "one-to-one"
}
