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
        try OutputFolder.checkReplaceable(destination)
        staging = root.appendingPathComponent(".\(name).staging-\(getpid())", isDirectory: true)
        OutputFolder.removeLeftovers(in: root, name: name)
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(at: staging) }
    }

    /// Writes `bytes` at `relativePath` (subfolders created as needed) inside the staging folder.
    /// A path that would leave it (absolute, `..`, an empty or `.` component) is refused: nothing
    /// a run writes lands outside `OUT/<period>/`, whatever names the data holds.
    public func write(_ bytes: [UInt8], to relativePath: String) throws {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.hasPrefix("/"), components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") }) else {
            throw OutputFolderError(message: "拒绝写入输出文件夹之外的路径「\(relativePath)」")
        }
        let url = staging.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func write(_ text: String, to relativePath: String) throws {
        try write(Array(text.utf8), to: relativePath)
    }

    /// Replaces the destination with the staged outputs in one step: on Linux the two folders are
    /// exchanged by a single `renameat2(RENAME_EXCHANGE)`, so at every instant the destination holds
    /// either the whole previous outputs or the whole new ones; the old copy is removed afterwards.
    /// Where exchange is not available: old → `.old`, staged → destination (a crash between the two
    /// leaves the previous outputs under the `.old` name, never a mix).
    public func commit() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: destination.path) {
            #if os(Linux)
            if OutputFolder.exchange(staging.path, destination.path) {
                committed = true
                try? fm.removeItem(at: staging)     // now the previous outputs
                return
            }
            #endif
        }
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

    /// The destination may be replaced only when it is absent, an empty folder, or a folder of
    /// outputs (it holds manifest.json, which every run writes). A user's file or folder of the same
    /// name — `Outputs/2025` as a spreadsheet, or a folder of their own documents — is refused
    /// instead of being swapped out and deleted without a word.
    static func checkReplaceable(_ destination: URL) throws {
        var info = stat()
        guard lstat(destination.path, &info) == 0 else { return }    // absent
        let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        guard isDirectory else {
            throw OutputFolderError(message: "\(destination.path) 已存在，但不是文件夹（可能是您自己的文件），没有覆盖它；请移走它，或用 --out 指定另一个输出文件夹")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: destination.path)) ?? []
        if !names.isEmpty && !names.contains("manifest.json") {
            throw OutputFolderError(message: "\(destination.path) 已存在，但不是 safetystats 的输出（其中没有 manifest.json），没有覆盖它；请移走它，或用 --out 指定另一个输出文件夹")
        }
    }

    /// Staging and old folders left by runs that were killed (their process is gone).
    static func removeLeftovers(in root: URL, name: String) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: root.path) else { return }
        for entry in names {
            for marker in [".\(name).staging-", ".\(name).old-"] where entry.hasPrefix(marker) {
                guard let pid = Int32(entry.dropFirst(marker.count)), pid != getpid() else { continue }
                if kill(pid, 0) != 0 && errno == ESRCH { try? fm.removeItem(at: root.appendingPathComponent(entry)) }
            }
        }
    }

    #if os(Linux)
    /// Atomically swaps two paths (Linux ≥ 3.15; false when the file system does not support it).
    private static func exchange(_ a: String, _ b: String) -> Bool {
        renameExchange(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0
    }
    #endif
}

#if os(Linux)
@_silgen_name("renameat2")
private func renameExchange(_ olddirfd: Int32, _ oldpath: UnsafePointer<CChar>, _ newdirfd: Int32,
                            _ newpath: UnsafePointer<CChar>, _ flags: UInt32) -> Int32
#endif
