import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PlannerWeb

/// Drives the coordinator's page through its router (no server, no port) on a fresh workspace.
struct WebPage {
    let site: PlannerSite
    let folder: URL

    init(_ files: [String: String] = MinimalWorkspace.files, explanations: any ExplanationSource = NoExplanations()) throws {
        folder = try writeFiles(files, label: "web")
        site = try PlannerSite(workspace: folder, explanations: explanations)
    }

    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: PlannerRouter.build(site: site))
        try await app.test(.router, body)
    }
}

extension TestClientProtocol {
    func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get)
    }

    func post(_ uri: String, form: String = "") async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                          body: ByteBuffer(string: form))
    }

    /// Posts a form that starts a solve, waits for it and returns the page the job sends the coordinator to.
    func runJob(_ uri: String, form: String = "", site: PlannerSite) async throws -> String {
        let started = try await post(uri, form: form)
        #expect(started.status == .seeOther, "\(String(buffer: started.body))")
        let jobPath = try #require(started.headers[.location])
        let id = try #require(Int(jobPath.split(separator: "/").last ?? ""))
        let job = await site.jobs.finished(id)
        #expect(job?.outcome != nil)
        let done = try await get(jobPath)
        #expect(done.status == .seeOther, "\(String(buffer: done.body))")
        return try #require(done.headers[.location])
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
