import Hummingbird

/// Refuses forms posted from another web site (a page elsewhere cannot make this one plan or keep
/// a what-if behind the coordinator's back): a browser's POST carries `Origin`, which must be this
/// page's own address. Requests without `Origin` (not from a browser page) pass.
struct SameOriginPosts<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .post, let origin = request.headers[.origin] {
            let host = request.head.authority ?? ""
            guard !host.isEmpty, origin == "http://\(host)" else {
                throw PageError(.forbidden, "This form was sent from another web page, so nothing was done. Use the planner's own page.")
            }
        }
        return try await next(request, context)
    }
}
