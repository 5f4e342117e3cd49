import Foundation
import PlacementDomain
import WorkspaceImport

/// The start page: the workspace at a glance (or its problems), the Plan button, the versions.
enum OverviewView {
    static func context(site: PlannerSite) throws -> [String: Any] {
        var context: [String: Any] = ["folder": site.source.directory.lastPathComponent]
        switch site.source.load() {
        case .success(let workspace):
            context["counts"] = [
                "students": workspace.students.count, "employers": workspace.employers.count, "staff": workspace.staff.count,
                "sites": workspace.sites.count, "terms": workspace.terms.count, "history": workspace.history.count,
            ]
        case .failure(let problems):
            context["problems"] = problems.problems.map { problem -> [String: Any] in
                ["location": problem.location, "message": problem.message, "fix": problem.fix,
                 "link": "/workspace/files/\(problem.file)" + (problem.line.map { "#line-\($0)" } ?? "")]
            }
            context["problemCount"] = problems.problems.count
            context["hasProblems"] = true
        }
        if let running = site.jobs.running { context["running"] = ["id": running.id, "title": running.title] }
        let versions = try site.store.versions()
        context["versions"] = versions.map { version -> [String: Any] in
            ["id": version.id, "kind": version.kind == .plan ? "Plan" : "What-if", "created": ViewHelpers.time(version.createdAt),
             "summary": version.summary, "change": version.change]
        }
        context["hasVersions"] = !versions.isEmpty
        // Compare the newest version with the one before it unless the coordinator picks others.
        context["firstOptions"] = versions.enumerated().map { ["id": $1.id, "selected": $0 == min(1, versions.count - 1)] }
        context["secondOptions"] = versions.map { ["id": $0.id, "selected": false] }
        return context
    }

    static let template = """
        <h1>Workspace {{folder}}</h1>
        {{#counts}}
        <p class="ok">The files are fine: {{students}} students, {{employers}} employers, {{staff}} escort staff, {{sites}} sites, {{terms}} terms, {{history}} fixed placements.</p>
        {{/counts}}
        {{#hasProblems}}
        <h2 class="problem">{{problemCount}} problem(s) to fix before planning</h2>
        <ul>{{/hasProblems}}{{#problems}}
        <li><a href="{{link}}">{{location}}</a>: {{message}}. {{fix}}</li>{{/problems}}{{#hasProblems}}
        </ul>
        <p class="note">Fix them in the files (Excel is fine), save, and reload this page.</p>
        {{/hasProblems}}
        {{#running}}<p>{{title}} — <a href="/jobs/{{id}}">watch its progress</a>.</p>{{/running}}
        {{#counts}}
        <form method="post" action="/plan"><button id="plan" type="submit">Plan</button>
        <span class="note">Plans the whole year (the sample school takes about 20 seconds) and saves it as a new version.</span></form>
        {{/counts}}
        <h2>Saved versions</h2>
        {{^hasVersions}}<p class="note">None yet: press Plan.</p>{{/hasVersions}}
        {{#hasVersions}}
        <table id="versions">
        <tr><th>Version</th><th>Saved</th><th>Kind</th><th>Summary</th><th>Change</th><th>Files</th></tr>
        {{#versions}}<tr><td><a href="/versions/{{id}}">Version {{id}}</a></td><td>{{created}}</td><td>{{kind}}</td><td>{{summary}}</td><td>{{change}}</td><td><a href="/versions/{{id}}/download.zip">zip</a></td></tr>
        {{/versions}}
        </table>
        <form method="get" action="/compare">
        <p>Compare version <select name="a">{{#firstOptions}}<option{{#selected}} selected{{/selected}}>{{id}}</option>{{/firstOptions}}</select>
        with <select name="b">{{#secondOptions}}<option>{{id}}</option>{{/secondOptions}}</select>
        <button class="secondary" type="submit">Compare</button></p>
        </form>
        {{/hasVersions}}
        """
}
