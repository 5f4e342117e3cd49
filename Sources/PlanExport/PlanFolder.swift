import Foundation
import PlacementDomain
import YearSolver

public enum PlanFolderError: Error, CustomStringConvertible {
    case isWorkspace(String)
    case notAPlanFolder(String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .isWorkspace(let path):
            "The output folder \(path) is the workspace (or inside it holds workspace files). Choose another folder, e.g. --out plan."
        case .notAPlanFolder(let path):
            "The folder \(path) already exists and does not look like a plan folder (no timetable.csv). Choose a new folder so nothing in it is lost."
        case .cannotWrite(let path, let why):
            "Could not write the plan to \(path): \(why). The previous plan there, if any, is untouched."
        }
    }
}

/// Writes a plan folder all at once: files go to a temporary folder beside it, which replaces
/// the old folder only when complete, so an interrupted run never leaves a half-written plan.
public enum PlanFolder {
    public static let planFiles = ["timetable.csv", "escorts.csv", "unplaced.csv", "employer_rota.csv", "summary.txt"]

    public static func files(for outcome: PlanOutcome, workspace: Workspace) -> [String: String] {
        let tables = PlanTables(workspace: workspace, plan: outcome.plan, unplaced: outcome.unplaced)
        return [
            "timetable.csv": tables.timetable(),
            "escorts.csv": tables.escorts(),
            "unplaced.csv": tables.unplacedList(),
            "employer_rota.csv": tables.employerRota(),
            "summary.txt": SummaryText.render(outcome, workspace: workspace, includeTimings: false),
        ]
    }

    /// Whether a folder is the workspace itself, or any workspace (it holds students.csv).
    public static func isWorkspace(_ folder: URL, workspace: URL) -> Bool {
        folder.standardizedFileURL.resolvingSymlinksInPath().path == workspace.standardizedFileURL.resolvingSymlinksInPath().path
            || FileManager.default.fileExists(atPath: folder.appendingPathComponent("students.csv").path)
    }

    /// Refuses an output folder that is the workspace or an unrelated existing folder.
    public static func checkDestination(_ out: URL, workspace: URL) throws(PlanFolderError) {
        if isWorkspace(out, workspace: workspace) { throw .isWorkspace(out.path) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out.path, isDirectory: &isDirectory) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            if !isDirectory.boolValue || (!contents.isEmpty && !contents.contains("timetable.csv")) {
                throw .notAPlanFolder(out.path)
            }
        }
    }

    public static func write(_ files: [String: String], to out: URL, workspace: URL) throws(PlanFolderError) {
        try checkDestination(out, workspace: workspace)
        let manager = FileManager.default
        let parent = out.deletingLastPathComponent()
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(out.lastPathComponent).writing-\(suffix)")
        let retired = parent.appendingPathComponent(".\(out.lastPathComponent).old-\(suffix)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for name in files.keys.sorted() {
                try Data(files[name]!.utf8).write(to: staging.appendingPathComponent(name), options: .atomic)
            }
            if manager.fileExists(atPath: out.path) {
                try manager.moveItem(at: out, to: retired)
            }
            try manager.moveItem(at: staging, to: out)
            try? manager.removeItem(at: retired)
        } catch {
            try? manager.removeItem(at: staging)
            if !manager.fileExists(atPath: out.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: out)
            }
            throw .cannotWrite(out.path, (error as NSError).localizedDescription)
        }
    }
}
