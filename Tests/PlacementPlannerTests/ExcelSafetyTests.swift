import Foundation
import Testing
import PlacementDomain
import PlanExport
import PlanVerify
import WorkspaceImport
import YearSolver

/// Cells that Excel would run as formulas are written with a leading `'`, and read back exactly.
@Suite struct ExcelSafetyTests {
    @Test(arguments: ["=1+1", "+44 1234", "-S1", "@SUM(A1)", "\tx", "\rx"])
    func formulaTriggersAreNeutralisedAndRestored(_ cell: String) {
        let safe = ExcelSafety.neutralise(cell)
        #expect(safe == "'" + cell)
        #expect(ExcelSafety.restore(safe) == cell)
    }

    @Test(arguments: ["plain", "O'Neil", "'quoted", "", "a=b", "S-1"])
    func ordinaryCellsAreLeftAlone(_ cell: String) {
        #expect(ExcelSafety.neutralise(cell) == cell)
        #expect(ExcelSafety.restore(cell) == cell)
    }

    /// An id that itself begins with an apostrophe and a trigger (`'-1`) is not neutralised, so
    /// reading it back strips its apostrophe: the round trip the doc comment promises fails.
    @Test func cellBeginningWithApostropheAndTriggerRoundTrips() {
        for cell in ["'-1", "'=x"] {
            #expect(ExcelSafety.restore(ExcelSafety.neutralise(cell)) == cell)
        }
    }

    static func school() -> TestSchool {
        var school = TestSchool()
        school.student("-S1", name: "=HYPERLINK(\"http://example.com\",\"click\")", interests: ["farm"], escort: .oneToOne)
        school.student("S2", name: "Murphy, Callum \"Cal\"", interests: ["farm"])
        school.employer("+farm", name: "@Farm, Ltd", sector: "farm", capacity: 2)
        school.staffMember("@ST1")
        return school
    }

    @Test func dangerousCellsInTheTimetableStartWithAnApostrophe() throws {
        let school = Self.school()
        let outcome = try school.plan()
        #expect(outcome.plan.placements.count == 2)
        let files = PlanFolder.files(for: outcome, workspace: school.workspace)
        let timetable = try #require(files["timetable.csv"])
        #expect(timetable.contains("'-S1,\"'=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\",t1,'+farm,\"'@Farm, Ltd\""),
                "\(timetable)")
        #expect(timetable.contains("'@ST1"))
        #expect(try #require(files["escorts.csv"]).contains("'@ST1,Staff @ST1,t1,Mon,'+farm,'-S1"))
        #expect(try #require(files["employer_rota.csv"]).contains("'+farm,\"'@Farm, Ltd\",t1,Mon,'-S1;S2,'@ST1"))

        // No cell of any CSV file, as Excel would read it, starts with a formula trigger.
        for name in files.keys.sorted() where name.hasSuffix(".csv") {
            var problems = ProblemList()
            let table = try #require(CSVTable.parse(Data(files[name]!.utf8), file: name, problems: &problems))
            for record in table.records {
                for column in table.columns {
                    let first = record[column]?.first
                    #expect(!["=", "+", "-", "@"].contains(first), "\(name) line \(record.line) \(column): \(record[column] ?? "")")
                }
            }
        }
    }

    @Test func idsBeginningWithATriggerRoundTripThroughPlanRows() throws {
        let school = Self.school()
        let outcome = try school.plan()
        let folder = try writePlan(outcome, school.workspace)
        let rows = try PlanRows.read(folder)
        let placed = rows.placements.first { $0.student == "-S1" }
        #expect(placed?.employer == "+farm")
        #expect(placed?.escorts == ["@ST1"])
        #expect(rows.escorts.map(\.staff) == ["@ST1"])
        #expect(rows.escorts.map(\.employer) == ["+farm"])
        #expect(PlanVerifier.verify(rows, against: school.workspace).isEmpty)
    }
}
