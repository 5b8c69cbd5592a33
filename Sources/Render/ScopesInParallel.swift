import Foundation

/// The documents of the scopes of a run, rendered on every core: each scope's context, template
/// rendering and writers are independent of the others', and a province has hundreds of scopes.
/// Results come back in scope order, and the first failure in that order is the one thrown, so
/// outputs and errors are the same as rendering one scope after another.
enum ScopesInParallel {
    static func map<T>(_ count: Int, _ body: (Int) throws(RenderError) -> T) throws(RenderError) -> [T] {
        if count <= 1 { return try (0..<count).map { i throws(RenderError) in try body(i) } }
        var results = [Result<T, RenderError>?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            // Each call writes its own slot; the buffer outlives the calls (concurrentPerform returns after all).
            withoutActuallyEscaping(body) { body in
                let shared = UncheckedShare((body, slots))
                DispatchQueue.concurrentPerform(iterations: count) { i in
                    let (body, slots) = shared.value
                    do throws(RenderError) { slots[i] = .success(try body(i)) } catch { slots[i] = .failure(error) }
                }
            }
        }
        return try results.map { result throws(RenderError) in try result!.get() }
    }
}

/// What `concurrentPerform`'s `@Sendable` closure may carry when the code keeps it race-free itself.
private struct UncheckedShare<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
