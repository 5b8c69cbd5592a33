/// One record: its fields as byte ranges of the decoded text, materialised on access. Only valid
/// during the `forEachRecord` call that hands it out.
public struct CSVRecord {
    /// 1-based physical line where the record starts.
    public let line: Int
    /// 1-based record number — the row number Excel shows when it opens the file.
    public let number: Int
    @usableFromInline let buffer: UnsafeRawBufferPointer
    @usableFromInline let fields: UnsafeBufferPointer<CSVField>

    init(line: Int, number: Int, buffer: UnsafeRawBufferPointer, fields: UnsafeBufferPointer<CSVField>) {
        self.line = line
        self.number = number
        self.buffer = buffer
        self.fields = fields
    }

    @inlinable public var count: Int { fields.count }

    /// The field's text, quotes removed and doubled quotes undone. Traps if `i` is out of range,
    /// as an array does; check `count` (rows are ragged).
    public subscript(i: Int) -> String {
        let bytes = rawField(i)
        if !fields[i].quoted { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count) { out in CSVRecord.unquote(bytes, into: out) }
    }

    /// The field's text, or nil past the end of a short (ragged) record.
    public func field(_ i: Int) -> String? { i >= 0 && i < fields.count ? self[i] : nil }

    /// The raw UTF-8 bytes of a field without quote handling (for fast paths that only need digits
    /// or to test emptiness); see `isQuoted` for fields whose raw bytes differ from their text.
    @inlinable
    public func withUTF8Field<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(rawField(i))
    }

    /// The field's bytes; the parser made the range, inside the buffer.
    @inlinable
    func rawField(_ i: Int) -> UnsafeRawBufferPointer {
        let f = fields[i]
        return UnsafeRawBufferPointer(start: buffer.baseAddress.map { $0 + f.start }, count: f.end - f.start)
    }

    /// The field's text as UTF-8 bytes, unquoted: zero-copy unless the field holds doubled quotes
    /// (then the unquoted bytes are made in a scratch buffer that lives for the call).
    public func withUnquotedUTF8Field<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let bytes = rawField(i)
        if !fields[i].quoted { return try body(bytes) }
        let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        defer { scratch.deallocate() }
        let length = CSVRecord.unquote(bytes, into: scratch)
        return try body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(scratch)[0..<length]))
    }

    /// True when the field's raw bytes are not its text (doubled quotes or text after the closing quote).
    @inlinable public func isQuoted(_ i: Int) -> Bool { fields[i].quoted }

    public func isEmpty(_ i: Int) -> Bool { fields[i].start == fields[i].end }

    /// Undoes RFC 4180 quoting of what followed an opening quote: `""` is a quote; a lone quote
    /// closes the quoted part, after which everything is literal. Returns the length written.
    static func unquote(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let quote = UInt8(ascii: "\"")
        var o = 0, k = 0
        var inQuotes = true
        let n = bytes.count
        while k < n {
            let b = bytes[k]
            if inQuotes && b == quote {
                if k + 1 < n && bytes[k + 1] == quote { out[o] = quote; o += 1; k += 2; continue }
                inQuotes = false
                k += 1
                continue
            }
            out[o] = b
            o += 1
            k += 1
        }
        return o
    }
}
