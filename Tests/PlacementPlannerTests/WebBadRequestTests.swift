import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WorkspaceImport
import YearSolver
@testable import PlannerWeb

@Suite("The coordinator's page: bad requests get a clear 4xx page")
struct WebBadRequestTests {
    @Test("Unknown ids: version, student, employer, staff, file, job, what-if")
    func unknownIDs() async throws {
        let page = try WebPage()
        try await page.test { client in
            _ = try await client.runJob("/plan", site: page.site)
            for uri in ["/versions/99", "/versions/abc", "/versions/1/students/NOPE", "/versions/1/employers/NOPE",
                        "/versions/1/staff/NOPE", "/versions/99/students/S1", "/versions/1/files/nope.csv",
                        "/versions/99/files/timetable.csv", "/versions/99/download.zip", "/jobs/99", "/jobs/x",
                        "/whatif/nope", "/compare?a=1&b=99", "/no/such/page"] {
                let response = try await client.get(uri)
                #expect(response.status == .notFound, "\(uri)")
            }
            let page404 = try await client.get("/versions/1/students/NOPE")
            #expect(page404.text.contains("There is no student &#39;NOPE&#39; in this version here."))
            #expect(page404.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(try await client.post("/whatif/nope/keep").status == .notFound)
            #expect(try await client.post("/whatif/nope/discard").status == .notFound)
            #expect(try await client.post("/versions/99/whatif", form: "withdraw=farm1").status == .notFound)
            #expect(try await client.get("/compare?a=1").status == .badRequest)
        }
    }

    @Test("Malformed or impossible what-if forms: 400 with the reason, nothing started")
    func malformedWhatIf() async throws {
        let page = try WebPage()
        try await page.test { client in
            _ = try await client.runJob("/plan", site: page.site)
            let cases: [(String, String)] = [
                ("withdraw=%zz", "could not be read"),
                ("withdraw=farm1&withdraw=cafe1", "could not be read"),
                ("withdraw", "could not be read"),
                ("withdraw=nobody", "nobody&#39; is not in employers.csv"),
                ("from=t9&withdraw=farm1", "t9&#39; is not in terms.csv"),
                ("capacity_employer=farm1&capacity_places=many", "whole number"),
                ("capacity_employer=farm1&capacity_places=-1", "whole number"),
                ("staff_away=X", "X&#39; is not in staff.csv"),
                ("student_leaves=X", "X&#39; is not in students.csv"),
                ("from=t1", "Choose at least one change"),
                ("", "Choose at least one change"),
            ]
            for (form, message) in cases {
                let response = try await client.post("/versions/1/whatif", form: form)
                #expect(response.status == .badRequest, "\(form)")
                #expect(response.text.contains(message), "\(form): \(response.text)")
            }
            #expect(page.site.jobs.running == nil && page.site.jobs.snapshot(2) == nil, "nothing was started")
        }
    }

    @Test("Oversized form bodies are refused with 413")
    func oversized() async throws {
        let page = try WebPage()
        try await page.test { client in
            let big = "withdraw=" + String(repeating: "x", count: FormFields.maximumBytes + 1)
            let response = try await client.post("/versions/1/whatif", form: big)
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("larger than 16 KB"))
            #expect(try await client.post("/plan", form: big).status == .contentTooLarge)
            #expect(try page.site.store.versions().isEmpty)
        }
    }

    @Test("A form posted from another web site is refused (403); the page's own origin is fine (the router test's host is localhost)")
    func otherOrigin() async throws {
        let page = try WebPage()
        try await page.test { client in
            let foreign = try await client.execute(uri: "/plan", method: .post, headers: [.origin: "http://evil.example"])
            #expect(foreign.status == .forbidden)
            let opaque = try await client.execute(uri: "/plan", method: .post, headers: [.origin: "null"])
            #expect(opaque.status == .forbidden)
            #expect(try page.site.store.versions().isEmpty && page.site.jobs.snapshot(1) == nil)
            let own = try await client.execute(uri: "/plan", method: .post, headers: [.origin: "http://localhost"])
            #expect(own.status == .seeOther)
            _ = await page.site.jobs.finished(1)
        }
    }

    @Test("What-ifs left undecided are bounded: the oldest is dropped (404), the newest kept")
    func undecidedBounded() throws {
        let workspace = try WorkspaceLoader.load(try MinimalWorkspace.write())
        let current = try YearPlanner.plan(workspace).plan
        let result = try WhatIfPlanner.replan(workspace, current: current, changes: [], from: "t1")
        let pending = PendingWhatIfs()
        let tokens = (0...PendingWhatIfs.limit).map { _ in
            pending.add(parent: 1, changeSet: ChangeSet(from: "t1", changes: []), result: result, files: [:])
        }
        #expect(pending.get(tokens[0]) == nil)
        #expect(pending.take(tokens[1])?.token == tokens[1])
        #expect(pending.get(tokens.last!) != nil)
    }

    @Test("A second solve while one runs is refused with a link to the running one")
    func oneSolveAtATime() async throws {
        let jobs = SolveJobs()
        let release = DispatchSemaphore(value: 0)
        let first = try jobs.start("First") { _ in release.wait(); return "/done" }
        #expect(throws: PageError.self) { try jobs.start("Second") { _ in "/never" } }
        do {
            _ = try jobs.start("Second") { _ in "/never" }
        } catch {
            #expect(error.status == .conflict && error.message.contains("/jobs/\(first)"))
        }
        release.signal()
        #expect(await jobs.finished(first)?.outcome == .done(path: "/done"))
        let next = try jobs.start("Third") { _ in "/third" }
        #expect(await jobs.finished(next)?.outcome == .done(path: "/third"))
    }
}
