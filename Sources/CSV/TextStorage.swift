/// Owns a document's UTF-8 text: the file's bytes (parsed in place, without a copy, when they are
/// already UTF-8: a mapped file or the array given), or the array they were decoded into.
final class TextStorage: @unchecked Sendable {
    let bytes: FileBytes
    private let start: Int
    /// The mapped file a decoded text came from, asked whether it changed while it was decoded.
    private let mappedSource: FileBytes?

    init(bytes: FileBytes, start: Int = 0, decodedFrom source: FileBytes? = nil) {
        self.bytes = bytes
        self.start = start
        mappedSource = source?.isMapped == true ? source : nil
    }

    /// Whether the file the text is (or was decoded from) changed while it was read.
    var fileChanged: Bool { bytes.changedWhileRead || mappedSource?.changedWhileRead == true }

    /// How much of the text has been given back (`release(before:)`).
    private var released = 0

    /// Runs `body` with the text (immutable for the storage's lifetime).
    func withText<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start...])) }
    }

    /// Gives back the pages of the text before `offset` (from one thread, in increasing offsets).
    func release(before offset: Int) {
        guard offset > released else { return }
        let end = min(offset, bytes.count - start)
        if end > released { bytes.release((released + start)..<(end + start)) }
        released = offset
    }
}
