import Foundation

/// Writes one run's outputs so that a failed or killed run never leaves half-written files.
///
/// Everything is written into a hidden staging folder next to the destination; `commit()` then
/// swaps it into place with renames (same file system, so each rename is atomic). Until `commit()`
/// the previous outputs stay untouched.
public final class OutputFolder {
    public let destination: URL
    public let staging: URL
    private var committed = false

    /// - Parameters:
    ///   - parent: the output root (e.g. `Outputs/`).
    ///   - name: the period id (e.g. `2020` or `2022-01-11`).
    public init(parent: String, name: String) throws {
        let root = URL(fileURLWithPath: parent, isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        destination = root.appendingPathComponent(name, isDirectory: true)
        staging = root.appendingPathComponent(".\(name).staging-\(getpid())", isDirectory: true)
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(at: staging) }
    }

    /// Writes `bytes` at `relativePath` (subfolders created as needed) inside the staging folder.
    public func write(_ bytes: [UInt8], to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func write(_ text: String, to relativePath: String) throws {
        try write(Array(text.utf8), to: relativePath)
    }

    /// Replaces the destination with the staged outputs: old → `.old`, staged → destination,
    /// then the old copy is removed. A crash between the two renames leaves the previous outputs
    /// recoverable under the `.old` name, never a mix.
    public func commit() throws {
        let fm = FileManager.default
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(getpid())")
        var movedOld = false
        if fm.fileExists(atPath: destination.path) {
            try? fm.removeItem(at: old)
            try fm.moveItem(at: destination, to: old)
            movedOld = true
        }
        do {
            try fm.moveItem(at: staging, to: destination)
        } catch {
            if movedOld { try? fm.moveItem(at: old, to: destination) }
            throw error
        }
        committed = true
        if movedOld { try? fm.removeItem(at: old) }
    }
}
