import Foundation
import Testing

/// QUALITY.md: a run that is killed leaves the previous outputs in place, never a mix of old and
/// new files. The real `safetystats` executable is killed at delays spread over a whole run; after
/// every kill the output folder must hold exactly the previous run's files or exactly the new run's.
@Suite(.serialized) struct KilledRunTests {
    /// The executable SwiftPM built next to this test bundle.
    static func executable() throws -> URL {
        let me = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var folder = me.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("safetystats")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "safetystats next to \(me.path)"])
    }

    /// Starts a run of the executable; returns its pid. Spawned and reaped with the POSIX calls:
    /// Foundation's Process could miss the exit of a child killed right after it started and wait
    /// for ever.
    static func start(_ binary: URL, inputs: URL, out: URL) throws -> pid_t {
        let arguments = [binary.path, "run", "--inputs", inputs.path, "--out", out.path,
                         "--templates", repositoryRoot.appendingPathComponent("Templates").path, "--allow-missing", "--quiet"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let status = posix_spawn(&pid, binary.path, &actions, nil, &argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        return pid
    }

    /// Waits for the child; its exit status, or -1 when a signal ended it.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }

    @Test func aKilledRunLeavesEitherTheOldOrTheNewOutputsWhole() throws {
        let binary = try Self.executable()
        let work = temporaryFolder("killed")
        defer { try? FileManager.default.removeItem(at: work) }
        let fm = FileManager.default
        // Two input sets with different figures: the sample, and the sample without one district's
        // 2025 files (which --allow-missing lets through).
        let inputsA = work.appendingPathComponent("a"), inputsB = work.appendingPathComponent("b")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        try fm.copyItem(at: repositoryRoot.appendingPathComponent("Inputs"), to: inputsA)
        try fm.copyItem(at: inputsA, to: inputsB)
        let district = try #require(try fm.contentsOfDirectory(atPath: inputsB.appendingPathComponent("2025").path).sorted().first)
        try fm.removeItem(at: inputsB.appendingPathComponent("2025").appendingPathComponent(district))

        // The complete outputs of each, and how long a whole run takes.
        var complete: [URL: [String: Data]] = [:]
        var period = ""
        var longest = 0.0
        for inputs in [inputsB, inputsA] {          // A last: the output folder starts with A's outputs
            let begin = Date()
            let pid = try Self.start(binary, inputs: inputs, out: work.appendingPathComponent("out"))
            #expect(Self.wait(pid) == 0)
            longest = max(longest, Date().timeIntervalSince(begin))
            period = try #require(try fm.contentsOfDirectory(atPath: work.appendingPathComponent("out").path).first { !$0.hasPrefix(".") })
            complete[inputs] = try snapshot(work.appendingPathComponent("out").appendingPathComponent(period))
        }
        #expect(complete[inputsA] != complete[inputsB])
        #expect(complete[inputsA]?.isEmpty == false)

        var current = inputsA
        var sawOld = false, sawNew = false
        for step in 0..<14 {
            let next = current == inputsA ? inputsB : inputsA
            let pid = try Self.start(binary, inputs: next, out: work.appendingPathComponent("out"))
            // From at once to twice a whole run: the later kills find the run finished.
            usleep(UInt32(longest * 2 * Double(step) / 13 * 1_000_000))
            kill(pid, SIGKILL)
            _ = Self.wait(pid)
            let now = try snapshot(work.appendingPathComponent("out").appendingPathComponent(period))
            if now == complete[current] {
                sawOld = true
            } else {
                #expect(now == complete[next], "after a kill at step \(step) the outputs are neither the old nor the new set")
                sawNew = true
                current = next
            }
        }
        // Kills early and late in the run: both outcomes happened, so the kills did land mid-run.
        #expect(sawOld && sawNew)

        // Staging folders of killed runs are cleared by the next run.
        #expect(Self.wait(try Self.start(binary, inputs: inputsA, out: work.appendingPathComponent("out"))) == 0)
        #expect(try fm.contentsOfDirectory(atPath: work.appendingPathComponent("out").path) == [period])
    }
}
