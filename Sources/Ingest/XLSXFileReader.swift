import XLSX
import Zip

/// Feeds a workbook's sheets, in workbook order, to a `FileIngestor`.
enum XLSXFileReader {
    /// Reads a workbook file (mapped; `name` is its path as the report shows it).
    static func read(path: String, name: String, limits: ZipLimits, into ingestor: inout FileIngestor) throws {
        let workbook = try Workbook(path: path, name: name, limits: limits)
        for sheet in workbook.sheets {
            try ingestor.addSheet(name: sheet.name, index: sheet.index) { ingest, partial in
                try workbook.readRows(sheet) { row in
                    ingest.consume(XLSXGridRow(row: row), into: &partial)
                }
            }
        }
    }
}

/// A streamed workbook row seen as a `GridRow`: cells converted one by one, nothing copied.
struct XLSXGridRow: GridRow {
    let row: SheetRow

    var number: Int { row.number }

    func forEachCell(_ body: (Int, RawCell) -> Void) {
        for cell in row.cells { body(cell.column, XLSXGridRow.raw(cell.value)) }
    }

    @inline(__always) static func raw(_ value: CellValue) -> RawCell {
        switch value {
        case .empty: return .empty
        case .string(let s): return .text(s)
        case .number(let d): return .number(d)
        case .bool(let b): return .bool(b)
        case .error(let e): return .error(e)
        case .date(let d): return .date(d.serial, timeOnly: d.kind == .time || d.kind == .elapsed)
        }
    }
}
