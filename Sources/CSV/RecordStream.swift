import Foundation

/// Hands out the records of a decoded text in order, parsing ahead on the other cores.
///
/// The text is cut into chunks just after a line feed. Whether a cut is really between records
/// depends on the quotes before it, which a worker cannot know without reading everything before;
/// so each chunk is parsed speculatively, as if its cut were a record boundary, and the result is
/// only used once the chunk before it (parsed from a verified start) is seen to end exactly at the
/// cut — by induction from chunk 0, every used chunk is what one sequential pass would produce. A
/// chunk whose cut fell inside a quoted field (a cell with a line break) is parsed again, on the
/// consuming thread, from where the previous chunk really ended. Line and record numbers are
/// relative within a chunk and made absolute as the chunks are handed out in order.
///
/// The consuming thread parses too when the chunk it needs is still unclaimed, so progress never
/// depends on the workers; at most `window` parsed chunks wait, bounding memory.
final class RecordStream: @unchecked Sendable {
    static let defaultChunkSize = 2 << 20
    /// Records per batch when parsing sequentially (small texts, or re-parsing a chunk).
    static let sequentialBatch = 2048
    /// Bytes of one field (as XLSX's one cell): Excel itself stops at 32 767 characters.
    static let maxFieldBytes = 1 << 20

    let text: UnsafeRawBufferPointer
    let parser: CSVParser
    let bounds: [Int]
    private let window: Int
    /// Room for the fields of a chunk, from the largest chunk so far: batches a reader keeps are
    /// not reused, and a new one grown from a few thousand fields by doubling copied its fields
    /// five times over.
    private var fieldsPerChunk = 4096
    private let lock = NSCondition()
    private var results: [RecordBatch?]
    private var pool: [RecordBatch] = []
    private var nextClaim = 0
    private var delivered = 0
    private var cancelled = false
    private var runningWorkers = 0
    private let workers: Int
    private let chunkSize: Int

    /// `workers` threads besides the caller's; chunks of about `chunkSize` bytes (small in tests, to
    /// put many cuts inside quoted fields).
    init(text: UnsafeRawBufferPointer, delimiter: UInt8, workers: Int, chunkSize: Int = RecordStream.defaultChunkSize,
         vectorScan: Bool = CSVParser.hasVectorScan) {
        self.workers = workers
        self.chunkSize = max(1, chunkSize)
        self.text = text
        parser = CSVParser(text: text, delimiter: delimiter, vectorScan: vectorScan)
        bounds = workers > 0 && text.count >= 2 * self.chunkSize
            ? ParallelWork.boundsAfterLineFeeds(text, parts: (text.count + self.chunkSize - 1) / self.chunkSize)
            : [0, text.count]
        results = Array(repeating: nil, count: bounds.count - 1)
        window = 2 * (workers + 1) + 1
    }

    var chunkCount: Int { bounds.count - 1 }

    /// Streams every record to `body`, in order, on the calling thread. The workers are started
    /// here and have stopped when this returns or throws.
    func forEach(_ body: (CSVRecord) throws -> Void) throws {
        try forEachBatch { batch in try batch.forEachRecord(body) }
    }

    /// Streams the records a parsed stretch at a time, in order, on the calling thread. `body` may
    /// keep a batch (to read its records on another thread while the text lives): a batch still
    /// referenced when `body` returns is not reused.
    func forEachBatch(_ body: (CSVBatch) throws -> Void) throws {
        if chunkCount > 1 {
            runningWorkers = workers
            for _ in 0..<workers {
                let thread = Thread { [self] in work() }
                thread.stackSize = 1 << 20
                thread.start()
            }
        }
        defer { stop() }
        var expected = 0, baseLine = 0, baseNumber = 0
        var scratch = RecordBatch()
        for k in 0..<chunkCount {
            let end = bounds[k + 1]
            if chunkCount > 1 {
                var batch = take(k)
                if batch.start == expected && batch.outcome != .abandoned {
                    let ok = Result { try deliver(batch, baseLine: baseLine, baseNumber: baseNumber, body) }
                    expected = batch.endPosition
                    baseLine += batch.lines
                    baseNumber += batch.recordCount
                    recycle(isKnownUniquelyReferenced(&batch) ? batch : nil)
                    try ok.get()
                    continue
                }
                recycle(batch)
            }
            // The cut was inside a record (or there is one chunk): read on from where the previous
            // chunk really ended.
            while expected < end {
                parser.parse(from: expected, stop: end, maxRecords: RecordStream.sequentialBatch, into: scratch)
                try deliver(scratch, baseLine: baseLine, baseNumber: baseNumber, body)
                expected = scratch.endPosition
                baseLine += scratch.lines
                baseNumber += scratch.recordCount
                if !isKnownUniquelyReferenced(&scratch) { scratch = RecordBatch() }
            }
        }
    }

    /// Hands `batch` to `body` once its fields are checked; then reports how it ended.
    /// Hands `batch` to `body` up to a record with a field over the limit, if any; then reports how
    /// it ended.
    private func deliver(_ batch: RecordBatch, baseLine: Int, baseNumber: Int, _ body: (CSVBatch) throws -> Void) throws {
        let tooLong = firstFieldTooLong(batch, baseLine: baseLine)
        let end = tooLong?.record ?? batch.recordCount
        if end > 0 { try body(CSVBatch(batch: batch, count: end, text: text, baseLine: baseLine, baseNumber: baseNumber)) }
        if let tooLong { throw tooLong.error }
        if case .unterminatedQuote(let line) = batch.outcome { throw CSVError.unterminatedQuote(line: baseLine + line + 1) }
    }

