/// Owns a document's UTF-8 text: the array read from the file or given (parsed in place, without a
/// copy, when it is already UTF-8), or the array it was decoded into.
///
/// Files used to be mapped (the page cache mapped costs ≈ 0.02 s for 190 MB where read(2) into a
/// fresh buffer costs ≈ 0.2 s), but a mapped file that shrinks while it is parsed raises SIGBUS,
/// which no reader can turn into an error message; so every file is read.
final class TextStorage: @unchecked Sendable {
    private let array: [UInt8]
    private let start: Int

    init(array: [UInt8], start: Int = 0) {
        self.array = array
        self.start = start
    }

    /// How much of the text has been given back (`release(before:)`).
    private var released = 0

    /// Runs `body` with the text (immutable for the storage's lifetime).
    func withText<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try array.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start...])) }
    }

    /// Gives back the pages of the text before `offset` (from one thread, in increasing offsets).
    func release(before offset: Int) {
        guard offset > released else { return }
        withText { text in
            if let base = text.baseAddress { MemoryPages.release(base, released..<min(offset, text.count)) }
        }
        released = offset
    }
}
