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

    public var description: String {
        switch self {
        case .withdraw(let employer): "employer \(employer) withdraws"
        case .capacity(let employer, let places): "employer \(employer) capacity becomes \(places)"
        case .staffAway(let staff): "staff \(staff) is away"
        case .studentLeaves(let student): "student \(student) leaves"
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
                employers = employers.map { employer in
                    guard employer.id == id else { return employer }
                    return employer.with(terms: employer.terms.subtracting(terms))
                }
            case .capacity(let id, let places):
                employers = employers.map { employer in
                    guard employer.id == id else { return employer }
                    var changed = employer
                    for term in terms { changed.capacityByTerm[term] = places }
                    return changed
                }
            case .staffAway(let id):
                staff = staff.map { member in
                    guard member.id == id else { return member }
                    return StaffMember(id: member.id, name: member.name, skills: member.skills, days: member.days,
                                       terms: member.terms.subtracting(terms))
                }
            case .studentLeaves(let id):
                students = students.map { student in
                    guard student.id == id else { return student }
                    return student.with(terms: student.terms.subtracting(terms))
                }
            }
        }
        return Workspace(terms: self.terms, sites: sites, students: students, employers: employers, staff: staff,
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
        return copy
    }
}

extension Student {
    func with(terms: Set<TermID>) -> Student {
        Student(id: id, name: name, year: year, pathway: pathway, site: site, interests: interests, needs: needs,
                escort: escort, escortSkills: escortSkills, maxTravelMinutes: maxTravelMinutes, days: days,
                terms: terms, avoid: avoid)
    }
}
