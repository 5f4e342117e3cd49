import Foundation

/// Turns file bytes into text, refusing (with the line) anything that is not UTF-8 rather than
/// guessing and mangling names.
enum TextDecoding {
    static func utf8Text(_ data: Data, file: String, problems: inout ProblemList) -> String? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let line = firstInvalidLine(bytes)
        problems.add(Problem(file: file, line: line, "the file is not UTF-8 text (an accented letter here is in another encoding, probably Windows-1252/Latin-1)",
                             fix: "In Excel use File › Save As › 'CSV UTF-8 (Comma delimited)'."))
        return nil
    }

    private static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}

/// Finds a quoted cell that is never closed, which would otherwise swallow the rest of the file.
enum QuoteBalance {
    static func check(_ text: String, file: String, problems: inout ProblemList) -> Bool {
        var inQuotes = false
        var line = 1
        var openedOn = 1
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                inQuotes.toggle()
                if inQuotes { openedOn = line }
            } else if scalar == "\n" {
                line += 1
            }
        }
        guard inQuotes else { return true }
        problems.add(Problem(file: file, line: openedOn, "a double quote opened on this line is never closed",
                             fix: "Add the closing \" or remove the stray one; a quote inside a quoted cell is written \"\"."))
        return false
    }
}
