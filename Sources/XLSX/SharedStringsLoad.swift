/// The shared-string table, read on a pool thread (or by the first thread that needs it).
final class SharedStringsLoad: Sendable {
    private let task: ClaimableTask<Result<SharedStringTable, any Error>>

    /// Starts reading with `load`.
    init(_ load: @escaping () -> Result<SharedStringTable, any Error>) {
        task = ClaimableTask(load)
        task.start()
    }

    /// A workbook without shared strings.
    init(strings: [String]) {
        task = .finished(.success(SharedStringTable(strings)))
    }

    /// The table if it is read (or could not be), without waiting.
    var ifLoaded: SharedStringTable? { task.finishedValue.flatMap { try? $0.get() } }

    /// The table; later calls return at once.
    func wait() throws -> SharedStringTable {
        try task.wait().get()
    }
}
