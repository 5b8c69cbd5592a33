import Dispatch

/// The shared-string table being read on another thread.
final class SharedStringsLoad: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private let lock = Lock()
    private var result: Result<[String], any Error>?

    func resolve(_ result: Result<[String], any Error>) {
        lock.withLock { self.result = result }
        ready.signal()
    }

    /// Blocks until the table is read; later calls return at once.
    func wait() throws -> [String] {
        if let result = lock.withLock({ self.result }) { return try result.get() }
        ready.wait()
        ready.signal()  // let any other waiter through too
        guard let result = lock.withLock({ self.result }) else { return [] }
        return try result.get()
    }
}