    /// One field over the limit (a 500 MB line) is refused before any reader makes a string of
    /// it: each record's span is checked first, its fields only then.
    private func firstFieldTooLong(_ batch: RecordBatch, baseLine: Int) -> (record: Int, error: CSVError)? {
        let fields = batch.storage.fields
        return batch.storage.recordStarts.withUnsafeBufferPointer { starts -> (record: Int, error: CSVError)? in
            for r in 0..<batch.recordCount {
                let first = starts[r], last = starts[r + 1] - 1
                if last >= first, fields[last].end - fields[first].start > RecordStream.maxFieldBytes {
                    for f in first...last where fields[f].end - fields[f].start > RecordStream.maxFieldBytes {
                        return (r, CSVError.fieldTooLong(line: baseLine + batch.storage.recordLines[r] + 1, field: f - first + 1,
                                                         limit: RecordStream.maxFieldBytes))
                    }
                }
            }
            return nil
        }
    }

    /// Parses chunk `k` in one piece; chunks after the first may give up if their cut was bad.
    private func parseChunk(_ k: Int, into batch: RecordBatch) {
        parser.parse(from: bounds[k], stop: bounds[k + 1], overrun: k == 0 ? .max : chunkSize, into: batch)
    }

    /// The parsed chunk `k`: taken from a worker, or parsed here if no worker has claimed it yet.
    private func take(_ k: Int) -> RecordBatch {
        lock.lock()
        if nextClaim == k {
            nextClaim = k + 1
            let batch = pool.popLast() ?? RecordBatch(capacity: fieldsPerChunk)
            lock.unlock()
            parseChunk(k, into: batch)
            return batch
        }
        while true {
            if let batch = results[k] {
                results[k] = nil
                lock.unlock()
                return batch
            }
            lock.wait()
        }
    }

    /// A delivered batch: reused unless nil (its reader kept it).
    private func recycle(_ batch: RecordBatch?) {
        lock.lock()
        if let batch { pool.append(batch) }
        delivered += 1
        lock.broadcast()
        lock.unlock()
    }

    private func work() {
        while true {
            lock.lock()
            while !cancelled && nextClaim < chunkCount && nextClaim - delivered >= window { lock.wait() }
            if cancelled || nextClaim >= chunkCount {
                runningWorkers -= 1
                lock.broadcast()
                lock.unlock()
                return
            }
            let k = nextClaim
            nextClaim += 1
            let batch = pool.popLast() ?? RecordBatch(capacity: fieldsPerChunk)
            lock.unlock()
            parseChunk(k, into: batch)
            lock.lock()
            fieldsPerChunk = max(fieldsPerChunk, batch.storage.fieldCount + batch.storage.fieldCount / 8)
            results[k] = batch
            lock.broadcast()
            lock.unlock()
        }
    }

    /// Stops the workers and waits for them: they read the text, which the caller owns.
    private func stop() {
        lock.lock()
        cancelled = true
        lock.broadcast()
        while runningWorkers > 0 { lock.wait() }
        lock.unlock()
    }
}

/// The records of one parsed stretch of a CSV text, handed out whole (`CSVDocument.forEachBatch`)
/// so that another thread can read them: valid while the document is.
public struct CSVBatch: @unchecked Sendable {
    let batch: RecordBatch
    /// Records handed out (all of the batch's, or those before a field over the limit).
    public let count: Int
    let text: UnsafeRawBufferPointer

    /// How far into the text the batch's records reach, as a share of it (0…1): for estimating
    /// the whole file's records from those read so far.
    public var shareRead: Double { text.count == 0 ? 1 : Double(batch.endPosition) / Double(text.count) }
    let baseLine: Int
    let baseNumber: Int

    /// Record `r` (0-based in the batch), numbered as `CSVDocument.forEachRecord` numbers it.
    public func record(_ r: Int) -> CSVRecord {
        let storage = batch.storage
        let first = storage.recordStarts[r]
        return CSVRecord(line: baseLine + storage.recordLines[r] + 1, number: baseNumber + r + 1, buffer: text,
                         fields: UnsafeBufferPointer(start: storage.fields + first, count: storage.recordStarts[r + 1] - first))
    }

    /// Where record `r` ends in the text (the end of its last field).
    public func textEnd(ofRecord r: Int) -> Int {
        let storage = batch.storage
        let last = storage.recordStarts[r + 1] - 1
        return last >= storage.recordStarts[r] ? storage.fields[last].end : 0
    }

    /// The records in order.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) rethrows {
        try forEachRecord(in: 0..<count, body)
    }

    /// Records `range` (0-based in the batch), in order.
    public func forEachRecord(in range: Range<Int>, _ body: (CSVRecord) throws -> Void) rethrows {
        let fields = batch.storage.fields
        try batch.storage.recordStarts.withUnsafeBufferPointer { starts in
            try batch.storage.recordLines.withUnsafeBufferPointer { lines in
                for r in range {
                    try body(CSVRecord(line: baseLine + lines[r] + 1, number: baseNumber + r + 1, buffer: text,
                                       fields: UnsafeBufferPointer(start: fields + starts[r], count: starts[r + 1] - starts[r])))
                }
            }
        }
    }
}
