import CSV

/// Feeds a CSV file, as one sheet, to a `FileIngestor`.
enum CSVFileReader {
    static func read(bytes: [UInt8], name: String, into ingestor: inout FileIngestor) throws {
        let document = try CSVDocument(bytes: bytes, name: name)
        ingestor.setEncoding(document.encoding.rawValue, delimiter: document.delimiter)
        try ingestor.addSheet(name: nil, index: 1) { ingest, partial in
            try document.forEachRecord { record in
                ingest.consume(CSVGridRow(record: record), into: &partial)
            }
        }
    }
}

/// A streamed CSV record seen as a `GridRow`; its number is the line where the record starts.
struct CSVGridRow: GridRow {
    let record: CSVRecord

    var number: Int { record.line }

    func forEachCell(_ body: (Int, RawCell) -> Void) {
        for i in 0..<record.count {
            let field = record[i]
            body(i, field.isEmpty ? .empty : .text(field))
        }
    }
}
