/// The shared strings of a workbook in one buffer: UTF-8 back to back and where each ends.
///
/// A register of a million rows has about a million shared strings (every id is one); as separate
/// `String`s, each longer than 15 bytes is its own heap object, about 100 MB for such a table, where
/// this layout takes the bytes plus 8 per string. A cell's `String` is made when it is delivered.
struct SharedStringTable: Sendable {
    private var bytes: [UInt8] = []
    /// End offset of each string (a part is at most `ZipLimits.maxEntrySize`, so 32 bits suffice).
    private var ends: [UInt32] = []

    init() {}

    init(_ strings: [String]) {
        for s in strings { _ = append(s) }
    }

    var count: Int { ends.count }

    /// The UTF-8 bytes of all strings.
    var byteCount: Int { bytes.count }

    /// Appends a string; false (and nothing added) when the table would pass 4 GiB.
    mutating func append(_ string: String) -> Bool { append(utf8: Array(string.utf8)) }

    /// Appends a string given by its UTF-8 bytes (libxml2 hands text out as UTF-8, so no `String`
    /// is made for it: a million shared strings were a million `String`s made and dropped on the
    /// one thread that reads the table while the sheet waits for it); false as `append`.
    mutating func append(utf8 new: [UInt8]) -> Bool {
        guard bytes.count + new.count <= Int(UInt32.max) else { return false }
        bytes.append(contentsOf: new)
        ends.append(UInt32(bytes.count))
        return true
    }

    /// Room for `strings` more strings of `bytes` bytes in all.
    mutating func reserveCapacity(strings: Int, bytes count: Int) {
        bytes.reserveCapacity(bytes.count + count)
        ends.reserveCapacity(ends.count + strings)
    }

    /// Appends every string of `other`, in order; false (nothing added) past 4 GiB.
    mutating func append(contentsOf other: SharedStringTable) -> Bool {
        let base = bytes.count
        guard base + other.bytes.count <= Int(UInt32.max) else { return false }
        bytes.append(contentsOf: other.bytes)
        appendEnds(other.ends, after: base)
        return true
    }

    /// Appends `count` strings of `bytes` bytes in all, written by `fill` into the new bytes (from
    /// 0) and the new ends (relative to the first new byte); false (nothing added) past 4 GiB.
    mutating func appendStrings(count: Int, bytes total: Int,
                                _ fill: (UnsafeMutablePointer<UInt8>, UnsafeMutableBufferPointer<UInt32>) -> Void) -> Bool {
        let base = bytes.count
        guard base + total <= Int(UInt32.max) else { return false }
        var relative = [UInt32](repeating: 0, count: count)
        bytes.append(contentsOf: repeatElement(0, count: total))
        bytes.withUnsafeMutableBufferPointer { b in
            relative.withUnsafeMutableBufferPointer { e in fill(b.baseAddress! + base, e) }
        }
        appendEnds(relative, after: base)
        return true
    }

    /// Ends relative to byte `base` (where the appended strings start).
    private mutating func appendEnds(_ relative: [UInt32], after base: Int) {
        ends.reserveCapacity(ends.count + relative.count)
        for end in relative { ends.append(UInt32(base) + end) }
    }

    /// Drops the spare capacity that growing left (up to half of each buffer): the table is read
    /// before a sheet's rows pile up, so the copy costs nothing at the peak.
    mutating func compact() {
        bytes = bytes.withUnsafeBufferPointer { Array($0) }
        ends = ends.withUnsafeBufferPointer { Array($0) }
    }

    /// The bytes and the end offsets, for reading many strings without making a `String` of each
    /// (`SheetRowBatch`): string `i` is `bytes[ends[i-1]..<ends[i]]`, see `text(_:bytes:ends:)`.
    @inline(__always)
    func withBuffers<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt32>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { b in try ends.withUnsafeBufferPointer { e in try body(b, e) } }
    }

    /// String `i` of the buffers `withBuffers` gives.
    @inline(__always)
    static func text(_ i: Int, bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<UInt32>) -> UnsafeBufferPointer<UInt8> {
        let start = i == 0 ? 0 : Int(ends[i - 1])
        return UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + start }, count: Int(ends[i]) - start)
    }

    subscript(i: Int) -> String {
        withBuffers { String(decoding: SharedStringTable.text(i, bytes: $0, ends: $1), as: UTF8.self) }
    }
}
