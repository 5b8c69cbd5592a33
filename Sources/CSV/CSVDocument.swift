import Foundation

/// One CSV file, decoded to UTF-8, with its encoding and delimiter detected; records are streamed.
public struct CSVDocument: Sendable {
    public let name: String
    public let encoding: TextEncoding
    /// `,`, tab or `;`.
    public let delimiter: UInt8
    /// The decoded UTF-8 text (without BOM).
    let storage: TextStorage

    /// Maps the file (or reads it, a regular file only, its size checked before anything is
    /// allocated) and detects, decodes and sniffs as `init(bytes:name:)` does. A mapped file
    /// changed while it is parsed reads as what it became (see `FileBytes`).
    public init(path: String, maxFileSize: Int = CSVDocument.maxFileSize) throws(CSVError) {
        let name = (path as NSString).lastPathComponent
        if let mapped = FileBytes(mapping: path, limit: maxFileSize) {
            try self.init(file: mapped, name: name)
        } else {
            try self.init(bytes: try CSVDocument.readFile(path, limit: maxFileSize), name: name)
        }
    }

    /// Bytes of one CSV file read by `init(path:)`.
    public static let maxFileSize = 2 << 30

    /// Detects the encoding over the whole of `bytes` (on all cores for large files), decodes to
    /// UTF-8 (a UTF-8 file is used as it is, without a copy) and sniffs the delimiter.
    /// `decoded`, when given, is told each range of `bytes` that has been decoded into the text
    /// (a file in another encoding: those bytes are no longer needed).
    public init(bytes: [UInt8], name: String, decoded: ((Range<Int>) -> Void)? = nil) throws(CSVError) {
        try self.init(file: FileBytes(array: bytes), name: name, decoded: decoded)
    }

    /// As `init(bytes:name:decoded:)`, on a file's bytes (mapped or read).
    public init(file: FileBytes, name: String, decoded: ((Range<Int>) -> Void)? = nil) throws(CSVError) {
        guard file.count > 0 else { throw .empty }
        let result = file.withUnsafeBytes { raw in Result { () throws(CSVError) in try TextEncoding.decode(raw, decoded: decoded) } }
        let (encoding, decoded) = try result.get()
        switch decoded {
        case .original(let start): self.init(name: name, encoding: encoding, storage: TextStorage(bytes: file, start: start))
        case .decoded(let text): self.init(name: name, encoding: encoding, storage: TextStorage(bytes: FileBytes(array: text), decodedFrom: file))
        }
    }

    private init(name: String, encoding: TextEncoding, storage: TextStorage) {
        self.name = name
        self.encoding = encoding
        self.storage = storage
        delimiter = storage.withText(CSVDocument.sniffDelimiter)
    }

    /// Where the text starts in the bytes the document was made from, when it is those bytes
    /// (UTF-8, after any BOM); nil when it is a decoded copy.
    public var textOffsetInBytes: Int? {
        switch encoding {
        case .utf8: return 0
        case .utf8BOM: return 3
        default: return nil
        }
    }

    /// Gives back the pages of the text before `offset`: the records before it have been read and
    /// are not read again (see `MemoryPages`). Offsets only grow; call from one thread.
    public func releaseText(before offset: Int) { storage.release(before: offset) }

    /// Whether the file changed while the document was read (see `FileBytes.changedWhileRead`):
    /// its records are then not the file's.
    public var fileChangedWhileRead: Bool { storage.fileChanged }

    /// Reads a file straight into an array (for what cannot be mapped: empty files, pipes).
    static func readFile(_ path: String, limit: Int) throws(CSVError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { throw .io("\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io("\(path): \(String(cString: strerror(errno)))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .io("\(path): 不是普通文件 (not a regular file)") }
        let size = Int(info.st_size)
        guard size <= limit else { throw .io("\(path): 文件超过 \(limit >> 20) MB 上限 (file over the size limit)") }
        var bytes = [UInt8](repeating: 0, count: size)
        var count = 0
        while count < size {
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, size - count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw .io("\(path): \(String(cString: strerror(errno)))") }
            if got == 0 { throw .io("\(path): 文件在读取时变短 (the file shrank while it was read)") }
            count += got
        }
        return bytes
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

    /// The same records a parsed stretch at a time (some thousands of records), in order: a
    /// batch may be kept and read on another thread while this document lives.
    public func forEachBatch(_ body: (CSVBatch) throws -> Void) throws {
        try storage.withText { buffer in
            let stream = RecordStream(text: buffer, delimiter: delimiter, workers: ParallelWork.cores - 1)
            try stream.forEachBatch(body)
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
