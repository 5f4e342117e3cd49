import Foundation
import Hummingbird
import HummingbirdTesting
import PlacementDomain
import PlanExport
import Testing
import WorkspaceImport
import YearSolver
@testable import PlannerWeb

@Suite("The coordinator's page: every route")
struct WebRouterTests {
    @Test("Start page shows the workspace at a glance and the Plan button; the stylesheet is served by the program")
    func startPage() async throws {
        let page = try WebPage()
        try await page.test { client in
            let start = try await client.get("/")
            #expect(start.status == .ok)
            #expect(start.text.contains("2 students, 2 employers, 1 escort staff"))
            #expect(start.text.contains("id=\"plan\""))
            #expect(!start.text.contains("http://") && !start.text.contains("https://"), "nothing fetched from the network")
            let css = try await client.get("/static/style.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
        }
    }

    @Test("A broken workspace: problems in plain words linked to file and line; Plan refused")
    func brokenWorkspace() async throws {
        var files = MinimalWorkspace.files
        files["students.csv"] = files["students.csv"]!.replacingOccurrences(of: "S1,Ann Lee,10", with: "S1,Ann Lee,ten")
        let page = try WebPage(files)
        try await page.test { client in
            let start = try await client.get("/")
            #expect(start.text.contains("problem(s) to fix before planning"))
            #expect(start.text.contains("href=\"/workspace/files/students.csv#line-2\""))
            #expect(!start.text.contains("id=\"plan\""))
            let file = try await client.get("/workspace/files/students.csv")
            #expect(file.status == .ok)
            #expect(file.text.contains("<span id=\"line-2\">2  S1,Ann Lee,ten"))
            #expect(try await client.post("/plan").status == .conflict)
            #expect(try await client.get("/workspace/files/nothing.csv").status == .notFound)
            #expect(try await client.get("/workspace/files/..%2Fetc%2Fpasswd").status == .notFound)
        }
    }

    @Test("Plan, look at the year, a student, an employer, a staff member; download the exact files plan writes")
    func planAndLook() async throws {
        let page = try WebPage()
        try await page.test { client in
            let result = try await client.runJob("/plan", site: page.site)
            #expect(result == "/versions/1")
            let year = try await client.get("/versions/1")
            #expect(year.status == .ok)
            #expect(year.text.contains("id=\"year-grid\""))
            #expect(year.text.contains("Ann Lee") && year.text.contains("Farm One"))
            #expect(year.text.contains("shared escort"), "escort badge")
            #expect(year.text.contains("needs step-free"), "needs badge")
            #expect(year.text.contains("<a href=\"/versions/1/staff/ST1\">Sam Ng</a>"), "staff pages linked from the year")
            let filtered = try await client.get("/versions/1?pathway=Brook")
            #expect(filtered.text.contains("Ann Lee") && !filtered.text.contains(">Ray, Bob<"))
            #expect(filtered.text.contains("1 of 2 students shown"))
            let byStaff = try await client.get("/versions/1?staff=ST1&site=main&employer=")
            #expect(byStaff.status == .ok)

            let student = try await client.get("/versions/1/students/S1")
            #expect(student.status == .ok && student.text.contains("Ann Lee’s year") && student.text.contains("Farm One"))
            let printed = try await client.get("/versions/1/students/S1?print=1")
            #expect(printed.text.contains("class=\"print\"") && !printed.text.contains("<header>"))
            let employer = try await client.get("/versions/1/employers/farm1?print=1")
            #expect(employer.status == .ok && employer.text.contains("Farm One: rota") && employer.text.contains("class=\"print\""))
            let staff = try await client.get("/versions/1/staff/ST1")
            #expect(staff.status == .ok && staff.text.contains("Sam Ng: escort days"))

            let workspace = try WorkspaceLoader.load(page.folder)
            let expected = PlanFolder.files(for: try YearPlanner.plan(workspace), workspace: workspace)
            for name in PlanFolder.planFiles {
                let file = try await client.get("/versions/1/files/\(name)")
                #expect(file.status == .ok)
                #expect(file.text == expected[name], "\(name) as plan writes it")
            }
            let zip = try await client.get("/versions/1/download.zip")
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
            #expect(Array(zip.body.readableBytesView.prefix(2)) == Array("PK".utf8))
            let again = try await client.get("/versions/1/download.zip")
            #expect(zip.body == again.body, "the same version gives the same zip")

            let overview = try await client.get("/")
            #expect(overview.text.contains("href=\"/versions/1\""))
            for page in [overview, year, student, printed, employer, staff] {
                #expect(!page.text.contains("http://") && !page.text.contains("https://") && !page.text.contains("<script"),
                        "everything the page needs comes from the program; no script")
            }
        }
    }

