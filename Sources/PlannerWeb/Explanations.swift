import PlacementDomain

/// One line of a student's "why" or "why not" (`kind` such as "why here", "why not", "what would it take").
public struct ExplanationLine: Sendable, Equatable {
    public let kind: String
    public let detail: String
    public init(kind: String, detail: String) { self.kind = kind; self.detail = detail }
}

/// Where the student page gets its explanations: the `explain` work plugs in here.
public protocol ExplanationSource: Sendable {
    func lines(for student: StudentID, plan: Plan, workspace: Workspace) -> [ExplanationLine]
}

/// Until explanations exist the page shows the unplaced reasons only.
public struct NoExplanations: ExplanationSource {
    public init() {}
    public func lines(for student: StudentID, plan: Plan, workspace: Workspace) -> [ExplanationLine] { [] }
}
