import Zip

/// Feeds one part from the archive's streaming inflate into a push SAX parser, turning every failure
/// into an `XLSXError` that names the file, part and (where known) sheet and cell.
struct SheetStream {
    let archive: ZipArchive
    let entry: ZipEntry
    let error: (XLSXError.Kind, String?) -> XLSXError

    /// Parses the whole part with `handler`.
    func parseWhole(handler: SAXHandler, progress: (Int) -> Void = { _ in }) throws {
        guard let parser = SAXParser(handler: handler, name: entry.path) else {
            throw error(.malformedXML(line: 0, detail: "cannot create parser"), nil)
        }
        try guarded(handler) {
            try archive.stream(entry) { buffer in
                try parser.feed(buffer)
                progress(buffer.count)
            }
            try parser.finish()
        }
    }

    /// Parses the part from its inflated `bytes` with `handler` (errors as `parseWhole` gives them).
    func parseWhole(handler: SAXHandler, bytes: [UInt8]) throws {
        guard let parser = SAXParser(handler: handler, name: entry.path) else {
            throw error(.malformedXML(line: 0, detail: "cannot create parser"), nil)
        }
        try guarded(handler) {
            // In the inflater's 256 KiB pieces, as a streamed part is fed.
            try bytes.withUnsafeBytes { try parser.feed($0, inPiecesOf: 1 << 18) }
            try parser.finish()
        }
    }

    /// Streams a worksheet on one thread: rows are delivered after every inflated block. Returns the
    /// sheet's merged ranges, met on the way.
    @discardableResult
    func read(reader: SheetReader, sharedStrings: SharedStringTable, _ body: (SheetRowBatch) throws -> Void) throws -> [CellRange] {
        guard let parser = SAXParser(handler: reader, name: entry.path) else {
            throw error(.malformedXML(line: 0, detail: "cannot create parser"), nil)
        }
        var previousRow = 0
        let context: (String?) -> XLSXError = { cell in error(.missingPart, cell) }
        var merges: [CellRange] = []
        func deliver() throws {
            try reader.batch.deliverBatch(sharedStrings: sharedStrings, previousRow: &previousRow, context: context, body)
            merges = reader.batch.merges
            reader.batch.removeAll()
        }
        try guarded(reader) {
            try archive.stream(entry) { buffer in
                try parser.feed(buffer)
                // Every row but the last, which may not be finished.
                if let complete = reader.batch.takeCompleteRows() {
                    try complete.deliverBatch(sharedStrings: sharedStrings, previousRow: &previousRow, context: context, body)
                }
            }
            try parser.finish()
            try deliver()
        }
        return merges
    }

    /// Runs `work`, mapping parser, handler and zip failures to an `XLSXError`.
    private func guarded(_ handler: SAXHandler, _ work: () throws -> Void) throws {
        do {
            try work()
        } catch let kind as XLSXError.Kind {
            throw error(kind, (handler as? SheetReader)?.failedCell)
        } catch let zip as ZipError {
            throw error(.zip(zip), nil)
        }
    }
}
