import Foundation
import Testing
import PlacementDomain
import WorkspaceImport

/// WorkspaceLoader on a valid workspace broken one thing at a time: each problem names the file,
/// line and column to fix, in words a coordinator understands.
@Suite struct BrokenWorkspaceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let edit: WorkspaceEdit
        let file: String
        let line: Int?
        let column: String?
        let phrase: String
        var testDescription: String { name }

        init(_ name: String, _ edit: WorkspaceEdit, _ file: String, line: Int?, column: String?, _ phrase: String) {
            self.name = name; self.edit = edit; self.file = file; self.line = line; self.column = column; self.phrase = phrase
        }
    }

    static let latin1Students: [UInt8] = Array("""
        id,name,max_travel_minutes
        S1,Ann Lee,60

        """.utf8) + Array("S2,Zo".utf8) + [0xEB] + Array(",60\n".utf8)

    static let cases: [Case] = [
        Case("missing required file", .remove("students.csv"), "students.csv", line: nil, column: nil, "the file is missing"),
        Case("empty file", .setText("employers.csv", ""), "employers.csv", line: 1, column: nil, "the file is empty"),
        Case("header only, no terms", .setText("terms.csv", "id,name\n"), "terms.csv", line: 2, column: nil, "there are no terms"),
        Case("header only, no sites", .setText("sites.csv", "id,name,latitude,longitude\n"), "sites.csv", line: 2, column: nil,
             "there are no sites"),
        Case("missing required column", .replace("employers.csv", "days,capacity,", "days,places,"), "employers.csv", line: 1,
             column: "capacity", "the required column 'capacity' is missing from the header"),
        Case("duplicate column", .replace("staff.csv", "skills,days,terms", "skills,days,days"), "staff.csv", line: 1,
             column: "days", "the column 'days' appears twice in the header"),
        Case("duplicate id", .replace("students.csv", "S2,\"Ray", "S1,\"Ray"), "students.csv", line: 3, column: "id",
             "the id 'S1' is already used on line 2"),
        Case("required cell empty", .replace("students.csv", "S1,Ann Lee,", "S1,,"), "students.csv", line: 2, column: "name",
             "this cell is empty but name is required"),
        Case("unknown site", .replace("students.csv", "Brook,main,", "Brook,north,"), "students.csv", line: 2, column: "site",
             "'north' is not a site in sites.csv"),
        Case("blank site with two sites", .all(.replace("sites.csv", "main,Main Site,51.0,0.0", "main,Main Site,51.0,0.0\nnorth,North,51.1,0.1"),
                                               .replace("travel.csv", "main,farm1,12", "main,farm1,12\nnorth,farm1,20"),
                                               .replace("students.csv", "Brook,main,", "Brook,,")),
             "students.csv", line: 2, column: "site", "no site is given and the school has 2 sites"),
        Case("unknown term in students", .replace("students.csv", "Mon;Tue,t1,", "Mon;Tue,t9,"), "students.csv", line: 3,
             column: "terms", "'t9' is not a term in terms.csv"),
        Case("unknown term in employers", .replace("employers.csv", "1,t1,step-free", "1,spring,step-free"), "employers.csv",
             line: 3, column: "terms", "'spring' is not a term in terms.csv"),
        Case("unknown employer in avoid", .replace("students.csv", ",60,,,\n", ",60,,,zoo1\n"), "students.csv", line: 2,
             column: "avoid", "'zoo1' is not an employer in employers.csv"),
        Case("unknown employer in travel", .replace("travel.csv", "main,farm1,", "main,farm9,"), "travel.csv", line: 2,
             column: "employer", "'farm9' is not an employer in employers.csv"),
        Case("unknown site in travel", .replace("travel.csv", "main,farm1,", "north,farm1,"), "travel.csv", line: 2,
             column: "site", "'north' is not a site in sites.csv"),
        Case("unknown weekday", .replace("employers.csv", "farm,Mon;Tue,", "farm,Mon;Sat,"), "employers.csv", line: 2,
             column: "days", "'Sat' is not a weekday"),
        Case("weekday in lower case", .replace("staff.csv", "epilepsy,Mon;Tue,", "epilepsy,mon;Tue,"), "staff.csv", line: 2,
             column: "days", "'mon' is not a weekday"),
        Case("no weekdays where required", .replace("staff.csv", "epilepsy,Mon;Tue,", "epilepsy,,"), "staff.csv", line: 2,
             column: "days", "no weekdays are given"),
        Case("unknown escort level", .replace("students.csv", "shared,epilepsy", "1:1,epilepsy"), "students.csv", line: 3,
             column: "escort", "'1:1' is not an escort level"),
        Case("non-numeric capacity", .replace("employers.csv", "Mon;Tue,2,", "Mon;Tue,two,"), "employers.csv", line: 2,
             column: "capacity", "'two' is not a whole number of students per day"),
        Case("negative capacity", .replace("employers.csv", "Mon;Tue,2,", "Mon;Tue,-1,"), "employers.csv", line: 2,
             column: "capacity", "-1 students per day is outside the allowed range 0–1000"),
        Case("fractional travel limit", .replace("students.csv", ",60,,,", ",30.5,,,"), "students.csv", line: 2,
             column: "max_travel_minutes", "'30.5' is not a whole number of minutes"),
        Case("negative travel minutes", .replace("travel.csv", "main,farm1,12", "main,farm1,-5"), "travel.csv", line: 2,
             column: "minutes", "-5 minutes is outside the allowed range 0–600"),
        Case("school year out of range", .replace("students.csv", "S1,Ann Lee,10,", "S1,Ann Lee,15,"), "students.csv", line: 2,
             column: "year", "15 school year is outside the allowed range 7–14"),
        Case("min_year after max_year", .replace("employers.csv", ",10,12,", ",12,10,"), "employers.csv", line: 3,
             column: "min_year", "min_year 12 is after max_year 10"),
        Case("latitude out of range", .replace("sites.csv", "51.0,0.0", "95.0,0.0"), "sites.csv", line: 2, column: "latitude",
             "95.0 is outside the range -90.0 to 90.0 for latitude"),
        Case("longitude not a number", .replace("employers.csv", "51.01,0.01", "51.01,east"), "employers.csv", line: 2,
             column: "longitude", "'east' is not a number"),
        Case("only latitude given", .replace("employers.csv", "51.01,0.01", "51.01,"), "employers.csv", line: 2,
             column: "longitude", "only one of latitude and longitude is given"),
        Case("no coordinates and no travel row", .replace("employers.csv", "51.02,0.0", ","), "employers.csv", line: nil,
             column: "latitude", "employer cafe1 has no latitude/longitude and travel.csv gives no time from site main"),
        Case("unbalanced quotes", .replace("students.csv", "\"Ray, Bob\"", "\"Ray, Bob"), "students.csv", line: 3, column: nil,
             "a double quote opened on this line is never closed"),
        Case("ragged row", .replace("terms.csv", "t2,Term 2", "t2,Term 2,extra"), "terms.csv", line: 3, column: nil,
             "this row has 3 cells but the header has 2"),
        Case("Latin-1 bytes, not UTF-8", .setBytes("students.csv", latin1Students), "students.csv", line: 3, column: nil,
             "the file is not UTF-8 text"),
        Case("unknown setting", .replace("settings.csv", "shared_escort_ratio,3", "magic,3"), "settings.csv", line: 2,
             column: "setting", "'magic' is not a setting"),
        Case("shared escort ratio zero", .replace("settings.csv", "shared_escort_ratio,3", "shared_escort_ratio,0"),
             "settings.csv", line: 2, column: "value", "0 students per escort is outside the allowed range 1–50"),
        Case("history: unknown student", .replace("history.csv", "S1,farm1,", "S9,farm1,"), "history.csv", line: 2,
             column: "student", "'S9' is not a student in students.csv"),
        Case("history: not a weekday", .replace("history.csv", "t1,Mon", "t1,Monday"), "history.csv", line: 2,
             column: "day", "'Monday' is not a weekday"),
        Case("history: breaks rule 1 (day)", .replace("history.csv", "S1,farm1,t1,Mon", "S1,farm1,t1,Wed"), "history.csv",
             line: 2, column: nil, "this placement breaks hard rule 1: the student and employer must both take part in that term and on that day"),
        Case("history: breaks rule 4 (travel)", .replace("travel.csv", "main,farm1,12", "main,farm1,90"), "history.csv",
             line: 2, column: nil, "this placement breaks hard rule 4: the journey must be within the student's travel limit"),
        Case("history: breaks rule 5 (avoid)", .replace("students.csv", ",60,,,\n", ",60,,,farm1\n"), "history.csv",
             line: 2, column: nil, "this placement breaks hard rule 5"),
        Case("history: employer not hosting that term", .replace("history.csv", "S1,farm1,t1,Mon", "S1,cafe1,t2,Mon"),
             "history.csv", line: 2, column: "term", "cafe1 does not host in term t2"),
        Case("history: two placements in one term", .replace("history.csv", "S1,farm1,t1,Mon", "S1,farm1,t1,Mon\nS1,cafe1,t1,Mon"),
             "history.csv", line: 3, column: "term", "this student already has a placement in this term on line 2"),
        Case("history: over capacity", .replace("history.csv", "S1,farm1,t1,Mon", "S1,cafe1,t1,Mon\nS2,cafe1,t1,Mon"),
             "history.csv", line: 3, column: "employer", "this makes 2 students at cafe1 on Mon in t1, over its capacity of 1"),
    ]

    static func problems(after edit: WorkspaceEdit) throws -> [Problem] {
        let folder = try MinimalWorkspace.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        try edit.apply(folder)
        do {
            _ = try WorkspaceLoader.load(folder)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func theMinimalWorkspaceIsValid() throws {
        let folder = try MinimalWorkspace.write()
        let workspace = try WorkspaceLoader.load(folder)
        #expect(workspace.terms.map(\.id) == ["t1", "t2"])
        #expect(workspace.students.map(\.name) == ["Ann Lee", "Ray, Bob"])
        #expect(workspace.students[1].escort == .shared && workspace.students[1].days == [.mon, .tue])
        #expect(workspace.employers[1].pathways == ["Brook", "Stream"] && workspace.employers[1].terms == ["t1"])
        #expect(workspace.history == [HistoryPlacement(student: "S1", session: Session(employer: "farm1", day: .mon, term: "t1"))])
        #expect(workspace.travelMinutes(workspace.students[0], workspace.employers[0]) == 12)
    }

    @Test(arguments: cases + extraCases)
    func brokenWorkspaceIsReported(_ broken: Case) throws {
        let problems = try Self.problems(after: broken.edit)
        #expect(CLITests.run(["check", try CLITests.brokenWorkspace(broken.edit)]) == 2, "check exits with code 2")
        let match = problems.first {
            $0.file == broken.file && $0.line == broken.line && $0.column == broken.column && $0.message.contains(broken.phrase)
        }
        #expect(match != nil, "expected \(broken.file) line \(broken.line.map(String.init) ?? "-"), column \(broken.column ?? "-"): \(broken.phrase); got:\n\(problems.map(\.description).joined(separator: "\n"))")
        #expect(match.map { !$0.fix.isEmpty } ?? true, "every problem says how to fix it")
    }

    @Test func byteOrderMarkAndWindowsLineEndingsAreAccepted() throws {
        let windows = MinimalWorkspace.files.mapValues { "\u{FEFF}" + $0.replacingOccurrences(of: "\n", with: "\r\n") }
        let plain = try WorkspaceLoader.load(try MinimalWorkspace.write())
        let workspace = try WorkspaceLoader.load(try MinimalWorkspace.write(windows))
        #expect(workspace.terms == plain.terms)
        #expect(workspace.sites == plain.sites)
        #expect(workspace.students == plain.students)
        #expect(workspace.employers == plain.employers)
        #expect(workspace.staff == plain.staff)
        #expect(workspace.history == plain.history)
        #expect(workspace.students.map(\.id.rawValue) == ["S1", "S2"], "the BOM must not stick to the first column name")
    }

    @Test func lineNumbersCountBlankLinesAndLineBreaksInsideCells() throws {
        let misspelt = WorkspaceEdit.replace("students.csv", "shared,epilepsy", "sharred,epilepsy")
        let plain = try Self.problems(after: misspelt)
        let spread = try Self.problems(after: .all(misspelt, .replace(
            "students.csv", "S1,Ann Lee,10,Brook,main,farm;cafe,,none,,60,,,\n",
            "S1,\"Ann\nLee\",10,Brook,main,farm;cafe,,none,,60,,,\n\n")))
        #expect(plain.map(\.line) == [3])
        // Lines 2–3 are S1 (its name spans two lines), line 4 is blank, so S2 starts on line 5.
        #expect(spread.map(\.line) == [5], "\(spread)")
    }

    @Test func workspaceFolderThatDoesNotExist() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-workspace-\(UUID().uuidString)")
        #expect(throws: WorkspaceProblems.self) { try WorkspaceLoader.load(missing) }
    }

    @Test func historyWithoutADayUsesTheFirstHostingDayTheStudentCanAttend() throws {
        let folder = try MinimalWorkspace.write()
        try WorkspaceEdit.all(
            .replace("employers.csv", "farm,Mon;Tue,2,", "farm,Tue;Thu;Fri,2,"),
            .replace("students.csv", "S1,Ann Lee,10,Brook,main,farm;cafe,,none,,60,,", "S1,Ann Lee,10,Brook,main,farm;cafe,,none,,60,Mon;Thu;Fri,"),
            .replace("history.csv", "S1,farm1,t1,Mon", "S1,farm1,t2,")).apply(folder)
        let workspace = try WorkspaceLoader.load(folder)
        #expect(workspace.history == [HistoryPlacement(student: "S1", session: Session(employer: "farm1", day: .thu, term: "t2"))])
    }

    @Test func problemsAreCappedPerFile() throws {
        let rows = (1...80).map { "T\($0),Term,extra" }.joined(separator: "\n")
        let problems = try Self.problems(after: .setText("terms.csv", "id,name\n" + rows + "\n"))
        let terms = problems.filter { $0.file == "terms.csv" }
        #expect(terms.filter { $0.message.contains("cells but the header has") }.count == ProblemList.maximumPerFile)
        #expect(terms.contains { $0.message.contains("more than 50 problems; the rest are not listed") })
        #expect(terms.count < 60)
    }
}
