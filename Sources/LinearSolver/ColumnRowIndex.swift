/// Each column's rows of one model (a column-wise copy of its row-wise terms), built once so that
/// many small searches over a few of its columns, all others fixed, find their rows without
/// reading every row (``GLPKSolver/solve(_:freeing:at:index:options:)``).
public struct ColumnRowIndex: Sendable {
    /// Per column `c`, its rows are `rows[start[c]..<start[c + 1]]`, in row order.
    private let start: [Int32]
    private let rows: [Int32]
    public let columnCount: Int
    public let rowCount: Int

    public init(_ model: LinearModel) {
        var start = [Int32](repeating: 0, count: model.columns.count + 1)
        for row in model.rows { for term in row.terms { start[term.column.index + 1] += 1 } }
        for column in 0..<model.columns.count { start[column + 1] += start[column] }
        var next = start
        var rows = [Int32](repeating: 0, count: Int(start[model.columns.count]))
        for (index, row) in model.rows.enumerated() {
            for term in row.terms {
                rows[Int(next[term.column.index])] = Int32(index)
                next[term.column.index] += 1
            }
        }
        self.start = start
        self.rows = rows
        columnCount = model.columns.count
        rowCount = model.rows.count
    }

    /// The rows any of `columns` is in, in row order, each once.
    func rows(of columns: [Int]) -> [Int] {
        var seen = Set<Int32>()
        for column in columns {
            for k in Int(start[column])..<Int(start[column + 1]) { seen.insert(rows[k]) }
        }
        return seen.map(Int.init).sorted()
    }
}
