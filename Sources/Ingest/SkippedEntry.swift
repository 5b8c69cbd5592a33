/// An entry of the inputs folder that was not read because it is not a regular file inside the
/// folder (a FIFO, a device, a socket, a broken link, a link leading outside the folder or back into
/// a folder already read), or is a second name of a file already read. Reported, never opened.
public struct SkippedEntry: Sendable, Equatable {
    /// Relative to the inputs folder, `/`-separated.
    public let path: String
    /// Why, in Chinese with English after, as `check` prints it.
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
