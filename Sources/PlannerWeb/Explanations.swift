import PlacementDomain

/// One line of a student's explanation, in plain words.
public struct ExplanationLine: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case why = "Why here"
        case whyNot = "Why not"
        /// A change that would let the student be placed; also shown in the year's unplaced list.
        case whatWouldItTake = "What would it take"
    }

    public let kind: Kind
    /// The term the line is about, if any.
    public let term: TermID?
    public let detail: String

    public init(kind: Kind, term: TermID? = nil, detail: String) { self.kind = kind; self.term = term; self.detail = detail }
}

/// Where the page gets its explanations: the `explain` work plugs in here (PlannerSite's `explanations`).
public protocol ExplanationSource: Sendable {
    func lines(for student: StudentID, plan: Plan, workspace: Workspace) -> [ExplanationLine]
}

/// Until explanations exist the page shows the unplaced reasons only.
public struct NoExplanations: ExplanationSource {
    public init() {}
    public func lines(for student: StudentID, plan: Plan, workspace: Workspace) -> [ExplanationLine] { [] }
}
