import ArgumentParser

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reads and validates a workspace, listing every problem found (exit 0 when clean, 2 when not).")

    @Argument(help: "The workspace folder (terms.csv, sites.csv, students.csv, employers.csv, staff.csv …).")
    var workspace: String

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let school = try loadWorkspace(workspace, logger: logging.makeLogger())
        print("Workspace OK: \(school.students.count) students, \(school.employers.count) employers, \(school.staff.count) escort staff, \(school.sites.count) sites, \(school.terms.count) terms, \(school.history.count) fixed placements.")
    }
}
