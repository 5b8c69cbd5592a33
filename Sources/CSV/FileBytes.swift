import CMappedFile
import Foundation

/// The bytes a document is read from: a file mapped from the page cache, or an array (bytes
/// given, a file that could not be mapped, a text decoded from another encoding).
///
/// Reading a 190 MB CSV into fresh memory cost 0.15 s of CPU (the kernel clearing new pages and
/// copying into them), a fifth of ingesting it; mapped, its pages are the page cache's own. A
/// mapped file can change while it is read — a district re-copying its export into the shared
/// folder — which read(2) did not protect against either (a torn copy read as data): here a
/// truncation reads as zeros instead of killing the process (CMappedFile's SIGBUS handler), and
/// `changedWhileRead` tells the caller to report the file instead of its figures.
public final class FileBytes: @unchecked Sendable {
    public let count: Int
    private let base: UnsafeRawPointer?
    private let array: [UInt8]
    private let slot: Int32
    private let fd: Int32
    private let opened: stat

    public init(array: [UInt8]) {
        self.array = array
        count = array.count
        base = nil
        slot = -1
        fd = -1
        opened = stat()
    }

    /// `path` mapped whole: a regular file of 1 … `limit` bytes, opened without blocking (a FIFO
    /// put in its place cannot hang it). Nil when it cannot be mapped: the caller reads it.
    public init?(mapping path: String, limit: Int) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        var slot: Int32 = -1
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0, Int(info.st_size) <= limit,
              let mapped = mappedfile_map(fd, Int(info.st_size), &slot) else {
            close(fd)
            return nil
        }
        self.fd = fd
        self.slot = slot
        base = mapped
        count = Int(info.st_size)
        opened = info
        array = []
    }

    deinit {
        if slot >= 0 {
            mappedfile_unmap(slot)
            close(fd)
        }
    }

    public var isMapped: Bool { slot >= 0 }

    /// Runs `body` with the bytes.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if let base { return try body(UnsafeRawBufferPointer(start: base, count: count)) }
        return try array.withUnsafeBytes(body)
    }

    /// Whether a mapped file was truncated (pages of it read as zeros) or written in place since it
    /// was mapped: its size or modification time differ. (Not its change time: deleting, renaming
    /// or moving the file changes that, and leaves the bytes as they were.) Asked once the bytes
    /// have been read; an array never changes.
    public var changedWhileRead: Bool {
        guard slot >= 0 else { return false }
        if mappedfile_damaged(slot) != 0 { return true }
        var now = stat()
        guard fstat(fd, &now) == 0 else { return true }
        #if canImport(Darwin)
        let (before, after) = (opened.st_mtimespec, now.st_mtimespec)
        #else
        let (before, after) = (opened.st_mtim, now.st_mtim)
        #endif
        return now.st_size != opened.st_size || before.tv_sec != after.tv_sec || before.tv_nsec != after.tv_nsec
    }

    /// Gives back the whole pages inside `range` (see `MemoryPages`): a mapped file's are dropped
    /// from this process (the page cache keeps them), an array's freed.
    public func release(_ range: Range<Int>) {
        withUnsafeBytes { all in
            if let start = all.baseAddress { MemoryPages.release(start, range) }
        }
    }
}
