import Foundation

/// One CSV file, decoded to UTF-8, with its encoding and delimiter detected; records are streamed.
public struct CSVDocument: Sendable {
    public let name: String
    public let encoding: TextEncoding
    /// `,`, tab or `;`.
    public let delimiter: UInt8
    /// The decoded UTF-8 text (without BOM).
    let storage: TextStorage

    /// Maps the file (a UTF-8 file is then read in place), detects, decodes and sniffs as
    /// `init(bytes:name:)` does.
    public init(path: String) throws(CSVError) {
        let name = (path as NSString).lastPathComponent
        guard let (base, size) = try TextStorage.map(path) else {
            try self.init(bytes: try CSVDocument.readFile(path), name: name)
            return
        }
        let encoding: TextEncoding, decoded: DecodedText
        do throws(CSVError) {
            (encoding, decoded) = try TextEncoding.decode(UnsafeRawBufferPointer(start: base, count: size))
        } catch {
            munmap(base, size)
            throw error
        }
        switch decoded {
        case .original(let start):
            self.init(name: name, encoding: encoding, storage: TextStorage(mapping: base, count: size, start: start))
        case .decoded(let text):
            munmap(base, size)
            self.init(name: name, encoding: encoding, storage: TextStorage(array: text))
        }
    }

    /// Detects the encoding over the whole of `bytes` (on all cores for large files), decodes to
    /// UTF-8 (a UTF-8 file is used as it is, without a copy) and sniffs the delimiter.
    public init(bytes: [UInt8], name: String) throws(CSVError) {
        guard !bytes.isEmpty else { throw .empty }
        let result = bytes.withUnsafeBytes { raw in Result { () throws(CSVError) in try TextEncoding.decode(raw) } }
        let (encoding, decoded) = try result.get()
        switch decoded {
        case .original(let start): self.init(name: name, encoding: encoding, storage: TextStorage(array: bytes, start: start))
        case .decoded(let text): self.init(name: name, encoding: encoding, storage: TextStorage(array: text))
        }
    }

    private init(name: String, encoding: TextEncoding, storage: TextStorage) {
        self.name = name
        self.encoding = encoding
        self.storage = storage
        delimiter = storage.withText(CSVDocument.sniffDelimiter)
    }

    /// Reads a file straight into an array (for what cannot be mapped: empty files, pipes).
    static func readFile(_ path: String) throws(CSVError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .io("\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw .io("\(path): \(String(cString: strerror(errno)))") }
            if got == 0 { return bytes }
            bytes += chunk[0..<got]
        }
    }

    /// Streams the records in order on the calling thread (parsed ahead on the other cores for large
    /// files). The record is only valid during the call. Line numbers are the 1-based physical
    /// lines where records start; `number` counts records from 1 (the row Excel shows).
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        try storage.withText { buffer in
            let stream = RecordStream(text: buffer, delimiter: delimiter, workers: ParallelWork.cores - 1)
            try stream.forEach(body)
        }
    }

    /// The delimiter that splits the header line most often (header names almost never contain a
    /// delimiter, data cells may); ties go to the delimiter whose count per line is most consistent
    /// over the first lines, then to comma, as RFC 4180 and Excel's default have it.
    static func sniffDelimiter(_ text: UnsafeRawBufferPointer) -> UInt8 {
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
