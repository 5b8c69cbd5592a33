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
            // Chunks point into the document's text: they are all read before it goes.
            var feed = SheetFeed<CSVChunk>(rows: rows)
            defer { feed.stop() }
            try document.forEachRecord { record in
                feed.consume(record, CSVGridRow(record: record), ingest: &ingest, partial: &partial)
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

/// CSV records held for another thread: each field as where its bytes are in the document's
/// decoded text (valid while the document is), and fields with doubled quotes as their text. Only
/// these few ranges are copied on the reader's thread; the cells are the ones `CSVGridRow` gives.
struct CSVChunk: RowChunk, @unchecked Sendable {
    struct Field {
        let start: UnsafeRawPointer?
        let count: Int
        /// Index into `unquoted`, or -1.
        let text: Int32
    }

    private var lines: [Int] = []
    private var starts: [Int] = [0]
    private var fields: [Field] = []
    private var unquoted: [String] = []

    init(rows: Int) {
        lines.reserveCapacity(rows)
        starts.reserveCapacity(rows + 1)
        fields.reserveCapacity(rows * 12)    // a register's usual width; grows past it
    }

    var count: Int { lines.count }

    mutating func append(_ record: CSVRecord) {
        lines.append(record.line)
        for i in 0..<record.count {
            if record.isQuoted(i) {
                fields.append(Field(start: nil, count: 0, text: Int32(unquoted.count)))
                unquoted.append(record[i])
            } else {
                record.withUTF8Field(i) { fields.append(Field(start: $0.baseAddress, count: $0.count, text: -1)) }
            }
        }
        starts.append(fields.count)
    }

    func forEachRow(_ body: (CSVChunkRow) -> Void) {
        fields.withUnsafeBufferPointer { all in
            unquoted.withUnsafeBufferPointer { texts in
                for r in lines.indices {
                    body(CSVChunkRow(number: lines[r], fields: UnsafeBufferPointer(rebasing: all[starts[r]..<starts[r + 1]]), texts: texts))
                }
            }
        }
    }
}

/// One row of a `CSVChunk`: the same cells `CSVGridRow` gives for the record.
struct CSVChunkRow: GridRow {
    let number: Int
    let fields: UnsafeBufferPointer<CSVChunk.Field>
    let texts: UnsafeBufferPointer<String>

    func forEachCell(_ body: (Int, RawCell) -> Void) {
        for i in fields.indices {
            let f = fields[i]
            if f.text >= 0 {
                let t = texts[Int(f.text)]
                body(i, t.isEmpty ? .empty : .text(t))
            } else if f.count == 0 {
                body(i, .empty)
            } else {
                body(i, .utf8(FieldBytes(UnsafeRawBufferPointer(start: f.start, count: f.count))))
            }
        }
    }
}
