import Foundation
import Model

/// The files of an inputs folder: found recursively, sorted by the UTF-8 bytes of their relative
/// path (so the order, and with it dictionary codes and "the later file wins", never depends on the
/// file system or locale).
struct InputFiles: Sendable {
    enum Format: String, Sendable {
        case xlsx, csv, toml
        /// Legacy Excel 97–2003 and WPS workbooks (.xls, .et).
        case xls
        /// A format districts send that we cannot read (.ods, .numbers, .xlsb …): reported as unreadable.
        case unsupported
    }

    struct Entry: Sendable, Equatable {
        let path: String        // relative, `/`-separated
        let format: Format
        /// The file's real path (symbolic links resolved): what is opened.
        var file: String = ""
    }

    let root: String
    let entries: [Entry]
    /// Files that are neither exports nor the config (README, expected.json …): not read.
    let ignored: [String]
    /// Entries that are not regular files inside the folder, or second names of one: not read.
    let skipped: [SkippedEntry]

    static let unsupportedExtensions: Set<String> = ["ods", "numbers", "wps", "xlsb"]
    /// Bytes of a CSV (or config.toml) read whole, checked before reading.
    static let maxFileSize = 2 << 30

    init(root: String) throws(IngestError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw IngestError(path: root, message: "输入文件夹不存在")
        }
        guard isDirectory.boolValue else { throw IngestError(path: root, message: "不是文件夹") }
        guard FileManager.default.isReadableFile(atPath: root) else { throw IngestError(path: root, message: "无法读取该文件夹") }
        self.root = root
        var walker = TreeWalker(root: root)
        walker.walk()
        var entries: [Entry] = []
        var ignored: [String] = []
        var skipped = walker.skipped
        // One file reached by two names (a link beside its target) is read once, under the name
        // that sorts first; the other name is reported.
        var seen: [FileIdentity: String] = [:]
        for found in walker.files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            if let first = seen[found.identity] {
                skipped.append(SkippedEntry(path: found.path, reason: "与 \(first) 是同一个文件，只读取一次 (the same file as \(first), read once)"))
                continue
            }
            seen[found.identity] = found.path
            let path = found.path
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let ext = name.split(separator: ".").count > 1 ? (name.split(separator: ".").last.map { $0.lowercased() } ?? "") : ""
            let format: Format
            switch ext {
            case "xlsx", "xlsm": format = .xlsx
            case "xls", "et": format = .xls
            case "csv": format = .csv
            case "toml" where path == "config.toml": format = .toml
            case _ where InputFiles.unsupportedExtensions.contains(ext): format = .unsupported
            default:
                ignored.append(path)
                continue
            }
            entries.append(Entry(path: path, format: format, file: found.file))
        }
        self.entries = entries
        self.ignored = ignored
        self.skipped = skipped.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    func absolute(_ entry: Entry) -> String { entry.file.isEmpty ? root + "/" + entry.path : entry.file }

    /// A file's size and SHA-256, read through a small buffer; nil when it cannot be read.
    static func checksum(_ path: String) -> (size: Int, digest: [UInt8])? {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var hasher = SHA256()
        var size = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = Foundation.read(fd, buffer.baseAddress!, buffer.count)
            if n < 0 { return nil }
            if n == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            size += n
        }
        return (size, hasher.finalize())
    }

    /// True when the file starts with "PK" (a zip: .xlsx).
    static func startsWithZipSignature(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var head: [UInt8] = [0, 0]
        return head.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, 2) } == 2 && head == [0x50, 0x4B]
    }

    /// A whole file's bytes, read straight into an array (no intermediate `Data` copy). Only a
    /// regular file is read (opened without blocking, so a FIFO put in its place cannot hang it).
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= maxFileSize else { return nil }
        // Read straight into uninitialised memory: zero-filling a 200 MB buffer first and then
        // overwriting it was a third of the time to read the file.
        let size = max(Int(info.st_size), 0)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            if size >= parallelReadBytes {
                guard let whole = readInPieces(fd, into: base, size: size) else { failed = true; return }
                initialized = whole
                // Shorter than fstat said: the file shrank while it was read, and this is all of it.
                if whole < size || lseek(fd, off_t(whole), SEEK_SET) < 0 { return }
            }
            while initialized < buffer.count {
                let n = Foundation.read(fd, base + initialized, buffer.count - initialized)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failed = true; return }
                if n == 0 { return }
                initialized += n
            }
        }
        if failed { return nil }
        // The file grew while it was read: the rest in pieces, still bounded.
        if bytes.count == size + 1 {
            var piece = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let n = piece.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return nil }
                if n == 0 { break }
                bytes.append(contentsOf: piece[0..<n])
                if bytes.count > maxFileSize { return nil }
            }
        }
        return bytes
    }

    /// Files at least this large are read by every core at once.
    static let parallelReadBytes = 16 << 20

    /// The first `size` bytes of `fd` read in one piece per core, each with `pread`: the kernel's
    /// work for a read (clearing the new pages, copying from the page cache) is most of reading a
    /// large file, and it then runs on every core. Returns how many bytes from the start were read
    /// without a gap (fewer than `size` when the file shrank meanwhile), nil on a read error.
    static func readInPieces(_ fd: Int32, into base: UnsafeMutablePointer<UInt8>, size: Int) -> Int? {
        let pieces = min(InParallel.cores, 8)
        var done = [Int](repeating: 0, count: pieces)
        done.withUnsafeMutableBufferPointer { done in
            let slots = PieceSlots(done: done, base: base)
            DispatchQueue.concurrentPerform(iterations: pieces) { k in
                let start = size * k / pieces, end = size * (k + 1) / pieces
                var at = start
                while at < end {
                    let n = pread(fd, slots.base + at, end - at, off_t(at))
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { slots.done[k] = -1; return }
                    if n == 0 { break }
                    at += n
                }
                slots.done[k] = at - start
            }
        }
        if done.contains(-1) { return nil }
        var whole = 0
        for k in 0..<pieces {
            whole += done[k]
            if done[k] < size * (k + 1) / pieces - size * k / pieces { break }
        }
        return whole
    }
}

/// What the pieces of `InputFiles.readInPieces` write: each its own slot and its own byte range.
private struct PieceSlots: @unchecked Sendable {
    let done: UnsafeMutableBufferPointer<Int>
    let base: UnsafeMutablePointer<UInt8>
}
