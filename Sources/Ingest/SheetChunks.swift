import Foundation
import Model

/// Rows a reader handed out, held so that another thread can turn them into records.
protocol RowChunk: Sendable {
    associatedtype Row: GridRow
    var count: Int { get }
    func forEachRow(_ body: (Row) -> Void)
}

/// A chunk filled row by row, for a reader whose rows are only valid during its callback.
protocol FillableRowChunk: RowChunk {
    /// What the reader hands out for one row.
    associatedtype Source
    /// Room for `rows` rows (a chunk is filled to that).
    init(rows: Int)
    mutating func append(_ row: Source)
}

/// A chunk the reader hands out whole (a CSV reader's parsed stretch), cut into pieces here.
protocol SlicedRowChunk: RowChunk {
    func row(_ i: Int) -> Row
    func slice(_ rows: Range<Int>) -> Self
}

/// Turns the rows of a large sheet into records on every core, with the same outcome as one
/// `SheetIngestor` reading them in order.
///
/// The reader's thread fills chunks of `rows` rows and hands them out; each chunk is read by a copy
/// of the sheet's ingestor (same layout; its own counts, caches and sums) into a partial of its own
/// with local dictionaries, on a worker thread — or on the reader's thread, when too many chunks
/// are waiting, so that progress never depends on the workers and memory stays bounded. Finished
/// chunks join the sheet strictly in row order (`SheetIngestor.join`): records, ids and dictionary
/// codes renumbered into the file's, rejects and warnings appended (a "once per value" warning only
/// the first time), 合计/小计 rows compared with the sums of all rows before them.
final class SheetChunks<Chunk: RowChunk>: @unchecked Sendable {
    private let template: SheetIngestor
    private let fileIndex: Int32
    private let report: FileReport
    private let catalog: Catalog
    fileprivate let rows: Int
    private let window: Int
    private let lock = NSCondition()
    /// The chunk being filled (`add`).
    fileprivate var filling: Chunk?
    /// Handed out and not yet claimed, by sequence number.
    private var waiting: [Int: Chunk] = [:]
    private var submitted = 0
    private var nextClaim = 0
    private var finished: [Int: (FilePartial, SheetIngestor.ChunkOutcome, Chunk)] = [:]
    private var joined = 0
    private var stopping = false
    private var runningWorkers = 0
    /// A chunk starts from dictionaries layered over its file's (`StringDictionary.layered`), so
    /// the values the file has already seen keep their codes, nothing is copied, and its join
    /// looks up only the chunk's new ones (a column of 20 000 unit names over a million rows).
    /// Taken again only once the file's have grown by a quarter: a join that adds strings to a
    /// dictionary the chunks still share copies it once.
    private var seed: [StringDictionary]
    private var seedCounts: [Int]

    /// Told of each chunk once it has joined the sheet (on the joining thread, in order).
    private let onJoin: ((Chunk) -> Void)?

