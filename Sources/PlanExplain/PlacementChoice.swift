import PlacementDomain

/// Why a student's placement in a term is the one it is: how much they wanted its sector, how far
/// it is, and why the better-liked employers were not possible.
struct PlacementChoice {
    let view: StudentTermView
    let index: PlanIndex
    let workspace: Workspace
    let wording: Wording

    func explanations(for session: Session, limit: Int = 3) -> [(Explanation.Kind, String)] {
        guard let employer = workspace.employer(session.employer) else { return [] }
        let student = view.student
        let rank = student.interestRank(of: employer.sector)
        var why = "Placed at \(employer.name) on \(session.day.fullName)s: \(employer.sector) is "
        why += rank.map { "their \(Wording.ordinal($0)) choice of sector" } ?? "not among their chosen sectors"
        if let minutes = workspace.travelMinutes(student, employer) { why += "; \(minutes) minutes' travel (limit \(student.maxTravelMinutes))" }
        if let escorts = index.plan.escorts[session], student.escort != .none, !escorts.isEmpty {
            why += "; escorted by \(Wording.list(escorts.map(wording.staff)))"
        }
        var lines: [(Explanation.Kind, String)] = [(.placed, why + ".")]
        let better = view.options.filter { option in
            guard option.employer.id != employer.id, let optionRank = student.interestRank(of: option.employer.sector) else { return false }
            return optionRank < (rank ?? Int.max)
        }.sorted { a, b in
            (student.interestRank(of: a.employer.sector)!, a.employer.name) < (student.interestRank(of: b.employer.sector)!, b.employer.name)
        }
        for option in better.prefix(limit) {
            lines.append((.betterOption, whyNot(option)))
        }
        if better.count > limit {
            lines.append((.betterOption, "\(better.count - limit) more better-liked employers were not possible either."))
        }
        return lines
    }

    private func whyNot(_ option: StudentTermView.Option) -> String {
        let name = "\(option.employer.name) (\(option.employer.sector), \(Wording.ordinal(view.student.interestRank(of: option.employer.sector)!)) choice)"
        if let rule = option.broken.min() {
            return "\(name): " + reason(rule, option)
        }
        let days = option.hostingDays.intersection(view.student.days).sorted()
        let full = days.filter { day in
            let session = Session(employer: option.employer.id, day: day, term: view.term.id)
            return (index.studentsAt[session]?.count ?? 0) >= option.employer.capacity(of: session)
        }
        if full.count == days.count {
            return "\(name): full on \(Wording.days(days))."
        }
        let open = Wording.days(days.filter { !full.contains($0) })
        let sectorDone = workspace.terms.first { term in
            term.id != view.term.id && index.session(of: view.student.id, in: term.id)
                .flatMap { workspace.employer($0.employer)?.sector } == option.employer.sector
        }
        if let sectorDone {
            return "\(name): has a place on \(open), but the student already does \(option.employer.sector) in \(sectorDone.name); the plan spreads sectors across the year."
        }
        let escort = view.student.escort != .none ? ", an escort" : ""
        return "\(name): has a place on \(open), but moving the student there would not make the year's plan better as a whole (travel\(escort) or another student's place)."
    }

    private func reason(_ rule: StudentTermView.Rule, _ option: StudentTermView.Option) -> String {
        let student = view.student
        switch rule {
        case .days: return "hosts only on \(Wording.days(option.hostingDays)); the student attends \(Wording.days(student.days))."
        case .needs: return "lacks \(Wording.list(student.needs.subtracting(option.employer.features).sorted()))."
        case .pathwayAndYear: return "does not take the student's pathway or year."
        case .travel:
            return option.travelMinutes.map { "\($0) minutes away; limit \(student.maxTravelMinutes)." } ?? "no travel time from the student's site."
        case .avoid: return "on the student's avoid list."
        case .usedElsewhere: return "already their placement in \(option.usedIn.map(wording.term) ?? "another term")."
        }
    }
}
