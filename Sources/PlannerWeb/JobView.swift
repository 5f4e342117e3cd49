import Foundation

/// A running solve: elapsed time, best plan so far and gap, refreshed every second.
enum JobView {
    static func context(_ job: SolveJobs.Snapshot) -> [String: Any] {
        var context: [String: Any] = ["id": job.id, "title": job.title, "elapsed": String(format: "%.0f", job.elapsedSeconds)]
        if let progress = job.progress {
            if let best = progress.bestObjective { context["best"] = String(format: "%.2f", best) }
            if let gap = progress.relativeGap { context["gap"] = String(format: "%.4f %%", gap * 100) }
            if let placements = progress.placements { context["placements"] = placements }
        }
        if case .failed(let message) = job.outcome { context["failed"] = message }
        return context
    }

    static let template = """
        <h1>{{title}}</h1>
        {{^failed}}
        <p id="progress"><progress></progress> {{elapsed}} s so far{{#placements}}; best plan so far places {{placements}} student-terms{{/placements}}{{#best}}, scoring {{best}}{{/best}}{{#gap}}, within {{gap}} of the best possible{{/gap}}.</p>
        <p class="note">This page refreshes itself every second and shows the plan when it is ready.</p>
        {{/failed}}
        {{#failed}}<p class="problem">It could not finish: {{failed}}</p><p><a href="/">Back to the start page</a></p>{{/failed}}
        """
}
