import PlacementDomain
import YearSolver

/// The what-if form (on a version's page) and a what-if's result: who moves, from → to, with
/// Keep and Discard buttons.
enum WhatIfView {
    static func formOptions(_ workspace: Workspace) -> [String: Any] {
        [
            "terms": ViewHelpers.options(workspace.terms.map { ($0.id.rawValue, $0.name) }),
            "employerChoices": ViewHelpers.options(workspace.employers.map { ($0.id.rawValue, "\($0.name) (\($0.id))") }),
            "staffChoices": ViewHelpers.options(workspace.staff.map { ($0.id.rawValue, "\($0.name) (\($0.id))") }),
            "studentChoices": ViewHelpers.options(workspace.students.map { ($0.id.rawValue, "\($0.name) (\($0.id))") }),
            "dayChoices": ViewHelpers.options(Weekday.allCases.map { ($0.description, $0.fullName) }),
        ]
    }

    static let formTemplate = """
        <h2>What if …</h2>
        <form method="post" action="/versions/{{version}}/whatif" id="whatif-form" class="noprint">
        <fieldset>
        <label>From term <select name="from">{{#terms}}<option value="{{value}}">{{label}}</option>{{/terms}}</select></label><br>
        <label>this employer withdraws <select name="withdraw"><option value="">—</option>{{#employerChoices}}<option value="{{value}}">{{label}}</option>{{/employerChoices}}</select></label><br>
        <label>this employer's places per day become <select name="capacity_employer"><option value="">—</option>{{#employerChoices}}<option value="{{value}}">{{label}}</option>{{/employerChoices}}</select></label>
        <input name="capacity_places" size="3" inputmode="numeric"><br>
        <label>this member of staff is away <select name="staff_away"><option value="">—</option>{{#staffChoices}}<option value="{{value}}">{{label}}</option>{{/staffChoices}}</select></label><br>
        <label>this student leaves <select name="student_leaves"><option value="">—</option>{{#studentChoices}}<option value="{{value}}">{{label}}</option>{{/studentChoices}}</select></label><br>
        <details><summary>More changes (as <code>explain</code> suggests)</summary>
        <label>places at <select name="day_capacity_employer"><option value="">—</option>{{#employerChoices}}<option value="{{value}}">{{label}}</option>{{/employerChoices}}</select></label>
        <label>on <select name="day_capacity_day">{{#dayChoices}}<option value="{{value}}">{{label}}</option>{{/dayChoices}}</select></label>
        <label>become <input name="day_capacity_places" size="3" inputmode="numeric"></label><br>
        <label>this member of staff is also free <select name="staff_also_free"><option value="">—</option>{{#staffChoices}}<option value="{{value}}">{{label}}</option>{{/staffChoices}}</select></label>
        <label>on <select name="staff_also_free_day">{{#dayChoices}}<option value="{{value}}">{{label}}</option>{{/dayChoices}}</select></label><br>
        <label>this member of staff escorts again (usual days) <select name="staff_back"><option value="">—</option>{{#staffChoices}}<option value="{{value}}">{{label}}</option>{{/staffChoices}}</select></label><br>
        <label>one more escort trained in <input name="new_escort_skills" size="20" placeholder="e.g. epilepsy, peg-feeding"></label>
        <label>free on <select name="new_escort_day"><option value="">—</option>{{#dayChoices}}<option value="{{value}}">{{label}}</option>{{/dayChoices}}</select></label><br>
        <label>this student may travel <select name="travel_student"><option value="">—</option>{{#studentChoices}}<option value="{{value}}">{{label}}</option>{{/studentChoices}}</select></label>
        <label>up to <input name="travel_minutes" size="3" inputmode="numeric"> minutes</label><br>
        <label>this student can also attend <select name="attends_student"><option value="">—</option>{{#studentChoices}}<option value="{{value}}">{{label}}</option>{{/studentChoices}}</select></label>
        <label>on <select name="attends_day">{{#dayChoices}}<option value="{{value}}">{{label}}</option>{{/dayChoices}}</select></label>
        </details>
        <button type="submit" id="ask-whatif">Ask what if</button>
        <span class="note">Earlier terms stay as they are; as few students as possible move. Nothing is saved until you press Keep.</span>
        </fieldset>
        </form>
        """

    static func context(_ whatIf: PendingWhatIf) -> [String: Any] {
        let result = whatIf.result, workspace = result.workspace
        let describe = { (session: Session?) -> String in
            guard let session else { return "not placed" }
            return "\(workspace.employer(session.employer)?.name ?? session.employer.rawValue) \(session.day)"
        }
        let order = { (term: TermID) in workspace.order(of: term) ?? .max }
        let moves = result.changes.sorted { ($0.student, order($0.term)) < ($1.student, order($1.term)) }.map { change -> [String: Any] in
            ["id": change.student.rawValue, "name": workspace.student(change.student)?.name ?? "",
             "term": workspace.term(change.term)?.name ?? change.term.rawValue,
             "before": describe(change.before), "after": describe(change.after), "reason": change.reason]
        }
        return [
            "token": whatIf.token, "parent": whatIf.parent, "change": whatIf.changeSet.plainWords(in: workspace),
            "summary": PlannerSite.summary(result.outcome), "affected": result.studentsAffected,
            "escortChanges": result.escortChanges.count, "moves": moves, "hasMoves": !moves.isEmpty,
        ]
    }

    static let template = """
        <h1>What if {{change}}</h1>
        <p>New plan: {{summary}}. {{affected}} student(s) affected; {{escortChanges}} escort duty change(s). Compared with <a href="/versions/{{parent}}">version {{parent}}</a>.</p>
        {{^hasMoves}}<p class="ok">Nobody has to move.</p>{{/hasMoves}}
        {{#hasMoves}}<table id="moves"><tr><th>Student</th><th>Term</th><th>From</th><th>To</th><th>Why</th></tr>
        {{#moves}}<tr><td>{{name}} ({{id}})</td><td>{{term}}</td><td>{{before}}</td><td>{{after}}</td><td>{{reason}}</td></tr>
        {{/moves}}</table>{{/hasMoves}}
        <form method="post" action="/whatif/{{token}}/keep" class="inline"><button type="submit" id="keep">Keep the new plan</button></form>
        <form method="post" action="/whatif/{{token}}/discard" class="inline"><button type="submit" class="secondary" id="discard">Discard it</button></form>
        """
}
