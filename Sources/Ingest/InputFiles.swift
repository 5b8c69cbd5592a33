import Foundation

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
    }

    let root: String
    let entries: [Entry]
    /// Files that are neither exports nor the config (README, expected.json …): not read.
    let ignored: [String]

    static let unsupportedExtensions: Set<String> = ["ods", "numbers", "wps", "xlsb"]

    init(root: String) throws(IngestError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw IngestError(path: root, message: "输入文件夹不存在")
        }
        guard isDirectory.boolValue else { throw IngestError(path: root, message: "不是文件夹") }
        guard FileManager.default.isReadableFile(atPath: root) else { throw IngestError(path: root, message: "无法读取该文件夹") }
        self.root = root
        var entries: [Entry] = []
        var ignored: [String] = []
        var paths: [String] = []
        InputFiles.walk(root: root, relative: "", depth: 0, into: &paths)
        paths.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for path in paths {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let ext = name.split(separator: ".").count > 1 ? (name.split(separator: ".").last.map { $0.lowercased() } ?? "") : ""
            switch ext {
            case "xlsx", "xlsm": entries.append(Entry(path: path, format: .xlsx))
            case "xls", "et": entries.append(Entry(path: path, format: .xls))
            case "csv": entries.append(Entry(path: path, format: .csv))
            case "toml" where path == "config.toml": entries.append(Entry(path: path, format: .toml))
            case _ where InputFiles.unsupportedExtensions.contains(ext): entries.append(Entry(path: path, format: .unsupported))
            default: ignored.append(path)
            }
        }
        self.entries = entries
        self.ignored = ignored
    }

    /// Recursive listing; `~$` lock files and dot-files (and dot-folders) are skipped.
    private static func walk(root: String, relative: String, depth: Int, into paths: inout [String]) {
        guard depth < 32 else { return }     // a symbolic link loop
        let dir = relative.isEmpty ? root : root + "/" + relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names {
            if name.hasPrefix(".") || name.hasPrefix("~$") { continue }
            let rel = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(root: root, relative: rel, depth: depth + 1, into: &paths)
            } else {
                paths.append(rel)
            }
        }
    }

    func absolute(_ entry: Entry) -> String { root + "/" + entry.path }

    /// A file's size and SHA-256, read through a small buffer; nil when it cannot be read.
    static func checksum(_ path: String) -> (size: Int, digest: [UInt8])? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
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

    /// A whole file's bytes, read straight into an array (no intermediate `Data` copy).
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes = [UInt8]()
        var capacity = max(Int(info.st_size), 0) + 1
        var count = 0
        while true {
            if count == bytes.count {
                bytes.reserveCapacity(capacity)
                bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
            }
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return Foundation.read(fd, base + count, buffer.count - count)
            }
            if n < 0 { return nil }
            if n == 0 { break }
            count += n
            capacity = bytes.count * 2
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}
