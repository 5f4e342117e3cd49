import Foundation
import Testing
import PlacementDomain
import WorkspaceImport

/// More broken inputs for ``BrokenWorkspaceTests/brokenWorkspaceIsReported(_:)``: every kind of
/// bad cell, reference, encoding and shape the issue lists, each expected with its file, line,
/// column and message (and exit code 2 from `check`).
extension BrokenWorkspaceTests {
    static let extraCases: [Case] = [
        // Unknown references.
        Case("history: unknown employer", .replace("history.csv", "S1,farm1,", "S1,farm9,"), "history.csv", line: 2,
             column: "employer", "'farm9' is not an employer in employers.csv"),
        Case("history: unknown term", .replace("history.csv", "farm1,t1,Mon", "farm1,t7,Mon"), "history.csv", line: 2,
             column: "term", "'t7' is not a term in terms.csv"),
        Case("unknown term in staff", .replace("staff.csv", "ST1,Sam Ng,epilepsy,Mon;Tue,", "ST1,Sam Ng,epilepsy,Mon;Tue,t5"),
             "staff.csv", line: 2, column: "terms", "'t5' is not a term in terms.csv"),
        // Duplicates and missing columns in every kind of file.
        Case("duplicate employer id", .replace("employers.csv", "cafe1,Cafe One", "farm1,Cafe One"), "employers.csv", line: 3,
             column: "id", "the id 'farm1' is already used on line 2"),
        Case("duplicate term id", .replace("terms.csv", "t2,Term 2", "t1,Term 2"), "terms.csv", line: 3, column: "id",
             "the id 't1' is already used on line 2"),
        Case("missing required column in students", .replace("students.csv", "escort_skills,max_travel_minutes,", "escort_skills,max_travel,"),
             "students.csv", line: 1, column: "max_travel_minutes", "the required column 'max_travel_minutes' is missing from the header"),
        Case("missing required column in history", .replace("history.csv", "student,employer,term,day", "student,employer,when,day"),
             "history.csv", line: 1, column: "term", "the required column 'term' is missing from the header"),
        Case("duplicate column in students", .replace("students.csv", ",days,terms,avoid", ",days,terms,terms"), "students.csv",
             line: 1, column: "terms", "the column 'terms' appears twice in the header"),
        // Numbers: non-numeric, negative, fractional, huge, out of range, not finite.
        Case("huge capacity", .replace("employers.csv", "Mon;Tue,2,", "Mon;Tue,99999999999999999999,"), "employers.csv", line: 2,
             column: "capacity", "99999999999999999999 is far too large for students per day"),
        Case("capacity above the limit", .replace("employers.csv", "Mon;Tue,2,", "Mon;Tue,5000,"), "employers.csv", line: 2,
             column: "capacity", "5000 students per day is outside the allowed range 0–1000"),
        Case("fractional capacity", .replace("employers.csv", "Mon;Tue,2,", "Mon;Tue,2.5,"), "employers.csv", line: 2,
             column: "capacity", "'2.5' is not a whole number of students per day"),
        Case("non-numeric travel limit", .replace("students.csv", ",60,,,", ",sixty,,,"), "students.csv", line: 2,
             column: "max_travel_minutes", "'sixty' is not a whole number of minutes"),
        Case("negative school year", .replace("students.csv", "S1,Ann Lee,10,", "S1,Ann Lee,-10,"), "students.csv", line: 2,
             column: "year", "-10 school year is outside the allowed range 7–14"),
        Case("huge travel minutes", .replace("travel.csv", "main,farm1,12", "main,farm1,1000000000000000000000000"), "travel.csv",
             line: 2, column: "minutes", "is far too large for minutes"),
        Case("latitude hugely out of range", .replace("sites.csv", "51.0,0.0", "1e308,0.0"), "sites.csv", line: 2,
             column: "latitude", "1e308 is outside the range -90.0 to 90.0 for latitude"),
        Case("latitude overflows to infinity", .replace("sites.csv", "51.0,0.0", "1e400,0.0"), "sites.csv", line: 2,
             column: "latitude", "'1e400' is not a number"),
        Case("longitude out of range", .replace("employers.csv", "51.01,0.01", "51.01,200"), "employers.csv", line: 2,
             column: "longitude", "200 is outside the range -180.0 to 180.0 for longitude"),
        Case("longitude not a number (nan)", .replace("sites.csv", "51.0,0.0", "51.0,nan"), "sites.csv", line: 2,
             column: "longitude", "'nan' is not a number"),
        Case("negative weight", .replace("settings.csv", "shared_escort_ratio,3", "travel_weight,-1"), "settings.csv", line: 2,
             column: "value", "-1 is outside the range 0.0 to 1000000.0 for the travel_weight"),
        Case("non-numeric weight", .replace("settings.csv", "shared_escort_ratio,3", "placement_weight,lots"), "settings.csv",
             line: 2, column: "value", "'lots' is not a number"),
        // Codes that GLPK could not take as names (it aborts the process on control characters).
        Case("line break inside a skill", .replace("staff.csv", "ST1,Sam Ng,epilepsy,", "ST1,Sam Ng,\"epi\nlepsy\","), "staff.csv",
             line: 2, column: "skills", "contains a line break, tab or other invisible control character"),
        Case("control character in an id", .replace("students.csv", "S1,Ann Lee,", "\"S\u{7}1\",Ann Lee,"), "students.csv", line: 2,
             column: "id", "contains a line break, tab or other invisible control character"),
        Case("tab inside a sector", .replace("employers.csv", "Farm One,farm,", "Farm One,\"fa\trm\","), "employers.csv", line: 2,
             column: "sector", "contains a line break, tab or other invisible control character"),
        Case("id too long", .replace("employers.csv", "cafe1,Cafe One", String(repeating: "c", count: 41) + ",Cafe One"),
             "employers.csv", line: 3, column: "id", "a code in this cell is 41 characters long, more than the 40 allowed"),
        // Shapes and encodings.
        Case("ragged row, too few cells", .replace("students.csv", ",60,,,\n", ",60,,\n"), "students.csv", line: 2, column: nil,
             "this row has 12 cells but the header has 13"),
        Case("unbalanced quote in the last row", .replace("history.csv", "S1,farm1,t1,Mon", "S1,farm1,t1,\"Mon"), "history.csv",
             line: 2, column: nil, "a double quote opened on this line is never closed"),
        Case("only blank lines", .setText("staff.csv", "\n\n   \n"), "staff.csv", line: 1, column: nil, "the file is empty"),
        Case("a folder where a file should be", .all(.remove("students.csv"), .makeFolder("students.csv")), "students.csv",
             line: nil, column: nil, "this is not an ordinary file"),
        Case("BOM and a duplicate id: the first column is still 'id'", .all(.replace("terms.csv", "t2,Term 2", "t1,Term 2"), .windows("terms.csv")),
             "terms.csv", line: 3, column: "id", "the id 't1' is already used on line 2"),
        Case("CRLF line endings: line numbers still right", .all(.replace("students.csv", "shared,epilepsy", "sharred,epilepsy"), .windows("students.csv")),
             "students.csv", line: 3, column: "escort", "'sharred' is not an escort level"),
        Case("Latin-1 bytes in sites.csv", .setBytes("sites.csv", Array("id,name,latitude,longitude\nmain,Ecole \u{E9}t\u{E9},51.0,0.0\n".unicodeScalars.map { UInt8($0.value) })),
             "sites.csv", line: 2, column: nil, "the file is not UTF-8 text"),
        // History rows that break the hard rules.
        Case("history: breaks rule 2 (needs)", .all(.replace("students.csv", ",step-free,shared,", ",changing-bed,shared,"),
                                                   .replace("history.csv", "S1,farm1,t1,Mon", "S1,farm1,t1,Mon\nS2,farm1,t1,Tue")),
             "history.csv", line: 3, column: nil, "this placement breaks hard rule 2: the employer must provide every feature the student needs"),
        Case("history: breaks rule 3 (pathway)", .all(.replace("students.csv", "S1,Ann Lee,10,Brook,", "S1,Ann Lee,10,Waterfall,"),
                                                     .replace("history.csv", "S1,farm1,t1,Mon", "S1,cafe1,t1,Mon")),
             "history.csv", line: 2, column: nil, "this placement breaks hard rule 3"),
        Case("history: same employer twice", .replace("history.csv", "S1,farm1,t1,Mon", "S1,farm1,t1,Mon\nS1,farm1,t2,Tue"),
             "history.csv", line: 3, column: "employer", "this student is already placed with this employer on line 2"),
        Case("travel: the same route twice", .replace("travel.csv", "main,farm1,12", "main,farm1,12\nmain,farm1,14"), "travel.csv",
             line: 3, column: nil, "the travel time from main to farm1 is already given on line 2"),
    ]
}

