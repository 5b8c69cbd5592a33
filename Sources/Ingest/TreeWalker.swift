import Foundation

/// A file's identity on disk: the same (device, inode) is the same file, whatever its name.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// Lists an inputs folder by file type and real path: regular files are kept; a symbolic link is
/// followed once, to its real path, when that lies inside the folder; a folder is entered once
/// (so a link back to `.` or to a parent is no loop); FIFOs, devices, sockets, broken links and
/// links leading outside are reported and never opened (opening a FIFO would block, reading
/// /dev/zero would never end). `~$` lock files and dot-files (and dot-folders) are passed over.
struct TreeWalker {
    struct Found {
        let path: String        // relative, `/`-separated
        let file: String        // real path
        let identity: FileIdentity
    }

    let root: String
    private let realRoot: String
    private(set) var files: [Found] = []
    private(set) var skipped: [SkippedEntry] = []
    private var folders: Set<FileIdentity> = []

    /// Folders deeper than this are not entered (no real tree of exports is that deep).
    static let maxDepth = 32

    init(root: String) {
        self.root = root
        realRoot = TreeWalker.realPath(root) ?? root
    }

    mutating func walk() {
        var info = stat()
        guard stat(realRoot, &info) == 0 else { return }
        folders.insert(FileIdentity(info))
        walk(directory: realRoot, relative: "", depth: 0)
    }

    private mutating func walk(directory: String, relative: String, depth: Int) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            if !relative.isEmpty { skip(relative, "无法读取该文件夹 (folder cannot be read)") }
            return
        }
        for name in names.sorted() {
            if name.hasPrefix(".") || name.hasPrefix("~$") { continue }
            let rel = relative.isEmpty ? name : relative + "/" + name
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            var real = path
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let target = TreeWalker.realPath(path), stat(target, &info) == 0 else {
                    skip(rel, "符号链接指向不存在的文件 (broken symbolic link)")
                    continue
                }
                guard target == realRoot || target.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") else {
                    skip(rel, "符号链接指向输入文件夹之外的 \(target)，未读取 (link leads outside the inputs folder)")
                    continue
                }
                real = target
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                files.append(Found(path: rel, file: real, identity: FileIdentity(info)))
            case S_IFDIR:
                guard folders.insert(FileIdentity(info)).inserted else {
                    skip(rel, "符号链接回到已读取的文件夹（循环），未再次读取 (link back into a folder already read)")
                    continue
                }
                guard depth + 1 < TreeWalker.maxDepth else {
                    skip(rel, "文件夹层级超过 \(TreeWalker.maxDepth) 层，未读取 (folders nested too deep)")
                    continue
                }
                walk(directory: real, relative: rel, depth: depth + 1)
            case S_IFIFO:
                skip(rel, "是命名管道（FIFO），不是普通文件，未读取 (a FIFO, not a regular file)")
            case S_IFCHR, S_IFBLK:
                skip(rel, "是设备文件，不是普通文件，未读取 (a device, not a regular file)")
            case S_IFSOCK:
                skip(rel, "是套接字，不是普通文件，未读取 (a socket, not a regular file)")
            default:
                skip(rel, "不是普通文件，未读取 (not a regular file)")
            }
        }
    }

    private mutating func skip(_ path: String, _ reason: String) {
        skipped.append(SkippedEntry(path: path, reason: reason))
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
