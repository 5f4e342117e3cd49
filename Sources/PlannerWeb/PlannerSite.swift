import Foundation
import PlacementDomain
import PlanExport
import YearSolver

/// Everything the page works with for one workspace: its files, the saved versions, the running
/// solve and the what-ifs waiting to be kept or discarded.
public final class PlannerSite: Sendable {
    let source: WorkspaceSource
    let store: VersionStore
    let plans: VersionPlans
    let jobs = SolveJobs()
    let pending = PendingWhatIfs()
    let explanations: any ExplanationSource
    let timeLimit: Double

    /// Opens (or creates) the version database in the workspace.
    public init(workspace: URL, timeLimit: Double = 60, explanations: any ExplanationSource = NoExplanations()) throws {
        source = WorkspaceSource(directory: workspace)
        store = try VersionStore(path: workspace.appendingPathComponent(VersionStore.fileName).path)
        plans = VersionPlans(store: store, source: source)
        self.explanations = explanations
        self.timeLimit = timeLimit
    }

    /// Plans the year as `plan` does and saves it as a version; returns the job id.
    func startPlan() throws(PageError) -> Int {
        let workspace = try source.valid()
        return try jobs.start("Planning the year") { [store, timeLimit] progress in
            let outcome = try YearPlanner.plan(workspace, options: PlanningOptions(timeLimit: timeLimit, progress: progress))
            let version = try store.save(kind: .plan, summary: Self.summary(outcome), change: "", changeSpec: "", parent: nil,
                                         files: PlanFolder.files(for: outcome, workspace: workspace))
            return "/versions/\(version.id)"
        }
    }

    /// Re-plans a version as `whatif` does; the result waits in `pending` for keep or discard.
    func startWhatIf(from id: Int64, form: FormFields) throws(PageError) -> Int {
        let version = try plans.plan(id)
        let changeSet = try WhatIfForm(fields: form).changeSet(in: version.workspace).get()
        return try jobs.start("Asking what if \(changeSet.plainWords(in: version.workspace))") { [pending] progress in
            let result: WhatIfOutcome
            do {
                result = try WhatIfPlanner.replan(version.workspace, current: version.plan, changes: changeSet.changes,
                                                  from: changeSet.from, options: PlanningOptions(progress: progress))
            } catch {
                throw PageError(.conflict, "\(error)")
            }
            let token = pending.add(parent: id, changeSet: changeSet, result: result, files: WhatIfTables.files(for: result))
            return "/whatif/\(token)"
        }
    }

    /// Saves a pending what-if as a new version (once, however many tabs ask).
    func keep(_ token: String) throws(PageError) -> Version {
        guard let whatIf = pending.take(token) else { throw PageError.notFound("what-if waiting to be kept (it may have been kept or discarded already)") }
        do {
            return try store.save(kind: .whatif,
                                  summary: Self.summary(whatIf.result.outcome) + "; \(whatIf.result.studentsAffected) students affected",
                                  change: whatIf.changeSet.plainWords(in: whatIf.result.workspace), changeSpec: whatIf.changeSet.spec,
                                  parent: whatIf.parent, files: whatIf.files)
        } catch {
            throw PageError(.internalServerError, "The new plan could not be saved: \(error). Nothing was lost; try Keep again.")
        }
    }

    /// Counts only.
    static func summary(_ outcome: PlanOutcome) -> String {
        "\(outcome.score.placements) of \(outcome.requestedPlacements) placements made, \(outcome.unplaced.count) unplaced"
    }
}
