import ArgumentParser
import Foundation
import PlanVerify

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks a plan folder (possibly edited in Excel) against every hard rule (exit 0 when it holds, 1 when not).")

    @Argument(help: "The workspace folder.")
    var workspace: String

    @Argument(help: "The plan folder, holding timetable.csv and escorts.csv.")
    var plan: String

    func run() throws {
        let school = try loadWorkspace(workspace)
        let rows: PlanRows
        do {
            rows = try PlanRows.read(URL(fileURLWithPath: plan))
        } catch {
            for problem in error.problems { printError(problem.description) }
            throw Exit.badInput
        }
        let violations = PlanVerifier.verify(rows, against: school)
        guard violations.isEmpty else {
            for violation in violations { print(violation.description) }
            print("The plan breaks \(violations.count) rule\(violations.count == 1 ? "" : "s").")
            throw Exit.failed
        }
        print("The plan holds: \(rows.placements.count) placements and \(rows.escorts.count) escort duties keep every hard rule.")
    }
}
