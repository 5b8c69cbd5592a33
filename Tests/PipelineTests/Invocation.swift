import Foundation
import Testing

/// One run of the real `safetystats` executable: its exit status and what it wrote.
struct Invocation {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the `safetystats` SwiftPM built next to this test bundle, as a user would: in `folder`
/// (the working directory), with stdout and stderr captured through files, or stderr on a pseudo-
/// terminal when `terminal` is set (so the tool sees a terminal there, as in an interactive shell).
func safetystats(_ arguments: [String], in folder: URL, terminal: Bool = false) throws -> Invocation {
    let binary = try KilledRunTests.executable()
    let fm = FileManager.default
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    let capture = temporaryFolder("capture")
    try fm.createDirectory(at: capture, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: capture) }
    let outPath = capture.appendingPathComponent("stdout").path
    let errPath = capture.appendingPathComponent("stderr").path

    var argv: [UnsafeMutablePointer<CChar>?] = ([binary.path] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addchdir_np(&actions, folder.path)
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var master: Int32 = -1
    if terminal {
        master = posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
            throw POSIXError(.ENOTTY)
        }
        posix_spawn_file_actions_addopen(&actions, 2, String(cString: name), O_RDWR | O_NOCTTY, 0)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    } else {
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }
    defer { if master >= 0 { close(master) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, binary.path, &actions, nil, &argv, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }

    // A terminal's buffer is small: keep reading it while the child runs, or it would block.
    var terminalBytes: [UInt8] = []
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while master >= 0 {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            terminalBytes += buffer[0..<n]
        }
    }
    var status: Int32 = 0
    while true {
        let done = waitpid(pid, &status, terminal ? WNOHANG : 0)
        if done == pid { break }
        if done < 0 && errno != EINTR { break }
        drain()
        if terminal { usleep(10_000) }
    }
    drain()
    let code = status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    let stdout = String(decoding: (fm.contents(atPath: outPath) ?? Data()), as: UTF8.self)
    let stderr = terminal ? String(decoding: terminalBytes, as: UTF8.self)
        : String(decoding: (fm.contents(atPath: errPath) ?? Data()), as: UTF8.self)
    return Invocation(status: code, stdout: stdout, stderr: stderr)
}

/// A copy of the shipped sample inputs in a fresh folder, to break in a test.
func sampleInputsCopy(_ name: String) throws -> URL {
    let folder = temporaryFolder(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Inputs"), to: folder.appendingPathComponent("Inputs"))
    return folder
}

// glibc functions the Glibc module does not export (they sit behind _GNU_SOURCE / _XOPEN_SOURCE).
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func posix_spawn_file_actions_addchdir_np(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>,
                                                  _ path: UnsafePointer<CChar>) -> Int32
@_silgen_name("posix_openpt") private func posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantpt(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockpt(_ fd: Int32) -> Int32
@_silgen_name("ptsname") private func ptsname(_ fd: Int32) -> UnsafeMutablePointer<CChar>?
