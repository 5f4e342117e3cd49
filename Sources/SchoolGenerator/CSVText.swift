import Foundation

/// Turns rows of cells into CSV text: LF line endings, header first, RFC 4180 quoting
/// only where a cell needs it (comma, double quote, line break, or surrounding spaces).
enum CSVText {
    /// One CSV file: the header row, then the data rows, each terminated by `\n`.
    static func file(header: [String], rows: [[String]]) -> String {
        var text = line(header)
        for row in rows { text += line(row) }
        return text
    }

    static func line(_ cells: [String]) -> String {
        cells.map(quoted).joined(separator: ",") + "\n"
    }

    /// Quotes a cell when required, doubling any embedded double quotes.
    static func quoted(_ cell: String) -> String {
        let needsQuotes = cell.contains(",") || cell.contains("\"") || cell.contains("\n")
            || cell.contains("\r") || cell.hasPrefix(" ") || cell.hasSuffix(" ")
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A list cell: items separated by `;`.
    static func list(_ items: [String]) -> String { items.joined(separator: ";") }

    /// Fixed-decimal formatting done with integer arithmetic, so the text never depends on
    /// the C library or the locale (e.g. `fixed(51.2790449, 5) == "51.27904"`).
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * Double(scale)).rounded())
        let whole = scaled / scale
        var fraction = String(scaled % scale)
        while fraction.count < decimals { fraction = "0" + fraction }
        let sign = (value < 0 && scaled != 0) ? "-" : ""
        return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
