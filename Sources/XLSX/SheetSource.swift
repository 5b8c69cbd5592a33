/// A workbook whose sheets stream as rows: an .xlsx `Workbook`, or a legacy .xls/.et one (module XLS).
/// `inspect` and ingest read either through this, so both formats give the same rows.
public protocol SheetSource: AnyObject, Sendable {
    /// The name errors use for the file.
    var file: String { get }
    /// Workbook order.
    var sheets: [SheetInfo] { get }
    var date1904: Bool { get }
    /// Streams the rows of one sheet in row order; `row` is only valid during the call. Rows without
    /// any cell holding a value are not delivered.
    func readRows(_ sheet: SheetInfo, _ body: (SheetRow) throws -> Void) throws
    /// The merged areas of a sheet.
    func mergedRanges(_ sheet: SheetInfo) throws -> [CellRange]
}

extension SheetSource {
    public func sheet(named name: String) -> SheetInfo? {
        sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
    }

    public func sheet(at oneBasedIndex: Int) -> SheetInfo? {
        oneBasedIndex >= 1 && oneBasedIndex <= sheets.count ? sheets[oneBasedIndex - 1] : nil
    }
}

extension Workbook: SheetSource {}
