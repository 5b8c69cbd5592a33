import CZlib
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A zip archive opened for reading: the central directory is parsed once; parts are inflated on
/// demand, whole (`read`) or in chunks (`stream`).
///
/// The file is read with pread(2), never mapped, so one archive can be read from several threads at
/// once (different parts in parallel) and a file truncated meanwhile gives an error, not SIGBUS. Sizes, CRCs and the limits of
/// `ZipLimits` are checked on every read; nothing is trusted from the local headers but their
/// length fields.
public final class ZipArchive: @unchecked Sendable {
    public let entries: [ZipEntry]
    public let limits: ZipLimits

    private let storage: Storage
    private let totalInflated = InflatedCounter()
    /// Entry positions by normalised name (`ZipArchive.normalised`), and by that name lowercased (first wins).
    private let index: [String: Int]
    private let caseInsensitiveIndex: [String: Int]

    public convenience init(path: String, limits: ZipLimits = .default) throws(ZipError) {
        try self.init(storage: Storage(path: path), limits: limits)
    }

    public convenience init(bytes: [UInt8], limits: ZipLimits = .default) throws(ZipError) {
        try self.init(storage: Storage(bytes: bytes), limits: limits)
    }

    private init(storage: Storage, limits: ZipLimits) throws(ZipError) {
        self.storage = storage
        self.limits = limits
        entries = try CentralDirectory.read(fileSize: storage.size) { (offset, count) throws(ZipError) in
            try storage.bytes(offset, count)
        }
        try ZipArchive.checkDisjoint(entries, in: storage)
        var index: [String: Int] = [:]
        var caseInsensitiveIndex: [String: Int] = [:]
        for (i, entry) in entries.enumerated() {
            let key = ZipArchive.normalised(entry.path)
            if index[key] == nil { index[key] = i }
            let lower = key.lowercased()
            if caseInsensitiveIndex[lower] == nil { caseInsensitiveIndex[lower] = i }
        }
        self.index = index
        self.caseInsensitiveIndex = caseInsensitiveIndex
    }

    /// The entry at `path`, both sides normalised: backslashes read as `/` (some .NET and PHP
    /// exporters store `xl\workbook.xml`), leading slashes dropped (`/xl/workbook.xml`), and, failing
    /// an exact match, letter case ignored (some generators write `xl/SharedStrings.xml`).
    public func entry(_ path: String) -> ZipEntry? {
        let key = ZipArchive.normalised(path)
        if let i = index[key] { return entries[i] }
        return caseInsensitiveIndex[key.lowercased()].map { entries[$0] }
    }

    /// A part name as the package means it: `\` → `/`, no leading `/`.
    public static func normalised(_ path: String) -> String {
        var name = path
        if name.utf8.contains(UInt8(ascii: "\\")) { name = name.replacingOccurrences(of: "\\", with: "/") }
        if name.hasPrefix("/") { name = String(name.drop { $0 == "/" }) }
        return name
    }

    /// The whole inflated part, CRC and size checked.
    public func read(_ entry: ZipEntry) throws(ZipError) -> [UInt8] {
        guard entry.uncompressedSize <= limits.maxEntrySize else {
            throw .tooLarge(entry.path, limit: limits.maxEntrySize)
        }
        var out: [UInt8] = []
        out.reserveCapacity(entry.uncompressedSize)
        do {
            try stream(entry) { chunk in out.append(contentsOf: chunk) }
        } catch let error as ZipError {
            throw error
        } catch {
            throw .io("\(error)")
        }
        return out
    }

