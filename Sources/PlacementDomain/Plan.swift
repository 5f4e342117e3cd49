/// One student placed in one session.
public struct Placement: Hashable, Sendable {
    public let student: StudentID
    public let session: Session
    public init(student: StudentID, session: Session) { self.student = student; self.session = session }
}

/// A year of placements and the staff escorting each session.
public struct Plan: Sendable, Equatable {
    public var placements: [Placement]
    /// Staff assigned to each session that has escorted students.
    public var escorts: [Session: [StaffID]]

    public init(placements: [Placement], escorts: [Session: [StaffID]]) {
        self.placements = placements
        self.escorts = escorts
    }

    public func placement(of student: StudentID, in term: TermID) -> Placement? {
        placements.first { $0.student == student && $0.session.term == term }
    }
}

/// How good a plan is, in the objective's own terms.
public struct PlanScore: Sendable, Equatable {
    public var placements = 0
    public var interestPoints = 0
    public var sectorRepeats = 0
    public var escortAssignments = 0
    public var travelMinutes = 0
    public var objective = 0.0
    public init() {}
}
