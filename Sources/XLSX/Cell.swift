/// One non-empty (or explicitly present) cell of a row.
public struct Cell: Sendable, Equatable {
    /// 0-based column: A = 0.
    public let column: Int
    public let value: CellValue

    public init(column: Int, value: CellValue) {
        self.column = column
        self.value = value
    }
}
