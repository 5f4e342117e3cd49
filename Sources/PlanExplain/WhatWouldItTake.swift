import PlacementDomain

/// Finds, for each unplaced (student, term), the smallest single change that places them without
/// unplacing anyone else, by trying each student's candidate changes in order of size — in rounds,
/// so changes shared by several students are tried once and two re-plans run at a time.
struct WhatWouldItTake {
    let workspace: Workspace
    let plan: Plan
    let index: PlanIndex
    let wording: Wording

    struct Found {
        let lines: [Explanation]
        let suggestions: [Suggestion]
        let tried: Int
    }

    func run(_ targets: [StudentTermView]) -> Found {
        let trials = ChangeTrials(workspace: workspace, plan: plan)
        trials.runBaselines(Array(Set(targets.map(\.term.id))).sorted())
        let candidates = targets.map { ChangeCandidates(view: $0, index: index, workspace: workspace).changes() }
        var answer: [Int: SuggestedChange] = [:]
        let rounds = candidates.map(\.count).max() ?? 0
        for round in 0..<rounds {
            let open = targets.indices.filter { answer[$0] == nil && !placedAnyway(targets[$0], trials) && round < candidates[$0].count }
            guard !open.isEmpty else { break }
            trials.run(open.map { candidates[$0][round] })
            for target in open {
                let change = candidates[target][round]
                if let result = trials.result(change), result.works, result.placed[targets[target].student.id] != nil {
                    answer[target] = change
                }
            }
        }
        var lines: [Explanation] = []
        for (position, view) in targets.enumerated() {
            lines.append(Explanation(student: view.student.id, term: view.term.id, kind: .whatWouldItTake,
                                     detail: words(view, answer[position], candidates[position], trials)))
        }
        return Found(lines: lines, suggestions: suggestions(trials, tried: Set(candidates.joined())), tried: trials.tried)
    }

    private func placedAnyway(_ view: StudentTermView, _ trials: ChangeTrials) -> Bool {
        trials.placedWithoutChange[view.term.id]?.contains(view.student.id) ?? false
    }

    private func words(_ view: StudentTermView, _ change: SuggestedChange?, _ tried: [SuggestedChange],
                       _ trials: ChangeTrials) -> String {
        if placedAnyway(view, trials) {
            return "Re-planning \(wording.term(view.term.id)) places them with no change at all (the plan may have been edited by hand): run whatif with no change."
        }
        guard let change, let result = trials.result(change), let session = result.placed[view.student.id] else {
            if tried.isEmpty { return "No single change to places, escorts, days or travel would open a session for them." }
            if tried.count == 1 {
                return "The one single change that opens a session for them — \(tried[0].words(wording)) — does not place them "
                    + "without unplacing someone else; it would take more than one change."
            }
            return "None of the \(tried.count) single changes tried places them without unplacing someone else "
                + "(it would take more than one change): " + tried.map { $0.words(wording) }.joined(separator: "; ") + "."
        }
        var text = "\(change.words(wording)) would place them at \(wording.employer(session.employer)) on \(session.day.fullName)s, \(disruption(result))"
        let others = result.placed.keys.filter { $0 != view.student.id }.sorted()
        if !others.isEmpty { text += "; it would also place \(Wording.shortList(others.map(wording.student)))" }
        return text + "."
    }

    /// "unplacing nobody" or "moving Jake Barnes (S060) from Seal Town Council Offices Wed to Thu, unplacing nobody".
    func disruption(_ result: ChangeTrials.Result) -> String {
        guard result.moved > 0 else { return "unplacing nobody" }
        let moves = result.moves.map { student, was, now in
            let to = was.employer == now.employer ? "\(now.day)" : "\(wording.employer(now.employer)) \(now.day)"
            return "\(wording.student(student)) from \(wording.employer(was.employer)) \(was.day) to \(to)"
        }
        return "moving \(Wording.shortList(moves, limit: 3)), unplacing nobody"
    }

    private func suggestions(_ trials: ChangeTrials, tried: Set<SuggestedChange>) -> [Suggestion] {
        tried.compactMap { change -> Suggestion? in
            guard let result = trials.result(change), result.works else { return nil }
            let placed = result.placed.keys.sorted()
            let where_ = placed.map { student -> String in
                let session = result.placed[student]!
                return "\(wording.student(student)) at \(wording.employer(session.employer)) on \(session.day)"
            }
            return Suggestion(change: change, placed: placed,
                              detail: "\(change.words(wording)) would place \(Wording.list(where_)), \(disruption(result)).",
                              headline: change.words(wording))
        }.sorted { ($1.placed.count, $0.change) < ($0.placed.count, $1.change) }
    }
}
