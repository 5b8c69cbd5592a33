import Dispatch
import Zip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a large worksheet on all cores: the part is inflated once, the XML is cut at `<row`
/// boundaries into chunks of about `chunkBytes`, and each chunk is parsed by its own libxml2 push
/// parser on a worker thread. Each chunk is made a well-formed document by putting the sheet's own
/// prologue (XML declaration, `<worksheet …>` with its namespace declarations, `<sheetData>`) before it
/// and the closing tags after it. Rows are delivered in document order on the calling thread; at most
/// `maxInFlight` chunks exist at a time, so memory stays bounded whatever the sheet's size.
///
/// Anything that would make a cut unsafe — a non-UTF-8 encoding, a DOCTYPE, comments, CDATA or
/// processing instructions inside the rows — hands the rest of the part to one sequential parser.
final class ChunkedSheetReader {
    let chunkBytes: Int
    let maxInFlight: Int
    private let dateKinds: [DateKind?]
    private let date1904: Bool
    private let partName: String

    init(chunkBytes: Int, dateKinds: [DateKind?], date1904: Bool, partName: String) {
        self.chunkBytes = max(chunkBytes, 16)
        self.dateKinds = dateKinds
        self.date1904 = date1904
        self.partName = partName
        maxInFlight = max(2, 2 * ChunkedSheetReader.activeProcessors)
    }

