/// A cell's value where the reader holds it, valid only during the call that hands it out
/// (`SheetRowBatch.forEachCell`): text is borrowed UTF-8, never a `String` of its own.
///
/// Making a `String` of every text cell (a million-row register has a dozen per row) and copying
/// it into each row was an eighth of reading a large workbook into records; a reader that needs
/// the text keeps the bytes it wants (calamine's `DataRef` is the same idea).
public enum CellValueRef {
    case number(Double)
    /// A date-styled number: the serial, already corrected for the 1904 system, and its kind.
    case date(Double, DateKind)
    case bool(Bool)
    /// A shared or inline string, as valid UTF-8.
    case text(UnsafeBufferPointer<UInt8>)
    /// An error value such as `#DIV/0!`, as UTF-8.
    case error(UnsafeBufferPointer<UInt8>)

    /// The value as `CellValue`, making its `String`.
    public var value: CellValue {
        switch self {
        case .number(let n): return .number(n)
        case .date(let serial, let kind): return .date(ExcelDate(serial: serial, kind: kind))
        case .bool(let b): return .bool(b)
        case .text(let bytes): return .string(String(decoding: bytes, as: UTF8.self))
        case .error(let bytes): return .error(String(decoding: bytes, as: UTF8.self))
        }
    }
}
