/// OWASP CSV-injection guidance: a cell that begins with `=`, `+`, `-`, `@`, tab or carriage
/// return is prefixed with `'` so Excel shows it as text instead of running it as a formula.
/// Reading a plan back undoes this, so ids round-trip exactly.
public enum ExcelSafety {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func neutralise(_ cell: String) -> String {
        startsWithTrigger(cell.drop { $0 == "'" }) ? "'" + cell : cell
    }

    /// Undoes ``neutralise(_:)``: `'=x` → `=x`, and `''=x` (a cell that really began `'=`) → `'=x`.
    public static func restore(_ cell: String) -> String {
        guard cell.first == "'", startsWithTrigger(cell.drop { $0 == "'" }) else { return cell }
        return String(cell.dropFirst())
    }

    private static func startsWithTrigger(_ text: Substring) -> Bool {
        text.first.map(triggers.contains) ?? false
    }
}