    /// Inflates `entry` and hands the bytes to `body` in chunks of up to 256 KiB, in order. The
    /// buffer passed to `body` is only valid during the call. Throws when the part is encrypted,
    /// corrupt, over a limit, or its CRC or size does not match.
    public func stream(_ entry: ZipEntry, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if entry.isEncrypted { throw ZipError.encryptedEntry(entry.path) }
        guard entry.uncompressedSize <= limits.maxEntrySize else {
            throw ZipError.tooLarge(entry.path, limit: limits.maxEntrySize)
        }
        let start = try dataOffset(of: entry)
        guard start <= storage.size, entry.compressedSize <= storage.size - start else {
            throw ZipError.truncated(entry.path)
        }
        var produced = 0
        var crc: UInt32 = 0
        func counted(_ chunk: UnsafeRawBufferPointer, compressedSoFar: Int) throws {
            produced += chunk.count
            if produced > self.limits.maxEntrySize { throw ZipError.tooLarge(entry.path, limit: self.limits.maxEntrySize) }
            if produced > entry.uncompressedSize { throw ZipError.sizeMismatch(entry.path) }
            if produced > self.limits.ratioCheckThreshold,
               produced / max(compressedSoFar, 1) > self.limits.maxCompressionRatio {
                throw ZipError.ratioExceeded(entry.path, limit: self.limits.maxCompressionRatio)
            }
            if !self.totalInflated.add(chunk.count, limit: self.limits.maxTotalSize) {
                throw ZipError.totalTooLarge(limit: self.limits.maxTotalSize)
            }
            crc = CRC32.checksum(chunk, initial: crc)
            try body(chunk)
        }
        switch entry.method {
        case 0:
            try storage.pieces(start, entry.compressedSize, size: Inflater.chunkSize) { piece, before in
                try counted(piece, compressedSoFar: before + piece.count)
            }
        case 8:
            let inflater = try Inflater(part: entry.path)
            // Compressed bytes are read a megabyte at a time (not mapped: a file truncated while it
            // is read gives an error here, never SIGBUS).
            try storage.pieces(start, entry.compressedSize, size: 1 << 20) { piece, before in
                try inflater.feed(piece, consumedBefore: before) { chunk, consumed in try counted(chunk, compressedSoFar: consumed) }
            }
            guard inflater.finished else { throw ZipError.truncated(entry.path) }
        default:
            throw ZipError.unsupportedMethod(entry.path, entry.method)
        }
        guard produced == entry.uncompressedSize else { throw ZipError.sizeMismatch(entry.path) }
        guard crc == entry.crc32 else { throw ZipError.badCRC(entry.path) }
    }

    /// Every entry's local header and compressed data must lie apart from every other's: a "better
    /// zip bomb" lists thousands of central-directory entries whose data is one shared, highly
    /// compressed kernel, so that the per-part limits each pass while the whole inflates to
    /// terabytes. Order in the file need not follow the directory (rewritten archives), but two
    /// ranges may never overlap. Linear after a sort; local headers are read once.
    private static func checkDisjoint(_ entries: [ZipEntry], in storage: Storage) throws(ZipError) {
        guard entries.count > 1 else { return }
        var ranges: [(start: Int, end: Int, index: Int)] = []
        ranges.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let h = entry.localHeaderOffset
            // A header that is missing or cut off is reported when the part is read.
            guard h >= 0, h <= storage.size - 30 else { continue }
            let header = try storage.bytes(h, 30)
            guard header.readLE32(0) == CentralDirectory.localSignature else { continue }
            let start = h + 30 + Int(header.readLE16(26)) + Int(header.readLE16(28))
            ranges.append((h, start + entry.compressedSize, index))
        }
        ranges.sort { $0.start < $1.start }
        for (previous, next) in zip(ranges, ranges.dropFirst()) where next.start < previous.end {
            throw .overlappingEntries(entries[previous.index].path, entries[next.index].path)
        }
    }

    /// Where the part's data starts: after the local header, whose name and extra lengths may
    /// differ from the central directory's.
    private func dataOffset(of entry: ZipEntry) throws(ZipError) -> Int {
        let h = entry.localHeaderOffset
        guard h >= 0, h <= storage.size - 30 else { throw .truncated(entry.path) }
        let header = try storage.bytes(h, 30)
        guard header.readLE32(0) == 0x0403_4B50 else { throw .corrupt(entry.path, "本地文件头缺失 (bad local header)") }
        return h + 30 + Int(header.readLE16(26)) + Int(header.readLE16(28))
    }
}

