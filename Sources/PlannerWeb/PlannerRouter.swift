import Foundation
import Hummingbird
import PlacementDomain

/// Every route of the coordinator's page. Pages are HTML made on the server; forms post and are
/// redirected to their result; downloads are the exact files `plan` and `whatif` write.
public enum PlannerRouter {
    public static func build(site: PlannerSite) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SameOriginPosts())
        router.get("/static/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: Style.css)))
        }
        router.get("/") { _, _ in
            Page.response(title: "Start", template: "overview", try OverviewView.context(site: site))
        }
        router.get("/workspace/files/{name}") { _, context in
            let name = context.parameters.get("name") ?? ""
            return Page.response(title: name, template: "workspaceFile", try WorkspaceFileView.context(name: name, directory: site.source.directory))
        }
        router.post("/plan") { request, _ in
            _ = try await FormFields.read(request)
            return Page.redirect("/jobs/\(try site.startPlan())")
        }
        router.get("/jobs/{id}") { _, context in
            guard let job = context.parameters.get("id").flatMap(Int.init).flatMap(site.jobs.snapshot) else { throw PageError.notFound("such job") }
            if case .done(let path) = job.outcome { return Page.redirect(path) }
            return Page.response(title: job.title, template: "job", JobView.context(job), refreshSeconds: job.outcome == nil ? 1 : nil)
        }
        addVersionRoutes(router, site: site)
        addWhatIfRoutes(router, site: site)
        return router
    }

    private static func addVersionRoutes(_ router: Router<BasicRequestContext>, site: PlannerSite) {
        router.get("/versions/{id}") { request, context in
            let version = try site.plans.plan(try versionID(context))
            let query = request.uri.queryParameters
            let filters = YearView.Filters(pathway: nonEmpty(query.get("pathway")), site: nonEmpty(query.get("site")),
                                           employer: nonEmpty(query.get("employer")), staff: nonEmpty(query.get("staff")))
            return Page.response(title: "Version \(version.version.id)", template: "year", YearView.context(version, filters: filters, explanations: site.explanations))
        }
        router.get("/versions/{id}/students/{student}") { request, context in
            let version = try site.plans.plan(try versionID(context))
            let page = try StudentView.context(version, student: StudentID(context.parameters.get("student") ?? ""), explanations: site.explanations)
            return Page.response(title: "A student’s year", template: "student", page, printView: isPrint(request))
        }
        router.get("/versions/{id}/employers/{employer}") { request, context in
            let version = try site.plans.plan(try versionID(context))
            let page = try EmployerView.context(version, employer: EmployerID(context.parameters.get("employer") ?? ""))
            return Page.response(title: "Employer rota", template: "employer", page, printView: isPrint(request))
        }
        router.get("/versions/{id}/staff/{staff}") { request, context in
            let version = try site.plans.plan(try versionID(context))
            let page = try StaffView.context(version, staff: StaffID(context.parameters.get("staff") ?? ""))
            return Page.response(title: "Escort days", template: "staff", page, printView: isPrint(request))
        }
        router.get("/versions/{id}/files/{name}") { _, context in
            let id = try versionID(context)
            guard try site.store.version(id) != nil else { throw PageError.notFound("version \(id)") }
            let name = context.parameters.get("name") ?? ""
            guard let text = try site.store.files(of: id)[name] else { throw PageError.notFound("file '\(name)' in version \(id)") }
            return Page.download(Data(text.utf8), name: name, type: name.hasSuffix(".csv") ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8")
        }
        router.get("/versions/{id}/download.zip") { _, context in
            let id = try versionID(context)
            guard let version = try site.store.version(id) else { throw PageError.notFound("version \(id)") }
            return Page.download(try ZipFiles.make(try site.store.files(of: id), date: version.createdAt),
                                 name: "plan-version-\(id).zip", type: "application/zip")
        }
        router.get("/compare") { request, _ in
            let query = request.uri.queryParameters
            guard let a = query.get("a").flatMap({ Int64($0) }), let b = query.get("b").flatMap({ Int64($0) }) else {
                throw PageError(.badRequest, "Choose two versions to compare.")
            }
            return Page.response(title: "Compare", template: "compare", CompareView.context(try site.plans.plan(a), try site.plans.plan(b)))
        }
    }

    private static func addWhatIfRoutes(_ router: Router<BasicRequestContext>, site: PlannerSite) {
        router.post("/versions/{id}/whatif") { request, context in
            let id = try versionID(context)
            let form = try await FormFields.read(request)
            return Page.redirect("/jobs/\(try site.startWhatIf(from: id, form: form))")
        }
        router.get("/whatif/{token}") { _, context in
            guard let whatIf = site.pending.get(context.parameters.get("token") ?? "") else {
                throw PageError.notFound("what-if waiting to be kept (it may have been kept or discarded already)")
            }
            return Page.response(title: "What if", template: "whatif", WhatIfView.context(whatIf))
        }
        router.post("/whatif/{token}/keep") { request, context in
            _ = try await FormFields.read(request)
            return Page.redirect("/versions/\(try site.keep(context.parameters.get("token") ?? "").id)")
        }
        router.post("/whatif/{token}/discard") { request, context in
            _ = try await FormFields.read(request)
            guard let whatIf = site.pending.take(context.parameters.get("token") ?? "") else {
                throw PageError.notFound("what-if waiting to be discarded (it may have been kept or discarded already)")
            }
            return Page.redirect("/versions/\(whatIf.parent)")
        }
    }

    private static func versionID(_ context: BasicRequestContext) throws(PageError) -> Int64 {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else { throw PageError.notFound("such version") }
        return id
    }

    private static func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }

    private static func isPrint(_ request: Request) -> Bool { request.uri.queryParameters.get("print") != nil }
}
