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

    /// Appends a string; false (and nothing added) when the table would pass 4 GiB.
    mutating func append(_ string: String) -> Bool {
        guard bytes.count + string.utf8.count <= Int(UInt32.max) else { return false }
        bytes.append(contentsOf: string.utf8)
        ends.append(UInt32(bytes.count))
        return true
    }

    /// Appends a string given by its UTF-8 bytes (libxml2 hands text out as UTF-8, so no `String`
    /// is made for it: a million shared strings were a million `String`s made and dropped on the
    /// one thread that reads the table while the sheet waits for it); false as `append`.
    mutating func append(utf8 new: [UInt8]) -> Bool {
        guard bytes.count + new.count <= Int(UInt32.max) else { return false }
        bytes.append(contentsOf: new)
        ends.append(UInt32(bytes.count))
        return true
    }

    /// Drops the spare capacity that growing left (up to half of each buffer): the table is read
    /// before a sheet's rows pile up, so the copy costs nothing at the peak.
    mutating func compact() {
        bytes = bytes.withUnsafeBufferPointer { Array($0) }
        ends = ends.withUnsafeBufferPointer { Array($0) }
    }

    subscript(i: Int) -> String {
        let start = i == 0 ? 0 : Int(ends[i - 1])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<Int(ends[i])]), as: UTF8.self) }
    }
}
