import PlacementDomain
import PlanExplain

/// What `explain` prints and writes: `explanations.csv` (`student,term,kind,detail`) and
/// `suggestions.csv` (`change,students_placed,detail`).
public enum ExplanationTables {
    public static func files(for report: ExplainReport) -> [String: String] {
        ["explanations.csv": explanations(report), "suggestions.csv": suggestions(report)]
    }

    static func explanations(_ report: ExplainReport) -> String {
        CSVText.render(header: ["student", "term", "kind", "detail"], rows: report.explanations.map {
            [$0.student.rawValue, $0.term.rawValue, $0.kind.rawValue, $0.detail]
        })
    }

    static func suggestions(_ report: ExplainReport) -> String {
        CSVText.render(header: ["change", "students_placed", "detail"], rows: report.suggestions.map {
            [$0.headline, String($0.placed.count), $0.detail]
        })
    }

    /// The report as text for the terminal: each (student, term) with its lines, then the changes
    /// that place the most students.
    /// - Parameter whatIf: the start of a `whatif` command line; each suggestion shown gets the
    ///   command that tries it.
    public static func text(_ report: ExplainReport, workspace: Workspace, whatIf: String? = nil,
                            suggestionsShown: Int = 10) -> String {
        var out = ""
        var current: String?
        for line in report.explanations {
            let key = "\(line.student)|\(line.term)"
            if key != current {
                current = key
                let name = workspace.student(line.student)?.name ?? line.student.rawValue
                out += "\n\(name) (\(line.student)) — \(workspace.term(line.term)?.name ?? line.term.rawValue)\n"
            }
            out += "  \(label(line.kind)): \(line.detail)\n"
        }
        if !report.suggestions.isEmpty {
            out += "\nChanges that would place the most students (each tried by re-planning; nobody loses a placement):\n"
            for (position, suggestion) in report.suggestions.prefix(suggestionsShown).enumerated() {
                out += "  \(position + 1). \(suggestion.detail)\n"
                if let whatIf {
                    out += "     To try it: \(whatIf) \(suggestion.change.whatIfArguments(in: workspace).joined(separator: " "))\n"
                }
            }
            if report.suggestions.count > suggestionsShown {
                out += "  … and \(report.suggestions.count - suggestionsShown) more in suggestions.csv (with --out).\n"
            }
        }
        return out
    }

    private static func label(_ kind: Explanation.Kind) -> String {
        switch kind {
        case .rules: "Rules"
        case .nearestMiss: "Nearest miss"
        case .full: "Places"
        case .escort: "Escort"
        case .placed: "Why this one"
        case .betterOption: "Better-liked, not possible"
        case .whatWouldItTake: "What would it take"
        }
    }
}
