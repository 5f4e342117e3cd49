import PlacementDomain

/// Two versions side by side: every (student, term) whose placement differs.
enum CompareView {
    static func context(_ a: VersionPlan, _ b: VersionPlan) -> [String: Any] {
        let workspace = b.workspace
        let describe = { (version: VersionPlan, student: StudentID, term: TermID) -> String in
            guard let session = version.plan.placement(of: student, in: term)?.session else { return "not placed" }
            return "\(version.workspace.employer(session.employer)?.name ?? session.employer.rawValue) \(session.day)"
        }
        var rows: [[String: Any]] = []
        for student in workspace.students {
            for term in workspace.terms {
                let before = describe(a, student.id, term.id), after = describe(b, student.id, term.id)
                guard before != after else { continue }
                rows.append(["id": student.id.rawValue, "name": student.name, "term": term.name, "before": before, "after": after])
            }
        }
        return ["a": a.version.id, "b": b.version.id, "rows": rows, "count": rows.count, "same": rows.isEmpty,
                "summaryA": a.version.summary, "summaryB": b.version.summary]
    }

    static let template = """
        <h1>Version {{a}} compared with version {{b}}</h1>
        <p><a href="/versions/{{a}}">Version {{a}}</a>: {{summaryA}}<br><a href="/versions/{{b}}">Version {{b}}</a>: {{summaryB}}</p>
        {{#same}}<p class="ok">The two versions place every student the same way.</p>{{/same}}
        {{^same}}<p>{{count}} student-term(s) differ.</p>
        <table id="differences"><tr><th>Student</th><th>Term</th><th>In version {{a}}</th><th>In version {{b}}</th></tr>
        {{#rows}}<tr><td>{{name}} ({{id}})</td><td>{{term}}</td><td>{{before}}</td><td>{{after}}</td></tr>
        {{/rows}}</table>{{/same}}
        """
}
