/// A school term, in chronological order within the workspace.
public struct Term: Sendable, Equatable {
    public let id: TermID
    public let name: String
    public init(id: TermID, name: String) { self.id = id; self.name = name }
}

/// A point on the Earth, in decimal degrees.
public struct Coordinate: Sendable, Equatable {
    public let latitude: Double
    public let longitude: Double
    public init(latitude: Double, longitude: Double) { self.latitude = latitude; self.longitude = longitude }
}

/// One of the school's sites, from which students travel.
public struct Site: Sendable, Equatable {
    public let id: SiteID
    public let name: String
    public let location: Coordinate
    public init(id: SiteID, name: String, location: Coordinate) { self.id = id; self.name = name; self.location = location }
}

public struct Student: Sendable, Equatable {
    public let id: StudentID
    public let name: String
    public let year: Int?
    public let pathway: String?
    public let site: SiteID
    /// Sectors, most wanted first.
    public let interests: [String]
    /// Features every placement must provide.
    public let needs: Set<String>
    public let escort: EscortLevel
    /// Skills the escort must hold.
    public let escortSkills: Set<String>
    public let maxTravelMinutes: Int
    public let days: Set<Weekday>
    public let terms: Set<TermID>
    public let avoid: Set<EmployerID>

    public init(id: StudentID, name: String, year: Int? = nil, pathway: String? = nil, site: SiteID,
                interests: [String] = [], needs: Set<String> = [], escort: EscortLevel = .none,
                escortSkills: Set<String> = [], maxTravelMinutes: Int, days: Set<Weekday> = Set(Weekday.allCases),
                terms: Set<TermID>, avoid: Set<EmployerID> = []) {
        self.id = id; self.name = name; self.year = year; self.pathway = pathway; self.site = site
        self.interests = interests; self.needs = needs; self.escort = escort; self.escortSkills = escortSkills
        self.maxTravelMinutes = maxTravelMinutes; self.days = days; self.terms = terms; self.avoid = avoid
    }

    /// Interest points for a sector: 5, 4, 3, 2, 1 for ranks 1–5 of `interests`, else 0.
    public func interestPoints(for sector: String) -> Int {
        guard let rank = interestRank(of: sector) else { return 0 }
        return max(0, 6 - rank)
    }

    /// 1-based rank of a sector in the student's interests.
    public func interestRank(of sector: String) -> Int? {
        interests.firstIndex(of: sector).map { $0 + 1 }
    }
}

public struct Employer: Sendable, Equatable {
    public let id: EmployerID
    public let name: String
    public let sector: String
    public let days: Set<Weekday>
    /// Students per hosting day per term.
    public let capacity: Int
    /// Terms with a different capacity (set by a what-if change such as `--capacity oxfam=1`).
    public var capacityByTerm: [TermID: Int] = [:]
    /// Sessions with a capacity of their own (a what-if such as one more place on Wednesdays in spring).
    public var capacityBySession: [Session: Int] = [:]
    public let terms: Set<TermID>
    public let features: Set<String>
    /// Pathways accepted; empty means every pathway.
    public let pathways: Set<String>
    public let minYear: Int?
    public let maxYear: Int?
    public let location: Coordinate?

    /// Students per hosting day in one term.
    public func capacity(in term: TermID) -> Int { capacityByTerm[term] ?? capacity }

    /// Students allowed in one session (this employer, one day, one term).
    public func capacity(of session: Session) -> Int {
        if capacityBySession.isEmpty, capacityByTerm.isEmpty { return capacity }
        return capacityBySession[session] ?? capacity(in: session.term)
    }

    public init(id: EmployerID, name: String, sector: String, days: Set<Weekday>, capacity: Int, terms: Set<TermID>,
                features: Set<String> = [], pathways: Set<String> = [], minYear: Int? = nil, maxYear: Int? = nil,
                location: Coordinate?) {
        self.id = id; self.name = name; self.sector = sector; self.days = days; self.capacity = capacity
        self.terms = terms; self.features = features; self.pathways = pathways; self.minYear = minYear
        self.maxYear = maxYear; self.location = location
    }
}

/// A member of staff who can escort students, and when they are free to.
public struct StaffMember: Sendable, Equatable {
    public let id: StaffID
    public let name: String
    public let skills: Set<String>
    public let days: Set<Weekday>
    public let terms: Set<TermID>
    public init(id: StaffID, name: String, skills: Set<String>, days: Set<Weekday>, terms: Set<TermID>) {
        self.id = id; self.name = name; self.skills = skills; self.days = days; self.terms = terms
    }
}

/// A placement fixed in advance (a term already done, or locked by the coordinator).
public struct HistoryPlacement: Sendable, Equatable {
    public let student: StudentID
    public let session: Session
    public init(student: StudentID, session: Session) { self.student = student; self.session = session }
}
