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
                // The reader parses the sheet a stretch at a time on the workers; past the header and
                // the first rows, each stretch is cut into chunks of records, read on whichever core
                // is free. A chunk is a slice of the reader's batch: no cell is copied for it.
                var feed = SheetFeed<XLSXBatchChunk>(rows: rows)
                defer { feed.stop() }
                try workbook.readRowBatches(sheet) { batch in
                    feed.consume(chunk: XLSXBatchChunk(batch: batch), ingest: &ingest, partial: &partial)
                }
                feed.finish(ingest: &ingest, partial: &partial)
            }
        }
    }
}

/// A streamed workbook row seen as a `GridRow`: cells converted one by one, nothing copied
/// (legacy .xls rows, which come as `SheetRow`s).
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

/// A row of a workbook's batch seen as a `GridRow`: text cells handed out as the reader's bytes
/// (`.utf8`), nothing copied.
struct XLSXBatchRow: GridRow {
    let batch: SheetRowBatch
    let row: Int

    var number: Int { batch.number(ofRow: row) }

    func forEachCell(_ body: (Int, RawCell) -> Void) {
        batch.forEachCell(ofRow: row) { column, value in
            switch value {
            case .text(let bytes): body(column, bytes.isEmpty ? .text("") : .utf8(FieldBytes(bytes)))   // as a `String` cell was
            case .number(let d): body(column, .number(d))
            case .date(let serial, let kind): body(column, .date(serial, timeOnly: kind == .time || kind == .elapsed))
            case .bool(let b): body(column, .bool(b))
            case .error(let bytes): body(column, .error(String(decoding: bytes, as: UTF8.self)))
            }
        }
    }
}

/// Rows of one parsed stretch of a worksheet as a chunk: the reader's batch itself, sliced.
struct XLSXBatchChunk: SlicedRowChunk {
    let batch: SheetRowBatch

    var count: Int { batch.count }

    func row(_ i: Int) -> XLSXBatchRow { XLSXBatchRow(batch: batch, row: i) }

    func slice(_ rows: Range<Int>) -> XLSXBatchChunk { XLSXBatchChunk(batch: batch.slice(rows)) }

    func forEachRow(_ body: (XLSXBatchRow) -> Void) {
        for i in 0..<batch.count { body(XLSXBatchRow(batch: batch, row: i)) }
    }
}