extension WorkspaceEdit {
    /// Saves a file as Excel on Windows would: a byte-order mark and CRLF line endings.
    static func windows(_ file: String) -> WorkspaceEdit {
        WorkspaceEdit { folder in
            let url = folder.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")).utf8).write(to: url)
        }
    }

    static func makeFolder(_ name: String) -> WorkspaceEdit {
        WorkspaceEdit { folder in try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: false) }
    }
}

/// Whole-file and whole-workspace behaviour of the reader: oversized files, every problem listed, the cap.
@Suite struct BrokenWorkspaceFileTests {
    /// A students.csv padded to 50 MB is refused from its size, quickly, without being parsed.
    @Test func aFiftyMegabyteFileIsRefusedQuickly() throws {
        let folder = try MinimalWorkspace.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("students.csv")
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        let row = Data("S9,Padding Row,10,Brook,main,farm,,none,,60,,,\n".utf8)
        let block = Data((0..<20_000).flatMap { _ in row })
        var size = try handle.offset()
        while size < 50 * 1_048_576 {
            try handle.write(contentsOf: block)
            size += UInt64(block.count)
        }
        try handle.close()
        #expect(size > UInt64(CSVTable.maximumBytes))

        let clock = ContinuousClock()
        var problems: [Problem] = []
        let elapsed = clock.measure {
            do { _ = try WorkspaceLoader.load(folder) } catch let error as WorkspaceProblems { problems = error.problems } catch {}
        }
        let tooBig = problems.first { $0.file == "students.csv" }
        #expect(tooBig?.message.contains("the file is 50 MB, more than a school's data could need (limit 20 MB)") == true, "\(problems)")
        #expect(tooBig.map { !$0.fix.isEmpty } == true)
        #expect(problems.filter { $0.file == "students.csv" }.count == 1, "refused as a whole, not row by row")
        #expect(elapsed < .seconds(2), "refused from the size alone (took \(elapsed))")
        #expect(CLITests.run(["check", folder.path]) == 2)
    }

