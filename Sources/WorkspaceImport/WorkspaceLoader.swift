import Foundation
import PlacementDomain

/// Reads and validates a workspace folder, reporting every problem found in every file.
public enum WorkspaceLoader {
    public static let requiredFiles = ["terms.csv", "sites.csv", "students.csv", "employers.csv", "staff.csv"]

    /// `report` is told each file read and its number of data rows (for `--verbose`; no cell contents).
    public static func load(_ directory: URL, report: ((_ file: String, _ rows: Int) -> Void)? = nil) throws(WorkspaceProblems) -> Workspace {
        // One list for the whole workspace, so the cap per file counts unreadable rows and bad cells together.
        let log = ProblemLog()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkspaceProblems([Problem(file: directory.path, "this workspace folder does not exist",
                                             fix: "Give the folder that holds terms.csv, students.csv and the other files.")])
        }
        func table(_ name: String, optional: Bool = false) -> CSVTable? {
            if optional && !FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path) { return nil }
            let table = CSVTable.read(name, in: directory, problems: &log.list)
            if let table { report?(name, table.records.count) }
            return table
        }
        let terms = table("terms.csv").map { readTerms($0, log: log) } ?? []
        let termIDs = terms.map(\.id)
        let sites = table("sites.csv").map { readSites($0, log: log) } ?? []
        let employers = table("employers.csv").map { readEmployers($0, terms: termIDs, log: log) } ?? []
        let students = table("students.csv").map {
            readStudents($0, terms: termIDs, sites: sites, employers: Set(employers.map(\.id)), log: log)
        } ?? []
        let staff = table("staff.csv").map { readStaff($0, terms: termIDs, log: log) } ?? []
        let overrides = table("travel.csv", optional: true).map { readTravelOverrides($0, sites: sites, employers: employers, log: log) } ?? [:]
        let settings = table("settings.csv", optional: true).map { readSettings($0, log: log) } ?? Settings()
        checkTravelCoverage(employers: employers, sites: sites, overrides: overrides, log: log)
        var workspace = Workspace(terms: terms, sites: sites, students: students, employers: employers, staff: staff,
                                  travel: TravelTimes(sites: sites, employers: employers, overrides: overrides), settings: settings)
        if let history = table("history.csv", optional: true) {
            let kept = readHistory(history, workspace: workspace, log: log)
            workspace = Workspace(terms: terms, sites: sites, students: students, employers: employers, staff: staff,
                                  travel: workspace.travel, history: kept, settings: settings)
        }
        let problems = log.list.problems
        guard problems.isEmpty else { throw WorkspaceProblems(problems) }
        return workspace
    }

    /// Every employer needs a travel time from every site: coordinates, or travel.csv rows.
    private static func checkTravelCoverage(employers: [Employer], sites: [Site],
                                            overrides: [TravelTimes.Route: Int], log: ProblemLog) {
        for employer in employers where employer.location == nil {
            for site in sites where overrides[TravelTimes.Route(site: site.id, employer: employer.id)] == nil {
                log.add(Problem(file: "employers.csv", column: "latitude",
                                "employer \(employer.id) has no latitude/longitude and travel.csv gives no time from site \(site.id)",
                                fix: "Add the employer's latitude and longitude, or a travel.csv row for site \(site.id)."))
            }
        }
    }
}
