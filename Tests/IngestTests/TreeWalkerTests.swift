import Foundation
import Testing
@testable import Ingest

/// The inputs folder as an unlucky user or an attacker lays it out: links back to `.` and to a
/// parent, links to /dev/zero and /dev/urandom named like exports, a FIFO named like an export, a
/// broken link, a link outside the folder, a second name for an export. Only regular files inside
/// the folder are read, each once; everything else is reported with its reason and never opened —
/// the run ends (a FIFO opened for reading would block for ever, /dev/zero would never end).
@Suite struct TreeWalkerTests {
    @Test func onlyRegularFilesInsideTheFolderAreReadOnce() throws {
        let inputs = try InputsFolder()
        try inputs.write("config.toml", text: IngestRunTests().config)
        let book = IngestRunTests().districtWorkbook()
        try inputs.write("2020/东城区/事故.xlsx", book)
        let root = inputs.path
        let files = FileManager.default
        try files.createSymbolicLink(atPath: root + "/loop", withDestinationPath: ".")
        try files.createSymbolicLink(atPath: root + "/2020/back", withDestinationPath: "..")
        try files.createSymbolicLink(atPath: root + "/zero.csv", withDestinationPath: "/dev/zero")
        try files.createSymbolicLink(atPath: root + "/random.xlsx", withDestinationPath: "/dev/urandom")
        try files.createSymbolicLink(atPath: root + "/broken.csv", withDestinationPath: root + "/nothing.csv")
        try files.createSymbolicLink(atPath: root + "/2020/别名.xlsx", withDestinationPath: "东城区/事故.xlsx")
        try files.createSymbolicLink(atPath: root + "/outside", withDestinationPath: NSTemporaryDirectory())
        #expect(mkfifo(root + "/管道.csv", 0o600) == 0)
        #expect(mkfifo(root + "/2020/东城区/管道.xlsx", 0o600) == 0)

        let result = try Ingest.run(inputs: root)
        // The workbook is read once, under the name that sorts first in UTF-8 (东 E4… before 别 E5…).
        #expect(result.files.map(\.path) == ["2020/东城区/事故.xlsx", "config.toml"])
        #expect(result.unreadableFiles == 0)
        #expect(result.files[0].sha256 == SHA256.hex(SHA256.hash(book)))
        #expect(result.read == 3)
        let skipped = Dictionary(uniqueKeysWithValues: result.skippedEntries.map { ($0.path, $0.reason) })
        #expect(skipped.keys.sorted() == ["2020/back", "2020/东城区/管道.xlsx", "2020/别名.xlsx", "broken.csv", "loop",
                                          "outside", "random.xlsx", "zero.csv", "管道.csv"].sorted())
        #expect(skipped["loop"]?.contains("循环") == true)
        #expect(skipped["2020/back"]?.contains("循环") == true)
        #expect(skipped["zero.csv"]?.contains("/dev/zero") == true)
        #expect(skipped["random.xlsx"]?.contains("之外") == true)
        #expect(skipped["管道.csv"]?.contains("FIFO") == true)
        #expect(skipped["broken.csv"]?.contains("不存在") == true)
        #expect(skipped["2020/别名.xlsx"]?.contains("2020/东城区/事故.xlsx") == true)
    }

    @Test func aDeviceReachedThroughAReaderIsRefusedNotRead() {
        // Readers refuse what is not a regular file themselves too (a name swapped after listing).
        #expect(InputFiles.read("/dev/zero") == nil)
        #expect(InputFiles.checksum("/dev/urandom") == nil)
    }

    /// A large file is read by every core at once (`readInPieces`): the bytes are the file's, in
    /// order, for sizes around the piece boundaries; a file that shrank reads as its remaining bytes.
    @Test func aLargeFileReadInPiecesIsTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for size in [InputFiles.parallelReadBytes - 1, InputFiles.parallelReadBytes, InputFiles.parallelReadBytes + 7] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 13) }
            let path = dir.appendingPathComponent("f\(size).csv").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(InputFiles.read(path) == bytes, "size \(size)")
        }
        // Fewer bytes than asked for: what there is, from the start, without a gap.
        let size = InputFiles.parallelReadBytes + Int.random(in: 0..<4096)
        let path = dir.appendingPathComponent("short.csv").path
        let bytes = [UInt8](repeating: 7, count: size / 2)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        defer { buffer.deallocate() }
        #expect(InputFiles.readInPieces(fd, into: buffer, size: size) == size / 2)
        #expect(Array(UnsafeBufferPointer(start: buffer, count: size / 2)) == bytes)
    }
}
