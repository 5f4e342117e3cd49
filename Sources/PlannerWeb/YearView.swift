import PlacementDomain

/// A version's year as a picture: unplaced students first with their reasons, the what-if form,
/// then the students × terms grid, filtered by pathway, site, employer or staff.
enum YearView {
    struct Filters {
        var pathway: String?
        var site: String?
        var employer: String?
        var staff: String?
    }

    static func context(_ version: VersionPlan, filters: Filters, explanations: any ExplanationSource = NoExplanations()) -> [String: Any] {
        let workspace = version.workspace, plan = version.plan, id = version.version.id
        let sectors = ViewHelpers.sectorClasses(workspace)
        let byStudent = Dictionary(grouping: plan.placements, by: \.student)
        let unplaced = Set(version.unplaced.map { "\($0.student)|\($0.term)" })
        let students = workspace.students.filter { student in
            let sessions = byStudent[student.id]?.map(\.session) ?? []
            return (filters.pathway.map { student.pathway == $0 } ?? true)
                && (filters.site.map { student.site.rawValue == $0 } ?? true)
                && (filters.employer.map { employer in sessions.contains { $0.employer.rawValue == employer } } ?? true)
                && (filters.staff.map { staff in sessions.contains { plan.escorts[$0]?.contains(StaffID(staff)) == true } } ?? true)
        }
        let rows = students.map { student -> [String: Any] in
            let cells = workspace.terms.map { term -> [String: Any] in
                guard let placement = byStudent[student.id]?.first(where: { $0.session.term == term.id }),
                      let employer = workspace.employer(placement.session.employer) else {
                    return unplaced.contains("\(student.id)|\(term.id)") ? ["cellUnplaced": true] : ["cellAbsent": true]
                }
                var cell: [String: Any] = [
                    "employerID": employer.id.rawValue, "employer": employer.name, "day": placement.session.day.description,
                    "class": sectors[employer.sector] ?? "", "sector": employer.sector, "version": id,
                ]
                if let badge = ViewHelpers.escortBadge(student) { cell["escort"] = badge }
                if !student.needs.isEmpty { cell["needs"] = student.needs.sorted().joined(separator: ", ") }
                return cell
            }
            return ["id": student.id.rawValue, "name": student.name, "pathway": student.pathway ?? "", "version": id, "cells": cells]
        }
        return [
            "header": ViewHelpers.versionHeader(version), "version": id,
            "terms": workspace.terms.map { ["id": $0.id.rawValue, "name": $0.name] },
            "rows": rows, "shown": rows.count, "total": workspace.students.count,
            "unplaced": version.unplaced.map { row -> [String: Any] in
                let suggestions = explanations.lines(for: row.student, plan: plan, workspace: workspace)
                    .filter { $0.kind == .whatWouldItTake && ($0.term == nil || $0.term == row.term) }.map(\.detail)
                return ["id": row.student.rawValue, "name": workspace.student(row.student)?.name ?? "",
                        "term": workspace.term(row.term)?.name ?? row.term.rawValue, "reason": row.reason, "version": id,
                        "suggestions": suggestions]
            },
            "hasUnplaced": !version.unplaced.isEmpty,
            "changes": version.changes.map { row -> [String: Any] in
                ["id": row.student.rawValue, "name": workspace.student(row.student)?.name ?? "",
                 "term": workspace.term(row.term)?.name ?? row.term.rawValue, "before": named(row.before, in: workspace), "after": named(row.after, in: workspace), "reason": row.reason, "version": id]
            },
            "hasChanges": !version.changes.isEmpty,
            "legend": ViewHelpers.legend(workspace),
            "pathways": ViewHelpers.options(Set(workspace.students.compactMap(\.pathway)).sorted().map { ($0, $0) }, selected: filters.pathway),
            "sites": ViewHelpers.options(workspace.sites.map { ($0.id.rawValue, $0.name) }, selected: filters.site),
            "employers": ViewHelpers.options(workspace.employers.map { ($0.id.rawValue, "\($0.name) (\($0.id))") }, selected: filters.employer),
            "staffOptions": ViewHelpers.options(workspace.staff.map { ($0.id.rawValue, "\($0.name) (\($0.id))") }, selected: filters.staff),
            "whatIf": WhatIfView.formOptions(workspace),
            "employerLinks": workspace.employers.map { ["id": $0.id.rawValue, "name": $0.name, "version": id] },
            "staffLinks": workspace.staff.map { ["id": $0.id.rawValue, "name": $0.name, "version": id] },
        ]
    }

