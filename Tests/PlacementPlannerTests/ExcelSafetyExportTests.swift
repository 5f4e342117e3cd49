import Foundation
import Testing
import PlacementDomain
import PlanExport
import WorkspaceImport
import YearSolver

/// Every export file (timetable, escorts, unplaced, employer_rota) is safe to open in Excel, and
/// reading any of them back (CSV parse, then ExcelSafety.restore) gives the original ids and names.
@Suite struct ExcelSafetyExportTests {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// Dangerous ids and names everywhere, in every term id too; one student can never be placed.
    static func school() -> TestSchool {
        var school = TestSchool()
        school.terms = [Term(id: "=t1", name: "+Term")]
        school.student("-S1", name: "=HYPERLINK(\"http://x\",\"y\")", interests: ["farm"], escort: .oneToOne, terms: ["=t1"])
        school.student("@S2", name: "+Plus, Person", interests: ["farm"], escort: .shared, terms: ["=t1"])
        school.student("=S3", name: "-Minus \"Quoted\"", needs: ["hoist"], terms: ["=t1"])
        school.employer("+farm", name: "@Farm, Ltd", sector: "farm", capacity: 2, terms: ["=t1"])
        school.staff = [StaffMember(id: "@ST1", name: "=cmd|' /C calc'!A0", skills: [], days: Set(Weekday.allCases), terms: ["=t1"]),
                        StaffMember(id: "-ST2", name: "\tTabbed", skills: [], days: Set(Weekday.allCases), terms: ["=t1"])]
        return school
    }

    @Test func everyExportFileIsSafeAndReadsBackExactly() throws {
        let school = Self.school()
        let outcome = try YearPlanner.plan(school.workspace, options: PlanningOptions(timeLimit: 10))
        #expect(outcome.plan.placements.count == 2 && outcome.unplaced.count == 1)
        let files = PlanFolder.files(for: outcome, workspace: school.workspace)
        var cellsRead = [String: Set<String>]()
        for name in ["timetable.csv", "escorts.csv", "unplaced.csv", "employer_rota.csv"] {
            let text = try #require(files[name], "\(name) is exported")
            var problems = ProblemList()
            let table = try #require(CSVTable.parse(Data(text.utf8), file: name, problems: &problems), "\(problems.problems)")
            #expect(!table.records.isEmpty, "\(name) has rows")
            var restored = Set<String>()
            for record in table.records {
                for column in table.columns {
                    guard let cell = record[column] else { continue }
                    #expect(!Self.triggers.contains(cell.first!), "\(name) line \(record.line) \(column) would run in Excel: \(cell)")
                    restored.formUnion(cell.split(separator: ";").map { ExcelSafety.restore(String($0)) })
                    restored.insert(ExcelSafety.restore(cell))
                }
            }
            cellsRead[name] = restored
        }
        // Ids round-trip in every file they appear in.
        #expect(cellsRead["timetable.csv"]!.isSuperset(of: ["-S1", "@S2", "=t1", "+farm", "@Farm, Ltd", "=HYPERLINK(\"http://x\",\"y\")", "+Plus, Person"]))
        #expect(cellsRead["escorts.csv"]!.isSuperset(of: ["=t1", "+farm"]))
        #expect(cellsRead["escorts.csv"]!.contains("@ST1") || cellsRead["escorts.csv"]!.contains("-ST2"))
        #expect(cellsRead["unplaced.csv"]!.isSuperset(of: ["=S3", "-Minus \"Quoted\"", "=t1"]))
        #expect(cellsRead["employer_rota.csv"]!.isSuperset(of: ["+farm", "@Farm, Ltd", "=t1", "-S1", "@S2"]))
    }
}

/// The export's own CSV writing (``CSVText``): cells with commas, double quotes (one carrying a
/// combining accent), line breaks and other scripts read back exactly with the workspace's CSV reader.
@Suite struct CSVTextTests {
    @Test func awkwardCellsReadBackExactly() throws {
        let cells = ["plain", "a, b", "say \"hi\"", "two\nlines", "carriage\rreturn", "crlf\r\nend", "\"\u{301} quote with an accent",
                     "Zoë Ó'Brien", "", "ends with a comma,"]
        let header = cells.indices.map { "c\($0)" }
        let text = CSVText.render(header: header, rows: [cells, cells.reversed()])
        #expect(text.hasSuffix("\n"))
        var problems = ProblemList()
        let table = try #require(CSVTable.parse(Data(text.utf8), file: "cells.csv", problems: &problems), "\(problems.problems)")
        #expect(table.records.count == 2)
        for (record, expected) in zip(table.records, [cells, cells.reversed()]) {
            #expect(header.map { record[$0] ?? "" } == expected)
        }
    }
}

/// Line numbers in the workspace's CSV reader (``CSVTable``) count the line breaks inside quoted
/// cells, CRLF as one, so a problem further down names the line a spreadsheet shows.
@Suite struct CSVLineNumberTests {
    @Test func lineBreaksInsideCellsMoveLaterRowsDown() throws {
        let text = "id,note\r\nA,\"one\r\ntwo\"\r\nB,\"three\nfour\rfive\"\nC,plain\n"
        var problems = ProblemList()
        let table = try #require(CSVTable.parse(Data(text.utf8), file: "notes.csv", problems: &problems), "\(problems.problems)")
        #expect(table.records.map(\.line) == [2, 4, 7])
    }
}
