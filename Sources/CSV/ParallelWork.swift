import Foundation

/// Splits the CPU-bound passes over one file (validation, decoding) across the cores. Inputs below
/// `minimumParallelBytes` stay on the calling thread: there the hand-off costs more than it saves.
enum ParallelWork {
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    static let minimumParallelBytes = 4 << 20

    /// Runs `body(k)` for k in 0..<count on all cores and returns when every call has returned.
    static func run(_ count: Int, _ body: (Int) -> Void) {
        if count == 1 { body(0); return }
        guard count > 1 else { return }
        // The calls write disjoint results through pointers the caller owns until this returns.
        withoutActuallyEscaping(body) { body in
            let box = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: count) { box.value($0) }
        }
    }

    /// Piece boundaries for `parts` pieces, each cut just after a line feed: [0, …, count], strictly
    /// increasing. Fewer pieces when the text has too few line feeds.
    static func boundsAfterLineFeeds(_ bytes: UnsafeRawBufferPointer, parts: Int) -> [Int] {
        let n = bytes.count
        var bounds = [0]
        guard parts > 1, let base = bytes.baseAddress else { return [0, n] }
        for k in 1..<parts {
            let nominal = max(n / parts * k, bounds[bounds.count - 1])
            guard nominal < n, let hit = memchr(base + nominal, 0x0A, n - nominal) else { break }
            let cut = UnsafeRawPointer(hit) - base + 1
            if cut < n && cut > bounds[bounds.count - 1] { bounds.append(cut) }
        }
        bounds.append(n)
        return bounds
    }
}

/// A value handed to `concurrentPerform`, which wants `@Sendable` closures, by code that keeps the
/// shared state race-free itself (disjoint writes, joined before use).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
