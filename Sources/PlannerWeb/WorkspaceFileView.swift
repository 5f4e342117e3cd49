import Foundation
import WorkspaceImport

/// One workspace CSV file with numbered lines, so a problem's link lands on its line.
enum WorkspaceFileView {
    static func context(name: String, directory: URL) throws(PageError) -> [String: Any] {
        guard name.hasSuffix(".csv"), !name.contains("/"), !name.hasPrefix("."),
              let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
              data.count <= CSVTable.maximumBytes
        else { throw PageError.notFound("workspace file '\(name)'") }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            ["number": index + 1, "text": String(line)] as [String: Any]
        }
        return ["name": name, "lines": lines]
    }

    static let template = """
        <h1>{{name}}</h1>
        <pre class="file">{{#lines}}<span id="line-{{number}}">{{number}}  {{text}}</span>
        {{/lines}}</pre>
        """
}
