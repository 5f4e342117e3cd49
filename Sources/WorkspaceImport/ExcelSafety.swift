/// OWASP CSV-injection guidance: a cell that begins with `=`, `+`, `-`, `@`, tab or carriage
/// return is prefixed with `'` so Excel shows it as text instead of running it as a formula.
/// Reading a plan back undoes this, so ids round-trip exactly.
public enum ExcelSafety {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.first, triggers.contains(first) else { return cell }
        return "'" + cell
    }

    public static func restore(_ cell: String) -> String {
        guard cell.first == "'", let second = cell.dropFirst().first, triggers.contains(second) else { return cell }
        return String(cell.dropFirst())
    }
}