    @Test("What-if from the page: the diff, keep saves a new version (once), discard saves nothing; compare two")
    func whatIfKeepDiscardCompare() async throws {
        let page = try WebPage()
        try await page.test { client in
            _ = try await client.runJob("/plan", site: page.site)
            let pending = try await client.runJob("/versions/1/whatif", form: "from=t1&withdraw=cafe1", site: page.site)
            #expect(pending.hasPrefix("/whatif/"))
            let diff = try await client.get(pending)
            #expect(diff.status == .ok)
            #expect(diff.text.contains("What if Cafe One (cafe1) withdraws, from Term 1"))
            #expect(diff.text.contains("id=\"moves\"") && diff.text.contains("Ray, Bob (S2)</td><td>Term 1</td><td>Cafe One Mon</td><td>Farm One Mon</td>"))
            let kept = try await client.post(pending + "/keep")
            #expect(kept.status == .seeOther && kept.headers[.location] == "/versions/2")
            #expect(try await client.post(pending + "/keep").status == .notFound, "a what-if is kept once")
            let version = try await client.get("/versions/2")
            #expect(version.text.contains("Who moved in this what-if") && version.text.contains("Cafe One (cafe1) withdraws, from Term 1"))
            #expect(version.text.contains("<td>Term 1</td><td>Cafe One Mon</td><td>Farm One Mon</td>"))
            let changes = try await client.get("/versions/2/files/changes.csv")
            #expect(changes.status == .ok && changes.text.hasPrefix("student,student_name,term,before,after,reason"))

            let other = try await client.runJob("/versions/2/whatif", form: "from=t1&student_leaves=S2", site: page.site)
            let discarded = try await client.post(other + "/discard")
            #expect(discarded.status == .seeOther && discarded.headers[.location] == "/versions/2")
            #expect(try await client.get(other).status == .notFound)
            #expect(try page.site.store.versions().count == 2, "discard saves nothing")

            let compare = try await client.get("/compare?a=1&b=2")
            #expect(compare.status == .ok && compare.text.contains("id=\"differences\"") && compare.text.contains("Ray, Bob (S2)"))
            let start = try await client.get("/")
            #expect(start.text.contains("<select name=\"a\"><option>2</option><option selected>1</option></select>"),
                    "compares the newest with the one before by default")
            let same = try await client.get("/compare?a=1&b=1")
            #expect(same.text.contains("place every student the same way"))
        }
    }

    /// Stands in for the `explain` work: one line of each kind for every student.
    struct FixedExplanations: ExplanationSource {
        func lines(for student: StudentID, plan: Plan, workspace: Workspace) -> [ExplanationLine] {
            [ExplanationLine(kind: .why, term: "t1", detail: "closest farm"),
             ExplanationLine(kind: .whyNot, term: "t2", detail: "no employer hosts in Term 2"),
             ExplanationLine(kind: .whatWouldItTake, term: "t2", detail: "one more place at Farm One")]
        }
    }

    @Test("Explanations plug in: the student page lists them, the unplaced list shows what it would take")
    func explanationsPlugIn() async throws {
        let page = try WebPage(explanations: FixedExplanations())
        try await page.test { client in
            _ = try await client.runJob("/plan", site: page.site)
            let student = try await client.get("/versions/1/students/S1")
            #expect(student.text.contains("<li><strong>Why here</strong> (Term 1): closest farm</li>"))
            #expect(student.text.contains("<li><strong>Why not</strong> (Term 2): no employer hosts in Term 2</li>"))
            let year = try await client.get("/versions/1")
            #expect(year.text.contains("<em>What would it take: one more place at Farm One</em>"))
        }
    }

    @Test("The real explanations: why not at once, what would it take once worked out in the background")
    func planExplanationsOnThePage() async throws {
        var files = MinimalWorkspace.files
        files["students.csv"] = files["students.csv"]! + "S3,Cy Dee,10,Brook,main,farm,,none,,60,Fri,t1,\n"
        let explanations = PlanExplanations()
        let page = try WebPage(files, explanations: explanations)
        try await page.test { client in
            _ = try await client.runJob("/plan", site: page.site)
            let version = try page.site.plans.plan(1)
            #expect(version.unplaced.contains { $0.student == "S3" })
            let first = try await client.get("/versions/1/students/S3")
            #expect(first.text.contains("<strong>Why not</strong> (Term 1): Term 1: 2 employers host; 0 on the student"), "\(first.text)")
            explanations.waitForSuggestions(version.plan, workspace: version.workspace)
            let year = try await client.get("/versions/1")
            #expect(year.text.contains("What would it take: Cy Dee (S3) also attending on Mondays in Term 1 would place them at Farm One"), "\(year.text)")
        }
    }

    @Test("The changes explain suggests can be asked from the page, and a kept one is stored and read back")
    func moreChangesFromThePage() async throws {
        let page = try WebPage()
        try await page.test { client in
            _ = try await client.runJob("/plan", site: page.site)
            let form = "from=t1&day_capacity_employer=farm1&day_capacity_day=Tue&day_capacity_places=3"
                + "&staff_also_free=ST1&staff_also_free_day=Wed&new_escort_skills=epilepsy&new_escort_day=Fri"
                + "&travel_student=S1&travel_minutes=90&attends_student=S2&attends_day=Wed"
            let whatIf = try await client.runJob("/versions/1/whatif", form: form, site: page.site)
            _ = try await client.post(whatIf + "/keep")
            let kept = try page.site.plans.plan(2)
            let changes = try #require(kept.changeSets.last).changes
            #expect(changes == [.dayCapacity("farm1", .tue, 3), .staffAlsoFree("ST1", .wed),
                                .newEscort("new-escort", skills: ["epilepsy"], day: .fri), .travelLimit("S1", 90),
                                .studentAlsoAttends("S2", .wed)])
            #expect(kept.workspace.employer("farm1")?.capacity(of: Session(employer: "farm1", day: .tue, term: "t2")) == 3)
            let bad = try await client.post("/versions/1/whatif", form: "from=t1&travel_student=S1&travel_minutes=lots")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("The travel limit must be a whole number from 0 to 600."))
        }
    }

    @Test("Every kind of change is stored as one line and read back the same")
    func changeSpecsRoundTrip() {
        let changes: [WorkspaceChange] = [
            .withdraw("oxfam"), .capacity("oxfam", 2), .dayCapacity("oxfam", .wed, 3), .staffAway("ST1"),
            .staffAlsoFree("ST1", .tue), .staffAlsoInTerms("ST2"), .newEscort("new-escort", skills: ["epilepsy", "peg-feeding"], day: .thu),
            .studentLeaves("S1"), .travelLimit("S2", 45), .studentAlsoAttends("S3", .fri),
        ]
        let set = ChangeSet(from: "spring", changes: changes)
        #expect(ChangeSet(spec: set.spec) == set)
        #expect(WorkspaceChange(spec: "teleport=S1") == nil)
        #expect(WorkspaceChange(spec: "day-capacity=oxfam@Sun=3") == nil)
    }

    @Test("A what-if from a kept what-if starts from the school as that what-if changed it")
    func chainedWhatIf() async throws {
        let page = try WebPage()
        try await page.test { client in
            _ = try await client.runJob("/plan", site: page.site)
            let first = try await client.runJob("/versions/1/whatif", form: "from=t1&withdraw=cafe1", site: page.site)
            _ = try await client.post(first + "/keep")
            let version = try page.site.plans.plan(2)
            #expect(version.workspace.employer("cafe1")?.terms.contains("t1") == false)
            let second = try await client.runJob("/versions/2/whatif", form: "from=t1&capacity_employer=farm1&capacity_places=1", site: page.site)
            _ = try await client.post(second + "/keep")
            let chained = try page.site.plans.plan(3)
            #expect(chained.changeSets.count == 2)
            #expect(chained.workspace.employer("cafe1")?.terms.contains("t1") == false)
            #expect(chained.workspace.employer("farm1")?.capacity(in: "t1") == 1)
        }
    }
}
