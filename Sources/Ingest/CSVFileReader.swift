import CSV

/// Feeds a CSV file, as one sheet, to a `FileIngestor`.
enum CSVFileReader {
    static func read(bytes: [UInt8], name: String, into ingestor: inout FileIngestor) throws {
        var bytes = bytes
        try read(taking: &bytes, name: name, into: &ingestor)
    }

    /// As `read(bytes:)`, emptying `bytes` once the document is made: a file decoded from another
    /// encoding then no longer holds its original bytes while its rows are read (a UTF-8 file's
    /// bytes are the document's text and stay).
    static func read(taking bytes: inout [UInt8], name: String, into ingestor: inout FileIngestor) throws {
        let document = try CSVDocument(bytes: bytes, name: name)
        bytes = []
        ingestor.setEncoding(document.encoding.rawValue, delimiter: document.delimiter)
        let rows = ingestor.context.rowsPerChunk
        try ingestor.addSheet(name: nil, index: 1) { ingest, partial in
            // The reader parses the text a stretch at a time on the other cores; past the header and
            // the first rows, each parsed stretch is one chunk of records, read on whichever core
            // is free. Chunks point into the document's text: they are all read before it goes.
            var feed = SheetFeed<CSVBatchChunk>(rows: rows)
            defer { feed.stop() }
            try document.forEachBatch { batch in
                feed.consume(chunk: CSVBatchChunk(batch: batch), ingest: &ingest, partial: &partial)
            }
            feed.finish(ingest: &ingest, partial: &partial)
        }
    }
}

/// A streamed CSV record seen as a `GridRow`; its number is the line where the record starts.
/// Fields are handed out as the reader's bytes (`.utf8`), except those with doubled quotes,
/// whose text differs from their bytes.
struct CSVGridRow: GridRow {
    let record: CSVRecord

    var number: Int { record.line }

    func forEachCell(_ body: (Int, RawCell) -> Void) {
        for i in 0..<record.count {
            if record.isQuoted(i) {
                let field = record[i]
                body(i, field.isEmpty ? .empty : .text(field))
            } else {
                record.withUTF8Field(i) { body(i, $0.isEmpty ? .empty : .utf8(FieldBytes($0))) }
            }
        }
    }
}

/// Records of one parsed stretch of a CSV file as a chunk of rows: the reader's batch itself,
/// kept, so that nothing is copied per record on the reader's thread.
struct CSVBatchChunk: SlicedRowChunk {
    let batch: CSVBatch
    var records: Range<Int>

    init(batch: CSVBatch) {
        self.batch = batch
        records = 0..<batch.count
    }

    var count: Int { records.count }

    func row(_ i: Int) -> CSVGridRow { CSVGridRow(record: batch.record(records.lowerBound + i)) }

    func slice(_ rows: Range<Int>) -> CSVBatchChunk {
        var piece = self
        piece.records = (records.lowerBound + rows.lowerBound)..<(records.lowerBound + rows.upperBound)
        return piece
    }

    func forEachRow(_ body: (CSVGridRow) -> Void) {
        batch.forEachRecord(in: records) { body(CSVGridRow(record: $0)) }
    }
}
