import Foundation

/// Progress on stderr: a rewritten line when stderr is a terminal, nothing otherwise (unless --verbose).
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
        if verbose {
            FileHandle.standardError.write(Data((message + "\n").utf8))
        } else if enabled {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + message).utf8))
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
}
