import Foundation

/// Independent pieces of work run on every core, results in index order — so what comes out does
/// not depend on which core finished first. Used where a run has many independent scopes (the
/// parts' figures, their documents).
public enum InParallel {
    public static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        if count <= 1 { return (0..<count).map(body) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            // Each call writes its own slot; concurrentPerform returns after every call has.
            withoutActuallyEscaping(body) { body in
                let shared = SharedForWork((body, slots))
                DispatchQueue.concurrentPerform(iterations: count) { i in
                    let (body, slots) = shared.value
                    slots[i] = body(i)
                }
            }
        }
        return results.map { $0! }
    }
}

/// What `concurrentPerform`'s `@Sendable` closure carries: code that writes disjoint slots only.
private struct SharedForWork<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
