/// The shared strings of a workbook in one buffer: UTF-8 back to back and where each ends.
///
/// A register of a million rows has about a million shared strings (every id is one); as separate
/// `String`s, each longer than 15 bytes is its own heap object, about 100 MB for such a table, where
/// this layout takes the bytes plus 8 per string. A cell's `String` is made when it is delivered.
struct SharedStringTable: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    init() {}

    init(_ strings: [String]) {
        for s in strings { append(s) }
    }

    var count: Int { ends.count }

    mutating func append(_ string: String) {
        bytes.append(contentsOf: string.utf8)
        ends.append(bytes.count)
    }

    subscript(i: Int) -> String {
        let start = i == 0 ? 0 : ends[i - 1]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[i]]), as: UTF8.self) }
    }
}
