import Foundation
import Testing

/// Logs and messages name rows by id and line, never by a student's name, need or skill — with
/// `--verbose`, with the solver's debug output on, and when the workspace is broken. Run as the
/// real executable, so everything it writes to standard output and standard error is captured.
@Suite struct PersonalDataTests {
    /// Words that appear only in personal cells: names, needs, escort skills.
    static let secrets = ["Zebedee", "Quux", "Xanthippe", "Vorple", "Ottoline", "Brackwater", "quokka-ramp", "zyzzyva-care"]

    static func workspace(broken: Bool = false) throws -> URL {
        var files = MinimalWorkspace.files
        files["students.csv"] = """
            id,name,year,pathway,site,interests,needs,escort,escort_skills,max_travel_minutes,days,terms,avoid
            S1,Zebedee Quux,10,Brook,main,farm;cafe,quokka-ramp,one-to-one,zyzzyva-care,60,,,
            S2,"Vorple, Xanthippe",11,Stream,main,cafe,step-free,\(broken ? "sharred" : "shared"),zyzzyva-care,\(broken ? "sixty" : "60"),Mon;Tue,t1,

            """
        files["employers.csv"] = """
            id,name,sector,days,capacity,terms,features,pathways,min_year,max_year,latitude,longitude
            farm1,Farm One,farm,Mon;Tue,2,,step-free;quokka-ramp,,,,51.01,0.01
            cafe1,Cafe One,cafe,Mon,1,t1,step-free;quokka-ramp,Brook;Stream,10,12,51.02,0.0

            """
        files["staff.csv"] = """
            id,name,skills,days,terms
            ST1,Ottoline Brackwater,zyzzyva-care,Mon;Tue,
            ST2,Second Escort,zyzzyva-care,Mon;Tue,

            """
        files["history.csv"] = nil
        return try MinimalWorkspace.write(files)
    }

    static func expectNoSecrets(_ result: BuiltBinary.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in secrets {
            #expect(!result.stdout.contains(secret), "\(what): standard output names '\(secret)'", sourceLocation: sourceLocation)
            #expect(!result.stderr.contains(secret), "\(what): standard error names '\(secret)'", sourceLocation: sourceLocation)
        }
    }

    @Test(.enabled(if: BuiltBinary.isAvailable)) func verboseLogsAndMessagesHoldNoPersonalData() throws {
        let workspace = try Self.workspace()
        let out = try TempDir.make("personal").appendingPathComponent("plan")

        let check = try BuiltBinary.run(["check", workspace.path, "--verbose"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("read students.csv: 2 data rows"), "the stages are logged: \(check.stderr)")
        Self.expectNoSecrets(check, "check --verbose")

        let plan = try BuiltBinary.run(["plan", workspace.path, "--out", out.path, "--verbose", "--time-limit", "10"],
                                       environment: ["PLACEMENT_DEBUG": "1"])
        #expect(plan.status == 0, "\(plan.stderr)")
        for stage in ["read staff.csv: 2 data rows", "model: ", "solving: time limit 10.0 s", "solved in ", "wrote timetable.csv: ", "plan folder complete"] {
            #expect(plan.stderr.contains(stage), "logs '\(stage)': \(plan.stderr)")
        }
        Self.expectNoSecrets(plan, "plan --verbose")

        let verify = try BuiltBinary.run(["verify", workspace.path, out.path])
        #expect(verify.status == 0, "\(verify.stderr)")
        Self.expectNoSecrets(verify, "verify")

        // Not vacuous: the names are in the plan files, where they belong (and only there).
        let timetable = try String(contentsOf: out.appendingPathComponent("timetable.csv"), encoding: .utf8)
        #expect(timetable.contains("Zebedee Quux"))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.txt"), encoding: .utf8)
        #expect(!Self.secrets.contains { summary.contains($0) }, "summary.txt holds counts only")
    }

    @Test(.enabled(if: BuiltBinary.isAvailable)) func problemsInPersonalRowsNameTheRowNotThePerson() throws {
        let workspace = try Self.workspace(broken: true)
        let check = try BuiltBinary.run(["check", workspace.path, "--verbose"])
        #expect(check.status == 2)
        #expect(check.stderr.contains("students.csv line 3, column escort: 'sharred' is not an escort level"), "\(check.stderr)")
        #expect(check.stderr.contains("students.csv line 3, column max_travel_minutes"), "\(check.stderr)")
        Self.expectNoSecrets(check, "check on a broken workspace")
        let plan = try BuiltBinary.run(["plan", workspace.path, "--out", try TempDir.make("personal").appendingPathComponent("plan").path, "--verbose"])
        #expect(plan.status == 2)
        Self.expectNoSecrets(plan, "plan on a broken workspace")
    }
}
