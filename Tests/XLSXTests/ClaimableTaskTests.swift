import Dispatch
import Testing
@testable import XLSX

@Suite struct ClaimableTaskTests {
    /// The waiter runs work that no pool thread has taken (here: never offered to the pool), instead
    /// of waiting for a pool thread that may not come.
    @Test func theWaiterRunsUnclaimedWork() {
        let task = ClaimableTask { 6 * 7 }
        #expect(task.wait() == 42)
        #expect(task.wait() == 42)
    }

    /// Work runs exactly once however many threads start and wait on it.
    @Test func workRunsOnce() {
        let counter = Lock()
        nonisolated(unsafe) var runs = 0
        let tasks = (0..<200).map { i in
            ClaimableTask { counter.withLock { runs += 1 }; return i }
        }
        tasks.forEach { $0.start() }
        DispatchQueue.concurrentPerform(iterations: tasks.count) { i in
            #expect(tasks[i].wait() == i)
            #expect(tasks[(i + 1) % tasks.count].wait() == (i + 1) % tasks.count)
        }
        #expect(counter.withLock { runs } == tasks.count)
    }

    @Test func aFinishedTaskReturnsItsValue() {
        #expect(ClaimableTask.finished("done").wait() == "done")
    }
}
