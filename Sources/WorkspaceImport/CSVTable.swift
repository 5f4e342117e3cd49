import CSV
import Foundation

/// One data row of a CSV file, with the line it starts on and its cells by column name.
public struct CSVRecord: Sendable {
    public let file: String
    public let line: Int
    let cells: [String: String]

    /// The trimmed cell, or nil when the column is absent or the cell is empty.
    public subscript(column: String) -> String? {
        guard let value = cells[column], !value.isEmpty else { return nil }
        return value
    }
}

/// A whole CSV file read with CSV.swift: UTF-8 (with or without BOM), LF or CRLF, RFC 4180
/// quoting, header row required, cells trimmed, blank lines skipped.
public struct CSVTable: Sendable {
    public static let maximumBytes = 20 * 1024 * 1024
    public let file: String
    public let columns: [String]
    public let records: [CSVRecord]

    public func hasColumn(_ name: String) -> Bool { columns.contains(name) }

    /// Reads `file` from `directory`; nil (with problems added) when it cannot be read as a table.
    public static func read(_ file: String, in directory: URL, problems: inout ProblemList) -> CSVTable? {
        let url = directory.appendingPathComponent(file)
        // Refuse an oversized file from its size alone, before reading a byte of it.
        // (A folder, pipe or device under the name is refused too: reading a pipe could wait for ever.)
        if let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path) {
            if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
                problems.add(Problem(file: file, "this is not an ordinary file (it is a folder, pipe or device)",
                                     fix: "Put the CSV file itself in the workspace folder under this name."))
                return nil
            }
            if let size = attributes[.size] as? NSNumber, size.int64Value > Int64(maximumBytes) {
                problems.add(tooLarge(file, bytes: size.int64Value))
                return nil
            }
        }
        guard let data = try? Data(contentsOf: url) else {
            problems.add(Problem(file: file, "the file is missing or cannot be opened",
                                 fix: "Put \(file) in the workspace folder (see Data/README.md for its columns)."))
            return nil
        }
        return parse(data, file: file, problems: &problems)
    }

    public static func parse(_ data: Data, file: String, problems: inout ProblemList) -> CSVTable? {
        guard data.count <= maximumBytes else {
            problems.add(tooLarge(file, bytes: Int64(data.count)))
            return nil
        }
        guard let text = TextDecoding.utf8Text(data, file: file, problems: &problems) else { return nil }
        guard QuoteBalance.check(text, file: file, problems: &problems) else { return nil }
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false, trimFields: true),
              let header = reader.next(), header.contains(where: { !$0.isEmpty }) else {
            problems.add(Problem(file: file, line: 1, "the file is empty",
                                 fix: "The first line must be the header row naming the columns (see Data/README.md)."))
            return nil
        }
        let columns = header.map { $0.trimmingCharacters(in: .whitespaces) }
        guard checkHeader(columns, file: file, problems: &problems) else { return nil }
        var records: [CSVRecord] = []
        var line = 1 + lineBreaks(in: header)
        while let row = reader.next() {
            let startLine = line + 1
            line = startLine + lineBreaks(in: row)
            if row.allSatisfy(\.isEmpty) { continue }
            if row.count != columns.count {
                problems.add(Problem(file: file, line: startLine,
                                     "this row has \(row.count) cells but the header has \(columns.count)",
                                     fix: "Make every row have one cell per header column; a comma inside a cell needs the cell in double quotes."))
                continue
            }
            var cells: [String: String] = [:]
            for (name, value) in zip(columns, row) where !name.isEmpty { cells[name] = value }
            records.append(CSVRecord(file: file, line: startLine, cells: cells))
        }
        return CSVTable(file: file, columns: columns, records: records)
    }

    private static func tooLarge(_ file: String, bytes: Int64) -> Problem {
        Problem(file: file, "the file is \(bytes / 1_048_576) MB, more than a school's data could need (limit \(maximumBytes / 1_048_576) MB)",
                fix: "Check that the right file was saved under this name.")
    }

    private static func checkHeader(_ columns: [String], file: String, problems: inout ProblemList) -> Bool {
        var seen = Set<String>()
        var ok = true
        for name in columns where !name.isEmpty && !seen.insert(name).inserted {
            problems.add(Problem(file: file, line: 1, column: name, "the column '\(name)' appears twice in the header",
                                 fix: "Delete or rename one of the two columns."))
            ok = false
        }
        return ok
    }

    /// Line breaks inside a row's cells (CRLF, LF or a lone CR each one), counted over their UTF-8
    /// bytes: Foundation's `replacingOccurrences` on every cell of every row was a third of reading a
    /// plan folder.
    private static func lineBreaks(in row: [String]) -> Int {
        var count = 0
        for cell in row {
            var afterCarriageReturn = false
            for byte in cell.utf8 {
                if byte == 0x0A {
                    if !afterCarriageReturn { count += 1 }
                } else if byte == 0x0D {
                    count += 1
                }
                afterCarriageReturn = byte == 0x0D
            }
        }
        return count
    }
}
