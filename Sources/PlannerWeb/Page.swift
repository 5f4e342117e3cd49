import Foundation
import Hummingbird
import Mustache

/// Renders a named template inside the common layout (a header, the page's own styles, no script
/// or font from anywhere else).
enum Page {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in Templates.all {
            do {
                try library.register(text, named: name)
            } catch {
                fatalError("template \(name) does not parse: \(error)")
            }
        }
        return library
    }()

    static func html(title: String, template: String, _ context: [String: Any], refreshSeconds: Int? = nil,
                     printView: Bool = false) -> String {
        let body = library.render(context, withTemplate: template) ?? ""
        var layout: [String: Any] = ["title": title, "body": body, "print": printView]
        if let refreshSeconds { layout["refresh"] = refreshSeconds }
        return library.render(layout, withTemplate: "layout") ?? ""
    }

    static func response(title: String, template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok,
                         refreshSeconds: Int? = nil, printView: Bool = false) -> Response {
        let text = html(title: title, template: template, context, refreshSeconds: refreshSeconds, printView: printView)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// After a form: go to the page showing its result.
    static func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }

    static func download(_ data: Data, name: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"",
                                        .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
