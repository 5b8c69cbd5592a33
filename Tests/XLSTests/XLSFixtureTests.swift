import Foundation
import Testing
import XLSX
@testable import XLS

/// Every fixture made by make_fixtures.py (xlwt, LibreOffice, and the .et/mini-stream repackagings),
/// read by our reader and printed in the inspect format, must equal sheet by sheet the CSV that
/// python-calamine and xlrd agreed on.
@Suite struct XLSFixtureTests {
    static var fixtureFolder: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    static var workbooks: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtureFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".xls") || $0.hasSuffix(".et") }.sorted()
    }

    static func path(_ name: String) -> String { fixtureFolder.appendingPathComponent(name).path }

    static func inspect(_ workbook: XLSWorkbook, _ sheet: SheetInfo) throws -> String {
        var text = ""
        try SheetInspector.write(workbook, sheet) { text += $0 }
        return text
    }

    @Test func fixturesArePresent() {
        #expect(XLSFixtureTests.workbooks.count >= 10)
        #expect(XLSFixtureTests.workbooks.contains { $0.hasSuffix(".et") })
    }

    @Test(arguments: XLSFixtureTests.workbooks)
    func matchesIndependentReaders(_ name: String) throws {
        let workbook = try XLSWorkbook(path: XLSFixtureTests.path(name))
        #expect(!workbook.sheets.isEmpty)
        let stem = name.split(separator: ".").dropLast().joined(separator: ".")
        for sheet in workbook.sheets {
            let expected = try String(contentsOfFile: XLSFixtureTests.path("\(stem).\(sheet.index).expected.csv"), encoding: .utf8)
            let actual = try XLSFixtureTests.inspect(workbook, sheet)
            #expect(actual == expected, "\(name) sheet \(sheet.index) \(sheet.name)")
        }
        // As many sheets as the readers found (no expected file is left over).
        #expect(!FileManager.default.fileExists(atPath: XLSFixtureTests.path("\(stem).\(workbook.sheets.count + 1).expected.csv")))
    }

    func open(_ name: String) throws -> XLSWorkbook { try XLSWorkbook(path: XLSFixtureTests.path(name)) }

    @Test func sheetNamesOrderAndVisibility() throws {
        let workbook = try open("xlwt_types.xls")
        #expect(workbook.sheets.map(\.name) == ["类型", "日期", "合并", "空表", "隐藏", "长文本"])
        #expect(workbook.sheets.map(\.visibility) == [.visible, .visible, .visible, .visible, .hidden, .visible])
        #expect(workbook.biffVersion == 8)
        #expect(!workbook.date1904)
        let libreoffice = try open("libreoffice_types.xls")
        #expect(libreoffice.sheets.map(\.visibility).last == .hidden || libreoffice.sheets.map(\.visibility).last == .veryHidden)
    }

    @Test func date1904IsReadFromDATEMODE() throws {
        #expect(try open("xlwt_1904.xls").date1904)
    }

    @Test func mergedRangesAreExposed() throws {
        let workbook = try open("xlwt_types.xls")
        let sheet = try #require(workbook.sheet(named: "合并"))
        let expected = Set(["A1:F1", "A3:A4", "C3:D3"].compactMap(CellRange.init))
        // Before reading rows (parsed for merges only) and after (kept from the read).
        #expect(Set(try workbook.mergedRanges(sheet)) == expected)
        try workbook.readRows(sheet) { _ in }
        #expect(Set(try workbook.mergedRanges(sheet)) == expected)
    }

    @Test func longSharedStringsCrossContinueRecords() throws {
        let workbook = try open("xlwt_types.xls")
        let sheet = try #require(workbook.sheet(named: "长文本"))
        var first: [CellValue] = []
        try workbook.readRows(sheet) { row in if row.number <= 2 { first.append(row[0]) } }
        #expect(first == [.string(String(repeating: "安全生产", count: 1500)), .string(String(repeating: "a", count: 9000) + "结束")])
    }

    @Test func etAndMiniStreamContainers() throws {
        let et = try open("wps_layout.et")
        let source = try open("libreoffice_sample_hazards.xls")
        #expect(et.sheets == source.sheets)
        #expect(try XLSFixtureTests.inspect(et, et.sheets[0]) == XLSFixtureTests.inspect(source, source.sheets[0]))
        let small = try open("xlwt_small_ministream.xls")
        #expect(try XLSFixtureTests.inspect(small, small.sheets[0]) == "区县,数量\n青峰县,7\n")
    }
}
