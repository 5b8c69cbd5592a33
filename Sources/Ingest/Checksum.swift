import Foundation

/// A file's SHA-256 (for manifest.json), computed on a thread of its own while the file is parsed.
///
/// Hashing 160 MB takes about half a second on one core, which was a quarter of ingesting a
/// million-row CSV when it ran first; beside the parse it costs no wall time on two cores. A plain
/// thread, not the shared pool, so the wait never depends on a pool thread becoming free.
final class Checksum: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: (size: Int, digest: [UInt8])?

    /// Starts `compute` on its own thread when `large`, else runs it here.
    init(large: Bool, _ compute: @escaping @Sendable () -> (size: Int, digest: [UInt8])?) {
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

    /// Waits for the hash; nil when the file could not be read.
    func value() -> (size: Int, digest: [UInt8])? {
        done.wait()
        done.signal()
        return result
    }
}