    /// Every problem in a file is listed, each with its own line and column, in one run.
    @Test func everyProblemInAFileIsListed() throws {
        let problems = try BrokenWorkspaceTests.problems(after: .setText("employers.csv", """
            id,name,sector,days,capacity,latitude,longitude
            e1,One,farm,Mon;Sat,2,51.0,0.0
            e2,Two,farm,Mon,two,51.0,0.0
            e2,Two again,farm,Mon,1,51.0,0.0
            e3,Three,,Mon,1,95,0.0
            e4,Four,farm,Mon,1,51.0

            """))
        let found = Set(problems.filter { $0.file == "employers.csv" }.map { "\($0.line ?? 0):\($0.column ?? "-")" })
        #expect(found.isSuperset(of: ["2:days", "3:capacity", "4:id", "5:sector", "5:latitude", "6:-"]), "\(problems)")
        #expect(CLITests.run(["check", try CLITests.brokenWorkspace(.setText("staff.csv", "id,name,days\nA,a,Sun\nB,b,\n"))]) == 2)
    }

    /// The cap counts a file's unreadable rows and its bad cells together (50, then one line saying more were found).
    @Test func theCapCountsRaggedRowsAndBadCellsTogether() throws {
        let ragged = (1...40).map { "X\($0),Name,extra" }
        let bad = (1...40).map { "Y\($0)," }
        let problems = try BrokenWorkspaceTests.problems(after: .setText("terms.csv", "id,name\n" + (ragged + bad).joined(separator: "\n") + "\n"))
        let terms = problems.filter { $0.file == "terms.csv" }
        #expect(terms.count == ProblemList.maximumPerFile + 1, "\(terms.count)")
        #expect(terms.last?.message.contains("more than 50 problems") == true)
    }

    /// A Latin-1 file is refused, not guessed at: the message names the line, never the mangled name.
    @Test func latin1NamesAreNotMangledIntoMessages() throws {
        let problems = try BrokenWorkspaceTests.problems(after: .setBytes("students.csv", BrokenWorkspaceTests.latin1Students))
        let text = problems.map(\.description).joined(separator: "\n")
        #expect(text.contains("students.csv line 3: the file is not UTF-8 text"))
        #expect(!text.contains("Zo"), "no part of the name is repeated: \(text)")
        #expect(!text.contains("\u{FFFD}"))
    }
}
