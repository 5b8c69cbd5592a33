import CSV
import Foundation

/// A large file's bytes, given back page by page once ingest has finished with them (decoded into
/// text, or read into records) and the checksum thread has hashed them: the two read the same
/// buffer, so nothing past the hash's progress is released.
final class SpentBytes: @unchecked Sendable {
    /// Files below this keep their bytes to the end (a few syscalls would save nothing).
    static let minimumSize = 16 << 20

    private let bytes: FileBytes
    private let hashed: () -> Int
    private let lock = NSLock()

    init?(_ bytes: FileBytes, hashed: (() -> Int)?, minimumSize: Int = SpentBytes.minimumSize) {
        guard let hashed, bytes.count >= minimumSize else { return nil }
        self.bytes = bytes
        self.hashed = hashed
    }

    /// Ranges finished with but not yet hashed, released by a later call.
    private var pending: [Range<Int>] = []

    /// Gives back the whole pages of `range` that have been hashed, and of earlier ranges the hash
    /// has reached since (from any thread).
    func release(_ range: Range<Int>) {
        let limit = min(hashed(), bytes.count)
        lock.lock()
        defer { lock.unlock() }
        var waiting: [Range<Int>] = []
        for r in pending + [range] where !r.isEmpty {
            let end = min(r.upperBound, limit)
            if end > r.lowerBound { bytes.release(r.lowerBound..<end) }
            if r.upperBound > end { waiting.append(max(r.lowerBound, end)..<r.upperBound) }
        }
        pending = waiting
    }
}
