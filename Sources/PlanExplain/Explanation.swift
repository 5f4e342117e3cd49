import PlacementDomain

/// One line of an explanation for a (student, term): what `explain` prints and writes to
/// explanations.csv.
public struct Explanation: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// How many employers each hard rule left, and which rule emptied the list.
        case rules
        /// An employer that failed only one rule, and by how much.
        case nearestMiss = "nearest miss"
        /// Allowed sessions that were full, and who holds their places.
        case full
        /// Allowed sessions with no suitable escort free, and what those escorts are doing.
        case escort
        /// Why the placement made is this one.
        case placed
        /// A better-liked employer that was not possible, and why.
        case betterOption = "better option"
        /// The smallest change found that would place the student.
        case whatWouldItTake = "what would it take"
    }

    public let student: StudentID
    public let term: TermID
    public let kind: Kind
    public let detail: String

    public init(student: StudentID, term: TermID, kind: Kind, detail: String) {
        self.student = student; self.term = term; self.kind = kind; self.detail = detail
    }
}

/// A change that was tried by re-planning and places the named students, unplacing nobody.
public struct Suggestion: Sendable, Equatable {
    public let change: SuggestedChange
    /// The students it places in the change's term, in id order.
    public let placed: [StudentID]
    /// Plain words: the change, and where each named student would go.
    public let detail: String
    /// The change alone, in plain words (the `change` column of suggestions.csv).
    public let headline: String
}

/// Everything `explain` found.
public struct ExplainReport: Sendable {
    public let explanations: [Explanation]
    /// Every change found to work, most students placed first.
    public let suggestions: [Suggestion]
    /// How many changes were tried by re-planning.
    public let changesTried: Int
}
