import Foundation

/// One CSV file, decoded to UTF-8, with its encoding and delimiter detected; records are streamed.
public struct CSVDocument: Sendable {
    public let name: String
    public let encoding: TextEncoding
    /// `,`, tab or `;`.
    public let delimiter: UInt8
    /// The decoded text, UTF-8 without BOM.
    let text: [UInt8]

    public init(path: String) throws(CSVError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .io(path) }
        try self.init(bytes: [UInt8](data), name: (path as NSString).lastPathComponent)
    }

    public init(bytes: [UInt8], name: String) throws(CSVError) {
        guard !bytes.isEmpty else { throw .empty }
        self.name = name
        let decoded: Result<(TextEncoding, [UInt8]), CSVError> = bytes.withUnsafeBytes { raw in
            do throws(CSVError) { return .success(try CSVDocument.decode(raw, bytes)) } catch { return .failure(error) }
        }
        let (encoding, text) = try decoded.get()
        self.encoding = encoding
        self.text = text
        delimiter = CSVDocument.sniffDelimiter(text)
    }

    /// Detects the encoding and returns the text as UTF-8 without BOM.
    static func decode(_ raw: UnsafeRawBufferPointer, _ bytes: [UInt8]) throws(CSVError) -> (TextEncoding, [UInt8]) {
        let encoding = try TextEncoding.detect(raw)
        switch encoding {
        case .utf8: return (encoding, bytes)
        case .utf8BOM: return (encoding, Array(bytes.dropFirst(3)))
        case .gb18030: return (encoding, try GB18030.decode(raw))
        case .utf16LE, .utf16BE:
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                let (lo, hi) = encoding == .utf16LE ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
                units.append(UInt16(hi) << 8 | UInt16(lo))
                i += 2
            }
            return (encoding, Array(String(decoding: units, as: UTF16.self).utf8))
        }
    }

    /// Streams the records in order. The record is only valid during the call.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        try text.withUnsafeBytes { buffer in
            var parser = CSVParser(buffer: buffer, delimiter: delimiter)
            while try parser.advance() {
                let line = parser.recordLine, number = parser.number
                try parser.fields.withUnsafeBufferPointer { fields in
                    try body(CSVRecord(line: line, number: number, buffer: buffer, fields: fields))
                }
            }
        }
    }

    /// The delimiter that splits the header line most often (header names almost never contain a
    /// delimiter, data cells may); ties go to the delimiter whose count per line is most consistent
    /// over the first lines, then to comma, as RFC 4180 and Excel's default have it.
    static func sniffDelimiter(_ text: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")]
        var perLine: [[Int]] = []
        var current = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var nonEmpty = false
        for byte in text.prefix(64 * 1024) {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); nonEmpty = true; continue }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if nonEmpty { perLine.append(current) }
                current = [Int](repeating: 0, count: candidates.count)
                nonEmpty = false
                if perLine.count >= 30 { break }
                continue
            }
            nonEmpty = true
            if let c = candidates.firstIndex(of: byte) { current[c] += 1 }
        }
        if nonEmpty && perLine.count < 30 { perLine.append(current) }
        guard let header = perLine.first else { return candidates[0] }
        func consistency(_ c: Int) -> Int { perLine.filter { $0[c] == header[c] }.count }
        var best = 0
        for c in 1..<candidates.count {
            if header[c] > header[best] || (header[c] == header[best] && header[c] > 0 && consistency(c) > consistency(best)) {
                best = c
            }
        }
        return candidates[best]
    }
}

/// One record: its fields as byte ranges of the decoded text, materialised on access.
public struct CSVRecord {
    /// 1-based physical line where the record starts.
    public let line: Int
    /// 1-based record number — the row number Excel shows when it opens the file.
    public let number: Int
    let buffer: UnsafeRawBufferPointer
    let fields: UnsafeBufferPointer<CSVParser.Field>

    public var count: Int { fields.count }

    /// The field's text, quotes removed and doubled quotes undone.
    public subscript(i: Int) -> String {
        let f = fields[i]
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[f.start..<f.end])
        if !f.hasEscapedQuotes { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var previousQuote = false
        for b in bytes {
            if b == UInt8(ascii: "\"") && previousQuote { previousQuote = false; continue }
            previousQuote = b == UInt8(ascii: "\"")
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The raw UTF-8 bytes of a field without doubled-quote handling (for fast paths that only
    /// need digits or to test emptiness).
    public func withUTF8Field<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let f = fields[i]
        return try body(UnsafeRawBufferPointer(rebasing: buffer[f.start..<f.end]))
    }

    public func isEmpty(_ i: Int) -> Bool { fields[i].start == fields[i].end }
}

/// The RFC 4180 state machine over UTF-8 bytes: quoted fields with doubled quotes and embedded
/// line breaks; CRLF, LF and CR line ends; no allocation per field (ranges into the buffer).
struct CSVParser {
    struct Field {
        var start: Int
        var end: Int
        var hasEscapedQuotes: Bool
    }

    let buffer: UnsafeRawBufferPointer
    let delimiter: UInt8
    var position = 0
    var line = 1
    var number = 0
    var fields: [Field] = []
    var recordLine = 1

    init(buffer: UnsafeRawBufferPointer, delimiter: UInt8) {
        self.buffer = buffer
        self.delimiter = delimiter
        fields.reserveCapacity(32)
    }

    /// Reads the next record into `fields`; false at the end. A final line break does not start
    /// an empty record.
    mutating func advance() throws(CSVError) -> Bool {
        let n = buffer.count
        guard position < n else { return false }
        fields.removeAll(keepingCapacity: true)
        let startLine = line
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var p = position
        while true {
            // One field.
            if p < n && buffer[p] == quote {
                let start = p + 1
                var q = start
                var escaped = false
                while true {
                    guard q < n else { throw .unterminatedQuote(line: startLine) }
                    let b = buffer[q]
                    if b == quote {
                        if q + 1 < n && buffer[q + 1] == quote { escaped = true; q += 2; continue }
                        break
                    }
                    if b == lf { line += 1 } else if b == cr && !(q + 1 < n && buffer[q + 1] == lf) { line += 1 }
                    q += 1
                }
                fields.append(Field(start: start, end: q, hasEscapedQuotes: escaped))
                p = q + 1
                // Text after the closing quote up to the delimiter is kept out (lenient, as Excel is).
                while p < n && buffer[p] != delimiter && buffer[p] != lf && buffer[p] != cr { p += 1 }
            } else {
                let start = p
                while p < n {
                    let b = buffer[p]
                    if b == delimiter || b == lf || b == cr { break }
                    p += 1
                }
                fields.append(Field(start: start, end: p, hasEscapedQuotes: false))
            }
            if p < n && buffer[p] == delimiter { p += 1; continue }
            // End of record.
            if p < n {
                if buffer[p] == cr && p + 1 < n && buffer[p + 1] == lf { p += 2 } else { p += 1 }
                line += 1
            }
            break
        }
        position = p
        number += 1
        recordLine = startLine
        return true
    }
}
