/// One change a coordinator asks "what if" about, taking effect from a term onwards.
public enum WorkspaceChange: Sendable, Equatable, CustomStringConvertible {
    /// The employer hosts nobody from the term on.
    case withdraw(EmployerID)
    /// The employer's capacity from the term on.
    case capacity(EmployerID, Int)
    /// The member of staff escorts nobody from the term on.
    case staffAway(StaffID)
    /// The student takes part in no term from the term on.
    case studentLeaves(StudentID)
    /// The employer takes this many students on one weekday (its other days unchanged).
    case dayCapacity(EmployerID, Weekday, Int)
    /// The member of staff is also free to escort on a weekday.
    case staffAlsoFree(StaffID, Weekday)
    /// The member of staff escorts in the terms changed too (on their usual days).
    case staffAlsoInTerms(StaffID)
    /// A new escort with these skills, free on one weekday in the terms changed.
    case newEscort(StaffID, skills: Set<String>, day: Weekday)
    /// The student may travel up to this many minutes each way.
    case travelLimit(StudentID, Int)
    /// The student can also attend on a weekday.
    case studentAlsoAttends(StudentID, Weekday)

    /// Whether the change gives the school something its files do not (places, staff, days, travel):
    /// a plan that uses it verifies only once the files say the same.
    public var addsToTheFiles: Bool {
        switch self {
        case .withdraw, .staffAway, .studentLeaves: false
        case .capacity, .dayCapacity, .staffAlsoFree, .staffAlsoInTerms, .newEscort, .travelLimit, .studentAlsoAttends: true
        }
    }

    public var description: String {
        switch self {
        case .withdraw(let employer): "employer \(employer) withdraws"
        case .capacity(let employer, let places): "employer \(employer) capacity becomes \(places)"
        case .staffAway(let staff): "staff \(staff) is away"
        case .studentLeaves(let student): "student \(student) leaves"
        case .dayCapacity(let employer, let day, let places): "employer \(employer) takes \(places) on \(day)"
        case .staffAlsoFree(let staff, let day): "staff \(staff) is also free on \(day)"
        case .staffAlsoInTerms(let staff): "staff \(staff) escorts in these terms too"
        case .newEscort(let staff, let skills, let day):
            "a new escort \(staff)\(skills.isEmpty ? "" : " trained in \(skills.sorted().joined(separator: " and "))") is free on \(day)"
        case .travelLimit(let student, let minutes): "student \(student) may travel \(minutes) minutes"
        case .studentAlsoAttends(let student, let day): "student \(student) can also attend on \(day)"
        }
    }
}

extension Workspace {
    /// The workspace with the changes applied to `terms` (the terms from the what-if's start on).
    public func applying(_ changes: [WorkspaceChange], from terms: Set<TermID>) -> Workspace {
        var students = self.students, employers = self.employers, staff = self.staff
        for change in changes {
            switch change {
            case .withdraw(let id):
                employers = employers.map { $0.id == id ? $0.with(terms: $0.terms.subtracting(terms)) : $0 }
            case .capacity(let id, let places):
                employers = employers.map { employer in
                    guard employer.id == id else { return employer }
                    var changed = employer
                    for term in terms { changed.capacityByTerm[term] = places }
                    return changed
                }
            case .dayCapacity(let id, let day, let places):
                employers = employers.map { employer in
                    guard employer.id == id else { return employer }
                    var changed = employer
                    for term in terms { changed.capacityBySession[Session(employer: id, day: day, term: term)] = places }
                    return changed
                }
            case .staffAway(let id):
                staff = staff.map { $0.id == id ? $0.with(days: $0.days, terms: $0.terms.subtracting(terms)) : $0 }
            case .staffAlsoFree(let id, let day):
                staff = staff.map { $0.id == id ? $0.with(days: $0.days.union([day]), terms: $0.terms) : $0 }
            case .staffAlsoInTerms(let id):
                staff = staff.map { $0.id == id ? $0.with(days: $0.days, terms: $0.terms.union(terms)) : $0 }
            case .newEscort(let id, let skills, let day):
                staff.append(StaffMember(id: id, name: "New escort", skills: skills, days: [day], terms: terms))
            case .studentLeaves(let id):
                students = students.map { $0.id == id ? $0.with(terms: $0.terms.subtracting(terms)) : $0 }
            case .travelLimit(let id, let minutes):
                students = students.map { $0.id == id ? $0.with(maxTravelMinutes: minutes) : $0 }
            case .studentAlsoAttends(let id, let day):
                students = students.map { $0.id == id ? $0.with(days: $0.days.union([day])) : $0 }
            }
        }
        return Workspace(terms: self.terms, sites: sites, students: students, employers: employers, staff: staff,
                         travel: travel, history: history, settings: settings)
    }

    /// An id for a hypothetical new escort: `new-escort`, or `new-escort-2`… when taken.
    public func newEscortID(avoiding taken: Set<StaffID> = []) -> StaffID {
        var number = 1
        func id() -> StaffID { StaffID(number == 1 ? "new-escort" : "new-escort-\(number)") }
        while staffMember(id()) != nil || taken.contains(id()) { number += 1 }
        return id()
    }

