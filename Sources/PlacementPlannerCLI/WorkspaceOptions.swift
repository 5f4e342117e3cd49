import ArgumentParser
import Foundation
import Logging
import PlacementDomain
import WorkspaceImport

/// Exit codes shared by every command.
enum Exit {
    /// The workspace or the command line has problems the coordinator must fix.
    static let badInput = ExitCode(2)
    /// The plan breaks a rule, or planning failed.
    static let failed = ExitCode(1)
}

/// Prints to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Loads a workspace, or prints every problem found and exits with code 2.
/// With a logger, logs each file read with its row count, and the totals (counts only).
func loadWorkspace(_ path: String, logger: Logger? = nil) throws -> Workspace {
    let start = Date()
    logger?.info("reading workspace")
    do {
        let school = try WorkspaceLoader.load(URL(fileURLWithPath: path)) { file, rows in
            logger?.info("read \(file): \(rows) data row\(rows == 1 ? "" : "s")")
        }
        logger?.info("workspace valid in \(seconds(since: start)): \(school.students.count) students, \(school.employers.count) employers, \(school.staff.count) staff, \(school.sites.count) sites, \(school.terms.count) terms, \(school.history.count) fixed placements")
        return school
    } catch {
        logger?.info("workspace has \(error.problems.count) problem(s) after \(seconds(since: start)); nothing planned or written")
        for problem in error.problems { printError(problem.description) }
        printError("\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s") found in \(path). Nothing was planned or written.")
        throw Exit.badInput
    }
}
