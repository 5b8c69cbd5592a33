import Dispatch

/// Work offered to the global pool that whoever needs its result first runs: a pool thread when one
/// is free, otherwise the waiting thread itself.
///
/// Waiting on plain queued work stalls when the waiter is itself a busy pool thread (files are read
/// in parallel): on Linux, libdispatch adds a thread for blocked ones only when its monitor next
/// looks, about a second later — which was most of a city run's wall time.
final class ClaimableTask<Value>: @unchecked Sendable {
    private let lock = Lock()
    private let done = DispatchSemaphore(value: 0)
    private var work: (() -> Value)?
    private var value: Value?

    init(_ work: @escaping () -> Value) { self.work = work }

    /// A task that is already done.
    static func finished(_ value: Value) -> ClaimableTask {
        let task = ClaimableTask { value }
        task.runIfUnclaimed()
        return task
    }

    /// Offers the work to the global pool.
    func start() {
        DispatchQueue.global().async { self.runIfUnclaimed() }
    }

    /// Runs the work here unless a thread has claimed it (a waiter helping before it waits).
    func runIfUnclaimed() {
        let claimed = lock.withLock { () -> (() -> Value)? in
            defer { work = nil }
            return work
        }
        guard let claimed else { return }
        let result = claimed()
        lock.withLock { value = result }
        done.signal()
    }

    /// The value if the work is done, without waiting or running it.
    var finishedValue: Value? { lock.withLock { value } }

    /// The value; computed on this thread if no pool thread has started on it yet.
    func wait() -> Value {
        runIfUnclaimed()
        if let value = lock.withLock({ value }) { return value }
        done.wait()
        done.signal()   // let any other waiter through too
        return lock.withLock { value! }
    }
}
