/// The shared-escort ratio and the objective weights, read from `settings.csv`.
public struct Settings: Sendable, Equatable {
    /// Students per escort for `shared` students (R).
    public var sharedEscortRatio: Int = 3
    /// Points for each placement made.
    public var placementWeight: Double = 1000
    /// Multiplies the interest points (5…1 for interest rank 1…5).
    public var interestWeight: Double = 1
    /// Points lost per minute of one-way travel.
    public var travelWeight: Double = 0.01
    /// Points lost for each extra placement of a student in a sector they already had that year.
    public var sectorRepeatPenalty: Double = 2
    /// Points lost per (staff member, session) escort assignment.
    public var escortPenalty: Double = 1
    /// What-if: points lost for each (student, term) whose placement differs from the current plan.
    public var disruptionWeight: Double = 50
    /// What-if: points lost when a placement keeps its employer but changes day.
    public var dayChangeWeight: Double = 5
    /// What-if: points gained for each escort who stays at the session they had (an escort change costs this).
    public var escortChangeWeight: Double = 2

    public init() {}
}
