import Foundation

/// Progress on stderr: a rewritten line when stderr is a terminal, nothing otherwise (unless
/// --verbose, which writes each message on its own line); --quiet silences it.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let verbose: Bool
    private let lock = NSLock()
    private var shown = false

    init(quiet: Bool, verbose: Bool) {
        self.verbose = verbose && !quiet
        enabled = !quiet && isatty(STDERR_FILENO) != 0
    }

    func show(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        let text = TerminalText.escaped(message)
        if verbose {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        } else if enabled {
            // Cut to the terminal's width: a wrapped line would not be erased by the next one.
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + TerminalText.fitting(text, columns: Self.columns() - 1)).utf8))
            shown = true
        }
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if shown && !verbose {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            shown = false
        }
    }

    /// The width of the terminal on stderr (80 when it cannot be asked).
    static func columns() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
