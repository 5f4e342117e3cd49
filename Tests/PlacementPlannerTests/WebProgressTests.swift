import Foundation
import Hummingbird
import HummingbirdTesting
import LinearSolver
import Synchronization
import Testing
import WorkspaceImport
import YearSolver
@testable import PlannerWeb

@Suite("The coordinator's page: live progress while it solves")
struct WebProgressTests {
    @Test("The planner reports placements so far with its progress")
    func progressCountsPlacements() throws {
        let workspace = try WorkspaceLoader.load(try MinimalWorkspace.write())
        let seen = Mutex<[Int]>([])
        let outcome = try YearPlanner.plan(workspace, options: PlanningOptions(progress: { progress in
            if let placements = progress.placements { seen.withLock { $0.append(placements) } }
        }))
        let counts = seen.withLock { $0 }
        #expect(!counts.isEmpty)
        #expect(counts.allSatisfy { $0 <= outcome.requestedPlacements })
    }

    @Test("The job page refreshes itself and shows elapsed time, placements so far and gap; then goes to the result")
    func jobPage() async throws {
        let page = try WebPage()
        let release = DispatchSemaphore(value: 0)
        let id = try page.site.jobs.start("Planning the year") { progress in
            progress(SolveProgress(elapsedSeconds: 3, bestObjective: 2008.77, bound: 2010, relativeGap: 0.0006, nodes: 0, placements: 2))
            release.wait()
            return "/versions/7"
        }
        try await page.test { client in
            var running = try await client.get("/jobs/\(id)")
            for _ in 0..<100 where !running.text.contains("places 2") {
                try await Task.sleep(for: .milliseconds(20))
                running = try await client.get("/jobs/\(id)")
            }
            #expect(running.status == .ok)
            #expect(running.text.contains("<meta http-equiv=\"refresh\" content=\"1\">"))
            #expect(running.text.contains("best plan so far places 2 student-terms, scoring 2008.77, within 0.0600 % of the best possible"))
            let start = try await client.get("/")
            #expect(start.text.contains("href=\"/jobs/\(id)\""), "the start page links the running solve")
            release.signal()
            _ = await page.site.jobs.finished(id)
            let done = try await client.get("/jobs/\(id)")
            #expect(done.status == .seeOther && done.headers[.location] == "/versions/7")
        }
    }

    @Test("A failed solve says why, without refreshing")
    func failedJob() async throws {
        let page = try WebPage()
        let id = try page.site.jobs.start("Planning the year") { _ in throw PageError(.conflict, "No plan was found.") }
        _ = await page.site.jobs.finished(id)
        try await page.test { client in
            let failed = try await client.get("/jobs/\(id)")
            #expect(failed.status == .ok && failed.text.contains("It could not finish: No plan was found."))
            #expect(!failed.text.contains("http-equiv=\"refresh\""))
        }
    }
}
