import Foundation
import Testing
@testable import Zip

@Suite struct ZipWriterTests {
    func archive(_ build: (inout ZipWriter) -> Void) -> [UInt8] {
        var writer = ZipWriter()
        build(&writer)
        return writer.finish()
    }

    @Test func roundTripsStoredDeflatedEmptyAndChineseNames() throws {
        let text = String(repeating: "隐患排查治理,已整改;", count: 500)
        let bytes = archive {
            $0.add(path: "a.txt", text: text)
            $0.add(path: "目录/文件.xml", bytes: Array("<x/>".utf8), store: true)
            $0.add(path: "empty", bytes: [])
        }
        let zip = try ZipArchive(bytes: bytes)
        #expect(zip.entries.map(\.path) == ["a.txt", "目录/文件.xml", "empty"])
        #expect(zip.entries[0].method == 8)
        #expect(zip.entries[0].compressedSize < zip.entries[0].uncompressedSize)
        #expect(zip.entries[1].method == 0)
        #expect(try zip.read(zip.entries[0]) == Array(text.utf8))
        #expect(try zip.read(zip.entries[1]) == Array("<x/>".utf8))
        #expect(try zip.read(zip.entries[2]) == [])
    }

    @Test func outputIsDeterministic() {
        let a = archive { $0.add(path: "x", text: "同一内容"); $0.add(path: "y", text: "1") }
        let b = archive { $0.add(path: "x", text: "同一内容"); $0.add(path: "y", text: "1") }
        #expect(a == b)
    }

    @Test func pythonZipfileReadsWhatWeWrite() throws {
        let bytes = archive {
            $0.add(path: "中文.txt", text: String(repeating: "事故", count: 100))
            $0.add(path: "s.bin", bytes: [1, 2, 3], store: true)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zipwriter-\(getpid()).zip")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let script = """
        import sys, zipfile
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None
        assert z.read('中文.txt').decode() == '事故' * 100
        assert z.read('s.bin') == bytes([1, 2, 3])
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist())
        print('ok')
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return }   // no python3: the round-trip tests above still hold
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("ok"))
    }
}
