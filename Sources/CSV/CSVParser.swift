import CTextScan

/// The RFC 4180 state machine over UTF-8 bytes: quoted fields with doubled quotes and embedded
/// line breaks; CRLF, LF and CR line ends. Fields are byte ranges into the text, written into a
/// reusable `RecordBatch` — nothing is allocated per field or per record.
///
/// The next delimiter or line break is found from a bit mask of its 64-byte block (AVX2), or
/// eight bytes at a time (a SWAR test for three byte values at once), so a field of Chinese text
/// costs a step or two rather than one per byte.
struct CSVParser {
    let text: UnsafeRawBufferPointer
    let delimiter: UInt8
    /// Unquoted fields end where the byte mask of their 64-byte block says (`CTextScan`, AVX2),
    /// not by searching the bytes again per field; else (another CPU; tests of both) by `find`.
    let vectorScan: Bool

    static let hasVectorScan = ctextscan_has_avx2() == 1

    init(text: UnsafeRawBufferPointer, delimiter: UInt8, vectorScan: Bool = CSVParser.hasVectorScan) {
        self.text = text
        self.delimiter = delimiter
        self.vectorScan = vectorScan
    }

    static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// Parses records from `position` while the next one starts before `stop` and the batch holds
    /// fewer than `maxRecords`. A record that starts before `stop` is read to its end, wherever that
    /// is — unless it runs more than `overrun` bytes past `stop`, when the batch is abandoned (a
    /// speculative chunk that started inside a quoted field must not scan the rest of the file).
    func parse(from position: Int, stop: Int, maxRecords: Int = .max, overrun: Int = .max, into batch: RecordBatch) {
        batch.reset(start: position)
        let n = text.count
        guard let raw = text.baseAddress else { batch.endPosition = position; return }
        // Work on a local copy of the batch's storage: stored properties of a class would be checked
        // for exclusive access at every field.
        var out = batch.takeStorage()
        defer { batch.storage = out }
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        let delimiter = self.delimiter
        let quote = CSVParser.quote, cr = CSVParser.cr, lf = CSVParser.lf
        let giveUpAt = stop > n - overrun ? n : stop + overrun
        var p = position
        var line = 0
        var records = 0
        // The mask of delimiters and line breaks of the block at `maskBase` (vector scan).
        var maskBase = Int.min, mask: UInt64 = 0
        let vector = vectorScan
        while p < stop && records < maxRecords {
            let recordLine = line
            out.beginRecord(line: recordLine)
            while true {
                if p < n && bytes[p] == quote {
                    // Quoted field: up to the closing quote; "" is a quote, line breaks are content.
                    let start = p + 1
                    var q = start
                    var escaped = false
                    while true {
                        q = CSVParser.find(raw, from: q, count: n, quote, lf, cr)
                        if q >= n {
                            out.dropOpenRecord()
                            batch.endPosition = n
                            batch.lines = line
                            batch.outcome = .unterminatedQuote(relativeLine: recordLine)
                            return
                        }
                        let c = bytes[q]
                        if c == quote {
                            if q + 1 < n && bytes[q + 1] == quote { escaped = true; q += 2; continue }
                            break
                        }
                        if c == lf || !(q + 1 < n && bytes[q + 1] == lf) { line += 1 }
                        q += 1
                        if q > giveUpAt { out.dropOpenRecord(); batch.outcome = .abandoned; return }
                    }
                    p = q + 1
                    // Text after the closing quote belongs to the field (as Excel and Python's csv read
                    // it); the field is then unquoted on access.
                    if p < n && bytes[p] != delimiter && bytes[p] != lf && bytes[p] != cr {
                        p = CSVParser.find(raw, from: p, count: n, delimiter, lf, cr)
                        out.appendField(start: start, end: p, quoted: true)
                    } else {
                        out.appendField(start: start, end: q, quoted: escaped)
                    }
                } else {
                    let start = p
                    if vector {
                        while true {
                            let base = p & ~63
                            if base != maskBase {
                                maskBase = base
                                mask = ctextscan_mask3_avx2(bytes + base, min(64, n - base), delimiter, lf, cr)
                            }
                            let m = mask & (~UInt64(0) << UInt64(p & 63))
                            if m != 0 { p = base + m.trailingZeroBitCount; break }
                            p = base + 64
                            if p >= n { p = n; break }
                        }
                    } else {
                        p = CSVParser.find(raw, from: p, count: n, delimiter, lf, cr)
                    }
                    out.appendField(start: start, end: p, quoted: false)
                }
                if p < n && bytes[p] == delimiter { p += 1; continue }
                if p < n {
                    p += bytes[p] == cr && p + 1 < n && bytes[p + 1] == lf ? 2 : 1
                    line += 1
                }
                break
            }
            records += 1
            if p > giveUpAt { out.dropOpenRecord(); batch.outcome = .abandoned; return }
        }
        out.endRecords()
        batch.endPosition = p
        batch.lines = line
    }

