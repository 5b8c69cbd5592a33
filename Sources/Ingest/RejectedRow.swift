/// A data row that is not counted: rejected for a value it holds, or dropped as a duplicate.
/// These are the rows of rejects.csv, in file/sheet/row order.
public struct RejectedRow: Sendable, Equatable {
    /// Path relative to the inputs folder.
    public var file: String
    /// Sheet name; nil for a CSV file.
    public var sheet: String?
    /// Row number as Excel shows it (CSV: the line where the record starts).
    public var row: Int
    /// The column's header as written in the file (or the canonical field name when the column is
    /// missing); empty when the row as a whole is at fault.
    public var column: String
    /// The cell as written (dates as YYYY-MM-DD, numbers in shortest form).
    public var value: String
    /// Why, in Chinese: `发生时间「2025-02-30」不是有效日期`.
    public var reason: String
    /// Whether the row was dropped as a duplicate of another record.
    public var isDuplicate: Bool

    public init(file: String, sheet: String?, row: Int, column: String, value: String, reason: String,
                isDuplicate: Bool = false) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.value = value
        self.reason = reason
        self.isDuplicate = isDuplicate
    }
}
