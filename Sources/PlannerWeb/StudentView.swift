import PlacementDomain

/// One student's year: each term's placement (travel, interest, escorts), why not where unplaced,
/// and any explanation lines the `ExplanationSource` gives. Also the print view for the family.
enum StudentView {
    static func context(_ version: VersionPlan, student id: StudentID, explanations: any ExplanationSource) throws(PageError) -> [String: Any] {
        let workspace = version.workspace
        guard let student = workspace.student(id) else { throw PageError.notFound("student '\(id)' in this version") }
        let reasons = Dictionary(version.unplaced.filter { $0.student == id }.map { ($0.term, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let terms = workspace.terms.map { term -> [String: Any] in
            var row: [String: Any] = ["term": term.name]
            if let placement = version.plan.placement(of: id, in: term.id), let employer = workspace.employer(placement.session.employer) {
                let escorts = version.plan.escorts[placement.session] ?? []
                row["placed"] = [
                    "employerID": employer.id.rawValue, "employer": employer.name, "sector": employer.sector,
                    "day": placement.session.day.description, "version": version.version.id,
                    "travel": workspace.travelMinutes(student, employer).map { "\($0) min" } ?? "",
                    "interest": student.interestRank(of: employer.sector).map { "choice \($0)" } ?? "not in their interests",
                    "escorts": student.escort == .none ? "" : escorts.compactMap { workspace.staffMember($0)?.name }.joined(separator: ", "),
                ] as [String: Any]
            } else if let reason = reasons[term.id] {
                row["reason"] = reason
            } else {
                row["notTakingPart"] = true
            }
            return row
        }
        let lines = explanations.lines(for: id, plan: version.plan, workspace: workspace)
        return [
            "id": id.rawValue, "name": student.name, "version": version.version.id,
            "details": [student.year.map { "Year \($0)" }, student.pathway.map { "\($0) pathway" },
                        workspace.sites.first { $0.id == student.site }.map { "site \($0.name)" }].compactMap { $0 }.joined(separator: ", "),
            "interests": student.interests.joined(separator: ", "),
            "needs": student.needs.sorted().joined(separator: ", "),
            "escort": ViewHelpers.escortBadge(student) ?? "no escort",
            "terms": terms,
            "explanations": lines.map { line in
                ["kind": line.kind.rawValue, "term": line.term.map { workspace.term($0)?.name ?? $0.rawValue } ?? "", "detail": line.detail]
            }, "hasExplanations": !lines.isEmpty,
        ]
    }

    static let template = """
        <h1>{{name}}’s year</h1>
        <p>{{details}}. Interests: {{interests}}{{^interests}}none given{{/interests}}. {{#needs}}Needs: {{needs}}. {{/needs}}{{escort}}.</p>
        <table id="student-year"><tr><th>Term</th><th>Placement</th><th>Day</th><th>Travel</th><th>Interest</th><th>Escorts</th></tr>
        {{#terms}}<tr><td>{{term}}</td>
        {{#placed}}<td><a href="/versions/{{version}}/employers/{{employerID}}">{{employer}}</a> ({{sector}})</td><td>{{day}}</td><td>{{travel}}</td><td>{{interest}}</td><td>{{escorts}}</td>{{/placed}}
        {{#reason}}<td colspan="5" class="problem">Not placed: {{reason}}</td>{{/reason}}
        {{#notTakingPart}}<td colspan="5" class="note">Not taking part this term.</td>{{/notTakingPart}}
        </tr>{{/terms}}
        </table>
        {{#hasExplanations}}<h2>Why</h2><ul id="explanations">{{#explanations}}<li><strong>{{kind}}</strong>{{#term}} ({{term}}){{/term}}: {{detail}}</li>{{/explanations}}</ul>{{/hasExplanations}}
        <p class="noprint"><a href="/versions/{{version}}/students/{{id}}?print=1">Print view</a> · <a href="/versions/{{version}}">Back to the year</a></p>
        """
}
