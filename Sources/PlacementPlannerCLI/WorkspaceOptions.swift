import ArgumentParser
import Foundation
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
func loadWorkspace(_ path: String) throws -> Workspace {
    do {
        return try WorkspaceLoader.load(URL(fileURLWithPath: path))
    } catch {
        for problem in error.problems { printError(problem.description) }
        printError("\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s") found in \(path). Nothing was planned or written.")
        throw Exit.badInput
    }
}
