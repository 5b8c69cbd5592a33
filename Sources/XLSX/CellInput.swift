/// One cell handed to `WorksheetWriter.append`.
public enum CellInput: Sendable {
    case empty
    case text(String, bold: Bool = false)
    /// `format`: an Excel number format code such as `"0.00"` or `"#,##0"`; nil for General.
    case number(Double, format: String? = nil)
    /// A number written verbatim into `<v>`, e.g. `"12.5"` — for exact decimals that must not pass
    /// through a Double.
    case literal(String)
    case bool(Bool)
    case date(year: Int, month: Int, day: Int, format: String = "yyyy-mm-dd")
    case dateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, format: String = "yyyy-mm-dd hh:mm:ss")
    /// A formula (with or without the leading `=`) and the value Excel would compute, so that readers
    /// that do not calculate still see the figure.
    case formula(String, cached: Double)
    /// Any of the above with a font, borders, alignment or fill (`CellStyle`); the inner cell's
    /// number format is kept, and its bold adds to the style's.
    indirect case styled(CellInput, CellStyle)
}
