/// A case-sensitive id from a workspace file, typed by what it names so a student id can never
/// be passed where an employer id is expected.
public struct Identifier<Tag>: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

public enum TermTag {}
public enum SiteTag {}
public enum StudentTag {}
public enum EmployerTag {}
public enum StaffTag {}

public typealias TermID = Identifier<TermTag>
public typealias SiteID = Identifier<SiteTag>
public typealias StudentID = Identifier<StudentTag>
public typealias EmployerID = Identifier<EmployerTag>
public typealias StaffID = Identifier<StaffTag>
