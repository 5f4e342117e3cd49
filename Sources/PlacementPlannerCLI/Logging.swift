import ArgumentParser
import Foundation
import Logging

/// `--verbose`: the stages of a run, logged to standard error with swift-log.
///
/// Safe to paste into a support ticket: every line holds only file names, counts, sizes and
/// timings — never a name, need, skill or any other cell of the workspace. Rows are named by
/// id and line only in the problem list, which is printed whether or not `--verbose` is given.
struct LoggingOptions: ParsableArguments {
    @Flag(name: .long, help: "Log each stage (files read, model size, solve stages with timings, files written) to standard error. Holds no names or needs: safe to paste into a support ticket.")
    var verbose = false

    /// A logger writing to standard error when `--verbose` is given, and discarding everything otherwise.
    /// (No `LoggingSystem.bootstrap`: commands also run in-process, many times, from the tests.)
    func makeLogger() -> Logger {
        guard verbose else { return Logger(label: "placement-planner", factory: { _ in SwiftLogNoOpLogHandler() }) }
        var logger = Logger(label: "placement-planner", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .info
        return logger
    }
}

/// Seconds with two decimals, for log lines.
func seconds(since start: Date) -> String {
    String(format: "%.2f s", Date().timeIntervalSince(start))
}

/// Counts the data rows of an exported CSV file (its lines minus the header; quoted line breaks
/// are rare in exports and only make the count approximate, which is fine for a log line).
func dataRowCount(_ text: String) -> Int {
    max(0, text.split(separator: "\n", omittingEmptySubsequences: true).count - 1)
}
