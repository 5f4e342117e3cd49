import Foundation
import PlacementDomain

/// Explains a plan to a coordinator: for every unplaced (student, term) — or one student's whole
/// year — the rules that ruled employers out, who holds the places and escorts that were left,
/// why each placement is the one it is, and the smallest change that would place each unplaced
/// student without unplacing anyone else.
public enum Explainer {
    public static func explain(_ workspace: Workspace, plan: Plan, student only: StudentID? = nil,
                               whatWouldItTake: Bool = true) -> ExplainReport {
        let index = PlanIndex(plan)
        let wording = Wording(workspace: workspace)
        var explanations: [Explanation] = []
        var unplaced: [StudentTermView] = []
        for student in workspace.students.sorted(by: { $0.id < $1.id }) where only == nil || only == student.id {
            for term in workspace.terms where student.terms.contains(term.id) {
                let placedAt = index.session(of: student.id, in: term.id)
                guard only != nil || placedAt == nil else { continue }
                let view = StudentTermView(student: student, term: term, plan: plan, workspace: workspace)
                let lines = placedAt.map { PlacementChoice(view: view, index: index, workspace: workspace, wording: wording).explanations(for: $0) }
                    ?? unplacedLines(view, index: index, workspace: workspace, wording: wording)
                explanations += lines.map { Explanation(student: student.id, term: term.id, kind: $0.0, detail: $0.1) }
                if placedAt == nil { unplaced.append(view) }
            }
        }
        guard whatWouldItTake, !unplaced.isEmpty else {
            return ExplainReport(explanations: explanations, suggestions: [], changesTried: 0)
        }
        let search = WhatWouldItTake(workspace: workspace, plan: plan, index: index, wording: wording)
        let found = search.run(unplaced)
        explanations = merge(explanations, found.lines)
        return ExplainReport(explanations: explanations, suggestions: found.suggestions, changesTried: found.tried)
    }

    private static func unplacedLines(_ view: StudentTermView, index: PlanIndex, workspace: Workspace,
                                      wording: Wording) -> [(Explanation.Kind, String)] {
        let funnel = EliminationFunnel(view: view, wording: wording)
        var lines: [(Explanation.Kind, String)] = [(.rules, funnel.summary())]
        if view.allowed.isEmpty {
            lines += funnel.nearestMisses().map { (.nearestMiss, $0) }
        } else {
            lines += BlockedSessions(view: view, index: index, workspace: workspace, wording: wording).explanations()
        }
        return lines
    }

    /// Puts each what-would-it-take line after the other lines of its (student, term).
    private static func merge(_ lines: [Explanation], _ extra: [Explanation]) -> [Explanation] {
        var result: [Explanation] = []
        var pending = Dictionary(grouping: extra) { "\($0.student)|\($0.term)" }
        for (position, line) in lines.enumerated() {
            result.append(line)
            let key = "\(line.student)|\(line.term)"
            let next = position + 1 < lines.count ? "\(lines[position + 1].student)|\(lines[position + 1].term)" : nil
            if next != key, let waiting = pending.removeValue(forKey: key) { result += waiting }
        }
        return result
    }
}
