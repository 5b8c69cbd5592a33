/// A CSV field's UTF-8 text where the reader holds it (the document's decoded text), borrowed for
/// the row being read: a `RawCell.utf8` never outlives the row, or the chunk that points into the
/// same text (`RawRow(copying:)` makes it a `.text`).
///
/// Making a `String` of every CSV cell was a fifth of a million-row check's instructions; the
/// columns the header maps are parsed and interned from these bytes instead, and a `String` is
/// made only for what needs one (an unusual cell's slow path, a message, a cache miss).
struct FieldBytes: @unchecked Sendable, Equatable {
    let start: UnsafePointer<UInt8>?
    let count: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        count = bytes.count
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        start = bytes.baseAddress
        count = bytes.count
    }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    /// The text (the reader's text is valid UTF-8, so this is the same text a `String` holds).
    var string: String { String(decoding: buffer, as: UTF8.self) }

    static func == (a: FieldBytes, b: FieldBytes) -> Bool { a.buffer.elementsEqual(b.buffer) }
}
