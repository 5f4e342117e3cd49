import CSV
import Foundation
import WorkspaceImport

/// Renders rows as RFC 4180 CSV text with CSV.swift, every cell made safe to open in Excel.
public enum CSVText {
    public static func render(header: [String], rows: [[String]]) -> String {
        // Writing to memory cannot fail; a failure here would be a bug in the library.
        let writer = try! CSVWriter(stream: .toMemory())
        try! writer.write(row: header)
        for row in rows { try! writer.write(row: row.map(ExcelSafety.neutralise)) }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as! Data
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

