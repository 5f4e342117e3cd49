import ArgumentParser
import Foundation
import PlacementDomain
import PlanExplain
import PlanExport
import PlanVerify

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Says why each unplaced student is unplaced and what single change would place them (or explains one student's year).",
        discussion: "Each suggested change is tried by re-planning its term with every other placement kept where possible; only changes that place the student and unplace nobody are suggested.")

    @Argument(help: "The workspace folder.")
    var workspace: String

    @Argument(help: "The plan folder (as written by plan or whatif, possibly hand-edited).")
    var plan: String

    @Option(help: "Explain this student's whole year: every placement and every term without one.")
    var student: String?

    @Option(help: "A folder to write explanations.csv and suggestions.csv into (it may be the plan folder).")
    var out: String?

    @Flag(name: .customLong("no-suggestions"), help: "Skip \"what would it take\" (no re-planning; instant).")
    var noSuggestions = false

    func run() throws {
        let start = Date()
        let school = try loadWorkspace(workspace)
        let only = student.map { StudentID($0) }
        if let only, school.student(only) == nil {
            printError("--student '\(only)' is not a student in students.csv. Nothing was explained or written.")
            throw Exit.badInput
        }
        let outURL = out.map { URL(fileURLWithPath: $0) }
        if let outURL { try checkOut(outURL) }
        let current: PlacementDomain.Plan
        do {
            current = try CurrentPlan.load(URL(fileURLWithPath: plan), workspace: school)
        } catch {
            printError(error.description)
            throw Exit.badInput
        }
        let report = Explainer.explain(school, plan: current, student: only, whatWouldItTake: !noSuggestions)
        let whatIf = "placement-planner whatif \(shellQuoted(workspace)) --plan \(shellQuoted(plan)) --out \(shellQuoted(plan + "-whatif"))"
        print(ExplanationTables.text(report, workspace: school, whatIf: whatIf), terminator: "")
        if let outURL { try write(ExplanationTables.files(for: report), to: outURL) }
        let unplaced = Set(report.explanations.filter { $0.kind == .rules }.map { "\($0.student)|\($0.term)" }).count
        print("\nExplained \(unplaced) unplaced student-term\(unplaced == 1 ? "" : "s") in \(String(format: "%.1f", Date().timeIntervalSince(start))) s"
              + (noSuggestions ? "." : "; tried \(report.changesTried) changes by re-planning, \(report.suggestions.count) work."))
        if let out { print("Written to \(out)/explanations.csv and \(out)/suggestions.csv") }
    }

    /// A path as the shell reads it back: bare when plain, else in single quotes.
    private func shellQuoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private func checkOut(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if PlanFolder.isWorkspace(url, workspace: URL(fileURLWithPath: workspace)) {
            printError("--out '\(url.path)' is a workspace folder; choose the plan folder or another folder, so the school's files are never overwritten.")
            throw Exit.badInput
        }
        if exists && !isDirectory.boolValue {
            printError("--out '\(url.path)' is a file, not a folder. Give a folder (it is created if missing).")
            throw Exit.badInput
        }
    }

    /// Writes each file whole (a temporary file renamed into place), so no half-written file is left.
    private func write(_ files: [String: String], to url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for name in files.keys.sorted() {
                try Data(files[name]!.utf8).write(to: url.appendingPathComponent(name), options: .atomic)
            }
        } catch {
            printError("Could not write into \(url.path): \((error as NSError).localizedDescription). Check the folder exists and you may write there.")
            throw Exit.failed
        }
    }
}
