import PlacementDomain

/// One member of staff's escort days: where, when and with whom.
enum StaffView {
    static func context(_ version: VersionPlan, staff id: StaffID) throws(PageError) -> [String: Any] {
        let workspace = version.workspace
        guard let member = workspace.staffMember(id) else { throw PageError.notFound("member of staff '\(id)' in this version") }
        let sessions = version.plan.escorts.filter { $0.value.contains(id) }.map(\.key)
        let order = { (session: Session) in (workspace.order(of: session.term) ?? .max, session.day) }
        let rows = sessions.sorted { order($0) < order($1) }.map { session -> [String: Any] in
            [
                "term": workspace.term(session.term)?.name ?? session.term.rawValue, "day": session.day.description,
                "employerID": session.employer.rawValue, "employer": workspace.employer(session.employer)?.name ?? session.employer.rawValue,
                "version": version.version.id,
                "students": version.plan.placements.filter { $0.session == session }.map(\.student).sorted()
                    .compactMap { workspace.student($0) }.filter { $0.escort != .none }
                    .map { ["id": $0.id.rawValue, "name": $0.name, "version": version.version.id] },
            ]
        }
        return ["id": id.rawValue, "name": member.name, "version": version.version.id, "rows": rows, "hasRows": !rows.isEmpty,
                "skills": member.skills.sorted().joined(separator: ", ")]
    }

    static let template = """
        <h1>{{name}}: escort days</h1>
        <p>Skills: {{skills}}{{^skills}}none listed{{/skills}}.</p>
        {{^hasRows}}<p class="note">No escort duty in this version.</p>{{/hasRows}}
        {{#hasRows}}<table id="escort-days"><tr><th>Term</th><th>Day</th><th>Employer</th><th>Students escorted</th></tr>
        {{#rows}}<tr><td>{{term}}</td><td>{{day}}</td><td><a href="/versions/{{version}}/employers/{{employerID}}">{{employer}}</a></td><td>{{#students}}<a href="/versions/{{version}}/students/{{id}}">{{name}}</a><br>{{/students}}</td></tr>
        {{/rows}}</table>{{/hasRows}}
        <p class="noprint"><a href="/versions/{{version}}">Back to the year</a></p>
        """
}
