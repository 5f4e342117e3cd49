import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body, read with a size cap (413 beyond it) and strict
/// decoding (400 for anything malformed). Empty fields count as not given.
struct FormFields: Sendable {
    static let maximumBytes = 16 * 1024
    private let values: [String: String]

    subscript(name: String) -> String? { values[name].flatMap { $0.isEmpty ? nil : $0 } }

    init(_ text: String) throws(PageError) {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2,
                  let name = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
                  let value = String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
                  values[name] == nil
            else { throw PageError(.badRequest, "The form could not be read. Reload the page and try again.") }
            values[name] = value.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        self.values = values
    }

    static func read(_ request: Request) async throws(PageError) -> FormFields {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBytes)
        } catch {
            throw PageError(.contentTooLarge, "The form sent was larger than \(maximumBytes / 1024) KB; nothing was changed.")
        }
        guard let text = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes),
              text.utf8.count == buffer.readableBytes
        else { throw PageError(.badRequest, "The form could not be read. Reload the page and try again.") }
        return try FormFields(text)
    }
}
