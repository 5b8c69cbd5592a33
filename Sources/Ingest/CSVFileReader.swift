import CSV

/// Feeds a CSV file, as one sheet, to a `FileIngestor`.
enum CSVFileReader {
    static func read(bytes: [UInt8], name: String, into ingestor: inout FileIngestor) throws {
        try read(file: FileBytes(array: bytes), name: name, into: &ingestor)
    }

    /// Reads the file's bytes (mapped, or an array) as one sheet.
    /// `hashed` tells how far the checksum thread has read the same bytes: a large file's pages are
    /// given back behind it, once decoded (another encoding) or read into records (UTF-8), so the
    /// whole file does not stay resident beside its records. A mapped file that changed while it
    /// was read is an error: its records are not the file's.
    static func read(file: FileBytes, name: String, hashed: (() -> Int)? = nil,
                     releasingFrom minimumSize: Int = SpentBytes.minimumSize, into ingestor: inout FileIngestor) throws {
        // Whatever went wrong in a file that changed meanwhile, the change is what to report.
        do {
            try readSheet(file: file, name: name, hashed: hashed, releasingFrom: minimumSize, into: &ingestor)
        } catch {
            if file.changedWhileRead { throw CSVError.changedWhileRead }
            throw error
        }
        if file.changedWhileRead { throw CSVError.changedWhileRead }
    }

    private static func readSheet(file: FileBytes, name: String, hashed: (() -> Int)?,
                                  releasingFrom minimumSize: Int, into ingestor: inout FileIngestor) throws {
        let spent = SpentBytes(file, hashed: hashed, minimumSize: minimumSize)
        let document = try CSVDocument(file: file, name: name, decoded: spent.map { spent in { spent.release($0) } })
        spent?.release(0..<0)              // what the hash had not reached while the text was decoded
        ingestor.setEncoding(document.encoding.rawValue, delimiter: document.delimiter)
        let rows = ingestor.context.rowsPerChunk
        try ingestor.addSheet(name: nil, index: 1) { ingest, partial in
            // The reader parses the text a stretch at a time on the other cores; past the header and
            // the first rows, each parsed stretch is one chunk of records, read on whichever core
            // is free. Chunks point into the document's text: they are all read before it goes.
            var feed = SheetFeed<CSVBatchChunk>(rows: rows)
            defer { feed.stop() }
            if let spent {
                // The text before a joined chunk's last record is not read again.
                let offset = document.textOffsetInBytes
                var released = 0
                feed.joined = { chunk in
                    let end = chunk.textEnd
                    guard end > released else { return }
                    if let offset {
                        spent.release((released + offset)..<(end + offset))
                    } else {
                        document.releaseText(before: end)
                        spent.release(0..<0)      // decoded bytes the hash had not reached yet
                    }
                    released = end
                }
            }
            var records = 0, reserved = false
            try document.forEachBatch { batch in
                feed.consume(chunk: CSVBatchChunk(batch: batch), ingest: &ingest, partial: &partial)
                records += batch.count
                if !reserved, feed.isSplit, batch.shareRead > 0 {
                    // The file's records estimated from those so far, so that its table grows once.
                    reserved = true
                    partial.reserve(kind: ingest.kind, records: Int(Double(records) / batch.shareRead * 1.02), after: records)
                }
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

    /// Where the chunk's last record ends in the document's text.
    var textEnd: Int { records.isEmpty ? 0 : batch.textEnd(ofRecord: records.upperBound - 1) }
}
