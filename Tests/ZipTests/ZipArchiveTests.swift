import Foundation
import Testing
@testable import Zip

/// Reading archives written by Python's zipfile (see Fixtures/make_fixtures.py).
@Suite struct ZipArchiveTests {
    static let expected: [String: [UInt8]] = [
        "xl/workbook.xml": Array(("<workbook>" + String(repeating: "<sheet/>", count: 200) + "</workbook>").utf8),
        "中文/数据.txt": Array(String(repeating: "东城区,事故,3\n", count: 50).utf8),
        "empty.txt": [],
    ]

    static func fixture(_ name: String) -> String {
        Bundle.module.path(forResource: name, ofType: nil, inDirectory: "Fixtures")!
    }

    @Test(arguments: ["deflated.zip", "stored.zip", "descriptors.zip", "zip64.zip", "comment.zip"])
    func readsEveryPartOfPythonArchives(_ name: String) throws {
        let archive = try ZipArchive(path: Self.fixture(name))
        #expect(archive.entries.map(\.path) == ["xl/workbook.xml", "中文/数据.txt", "empty.txt"])
        for (path, content) in Self.expected {
            let entry = try #require(archive.entry(path))
            #expect(try archive.read(entry) == content, "\(name) \(path)")
        }
    }

    @Test func entryLookupToleratesLeadingSlashAndCase() throws {
        let archive = try ZipArchive(path: Self.fixture("deflated.zip"))
        #expect(archive.entry("/xl/workbook.xml")?.path == "xl/workbook.xml")
        #expect(archive.entry("XL/Workbook.xml")?.path == "xl/workbook.xml")
        #expect(archive.entry("xl/missing.xml") == nil)
    }

    /// Some writers store names with a leading "/"; such a part is found by its usual name too.
    /// (Found by the fuzz target: the entry could not be found by its own name.)
    @Test func storedLeadingSlashIsFoundEitherWay() throws {
        var writer = ZipWriter()
        writer.add(path: "/xl/workbook.xml", text: "<workbook/>")
        writer.add(path: "/xl/Styles.xml", text: "<styleSheet/>")
        let archive = try ZipArchive(bytes: writer.finish())
        #expect(archive.entry("/xl/workbook.xml")?.path == "/xl/workbook.xml")
        #expect(archive.entry("xl/workbook.xml")?.path == "/xl/workbook.xml")
        #expect(archive.entry("xl/styles.xml")?.path == "/xl/Styles.xml")
        #expect(archive.entry("/XL/STYLES.XML")?.path == "/xl/Styles.xml")
        #expect(archive.entry("workbook.xml") == nil)
    }

    /// .NET and PHP exporters store `xl\\workbook.xml`: backslashes are separators on either side.
    @Test func backslashNamesAreFoundByTheirUsualName() throws {
        var writer = ZipWriter()
        writer.add(path: "xl\\worksheets\\sheet1.xml", text: "<worksheet/>")
        writer.add(path: "\\XL\\Styles.xml", text: "<styleSheet/>")
        let archive = try ZipArchive(bytes: writer.finish())
        #expect(archive.entry("xl/worksheets/sheet1.xml")?.path == "xl\\worksheets\\sheet1.xml")
        #expect(archive.entry("/xl/worksheets/sheet1.xml")?.path == "xl\\worksheets\\sheet1.xml")
        #expect(archive.entry("xl\\worksheets\\sheet1.xml")?.path == "xl\\worksheets\\sheet1.xml")
        #expect(archive.entry("xl/styles.xml")?.path == "\\XL\\Styles.xml")
        #expect(ZipArchive.normalised("\\a\\b/c.xml") == "a/b/c.xml")
        #expect(archive.entry("worksheets/sheet1.xml") == nil)
    }

    @Test func streamDeliversTheSameBytesInChunks() throws {
        var writer = ZipWriter()
        let big = (0..<2_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
        writer.add(path: "big.bin", bytes: big)
        let archive = try ZipArchive(bytes: writer.finish())
        var chunks = 0
        var joined: [UInt8] = []
        try archive.stream(archive.entries[0]) { chunk in
            chunks += 1
            #expect(chunk.count <= 256 * 1024)
            joined.append(contentsOf: chunk)
        }
        #expect(chunks > 1)
        #expect(joined == big)
    }
}
