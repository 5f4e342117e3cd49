import Hummingbird

/// A request the page cannot answer, said in plain words, shown as an HTML page with its status.
public struct PageError: HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let message: String

    public init(_ status: HTTPResponse.Status, _ message: String) { self.status = status; self.message = message }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Page.response(title: "Cannot do that", template: "error", ["message": message], status: status)
    }

    static func notFound(_ what: String) -> PageError {
        PageError(.notFound, "There is no \(what) here. Go back to the start page and choose again.")
    }
}
