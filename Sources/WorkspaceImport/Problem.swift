/// One thing wrong with a workspace, said so that a coordinator can find and fix it in Excel.
///
/// Problems name rows by file, line and column — never by a student's name — so they are safe
/// to paste into a support ticket.
public struct Problem: Error, Sendable, Equatable, Comparable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: String?
    public let message: String
    public let fix: String

    public init(file: String, line: Int? = nil, column: String? = nil, _ message: String, fix: String) {
        self.file = file; self.line = line; self.column = column; self.message = message; self.fix = fix
    }

    public var location: String {
        var text = file
        if let line { text += " line \(line)" }
        if let column { text += ", column \(column)" }
        return text
    }

    public var description: String { "\(location): \(message). \(fix)" }

    public static func < (a: Problem, b: Problem) -> Bool {
        (a.file, a.line ?? 0, a.column ?? "", a.message) < (b.file, b.line ?? 0, b.column ?? "", b.message)
    }
}

/// Every problem found in a workspace (reading stops at none of them).
public struct WorkspaceProblems: Error, Sendable, CustomStringConvertible {
    public let problems: [Problem]
    public init(_ problems: [Problem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Collects problems while reading, capping how many are kept per file so a wholly broken file
/// does not bury the rest.
public struct ProblemList: Sendable {
    public static let maximumPerFile = 50
    public private(set) var problems: [Problem] = []
    private var countByFile: [String: Int] = [:]

    public init() {}

    public mutating func add(_ problem: Problem) {
        let count = countByFile[problem.file, default: 0] + 1
        countByFile[problem.file] = count
        if count <= Self.maximumPerFile { problems.append(problem) }
        if count == Self.maximumPerFile + 1 {
            problems.append(Problem(file: problem.file, "more than \(Self.maximumPerFile) problems; the rest are not listed",
                                    fix: "Fix the ones above and run check again."))
        }
    }

    public var isEmpty: Bool { problems.isEmpty }
}
