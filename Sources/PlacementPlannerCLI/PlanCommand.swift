import ArgumentParser
import Foundation
import PlanExport
import YearSolver

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plans the whole year and writes timetable.csv, escorts.csv, unplaced.csv, employer_rota.csv and summary.txt.")

    @Argument(help: "The workspace folder.")
    var workspace: String

    @Option(name: .long, help: "The folder to write the plan into (replaced as a whole when the new plan is complete).")
    var out: String

    @Option(name: .long, help: "Stop searching after this many seconds and keep the best plan found.")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Stop when the plan is proven within this fraction of the best possible (0.0001 = 0.01 %).")
    var gap: Double = 1e-4

    @Option(name: .long, help: "Also write the optimisation model to this .lp or .mps file (MPS does not record that it maximises).")
    var exportModel: String?

    @Flag(name: .long, help: "Print no progress line while solving.")
    var quiet = false

    func validate() throws {
        guard timeLimit > 0, timeLimit <= 86_400 else { throw ValidationError("--time-limit must be between 0 and 86400 seconds.") }
        guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be a fraction from 0 to 1, e.g. 0.0001.") }
        if let exportModel, !(exportModel.hasSuffix(".lp") || exportModel.hasSuffix(".mps")) {
            throw ValidationError("--export-model must end in .lp or .mps.")
        }
    }

    func run() throws {
        let school = try loadWorkspace(workspace)
        let outURL = URL(fileURLWithPath: out)
        do {
            try PlanFolder.checkDestination(outURL, workspace: URL(fileURLWithPath: workspace))
        } catch {
            printError(error.description)
            throw Exit.badInput
        }
        if let exportModel {
            try runOrExit { try YearPlanner.exportModel(school, to: exportModel, mps: exportModel.hasSuffix(".mps")) }
            printError("Model written to \(exportModel)\(exportModel.hasSuffix(".mps") ? " (MPS does not record the sense: the model MAXIMISES)" : "").")
        }
        Interruption.install()
        let progress = quiet ? nil : ProgressLine.reporter()
        let outcome = try runOrExit {
            try YearPlanner.plan(school, options: PlanningOptions(
                timeLimit: timeLimit, relativeGap: gap, progress: progress, shouldStop: { Interruption.requested }))
        }
        ProgressLine.finish(progress != nil)
        do {
            try PlanFolder.write(PlanFolder.files(for: outcome, workspace: school), to: outURL, workspace: URL(fileURLWithPath: workspace))
        } catch {
            printError("\(error)")
            throw Exit.failed
        }
        print(SummaryText.render(outcome, workspace: school), terminator: "")
        print("Plan written to \(out)/")
    }

    private func runOrExit<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            printError("\(error)")
            throw Exit.failed
        }
    }
}
