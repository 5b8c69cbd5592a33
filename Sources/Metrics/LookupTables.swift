/// Read-only tables of compiled conditions, measures and breakdowns (which codes match, which key a
/// code falls under), in memory this object owns; the pointers it hands out are valid while it
/// lives. The cube reads them for every record on every core. Held in arrays, each read retained
/// and released the array, and the two cores writing the same reference counts — in the cache line
/// that also holds the array's length — took more time than the counting itself.
final class LookupTables: @unchecked Sendable {
    // Written only while compiling, on one thread; read-only afterwards.
    private var blocks: [UnsafeMutableRawPointer] = []

    init() {}

    /// A copy of `values` this object keeps.
    func keep<T: BitwiseCopyable>(_ values: [T]) -> UnsafeBufferPointer<T> {
        let copy = UnsafeMutableBufferPointer<T>.allocate(capacity: max(values.count, 1))
        _ = copy.initialize(from: values)
        blocks.append(UnsafeMutableRawPointer(copy.baseAddress!))
        return UnsafeBufferPointer(start: copy.baseAddress, count: values.count)
    }

    deinit {
        for block in blocks { block.deallocate() }
    }
}
