import CZlib
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A zip archive opened for reading: the central directory is parsed once; parts are inflated on
/// demand, whole (`read`) or in chunks (`stream`).
///
/// The file is memory-mapped read-only and never changes while open, so one archive can be read
/// from several threads at once (different parts in parallel). Sizes, CRCs and the limits of
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
        let data = storage.buffer
        entries = try CentralDirectory.read(data)
        try ZipArchive.checkDisjoint(entries, in: data)
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
        let data = storage.buffer
        let start = try dataOffset(of: entry)
        guard start <= data.count, entry.compressedSize <= data.count - start else {
            throw ZipError.truncated(entry.path)
        }
        let compressed = UnsafeRawBufferPointer(rebasing: data[start..<(start + entry.compressedSize)])
        var produced = 0
        var crc: UInt32 = 0
        var released = 0
        func counted(_ chunk: UnsafeRawBufferPointer, compressedSoFar: Int) throws {
            // A mapped file's pages already inflated are given back (they are re-read from the file
            // if needed again): a large workbook does not stay resident while its sheet is read.
            if compressedSoFar - released >= 4 << 20 {
                storage.release(UnsafeRawBufferPointer(rebasing: compressed[released..<compressedSoFar]))
                released = compressedSoFar
            }
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
            var offset = 0
            while offset < compressed.count {
                let end = min(offset + Inflater.chunkSize, compressed.count)
                try counted(UnsafeRawBufferPointer(rebasing: compressed[offset..<end]), compressedSoFar: end)
                offset = end
            }
        case 8:
            try Inflater.inflate(compressed, part: entry.path) { chunk, consumed in
                try counted(chunk, compressedSoFar: consumed)
            }
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
    static func checkDisjoint(_ entries: [ZipEntry], in data: UnsafeRawBufferPointer) throws(ZipError) {
        guard entries.count > 1 else { return }
        var ranges: [(start: Int, end: Int, index: Int)] = []
        ranges.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let h = entry.localHeaderOffset
            // A header that is missing or cut off is reported when the part is read.
            guard h >= 0, h <= data.count - 30, data.le32(h) == CentralDirectory.localSignature else { continue }
            let start = h + 30 + Int(data.le16(h + 26)) + Int(data.le16(h + 28))
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
        let data = storage.buffer
        let h = entry.localHeaderOffset
        guard h >= 0, h <= data.count - 30 else { throw .truncated(entry.path) }
        guard data.le32(h) == 0x0403_4B50 else { throw .corrupt(entry.path, "本地文件头缺失 (bad local header)") }
        return h + 30 + Int(data.le16(h + 26)) + Int(data.le16(h + 28))
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

/// The archive's bytes: a read-only memory map of the file, or an owned copy.
private final class Storage: @unchecked Sendable {
    let buffer: UnsafeRawBufferPointer
    private let mapped: Bool
    private let owned: UnsafeMutableRawBufferPointer?

    init(path: String) throws(ZipError) {
        // Without blocking, so that a FIFO in a file's place cannot hang the open; only a regular
        // file is mapped (a device such as /dev/zero would map endless zeros).
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { throw .io("\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io("\(path): \(String(cString: strerror(errno)))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .io("\(path): 不是普通文件 (not a regular file)") }
        let size = Int(info.st_size)
        guard size > 0 else { throw .empty }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
            throw .io("\(path): \(String(cString: strerror(errno)))")
        }
        buffer = UnsafeRawBufferPointer(start: address, count: size)
        mapped = true
        owned = nil
    }

    init(bytes: [UInt8]) throws(ZipError) {
        guard !bytes.isEmpty else { throw .empty }
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        copy.copyBytes(from: bytes)
        owned = copy
        buffer = UnsafeRawBufferPointer(copy)
        mapped = false
    }

    /// Drops the resident pages wholly inside `range` of a file mapping; nothing for memory we own.
    func release(_ range: UnsafeRawBufferPointer) {
        guard mapped, let base = range.baseAddress, !range.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + range.count) / page * page
        guard end > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(start, end - first, MADV_DONTNEED)
    }

    deinit {
        if mapped, let base = buffer.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), buffer.count) }
        owned?.deallocate()
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
