import Foundation
import PlacementDomain
import WorkspaceImport

/// A plan folder read back as rows (possibly hand-edited in Excel), with the line of each row.
public struct PlanRows: Sendable {
    public struct PlacementRow: Sendable {
        public let line: Int
        public let student: String
        public let term: String
        public let employer: String
        public let day: String
        /// Staff ids listed in timetable.csv's escorts column.
        public let escorts: [String]
    }

    public struct EscortRow: Sendable {
        public let line: Int
        public let staff: String
        public let term: String
        public let day: String
        public let employer: String
    }

    public var placements: [PlacementRow] = []
    public var escorts: [EscortRow] = []

    /// Reads `timetable.csv` and `escorts.csv` from a plan folder.
    public static func read(_ directory: URL) throws(WorkspaceProblems) -> PlanRows {
        var problems = ProblemList()
        var rows = PlanRows()
        if let table = CSVTable.read("timetable.csv", in: directory, problems: &problems),
           columns(["student", "term", "employer", "day"], in: table, problems: &problems) {
            rows.placements = table.records.map { record in
                PlacementRow(line: record.line, student: cell(record, "student"), term: cell(record, "term"),
                             employer: cell(record, "employer"), day: cell(record, "day"),
                             escorts: cell(record, "escorts").split(separator: ";")
                                .map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            }
        }
        if let table = CSVTable.read("escorts.csv", in: directory, problems: &problems),
           columns(["staff", "term", "day", "employer"], in: table, problems: &problems) {
            rows.escorts = table.records.map { record in
                EscortRow(line: record.line, staff: cell(record, "staff"), term: cell(record, "term"),
                          day: cell(record, "day"), employer: cell(record, "employer"))
            }
        }
        guard problems.isEmpty else { throw WorkspaceProblems(problems.problems) }
        return rows
    }

    private static func cell(_ record: CSVRecord, _ column: String) -> String {
        ExcelSafety.restore(record[column] ?? "")
    }

    private static func columns(_ names: [String], in table: CSVTable, problems: inout ProblemList) -> Bool {
        let missing = names.filter { !table.hasColumn($0) }
        for name in missing {
            problems.add(Problem(file: table.file, line: 1, column: name, "the column '\(name)' is missing",
                                 fix: "Keep the header row as the planner wrote it."))
        }
        return missing.isEmpty
    }
}
