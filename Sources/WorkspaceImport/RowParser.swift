import Foundation
import PlacementDomain

/// Collects problems across the files of one workspace.
final class ProblemLog {
    var list = ProblemList()
    func add(_ problem: Problem) { list.add(problem) }
}

/// Reads typed values from one record, adding a problem (file, line, column, fix) for each bad cell.
struct RowParser {
    let record: CSVRecord
    let log: ProblemLog

    func problem(_ column: String?, _ message: String, fix: String) {
        log.add(Problem(file: record.file, line: record.line, column: column, message, fix: fix))
    }

    func text(_ column: String, required: Bool = false) -> String? {
        let value = record[column]
        if value == nil && required {
            problem(column, "this cell is empty but \(column) is required", fix: "Fill in the \(column).")
        }
        return value
    }

    func integer(_ column: String, in range: ClosedRange<Int>, required: Bool = false, meaning: String) -> Int? {
        guard let raw = text(column, required: required) else { return nil }
        guard let value = Int(raw) else {
            let digits = raw.drop { $0 == "-" || $0 == "+" }
            if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) {
                problem(column, "\(raw.prefix(30))\(raw.count > 30 ? "…" : "") is far too large for \(meaning)",
                        fix: "Write a number from \(range.lowerBound) to \(range.upperBound).")
                return nil
            }
            problem(column, "'\(raw)' is not a whole number of \(meaning)", fix: "Write a whole number such as \(range.lowerBound + (range.upperBound > range.lowerBound ? 1 : 0)).")
            return nil
        }
        guard range.contains(value) else {
            problem(column, "\(value) \(meaning) is outside the allowed range \(range.lowerBound)–\(range.upperBound)",
                    fix: "Write a number from \(range.lowerBound) to \(range.upperBound).")
            return nil
        }
        return value
    }

    func decimal(_ column: String, in range: ClosedRange<Double>, required: Bool = false, meaning: String) -> Double? {
        guard let raw = text(column, required: required) else { return nil }
        guard let value = Double(raw), value.isFinite else {
            problem(column, "'\(raw)' is not a number", fix: "Write \(meaning) as a decimal number such as 51.2725.")
            return nil
        }
        guard range.contains(value) else {
            problem(column, "\(raw) is outside the range \(range.lowerBound) to \(range.upperBound) for \(meaning)",
                    fix: "Check the \(meaning) (decimal degrees; latitude and longitude may be swapped).")
            return nil
        }
        return value
    }

    /// A `;`-separated list, each item trimmed, empty items dropped, order kept; items that are
    /// not usable codes (see ``checkCode(_:column:)``) are reported and dropped.
    func list(_ column: String) -> [String] {
        guard let raw = record[column] else { return [] }
        return raw.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && checkCode($0, column: column) }
    }

    /// A single code (an id, a sector, a pathway): like ``text(_:required:)``, checked with ``checkCode(_:column:)``.
    func code(_ column: String, required: Bool = false) -> String? {
        guard let value = text(column, required: required) else { return nil }
        return checkCode(value, column: column) ? value : nil
    }

    /// Ids, sectors, skills and term ids become part of the model's row and column names, which
    /// GLPK refuses (by aborting the process) when they hold control characters or are too long.
    /// The value itself is not repeated in the message: in some columns it is personal (needs, skills).
    static let maximumCodeBytes = 40
    static let lengthLimitedColumns: Set<String> = ["id", "sector", "skills", "escort_skills", "terms", "term", "site", "employer", "student", "avoid", "interests"]

    func checkCode(_ value: String, column: String) -> Bool {
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            problem(column, "a code in this cell contains a line break, tab or other invisible control character",
                    fix: "Retype the \(column) as plain text on one line (codes are single words such as step-free).")
            return false
        }
        if Self.lengthLimitedColumns.contains(column), value.utf8.count > Self.maximumCodeBytes {
            problem(column, "a code in this cell is \(value.count) characters long, more than the \(Self.maximumCodeBytes) allowed",
                    fix: "Use a shorter code (at most \(Self.maximumCodeBytes) letters; an accented letter counts as two).")
            return false
        }
        return true
    }

    /// Weekdays; nil (with a problem) when one is not Mon–Fri, `defaultDays` when the cell is empty.
    func weekdays(_ column: String, required: Bool = false, defaultDays: Set<Weekday> = Set(Weekday.allCases)) -> Set<Weekday>? {
        let items = list(column)
        if items.isEmpty {
            if required { problem(column, "no weekdays are given", fix: "List the days, e.g. Mon;Wed (days are Mon Tue Wed Thu Fri).") }
            return required ? nil : defaultDays
        }
        var days = Set<Weekday>()
        for item in items {
            guard let day = Weekday(abbreviation: item) else {
                problem(column, "'\(item)' is not a weekday", fix: "Use Mon Tue Wed Thu Fri, separated by ; (e.g. Mon;Thu).")
                return nil
            }
            days.insert(day)
        }
        return days
    }

    /// Term ids; unknown ones are reported, empty means every term.
    func terms(_ column: String, known: [TermID]) -> Set<TermID> {
        let items = list(column)
        if items.isEmpty { return Set(known) }
        var terms = Set<TermID>()
        for item in items {
            if known.contains(TermID(item)) {
                terms.insert(TermID(item))
            } else {
                problem(column, "'\(item)' is not a term in terms.csv", fix: "Use term ids from terms.csv (\(known.map(\.rawValue).joined(separator: ", "))).")
            }
        }
        return terms
    }
}

/// Checks a table has the columns a file needs; reports each one missing.
func requireColumns(_ names: [String], in table: CSVTable, log: ProblemLog) -> Bool {
    var ok = true
    for name in names where !table.hasColumn(name) {
        log.add(Problem(file: table.file, line: 1, column: name, "the required column '\(name)' is missing from the header",
                        fix: "Add a column headed '\(name)' (see Data/README.md)."))
        ok = false
    }
    return ok
}

/// Checks ids in one file are present and unique.
func uniqueIDs(_ table: CSVTable, log: ProblemLog) -> [CSVRecord] {
    var firstLine: [String: Int] = [:]
    var kept: [CSVRecord] = []
    for record in table.records {
        guard let id = record["id"] else {
            RowParser(record: record, log: log).problem("id", "this row has no id", fix: "Give every row a unique id.")
            continue
        }
        guard RowParser(record: record, log: log).checkCode(id, column: "id") else { continue }
        if let line = firstLine[id] {
            RowParser(record: record, log: log).problem("id", "the id '\(id)' is already used on line \(line)", fix: "Give every row a unique id (ids are case-sensitive).")
            continue
        }
        firstLine[id] = record.line
        kept.append(record)
    }
    return kept
}
