import CSV
import Foundation

/// A file's SHA-256 (for manifest.json), computed on a thread of its own while the file is parsed.
///
/// Hashing 160 MB takes about half a second on one core, which was a quarter of ingesting a
/// million-row CSV when it ran first; beside the parse it costs no wall time on two cores. A plain
/// thread, not the shared pool, so the wait never depends on a pool thread becoming free.
final class Checksum: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: (size: Int, digest: [UInt8])?
    private let progress: HashProgress

    /// Starts `compute` on its own thread when `large`, else runs it here.
    init(large: Bool, progress: HashProgress = HashProgress(), _ compute: @escaping @Sendable () -> (size: Int, digest: [UInt8])?) {
        self.progress = progress
        guard large else {
            result = compute()
            done.signal()
            return
        }
        let thread = Thread { [self] in
            result = compute()
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Hashes `bytes` on its own thread when large, a few megabytes at a time, telling how far it
    /// has got (`hashed`): the bytes behind that may be given back while the file is parsed.
    convenience init(bytes: FileBytes) {
        let progress = HashProgress()
        self.init(large: bytes.count > 1 << 20, progress: progress) {
            var sha = SHA256()
            bytes.withUnsafeBytes { all in
                var at = 0
                while at < all.count {
                    let end = min(all.count, at + (4 << 20))
                    sha.update(UnsafeRawBufferPointer(rebasing: all[at..<end]))
                    at = end
                    progress.advance(to: at)
                }
            }
            return (bytes.count, sha.finalize())
        }
    }

    /// No hash (`IngestOptions.checksums` off): the size only, every byte counting as hashed.
    convenience init(unhashed size: Int) {
        let progress = HashProgress()
        progress.advance(to: size)
        self.init(large: false, progress: progress) { (size, []) }
    }

    /// How many of the bytes have been hashed so far (`init(bytes:)`; 0 otherwise).
    var hashed: Int { progress.value }

    /// Waits for the hash; nil when the file could not be read.
    func value() -> (size: Int, digest: [UInt8])? {
        done.wait()
        done.signal()
        return result
    }
}

/// How far a hashing thread has got, read by the thread that parses the same bytes.
final class HashProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var offset = 0

    func advance(to offset: Int) {
        lock.lock()
        self.offset = offset
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return offset
    }
}
