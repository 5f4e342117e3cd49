import ArgumentParser
import Foundation
import PlacementDomain
import PlanExport
import PlanVerify
import YearSolver

struct WhatIf: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Re-plans after a change (an employer withdraws, a capacity changes, staff away, a student leaves) moving as few students as possible.",
        discussion: "Terms before --from are kept exactly. With no change flag it re-plans against the edited workspace.")

    @Argument(help: "The workspace folder (edited or not).")
    var workspace: String

    @Option(help: "The current plan folder (as written by plan, possibly hand-edited).")
    var plan: String

    @Option(help: "The folder for the new plan (must not be the current plan's folder).")
    var out: String

    @Option(help: "The first term to re-plan (default: the first term). Earlier terms are kept exactly.")
    var from: String?

    @Flag(help: "Re-plan only the --from term; later terms are kept exactly too (as explain tries its suggestions).")
    var only = false

    @OptionGroup(title: "Changes (from --from on; as many as you like)")
    var change: ChangeOptions

    @Option(help: "Stop searching after this many seconds and keep the best plan found.")
    var timeLimit: Double = 60

    @Flag(help: "Print no progress line while solving.")
    var quiet = false

    func run() throws {
        let school = try loadWorkspace(workspace)
        let (changes, start) = try parseChanges(school)
        let outURL = URL(fileURLWithPath: out)
        guard outURL.standardizedFileURL.path != URL(fileURLWithPath: plan).standardizedFileURL.path else {
            printError("--out must be a different folder from --plan, so the current plan is kept.")
            throw Exit.badInput
        }
        do {
            try PlanFolder.checkDestination(outURL, workspace: URL(fileURLWithPath: workspace))
        } catch {
            printError(error.description)
            throw Exit.badInput
        }
        let current: PlacementDomain.Plan
        do {
            current = try CurrentPlan.load(URL(fileURLWithPath: plan), workspace: school)
        } catch {
            printError(error.description)
            throw Exit.badInput
        }
        Interruption.install()
        let progress = quiet ? nil : ProgressLine.reporter()
        let result: WhatIfOutcome
        do {
            let planning = PlanningOptions(timeLimit: timeLimit, progress: progress, shouldStop: { Interruption.requested })
            result = only
                ? try WhatIfPlanner.replan(school, current: current, changes: changes, terms: [start], options: planning)
                : try WhatIfPlanner.replan(school, current: current, changes: changes, from: start, options: planning)
        } catch {
            ProgressLine.finish(progress != nil)
            printError(error.description)
            throw Exit.failed
        }
        ProgressLine.finish(progress != nil)
        do {
            try PlanFolder.write(WhatIfTables.files(for: result), to: outURL, workspace: URL(fileURLWithPath: workspace))
        } catch {
            printError(error.description)
            throw Exit.failed
        }
        print(SummaryText.render(result.outcome, workspace: result.workspace), terminator: "")
        print(WhatIfTables.summary(result), terminator: "")
        print("New plan written to \(out)/")
    }

    /// Checks every change names something in the workspace; exit 2 before anything is planned.
    private func parseChanges(_ school: Workspace) throws -> ([WorkspaceChange], TermID) {
        var problems: [String] = []
        var changes: [WorkspaceChange] = []
        let start = from.map { TermID($0) } ?? school.terms.first?.id ?? TermID("")
        if school.term(start) == nil {
            problems.append("--from '\(start)' is not a term in terms.csv (terms: \(school.terms.map(\.id.rawValue).joined(separator: ", "))).")
        }
        changes = change.changes(in: school, problems: &problems)
        guard problems.isEmpty else {
            problems.forEach(printError)
            printError("Nothing was planned or written.")
            throw Exit.badInput
        }
        return (changes, start)
    }
}
