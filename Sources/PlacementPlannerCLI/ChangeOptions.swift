import ArgumentParser
import PlacementDomain

/// The changes `whatif` can be asked about, each checked against the workspace.
struct ChangeOptions: ParsableArguments {
    @Option(parsing: .singleValue, help: "An employer that hosts nobody from --from on.")
    var withdraw: [String] = []

    @Option(parsing: .singleValue, help: "EMPLOYER=N: the employer's capacity (every hosting day) from --from on.")
    var capacity: [String] = []

    @Option(name: .customLong("day-capacity"), parsing: .singleValue, help: "EMPLOYER@DAY=N: the employer's capacity on one weekday, e.g. oxfam@Wed=3.")
    var dayCapacity: [String] = []

    @Option(name: .customLong("staff-away"), parsing: .singleValue, help: "A member of staff free for no escort duty from --from on.")
    var staffAway: [String] = []

    @Option(name: .customLong("staff-also-free"), parsing: .singleValue, help: "STAFF@DAY: the member of staff is also free to escort on that weekday.")
    var staffAlsoFree: [String] = []

    @Option(name: .customLong("staff-back"), parsing: .singleValue, help: "A member of staff who escorts from --from on, on their usual days.")
    var staffBack: [String] = []

    @Option(name: .customLong("new-escort"), parsing: .singleValue, help: "SKILL,SKILL@DAY: one more escort with those skills, free on that weekday (e.g. epilepsy@Thu, or @Thu for none).")
    var newEscort: [String] = []

    @Option(name: .customLong("student-leaves"), parsing: .singleValue, help: "A student who leaves (from --from on).")
    var studentLeaves: [String] = []

    @Option(name: .customLong("travel-limit"), parsing: .singleValue, help: "STUDENT=MINUTES: the student's travel limit.")
    var travelLimit: [String] = []

    @Option(name: .customLong("student-also-attends"), parsing: .singleValue, help: "STUDENT@DAY: the student can also attend on that weekday.")
    var studentAlsoAttends: [String] = []

    func changes(in school: Workspace, problems: inout [String]) -> [WorkspaceChange] {
        var changes: [WorkspaceChange] = []
        func employer(_ flag: String, _ id: String) -> EmployerID? {
            school.employer(EmployerID(id)) != nil ? EmployerID(id) : note("\(flag) '\(id)' is not an employer in employers.csv.")
        }
        func staff(_ flag: String, _ id: String) -> StaffID? {
            school.staffMember(StaffID(id)) != nil ? StaffID(id) : note("\(flag) '\(id)' is not a member of staff in staff.csv.")
        }
        func student(_ flag: String, _ id: String) -> StudentID? {
            school.student(StudentID(id)) != nil ? StudentID(id) : note("\(flag) '\(id)' is not a student in students.csv.")
        }
        func note<T>(_ problem: String) -> T? { problems.append(problem); return nil }
        func split(_ flag: String, _ item: String, _ separator: Character, _ example: String) -> (String, String)? {
            let parts = item.split(separator: separator, maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : note("\(flag) '\(item)' must look like \(example).")
        }
        func day(_ flag: String, _ text: String) -> Weekday? {
            Weekday(abbreviation: text) ?? note("\(flag): '\(text)' is not a weekday. Use Mon, Tue, Wed, Thu or Fri.")
        }
        func count(_ flag: String, _ text: String) -> Int? {
            Int(text).flatMap { $0 >= 0 ? $0 : nil } ?? note("\(flag): '\(text)' must be a whole number of 0 or more.")
        }
        for id in withdraw { if let e = employer("--withdraw", id) { changes.append(.withdraw(e)) } }
        for item in capacity {
            guard let (id, n) = split("--capacity", item, "=", "EMPLOYER=N, e.g. --capacity oxfam=1") else { continue }
            if let e = employer("--capacity", id), let n = count("--capacity", n) { changes.append(.capacity(e, n)) }
        }
        for item in dayCapacity {
            guard let (left, n) = split("--day-capacity", item, "=", "EMPLOYER@DAY=N, e.g. --day-capacity oxfam@Wed=3"),
                  let (id, d) = split("--day-capacity", left, "@", "EMPLOYER@DAY=N, e.g. --day-capacity oxfam@Wed=3") else { continue }
            if let e = employer("--day-capacity", id), let d = day("--day-capacity", d), let n = count("--day-capacity", n) {
                changes.append(.dayCapacity(e, d, n))
            }
        }
        for id in staffAway { if let s = staff("--staff-away", id) { changes.append(.staffAway(s)) } }
        for item in staffAlsoFree {
            guard let (id, d) = split("--staff-also-free", item, "@", "STAFF@DAY, e.g. --staff-also-free ST04@Tue") else { continue }
            if let s = staff("--staff-also-free", id), let d = day("--staff-also-free", d) { changes.append(.staffAlsoFree(s, d)) }
        }
        for id in staffBack { if let s = staff("--staff-back", id) { changes.append(.staffAlsoInTerms(s)) } }
        for item in newEscort {
            guard let (skills, d) = split("--new-escort", item, "@", "SKILL,SKILL@DAY, e.g. --new-escort epilepsy@Thu") else { continue }
            if let d = day("--new-escort", d) {
                let taken = Set(changes.compactMap { if case .newEscort(let id, _, _) = $0 { id } else { nil } })
                let id = school.newEscortID(avoiding: taken)
                changes.append(.newEscort(id, skills: Set(skills.split(separator: ",").map(String.init)), day: d))
            }
        }
        for id in studentLeaves { if let s = student("--student-leaves", id) { changes.append(.studentLeaves(s)) } }
        for item in travelLimit {
            guard let (id, n) = split("--travel-limit", item, "=", "STUDENT=MINUTES, e.g. --travel-limit S012=35") else { continue }
            if let s = student("--travel-limit", id), let n = count("--travel-limit", n) { changes.append(.travelLimit(s, n)) }
        }
        for item in studentAlsoAttends {
            guard let (id, d) = split("--student-also-attends", item, "@", "STUDENT@DAY, e.g. --student-also-attends S012@Mon") else { continue }
            if let s = student("--student-also-attends", id), let d = day("--student-also-attends", d) { changes.append(.studentAlsoAttends(s, d)) }
        }
        return changes
    }
}
