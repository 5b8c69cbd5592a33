import XLSX
import Zip

/// Feeds a workbook's sheets, in workbook order, to a `FileIngestor`.
enum XLSXFileReader {
    /// Reads a workbook file (mapped; `name` is its path as the report shows it).
    static func read(path: String, name: String, limits: ZipLimits, into ingestor: inout FileIngestor) throws {
        let workbook = try Workbook(path: path, name: name, limits: limits)
        let rows = ingestor.context.rowsPerChunk
        for sheet in workbook.sheets {
            try ingestor.addSheet(name: sheet.name, index: sheet.index) { ingest, partial in
                // The reader's chunks are parsed on the workers while the rows read so far become
                // records, on every core past the first chunk's worth of rows.
                var feed = SheetFeed<XLSXChunk>(rows: rows)
                defer { feed.stop() }
                try workbook.readRows(sheet) { row in
                    feed.consume(row, XLSXGridRow(row: row), ingest: &ingest, partial: &partial)
                }
                feed.finish(ingest: &ingest, partial: &partial)
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

/// Workbook rows held for another thread: their cells back to back (the reader reuses its row).
struct XLSXChunk: FillableRowChunk {
    private var numbers: [Int] = []
    private var starts: [Int] = [0]
    private var cells: [Cell] = []

    init(rows: Int) {
        numbers.reserveCapacity(rows)
        starts.reserveCapacity(rows + 1)
        cells.reserveCapacity(rows * 12)     // a register's usual width; grows past it
    }

    var count: Int { numbers.count }

    mutating func append(_ row: SheetRow) {
        numbers.append(row.number)
        cells.append(contentsOf: row.cells)
        starts.append(cells.count)
    }

    func forEachRow(_ body: (XLSXChunkRow) -> Void) {
        cells.withUnsafeBufferPointer { all in
            for r in numbers.indices {
                body(XLSXChunkRow(number: numbers[r], cells: UnsafeBufferPointer(rebasing: all[starts[r]..<starts[r + 1]])))
            }
        }
    }
}

/// One row of an `XLSXChunk`: the same cells `XLSXGridRow` gives.
struct XLSXChunkRow: GridRow {
    let number: Int
    let cells: UnsafeBufferPointer<Cell>

    func forEachCell(_ body: (Int, RawCell) -> Void) {
        for cell in cells { body(cell.column, XLSXGridRow.raw(cell.value)) }
    }
}