/// Counts inflated bytes across all parts of one archive, from any thread.
private final class InflatedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0

    func add(_ n: Int, limit: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        total += n
        return total <= limit
    }
}

/// The archive's bytes: a file read with pread(2) where they are needed (the central directory, local
/// headers, a part's compressed bytes a piece at a time), or an owned copy in memory.
///
/// Not a memory map: a mapped file that another program truncates while it is read (a district
/// re-copying its export) kills the process with SIGBUS; a read that comes up short is an error
/// naming the file. Nothing of the file stays resident but the piece being inflated.
private final class Storage: @unchecked Sendable {
    let size: Int
    private let fd: Int32
    private let path: String
    private let owned: UnsafeMutableRawBufferPointer?

    init(path: String) throws(ZipError) {
        // Without blocking, so that a FIFO in a file's place cannot hang the open; only a regular
        // file is read (a device such as /dev/zero would read endless zeros).
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { throw .io("\(path): \(String(cString: strerror(errno)))") }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw .io("\(path): \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw .io("\(path): 不是普通文件 (not a regular file)")
        }
        guard info.st_size > 0 else {
            close(fd)
            throw .empty
        }
        self.fd = fd
        self.path = path
        size = Int(info.st_size)
        owned = nil
    }

    init(bytes: [UInt8]) throws(ZipError) {
        guard !bytes.isEmpty else { throw .empty }
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        copy.copyBytes(from: bytes)
        owned = copy
        size = bytes.count
        fd = -1
        path = ""
    }

    deinit {
        if fd >= 0 { close(fd) }
        owned?.deallocate()
    }

    /// Exactly `count` bytes at `offset` (the caller keeps them within `size`).
    func bytes(_ offset: Int, _ count: Int) throws(ZipError) -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= size, count <= size - offset else {
            throw .truncated("读取位置超出文件 (read past the end)")
        }
        if let owned { return Array(owned[offset..<(offset + count)]) }
        var out = [UInt8](repeating: 0, count: count)
        let result = out.withUnsafeMutableBytes { buffer in Result { () throws(ZipError) in try read(into: buffer, at: offset) } }
        try result.get()
        return out
    }

    /// `count` bytes at `offset`, handed to `body` in pieces of up to `size` bytes with the number of
    /// bytes before each piece; a piece is only valid during the call.
    func pieces(_ offset: Int, _ count: Int, size piece: Int, _ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        if let owned {
            var done = 0
            while done < count {
                let n = min(piece, count - done)
                try body(UnsafeRawBufferPointer(rebasing: owned[(offset + done)..<(offset + done + n)]), done)
                done += n
            }
            return
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, min(piece, count)), alignment: 16)
        defer { buffer.deallocate() }
        var done = 0
        while done < count {
            let n = min(buffer.count, count - done)
            let window = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<n])
            try read(into: window, at: offset + done)
            try body(UnsafeRawBufferPointer(window), done)
            done += n
        }
    }

    /// Fills `buffer` from the file at `offset`; a file that ends sooner (it shrank) is an error.
    private func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(ZipError) {
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw .io("\(path): \(String(cString: strerror(errno)))")
            }
            if n == 0 { throw .truncated("文件在读取时变短 (the file shrank while it was read)") }
            done += n
        }
    }
}

extension Array where Element == UInt8 {
    // Not le16/le32: ZipWriter's appending helpers have those names.
    @inline(__always) func readLE16(_ offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    @inline(__always) func readLE32(_ offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16 | UInt32(self[offset + 3]) << 24
    }
}

extension UnsafeRawBufferPointer {
    @inline(__always) func le16(_ offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    @inline(__always) func le32(_ offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16 | UInt32(self[offset + 3]) << 24
    }

    @inline(__always) func le64(_ offset: Int) -> UInt64 {
        UInt64(le32(offset)) | UInt64(le32(offset + 4)) << 32
    }
}