    /// The same workspace with other settings.
    public func with(settings: Settings) -> Workspace {
        Workspace(terms: terms, sites: sites, students: students, employers: employers, staff: staff,
                  travel: travel, history: history, settings: settings)
    }

    /// The same workspace with other fixed placements.
    public func with(history: [HistoryPlacement]) -> Workspace {
        Workspace(terms: terms, sites: sites, students: students, employers: employers, staff: staff,
                  travel: travel, history: history, settings: settings)
    }
}

extension Employer {
    func with(terms: Set<TermID>) -> Employer {
        var copy = Employer(id: id, name: name, sector: sector, days: days, capacity: capacity, terms: terms,
                            features: features, pathways: pathways, minYear: minYear, maxYear: maxYear, location: location)
        copy.capacityByTerm = capacityByTerm
        copy.capacityBySession = capacityBySession
        return copy
    }
}

extension StaffMember {
    func with(days: Set<Weekday>, terms: Set<TermID>) -> StaffMember {
        StaffMember(id: id, name: name, skills: skills, days: days, terms: terms)
    }
}

extension Student {
    func with(terms: Set<TermID>? = nil, days: Set<Weekday>? = nil, maxTravelMinutes: Int? = nil) -> Student {
        Student(id: id, name: name, year: year, pathway: pathway, site: site, interests: interests, needs: needs,
                escort: escort, escortSkills: escortSkills, maxTravelMinutes: maxTravelMinutes ?? self.maxTravelMinutes,
                days: days ?? self.days, terms: terms ?? self.terms, avoid: avoid)
    }
}

extension WorkspaceChange {
    /// The change as one `key=value` line (the `whatif` flag's name and value), as stored with a
    /// kept what-if: `withdraw=oxfam`, `day-capacity=oxfam@Wed=3`, `new-escort=new-escort@epilepsy,peg@Thu`.
    public var spec: String {
        switch self {
        case .withdraw(let employer): "withdraw=\(employer)"
        case .capacity(let employer, let places): "capacity=\(employer)=\(places)"
        case .dayCapacity(let employer, let day, let places): "day-capacity=\(employer)@\(day)=\(places)"
        case .staffAway(let staff): "staff-away=\(staff)"
        case .staffAlsoFree(let staff, let day): "staff-also-free=\(staff)@\(day)"
        case .staffAlsoInTerms(let staff): "staff-back=\(staff)"
        case .newEscort(let staff, let skills, let day): "new-escort=\(staff)@\(skills.sorted().joined(separator: ","))@\(day)"
        case .studentLeaves(let student): "student-leaves=\(student)"
        case .travelLimit(let student, let minutes): "travel-limit=\(student)=\(minutes)"
        case .studentAlsoAttends(let student, let day): "student-also-attends=\(student)@\(day)"
        }
    }

    /// Reads a `spec` line back; nil when it is not one.
    public init?(spec: String) {
        guard let equals = spec.firstIndex(of: "=") else { return nil }
        let key = String(spec[..<equals]), value = String(spec[spec.index(after: equals)...])
        func split(_ text: String, _ separator: Character) -> (String, String)? {
            guard let index = text.lastIndex(of: separator) else { return nil }
            return (String(text[..<index]), String(text[text.index(after: index)...]))
        }
        func dayAndRest(_ text: String) -> (String, Weekday)? {
            guard let (rest, day) = split(text, "@"), let weekday = Weekday(abbreviation: day) else { return nil }
            return (rest, weekday)
        }
        switch key {
        case "withdraw": self = .withdraw(EmployerID(value))
        case "capacity":
            guard let (employer, places) = split(value, "="), let n = Int(places) else { return nil }
            self = .capacity(EmployerID(employer), n)
        case "day-capacity":
            guard let (left, places) = split(value, "="), let n = Int(places), let (employer, day) = dayAndRest(left) else { return nil }
            self = .dayCapacity(EmployerID(employer), day, n)
        case "staff-away": self = .staffAway(StaffID(value))
        case "staff-also-free":
            guard let (staff, day) = dayAndRest(value) else { return nil }
            self = .staffAlsoFree(StaffID(staff), day)
        case "staff-back": self = .staffAlsoInTerms(StaffID(value))
        case "new-escort":
            guard let (left, day) = dayAndRest(value), let (staff, skills) = split(left, "@") else { return nil }
            self = .newEscort(StaffID(staff), skills: Set(skills.split(separator: ",").map(String.init)), day: day)
        case "student-leaves": self = .studentLeaves(StudentID(value))
        case "travel-limit":
            guard let (student, minutes) = split(value, "="), let n = Int(minutes) else { return nil }
            self = .travelLimit(StudentID(student), n)
        case "student-also-attends":
            guard let (student, day) = dayAndRest(value) else { return nil }
            self = .studentAlsoAttends(StudentID(student), day)
        default: return nil
        }
    }
}
