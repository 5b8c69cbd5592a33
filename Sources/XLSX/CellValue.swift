/// The value of one cell as the workbook stores it (formulas are represented by their cached value).
public enum CellValue: Sendable, Equatable {
    case empty
    case string(String)
    case number(Double)
    case bool(Bool)
    /// An error value such as `#DIV/0!` or `#N/A`.
    case error(String)
    /// A number whose cell style is a date or time format.
    case date(ExcelDate)
}