    /// changes.csv's "employer-id Day" with the employer's name; "not placed" for an empty cell.
    static func named(_ session: String, in workspace: Workspace) -> String {
        guard let space = session.lastIndex(of: " ") else { return session.isEmpty ? "not placed" : session }
        let employer = workspace.employer(EmployerID(String(session[..<space])))
        return (employer?.name ?? String(session[..<space])) + session[space...]
    }

    static let template = """
        <h1>The year, version {{version}}</h1>
        {{#header}}{{> versionHeader}}{{/header}}
        {{#hasChanges}}
        <h2>Who moved in this what-if</h2>
        <table id="changes"><tr><th>Student</th><th>Term</th><th>Before</th><th>After</th><th>Why</th></tr>
        {{#changes}}<tr><td><a href="/versions/{{version}}/students/{{id}}">{{name}}</a> ({{id}})</td><td>{{term}}</td><td>{{before}}</td><td>{{after}}</td><td>{{reason}}</td></tr>
        {{/changes}}</table>
        {{/hasChanges}}
        <h2>Not placed</h2>
        {{^hasUnplaced}}<p class="ok">Every student is placed in every term they take part in.</p>{{/hasUnplaced}}
        {{#hasUnplaced}}
        <table id="unplaced"><tr><th>Student</th><th>Term</th><th>Why not</th></tr>
        {{#unplaced}}<tr><td><a href="/versions/{{version}}/students/{{id}}">{{name}}</a> ({{id}})</td><td>{{term}}</td><td>{{reason}}{{#suggestions}}<br><em>What would it take: {{.}}</em>{{/suggestions}}</td></tr>
        {{/unplaced}}</table>
        {{/hasUnplaced}}
        {{#whatIf}}{{> whatIfForm}}{{/whatIf}}
        <h2>The year</h2>
        <form method="get" action="/versions/{{version}}" class="noprint">
        <label>Pathway <select name="pathway"><option value="">all</option>{{#pathways}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/pathways}}</select></label>
        <label>Site <select name="site"><option value="">all</option>{{#sites}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sites}}</select></label>
        <label>Employer <select name="employer"><option value="">all</option>{{#employers}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/employers}}</select></label>
        <label>Staff <select name="staff"><option value="">all</option>{{#staffOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/staffOptions}}</select></label>
        <button class="secondary" type="submit">Show</button>
        </form>
        <p class="legend">{{#legend}}<span class="{{class}}">{{sector}}</span>{{/legend}}</p>
        <p class="note">{{shown}} of {{total}} students shown.</p>
        <table class="grid" id="year-grid">
        <tr><th>Student</th>{{#terms}}<th>{{name}}</th>{{/terms}}</tr>
        {{#rows}}<tr><th><a href="/versions/{{version}}/students/{{id}}">{{name}}</a> <span class="note">{{id}} {{pathway}}</span></th>
        {{#cells}}{{#cellUnplaced}}<td class="unplaced-cell">not placed</td>{{/cellUnplaced}}{{#cellAbsent}}<td class="note">—</td>{{/cellAbsent}}{{#employerID}}<td class="{{class}}" title="{{sector}}"><a href="/versions/{{version}}/employers/{{employerID}}">{{employer}}</a> {{day}}{{#escort}}<span class="badge">{{escort}}</span>{{/escort}}{{#needs}}<span class="badge needs" title="needs {{needs}}">needs</span>{{/needs}}</td>{{/employerID}}{{/cells}}</tr>
        {{/rows}}
        </table>
        <h2>Rotas and escort days</h2>
        <p id="employer-links">Employers: {{#employerLinks}}<a href="/versions/{{version}}/employers/{{id}}">{{name}}</a> · {{/employerLinks}}</p>
        <p id="staff-links">Escort staff: {{#staffLinks}}<a href="/versions/{{version}}/staff/{{id}}">{{name}}</a> · {{/staffLinks}}</p>
        """
}
