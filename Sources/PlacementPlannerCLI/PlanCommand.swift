import ArgumentParser
import Foundation
import LinearSolver
import Logging
import PlanExport
import Synchronization
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

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard timeLimit > 0, timeLimit <= 86_400 else { throw ValidationError("--time-limit must be between 0 and 86400 seconds.") }
        guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be a fraction from 0 to 1, e.g. 0.0001.") }
        if let exportModel, !(exportModel.hasSuffix(".lp") || exportModel.hasSuffix(".mps")) {
            throw ValidationError("--export-model must end in .lp or .mps.")
        }
    }

    func run() throws {
        // Ctrl-C and SIGTERM from the first moment: they stop the search and keep the best plan found.
        Interruption.install()
        let logger = logging.makeLogger()
        let school = try loadWorkspace(workspace, logger: logger)
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
        if logging.verbose {
            let start = Date()
            let size = YearPlanner.modelSize(school)
            logger.info("model: \(size.variables) variables, \(size.constraints) constraints (built in \(seconds(since: start)))")
        }
        logger.info("solving: time limit \(timeLimit) s, gap \(gap)")
        let solveStart = Date()
        let progress = Self.progress(line: quiet ? nil : ProgressLine.reporter(), logger: logging.verbose ? logger : nil)
        let outcome = try runOrExit {
            try YearPlanner.plan(school, options: PlanningOptions(
                timeLimit: timeLimit, relativeGap: gap, progress: progress, shouldStop: { Interruption.requested }))
        }
        ProgressLine.finish(!quiet && ProgressLine.reporter() != nil)
        if Interruption.requested { logger.info("interrupted: the search was stopped and the best plan found is kept") }
        logger.info("solved in \(seconds(since: solveStart)) (model built in \(String(format: "%.2f", outcome.buildSeconds)) s, search \(String(format: "%.2f", outcome.solveSeconds)) s): \(outcome.variables) variables, \(outcome.constraints) constraints; \(outcome.score.placements) of \(outcome.requestedPlacements) placements, \(outcome.unplaced.count) unplaced, objective \(String(format: "%.2f", outcome.score.objective)), bound \(String(format: "%.2f", outcome.bound)), gap \(String(format: "%.6f", outcome.relativeGap)), \(outcome.provenOptimal ? "proven within the gap" : "not proven within the gap")")
        let writeStart = Date()
        let files = PlanFolder.files(for: outcome, workspace: school)
        do {
            try PlanFolder.write(files, to: outURL, workspace: URL(fileURLWithPath: workspace))
        } catch {
            logger.info("writing the plan failed after \(seconds(since: writeStart)); the previous plan folder, if any, is untouched")
            printError("\(error)")
            throw Exit.failed
        }
        for name in files.keys.sorted() {
            let text = files[name]!
            logger.info("wrote \(name): \(name.hasSuffix(".csv") ? "\(dataRowCount(text)) rows, " : "")\(text.utf8.count) bytes")
        }
        logger.info("plan folder complete and moved into place in \(seconds(since: writeStart))")
        print(SummaryText.render(outcome, workspace: school), terminator: "")
        print("Plan written to \(out)/")
    }

    /// The live progress line and/or a log line every few seconds (numbers only).
    private static func progress(line: (@Sendable (SolveProgress) -> Void)?, logger: Logger?) -> (@Sendable (SolveProgress) -> Void)? {
        guard let logger else { return line }
        let lastLogged = LastLogged()
        return { progress in
            line?(progress)
            guard lastLogged.due(progress.elapsedSeconds) else { return }
            var text = String(format: "search: %.1f s, %d nodes", progress.elapsedSeconds, progress.nodes)
            if let best = progress.bestObjective { text += String(format: ", best plan %.2f", best) }
            if let bound = progress.bound { text += String(format: ", bound %.2f", bound) }
            if let gap = progress.relativeGap { text += String(format: ", gap %.6f", gap) }
            logger.info("\(text)")
        }
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

/// Lets a progress callback log at most once every 5 seconds of solving.
private final class LastLogged: Sendable {
    private let last = Mutex<Double>(-.infinity)
    func due(_ elapsed: Double) -> Bool {
        last.withLock { last in
            guard elapsed - last >= 5 || elapsed < last else { return false }
            last = elapsed
            return true
        }
    }
}
