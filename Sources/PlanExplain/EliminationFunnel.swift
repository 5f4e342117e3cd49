import PlacementDomain

/// The elimination funnel for one (student, term): how many employers each hard rule left, the
/// rule that emptied the list, and the nearest misses — employers that failed one rule only.
struct EliminationFunnel {
    let view: StudentTermView
    let wording: Wording

    /// "Spring term 2026: 38 employers host; 21 on the student's days (Wed, Thu); …".
    func summary() -> String {
        var remaining = view.options
        var steps = ["\(wording.term(view.term.id)): \(Wording.count(remaining.count, "employer")) host\(remaining.count == 1 ? "s" : "")"]
        var emptiedBy: StudentTermView.Rule?
        for rule in StudentTermView.Rule.allCases {
            let before = remaining.count
            remaining = remaining.filter { !$0.broken.contains(rule) }
            steps.append("\(remaining.count) \(phrase(rule))")
            if remaining.isEmpty, before > 0, emptiedBy == nil { emptiedBy = rule }
            if remaining.isEmpty { break }
        }
        var text = steps.joined(separator: "; ")
        if let emptiedBy {
            text += ". \(ruleName(emptiedBy)) ruled out the last of them."
        } else if remaining.isEmpty {
            text += ". No employer hosts in this term."
        } else {
            text += "."
        }
        return text
    }

    /// Employers that fail one rule only, closest first (at most `limit`).
    func nearestMisses(limit: Int = 3) -> [String] {
        var misses: [(rule: StudentTermView.Rule, distance: Int, name: String, text: String)] = []
        for rule in StudentTermView.Rule.allCases {
            for option in view.missingOnly(rule) {
                misses.append((rule, distance(option, rule), option.employer.name, describe(option, rule)))
            }
        }
        return misses.sorted { ($0.distance, $0.rule, $0.name) < ($1.distance, $1.rule, $1.name) }
            .prefix(limit).map(\.text)
    }

    /// How far an employer is from being allowed (smaller is nearer).
    private func distance(_ option: StudentTermView.Option, _ rule: StudentTermView.Rule) -> Int {
        switch rule {
        case .travel: return max(0, (option.travelMinutes ?? 999) - view.student.maxTravelMinutes)
        case .needs: return 10 * view.student.needs.subtracting(option.employer.features).count
        case .days: return 5
        case .usedElsewhere: return 15
        case .pathwayAndYear, .avoid: return 30
        }
    }

    func describe(_ option: StudentTermView.Option, _ rule: StudentTermView.Rule) -> String {
        let employer = option.employer
        let student = view.student
        switch rule {
        case .days:
            return "\(employer.name) hosts on \(Wording.days(option.hostingDays)); the student attends \(Wording.days(student.days))."
        case .needs:
            let missing = Wording.list(student.needs.subtracting(employer.features).sorted())
            return "\(employer.name) meets every other rule but lacks \(missing)."
        case .pathwayAndYear:
            return "\(employer.name) meets every other rule but does not take \(pathwayAndYear(employer))."
        case .travel:
            let provides = student.needs.isEmpty ? "" : " provides \(Wording.list(student.needs.sorted())) but"
            let minutes = option.travelMinutes.map { "is \($0) minutes away" } ?? "has no travel time from the student's site"
            return "\(employer.name)\(provides) \(minutes); limit \(student.maxTravelMinutes)."
        case .avoid:
            return "\(employer.name) meets every rule but is on the student's avoid list."
        case .usedElsewhere:
            return "\(employer.name) meets every rule but the student already goes there in \(option.usedIn.map(wording.term) ?? "another term") (a different employer each term)."
        }
    }

    private func pathwayAndYear(_ employer: Employer) -> String {
        let student = view.student
        var parts: [String] = []
        if !employer.pathways.isEmpty, !(student.pathway.map(employer.pathways.contains) ?? false) {
            parts.append("the \(student.pathway ?? "(no)") pathway (only \(Wording.list(employer.pathways.sorted())))")
        }
        if let year = student.year {
            let tooYoung = employer.minYear.map { year < $0 } ?? false
            let tooOld = employer.maxYear.map { year > $0 } ?? false
            if tooYoung || tooOld {
                parts.append("year \(year) (years \(employer.minYear.map(String.init) ?? "any")–\(employer.maxYear.map(String.init) ?? "any"))")
            }
        }
        return parts.isEmpty ? "this student" : Wording.list(parts)
    }

    private func phrase(_ rule: StudentTermView.Rule) -> String {
        let student = view.student
        switch rule {
        case .days: return "on the student's days (\(Wording.days(student.days)))"
        case .needs:
            return student.needs.isEmpty ? "with no needs to meet" : "provide \(Wording.list(student.needs.sorted()))"
        case .pathwayAndYear:
            let year = student.year.map { " in year \($0)" } ?? ""
            return "accept the \(student.pathway ?? "(no)") pathway\(year)"
        case .travel: return "within \(student.maxTravelMinutes) minutes' travel"
        case .avoid: return "not on the student's avoid list"
        case .usedElsewhere: return "not already used in another term"
        }
    }

    private func ruleName(_ rule: StudentTermView.Rule) -> String {
        switch rule {
        case .days: return "The student's days"
        case .needs: return "The student's needs"
        case .pathwayAndYear: return "Pathway and year"
        case .travel: return "The travel limit"
        case .avoid: return "The avoid list"
        case .usedElsewhere: return "A different employer each term"
        }
    }
}