    /// The offset of the first byte equal to `a`, `b` or `c` at or after `from`, or `count`.
    @inline(__always)
    static func find(_ raw: UnsafeRawPointer, from: Int, count n: Int, _ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let ma = ones &* UInt64(a), mb = ones &* UInt64(b), mc = ones &* UInt64(c)
        var i = from
        while i + 8 <= n {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let xa = w ^ ma, xb = w ^ mb, xc = w ^ mc
            // A zero byte of x sets its high bit in (x − 0x01…) & ~x; the lowest such bit is exact
            // (a borrow only ever runs upwards from a true zero), which is all we need.
            let hit = ((xa &- ones) & ~xa | (xb &- ones) & ~xb | (xc &- ones) & ~xc) & highs
            if hit != 0 { return i + hit.trailingZeroBitCount >> 3 }
            i += 8
        }
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        while i < n {
            let x = bytes[i]
            if x == a || x == b || x == c { return i }
            i += 1
        }
        return n
    }
}

/// One field: a byte range of the text. `quoted` fields hold what followed the opening quote and
/// are unquoted when materialised (doubled quotes, text after the closing quote).
// Usable from ingest's inlined field access (`CSVRecord.rawField`, `isQuoted`): a call per field
// for each was a tenth of the instructions of reading a field.
@usableFromInline
struct CSVField {
    @usableFromInline let start: Int
    @usableFromInline let packedEnd: Int

    init(start: Int, end: Int, quoted: Bool) {
        self.start = start
        packedEnd = end << 1 | (quoted ? 1 : 0)
    }

    @inlinable var end: Int { packedEnd >> 1 }
    @inlinable var quoted: Bool { packedEnd & 1 != 0 }
}

/// Fields and records as the parser writes them.
struct RecordStorage {
    private(set) var fields: UnsafeMutablePointer<CSVField>
    private(set) var fieldCount = 0
    private var fieldCapacity: Int
    /// Index of each record's first field, plus one past the last record's fields.
    private(set) var recordStarts: [Int] = []
    private(set) var recordLines: [Int] = []

    init(capacity: Int) {
        fieldCapacity = capacity
        fields = .allocate(capacity: capacity)
        recordStarts.reserveCapacity(capacity / 8)
        recordLines.reserveCapacity(capacity / 8)
    }

    func deallocate() { fields.deallocate() }

    mutating func reset() {
        fieldCount = 0
        recordStarts.removeAll(keepingCapacity: true)
        recordLines.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func beginRecord(line: Int) {
        recordStarts.append(fieldCount)
        recordLines.append(line)
    }

    /// Closes the list of record starts (after the last record).
    mutating func endRecords() { recordStarts.append(fieldCount) }

    /// Forgets the record being read (it cannot be completed) and closes the list.
    mutating func dropOpenRecord() {
        if let first = recordStarts.popLast() { fieldCount = first }
        recordLines.removeLast(min(1, recordLines.count))
        endRecords()
    }

    @inline(__always)
    mutating func appendField(start: Int, end: Int, quoted: Bool) {
        if fieldCount == fieldCapacity { grow() }
        (fields + fieldCount).initialize(to: CSVField(start: start, end: end, quoted: quoted))
        fieldCount += 1
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<CSVField>.allocate(capacity: fieldCapacity * 2)
        bigger.moveInitialize(from: fields, count: fieldCount)
        fields.deallocate()
        fields = bigger
        fieldCapacity *= 2
    }
}

/// Records parsed from one stretch of text, where it started and ended, and how parsing ended.
/// Reused from stretch to stretch.
final class RecordBatch: @unchecked Sendable {
    enum Outcome: Equatable { case complete, unterminatedQuote(relativeLine: Int), abandoned }

    var storage: RecordStorage
    var start = 0
    var endPosition = 0
    /// Line breaks passed, from `start` to `endPosition`.
    var lines = 0
    var outcome = Outcome.complete

    init(capacity: Int = 4096) { storage = RecordStorage(capacity: capacity) }

    deinit { storage.deallocate() }

    var recordCount: Int { storage.recordLines.count }

    func reset(start: Int) {
        self.start = start
        storage.reset()
        endPosition = start
        lines = 0
        outcome = .complete
    }

    /// The storage, moved out (so that appending does not copy the arrays); put it back when done.
    func takeStorage() -> RecordStorage {
        let taken = storage
        storage = RecordStorage(moving: taken)
        return taken
    }
}

extension RecordStorage {
    /// An empty stand-in sharing nothing that will grow, left behind by `takeStorage`.
    fileprivate init(moving other: RecordStorage) {
        fields = other.fields
        fieldCapacity = 0
        fieldCount = 0
    }
}