    static var activeProcessors: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
        #endif
    }

    /// One chunk being parsed on a worker.
    /// A parsed chunk: its rows, or why it could not be parsed.
    private struct Job {
        var batch = SheetBatch()
        var failure: XLSXError.Kind?
        var failedCell: String?
        /// `SheetBatch.isRegular`, known once the shared strings are.
        var regular: Bool?

        /// Checks the rows against the table and copies in their shared strings (`SheetBatch`).
        mutating func settle(_ strings: SharedStringTable) {
            let isRegular = batch.isRegular(sharedStringCount: strings.count)
            if isRegular { batch.copySharedStrings(strings) }
            regular = isRegular
        }
    }

    private enum Stage {
        case prologue
        case rows(prologue: [UInt8], rowTag: [UInt8], closing: [UInt8])
        case sequential(SAXParser, SheetReader)
    }

    private var pending: [UInt8] = []
    private var consumed = 0
    /// How far `pending` was searched for a row boundary without finding one.
    private var searchedUpTo = 0
    private var stage = Stage.prologue
    private var jobs: [ClaimableTask<Job>] = []
    private var previousRow = 0
    private var sharedStrings: SharedStringTable?
    private var sharedStringsLoad = SharedStringsLoad(strings: [])
    private var errorContext: (XLSXError.Kind, String?) -> XLSXError = { kind, cell in XLSXError(kind, file: "", cell: cell) }

    /// Merged ranges met on the way (they follow the rows, so they are complete once reading ends).
    private(set) var merges: [CellRange] = []

    func read(archive: ZipArchive, entry: ZipEntry, sharedStrings: SharedStringsLoad,
              error: @escaping (XLSXError.Kind, String?) -> XLSXError, _ body: (SheetRowBatch) throws -> Void) throws {
        sharedStringsLoad = sharedStrings
        errorContext = error
        defer { drainQuietly() }
        do {
            try archive.stream(entry) { buffer in
                try self.receive(buffer, body)
            }
        } catch let zip as ZipError {
            throw error(.zip(zip), nil)
        }
        try finish(body)
    }

    // MARK: - Stages

    private func receive(_ buffer: UnsafeRawBufferPointer, _ body: (SheetRowBatch) throws -> Void) throws {
        if case .sequential(let parser, let reader) = stage {
            try feedSequential(parser, reader, buffer, body)
            return
        }
        pending.append(contentsOf: buffer.bindMemory(to: UInt8.self))
        if case .prologue = stage {
            guard try findPrologue(body) else { return }
        }
        try cutChunks(final: false, body)
    }

    private func finish(_ body: (SheetRowBatch) throws -> Void) throws {
        switch stage {
        case .prologue:
            // No row data (or no sheetData at all): parse what there is in one go.
            try startSequential(from: 0, prologue: [], body)
            try finish(body)
        case .rows:
            try cutChunks(final: true, body)
            // The last piece may have sent the rest to the sequential parser, which must finish too.
            if case .sequential = stage {
                try finish(body)
                return
            }
            while !jobs.isEmpty { try deliverFirstJob(body) }
        case .sequential(let parser, let reader):
            do {
                try parser.finish()
            } catch {
                throw errorContext(error, reader.failedCell)
            }
            try deliver(reader.batch, body)
            merges.append(contentsOf: reader.batch.merges)
            reader.batch.removeAll()
        }
    }

    /// Finds the prologue: everything before the first row, ending with the `<sheetData>` start tag.
    /// Returns false while more bytes are needed.
    private func findPrologue(_ body: (SheetRowBatch) throws -> Void) throws -> Bool {
        let scan = pending.withUnsafeBufferPointer { PrologueScanner.scan($0) }
        switch scan {
        case .needMore:
            if pending.count > 1 << 20 { try startSequential(from: 0, prologue: [], body); return false }
            return false
        case .unsafe:
            try startSequential(from: 0, prologue: [], body)
            return false
        case .found(let end, let rootName, let prefix):
            let prologue = Array(pending[..<end])
            let rowTag = Array(("<" + prefix + "row").utf8)
            let closing = Array(("</" + prefix + "sheetData></" + rootName + ">").utf8)
            stage = .rows(prologue: prologue, rowTag: rowTag, closing: closing)
            consumed = end
            return true
        }
    }

    /// Cuts complete chunks off `pending` and hands them to workers.
    private func cutChunks(final: Bool, _ body: (SheetRowBatch) throws -> Void) throws {
        guard case .rows(let prologue, let rowTag, let closing) = stage else { return }
        while true {
            let available = pending.count - consumed
            var cut: Int?
            if available >= chunkBytes {
                // Resume where the last search gave up, so a huge row is not scanned again and again.
                let from = max(consumed + chunkBytes, searchedUpTo - rowTag.count - 1)
                cut = pending.withUnsafeBufferPointer { ByteSearch.tag(rowTag, in: $0, from: from) }
                searchedUpTo = cut == nil ? pending.count : 0
            }
            guard cut != nil || final else { break }
            let end = cut ?? pending.count
            let unsafe = pending.withUnsafeBufferPointer { ByteSearch.hasMarkupDeclaration($0, from: consumed, to: end) }
            if unsafe {
                try startSequential(from: consumed, prologue: prologue, body)
                return
            }
            // The chunk takes over the buffer (no copy of its rows); the buffer starts again with the
            // prologue and whatever followed the cut.
            var chunk = prologue
            chunk.reserveCapacity(max(pending.capacity, prologue.count + pending.count - end + chunkBytes))
            chunk.append(contentsOf: pending[end...])
            swap(&chunk, &pending)
            chunk.removeSubrange(end...)
            if cut != nil { chunk.append(contentsOf: closing) }
            consumed = prologue.count
            submit(chunk)
            while jobs.count >= maxInFlight { try deliverFirstJob(body) }
            if cut == nil { break }
        }
    }

    private func submit(_ chunk: [UInt8]) {
        let dateKinds = self.dateKinds
        let date1904 = self.date1904
        let partName = self.partName
        let sharedStrings = self.sharedStringsLoad
        let task = ClaimableTask<Job> {
            var job = Job()
            let reader = SheetReader(dateKinds: dateKinds, date1904: date1904)
            // Room for the chunk's cells (a cell is some 35 bytes of XML or more): grown by doubling
            // from empty, each chunk's cells were copied several times over. Room not used is
            // never touched, so it takes no memory.
            reader.batch.cells.reserveCapacity(chunk.count / 24)
            reader.batch.rowNumbers.reserveCapacity(chunk.count / 200)
            reader.batch.rowStarts.reserveCapacity(chunk.count / 200)
            if let parser = SAXParser(handler: reader, name: partName) {
                do {
                    try chunk.withUnsafeBytes { try parser.feed($0, inPiecesOf: 4 << 20) }
                    try parser.finish()
                } catch let kind as XLSXError.Kind {
                    job.failure = ChunkedSheetReader.withoutChunkLine(kind)
                    job.failedCell = reader.failedCell
                } catch {
                    job.failure = .malformedXML(line: 0, detail: "\(error)")
                    job.failedCell = reader.failedCell
                }
            } else {
                job.failure = .malformedXML(line: 0, detail: "cannot create parser")
            }
            job.batch = reader.batch
            // Not waiting for a table still being read: a pool thread blocked here is one the
            // table's own pieces cannot run on. The first chunks are settled at delivery instead.
            if job.failure == nil, let strings = sharedStrings.ifLoaded { job.settle(strings) }
            return job
        }
        jobs.append(task)
        task.start()
    }

    /// Line numbers inside a chunk are not lines of the part, so they are left out.
    private static func withoutChunkLine(_ kind: XLSXError.Kind) -> XLSXError.Kind {
        if case .malformedXML(_, let detail) = kind { return .malformedXML(line: 0, detail: detail) }
        return kind
    }

    private func deliverFirstJob(_ body: (SheetRowBatch) throws -> Void) throws {
        var job = jobs.removeFirst().wait()
        if let failure = job.failure { throw errorContext(failure, job.failedCell) }
        if job.regular == nil { job.settle(try sharedStrings ?? sharedStringsLoad.wait()) }
        merges.append(contentsOf: job.batch.merges)
        try deliver(job.batch, regular: job.regular, body)
    }

    private func deliver(_ batch: SheetBatch, regular: Bool? = nil, _ body: (SheetRowBatch) throws -> Void) throws {
        let error = errorContext
        let strings = try sharedStrings ?? sharedStringsLoad.wait()
        sharedStrings = strings
        try batch.deliverBatch(sharedStrings: strings, regular: regular, previousRow: &previousRow,
                               context: { cell in error(.missingPart, cell) }, body)
    }

    /// Waits for chunks still being parsed when reading stops early (an error, or `body` threw).
    private func drainQuietly() {
        for job in jobs { _ = job.wait() }
        jobs.removeAll()
    }

    // MARK: - Sequential fallback

    private func startSequential(from start: Int, prologue: [UInt8], _ body: (SheetRowBatch) throws -> Void) throws {
        while !jobs.isEmpty { try deliverFirstJob(body) }
        let reader = SheetReader(dateKinds: dateKinds, date1904: date1904)
        guard let parser = SAXParser(handler: reader, name: partName) else {
            throw errorContext(.malformedXML(line: 0, detail: "cannot create parser"), nil)
        }
        stage = .sequential(parser, reader)
        let rest = Array(pending[start...])
        pending = []
        consumed = 0
        if !prologue.isEmpty { try prologue.withUnsafeBytes { try feedSequential(parser, reader, $0, body) } }
        try rest.withUnsafeBytes { try feedSequential(parser, reader, $0, body) }
    }

    private func feedSequential(_ parser: SAXParser, _ reader: SheetReader, _ buffer: UnsafeRawBufferPointer,
                                _ body: (SheetRowBatch) throws -> Void) throws {
        do {
            try parser.feed(buffer)
        } catch {
            throw errorContext(error, reader.failedCell)
        }
        // Deliver all rows but the last, which may still be open.
        if let complete = reader.batch.takeCompleteRows() { try deliver(complete, body) }
    }
}