    /// `ingest` has read the header (and the rows so far); the chunks read on from where it is.
    init(after ingest: SheetIngestor, partial: FilePartial, rows: Int, joined: ((Chunk) -> Void)? = nil) {
        onJoin = joined
        // The name caches hold codes into the file's dictionaries, the same in every chunk.
        template = ingest.chunkIngestor()
        fileIndex = partial.fileIndex
        report = partial.report
        catalog = ingest.context.catalog
        self.rows = max(1, rows)
        seed = partial.dictionaries.map(StringDictionary.layered(over:))
        seedCounts = partial.dictionaries.map(\.count)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
        window = workers + 2
        runningWorkers = workers
        for _ in 0..<workers {
            let thread = Thread { [self] in work() }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Hands out a chunk of the rows that follow; finished chunks join the sheet.
    func submit(_ chunk: Chunk, ingest: inout SheetIngestor, partial: inout FilePartial) {
        lock.lock()
        waiting[submitted] = chunk
        submitted += 1
        lock.signal()
        lock.unlock()
        joinFinished(ingest: &ingest, partial: &partial)
        while submitted - joined >= window { helpOrWait(ingest: &ingest, partial: &partial) }
    }

    /// After the sheet's last row: every chunk read and joined, the workers stopped.
    func finish(ingest: inout SheetIngestor, partial: inout FilePartial) {
        if let rest = filling, rest.count > 0 {
            filling = nil
            submit(rest, ingest: &ingest, partial: &partial)
        }
        while joined < submitted { helpOrWait(ingest: &ingest, partial: &partial) }
        stop()
    }

    /// Stops the workers and waits for them (a reader's error: chunks may point into its buffers).
    func stop() {
        lock.lock()
        stopping = true
        waiting.removeAll()
        nextClaim = submitted
        lock.broadcast()
        while runningWorkers > 0 { lock.wait() }
        lock.unlock()
    }

    private func read(_ chunk: Chunk) -> (FilePartial, SheetIngestor.ChunkOutcome) {
        var ingest = template
        var partial = FilePartial(fileIndex: fileIndex, report: report, catalog: catalog)
        lock.lock()
        partial.dictionaries = seed
        lock.unlock()
        chunk.forEachRow { ingest.processChunkRow($0, into: &partial) }
        ingest.flushRecords(into: &partial)
        return (partial, ingest.chunkOutcome)
    }

    /// Joins the chunks that are done, in order, without waiting.
    private func joinFinished(ingest: inout SheetIngestor, partial: inout FilePartial) {
        while true {
            lock.lock()
            guard let done = finished.removeValue(forKey: joined) else {
                lock.unlock()
                return
            }
            lock.unlock()
            ingest.join(done.0, done.1, into: &partial)
            onJoin?(done.2)
            joined += 1
            for d in partial.dictionaries.indices where partial.dictionaries[d].count >= seedCounts[d] + seedCounts[d] / 4 + 64 {
                let next = StringDictionary.layered(over: partial.dictionaries[d])
                seedCounts[d] = next.count
                lock.lock()
                seed[d] = next
                lock.unlock()
            }
        }
    }

    /// Reads the oldest unclaimed chunk here, or waits for the next one to join; then joins.
    private func helpOrWait(ingest: inout SheetIngestor, partial: inout FilePartial) {
        lock.lock()
        if nextClaim < submitted {
            let k = nextClaim
            nextClaim += 1
            let chunk = waiting.removeValue(forKey: k)!
            lock.unlock()
            let result = read(chunk)
            lock.lock()
            finished[k] = (result.0, result.1, chunk)
        } else {
            while finished[joined] == nil { lock.wait() }
        }
        lock.unlock()
        joinFinished(ingest: &ingest, partial: &partial)
    }

    private func work() {
        lock.lock()
        while true {
            while !stopping && nextClaim >= submitted { lock.wait() }
            if stopping { break }
            let k = nextClaim
            nextClaim += 1
            let chunk = waiting.removeValue(forKey: k)!
            lock.unlock()
            let result = read(chunk)
            lock.lock()
            finished[k] = (result.0, result.1, chunk)
            lock.broadcast()
        }
        runningWorkers -= 1
        lock.broadcast()
        lock.unlock()
    }
}

extension SheetChunks where Chunk: FillableRowChunk {
    /// Adds the next row; a full chunk is handed out, and finished chunks join the sheet.
    func add(_ row: Chunk.Source, ingest: inout SheetIngestor, partial: inout FilePartial) {
        if filling == nil { filling = Chunk(rows: rows) }
        filling!.append(row)
        guard filling!.count >= rows else { return }
        let full = filling!
        filling = nil
        submit(full, ingest: &ingest, partial: &partial)
    }
}

/// Feeds one sheet's rows to its ingestor: in order on this thread until the header is known and
/// `rows` rows have been read, then in chunks on every core (`SheetChunks`). A sheet of fewer rows
/// is read as before, without a thread.
struct SheetFeed<Chunk: RowChunk> {
    fileprivate let rows: Int
    private var chunks: SheetChunks<Chunk>?
    /// Every core was busy when the sheet could have been split: it is read here to the end.
    private var declined = false
    /// Told of each chunk once it has joined the sheet (see `SheetChunks`).
    var joined: ((Chunk) -> Void)?

    init(rows: Int) { self.rows = rows }

    /// One row read here, in order; from the row where the sheet can be split on, the chunks take over.
    private mutating func consumeHere<R: GridRow>(_ row: R, ingest: inout SheetIngestor, partial: inout FilePartial) {
        ingest.consume(row, into: &partial)
        if !declined, ingest.acceptsChunks(after: rows) {
            let context = ingest.context
            if !context.chunksOnlyOnIdleCores || context.load.hasIdleCore {
                ingest.flushRecords(into: &partial)                 // the chunks' records follow these
                chunks = SheetChunks(after: ingest, partial: partial, rows: rows, joined: joined)
            } else {
                declined = true
            }
        }
    }

    /// Whether the rows are now read in chunks.
    var isSplit: Bool { chunks != nil }

    /// After the last row (before `SheetIngestor.finish`).
    mutating func finish(ingest: inout SheetIngestor, partial: inout FilePartial) {
        chunks?.finish(ingest: &ingest, partial: &partial)
        chunks = nil
    }

    /// When the reader failed: the workers are stopped before its buffers go.
    mutating func stop() {
        chunks?.stop()
        chunks = nil
    }
}

extension SheetFeed where Chunk: FillableRowChunk {
    /// `source` is the reader's row, `row` the same row seen as a `GridRow`.
    mutating func consume<R: GridRow>(_ source: Chunk.Source, _ row: R, ingest: inout SheetIngestor, partial: inout FilePartial) {
        if let chunks {
            chunks.add(source, ingest: &ingest, partial: &partial)
            return
        }
        consumeHere(row, ingest: &ingest, partial: &partial)
    }
}

extension SheetFeed where Chunk: SlicedRowChunk {
    /// The reader's next rows, whole: read here until the sheet can be split, then handed out in
    /// pieces of `rows` rows.
    mutating func consume(chunk: Chunk, ingest: inout SheetIngestor, partial: inout FilePartial) {
        var i = 0
        while i < chunk.count && chunks == nil {
            consumeHere(chunk.row(i), ingest: &ingest, partial: &partial)
            i += 1
        }
        guard let chunks else { return }
        while i < chunk.count {
            let end = min(chunk.count, i + rows)
            chunks.submit(chunk.slice(i..<end), ingest: &ingest, partial: &partial)
            i = end
        }
    }
}

/// Rows held in memory (buffered rows, tests).
struct RawRowChunk: FillableRowChunk {
    private var rows: [RawRow] = []
    init(rows: Int) { self.rows.reserveCapacity(rows) }
    var count: Int { rows.count }
    mutating func append(_ row: RawRow) { rows.append(row) }
    func forEachRow(_ body: (RawRow) -> Void) { rows.forEach(body) }
}

/// How many files are being read at once, against the cores: whether a sheet may be split.
final class ReadingLoad: @unchecked Sendable {
    private let lock = NSLock()
    private var reading = 0
    private let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    func begin() { lock.lock(); reading += 1; lock.unlock() }
    func end() { lock.lock(); reading -= 1; lock.unlock() }

    var hasIdleCore: Bool {
        lock.lock()
        defer { lock.unlock() }
        return reading < cores
    }
}
