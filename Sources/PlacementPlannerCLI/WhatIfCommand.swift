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

    @Option(parsing: .singleValue, help: "An employer that hosts nobody from --from on.")
    var withdraw: [String] = []

    @Option(parsing: .singleValue, help: "EMPLOYER=N: the employer's capacity from --from on.")
    var capacity: [String] = []

    @Option(name: .customLong("staff-away"), parsing: .singleValue, help: "A member of staff free for no escort duty from --from on.")
    var staffAway: [String] = []

    @Option(name: .customLong("student-leaves"), parsing: .singleValue, help: "A student who leaves (from --from on).")
    var studentLeaves: [String] = []

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
            result = try WhatIfPlanner.replan(school, current: current, changes: changes, from: start, options: PlanningOptions(
                timeLimit: timeLimit, progress: progress, shouldStop: { Interruption.requested }))
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
        for id in withdraw {
            if school.employer(EmployerID(id)) == nil { problems.append("--withdraw '\(id)' is not an employer in employers.csv.") }
            changes.append(.withdraw(EmployerID(id)))
        }
        for item in capacity {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let places = Int(parts[1]), places >= 0 else {
                problems.append("--capacity '\(item)' must be EMPLOYER=N with N a whole number of 0 or more, e.g. --capacity oxfam=1.")
                continue
            }
            if school.employer(EmployerID(parts[0])) == nil { problems.append("--capacity '\(parts[0])' is not an employer in employers.csv.") }
            changes.append(.capacity(EmployerID(parts[0]), places))
        }
        for id in staffAway {
            if school.staffMember(StaffID(id)) == nil { problems.append("--staff-away '\(id)' is not a member of staff in staff.csv.") }
            changes.append(.staffAway(StaffID(id)))
        }
        for id in studentLeaves {
            if school.student(StudentID(id)) == nil { problems.append("--student-leaves '\(id)' is not a student in students.csv.") }
            changes.append(.studentLeaves(StudentID(id)))
        }
        guard problems.isEmpty else {
            problems.forEach(printError)
            printError("Nothing was planned or written.")
            throw Exit.badInput
        }
        return (changes, start)
    }
}
