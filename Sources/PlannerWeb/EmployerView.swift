import PlacementDomain

/// One employer's rota: who comes on which day of which term, with which escorts. Also printable.
enum EmployerView {
    static func context(_ version: VersionPlan, employer id: EmployerID) throws(PageError) -> [String: Any] {
        let workspace = version.workspace
        guard let employer = workspace.employer(id) else { throw PageError.notFound("employer '\(id)' in this version") }
        let sessions = Dictionary(grouping: version.plan.placements.filter { $0.session.employer == id }, by: \.session)
        let order = { (session: Session) in (workspace.order(of: session.term) ?? .max, session.day) }
        let rows = sessions.keys.sorted { order($0) < order($1) }.map { session -> [String: Any] in
            [
                "term": workspace.term(session.term)?.name ?? session.term.rawValue, "day": session.day.description,
                "students": sessions[session]!.map(\.student).sorted().compactMap { workspace.student($0) }
                    .map { ["id": $0.id.rawValue, "name": $0.name, "version": version.version.id] },
                "escorts": (version.plan.escorts[session] ?? []).compactMap { workspace.staffMember($0) }
                    .map { ["id": $0.id.rawValue, "name": $0.name, "version": version.version.id] },
            ]
        }
        return [
            "id": id.rawValue, "name": employer.name, "sector": employer.sector, "version": version.version.id,
            "days": Weekday.allCases.filter { employer.days.contains($0) }.map(\.description).joined(separator: ", "),
            "capacity": employer.capacity, "rows": rows, "hasRows": !rows.isEmpty,
        ]
    }

    static let template = """
        <h1>{{name}}: rota</h1>
        <p>{{sector}}; hosts on {{days}}; {{capacity}} student(s) a day.</p>
        {{^hasRows}}<p class="note">Nobody is placed here in this version.</p>{{/hasRows}}
        {{#hasRows}}<table id="rota"><tr><th>Term</th><th>Day</th><th>Students</th><th>Escorts</th></tr>
        {{#rows}}<tr><td>{{term}}</td><td>{{day}}</td><td>{{#students}}<a href="/versions/{{version}}/students/{{id}}">{{name}}</a><br>{{/students}}</td><td>{{#escorts}}<a href="/versions/{{version}}/staff/{{id}}">{{name}}</a><br>{{/escorts}}</td></tr>
        {{/rows}}</table>{{/hasRows}}
        <p class="noprint"><a href="/versions/{{version}}/employers/{{id}}?print=1">Print view</a> · <a href="/versions/{{version}}">Back to the year</a></p>
        """
}
