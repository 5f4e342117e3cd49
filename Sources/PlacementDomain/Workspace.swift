/// A validated school: everything the planner needs, with every reference already checked.
public struct Workspace: Sendable {
    public let terms: [Term]
    public let sites: [Site]
    public let students: [Student]
    public let employers: [Employer]
    public let staff: [StaffMember]
    public let travel: TravelTimes
    public let history: [HistoryPlacement]
    public let settings: Settings

    private let studentIndex: [StudentID: Int]
    private let employerIndex: [EmployerID: Int]
    private let staffIndex: [StaffID: Int]
    private let termIndex: [TermID: Int]

    public init(terms: [Term], sites: [Site], students: [Student], employers: [Employer], staff: [StaffMember],
                travel: TravelTimes, history: [HistoryPlacement] = [], settings: Settings = Settings()) {
        self.terms = terms; self.sites = sites; self.students = students; self.employers = employers
        self.staff = staff; self.travel = travel; self.history = history; self.settings = settings
        studentIndex = Dictionary(students.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        employerIndex = Dictionary(employers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        staffIndex = Dictionary(staff.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        termIndex = Dictionary(terms.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func student(_ id: StudentID) -> Student? { studentIndex[id].map { students[$0] } }
    public func employer(_ id: EmployerID) -> Employer? { employerIndex[id].map { employers[$0] } }
    public func staffMember(_ id: StaffID) -> StaffMember? { staffIndex[id].map { staff[$0] } }
    /// Position of a term in the year (0 = first).
    public func order(of term: TermID) -> Int? { termIndex[term] }
    public func term(_ id: TermID) -> Term? { termIndex[id].map { terms[$0] } }

    /// Travel minutes for a student to an employer, from the student's site.
    public func travelMinutes(_ student: Student, _ employer: Employer) -> Int? {
        travel.minutes(from: student.site, to: employer.id)
    }
}
