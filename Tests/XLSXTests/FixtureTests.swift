import Foundation
import Testing
@testable import XLSX

/// Every fixture made by make_fixtures.py (openpyxl, xlsxwriter, LibreOffice, hand-built packages)
/// read by our reader and printed in the inspect format must equal, sheet by sheet, the CSV that
/// python-calamine/openpyxl produced for it.
@Suite struct FixtureTests {
    static var fixtureFolder: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    static var workbooks: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtureFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".xlsx") }.sorted()
    }

    static func inspect(_ workbook: Workbook, _ sheet: SheetInfo) throws -> String {
        var text = ""
        try SheetInspector.write(workbook, sheet) { text += $0 }
        return text
    }

    @Test func fixturesArePresent() {
        #expect(FixtureTests.workbooks.count >= 9)
    }

    @Test(arguments: FixtureTests.workbooks)
    func matchesIndependentReader(_ name: String) throws {
        let path = FixtureTests.fixtureFolder.appendingPathComponent(name).path
        let workbook = try Workbook(path: path)
        #expect(!workbook.sheets.isEmpty)
        for sheet in workbook.sheets {
            let expectedPath = FixtureTests.fixtureFolder.appendingPathComponent("\(name.dropLast(5)).\(sheet.index).expected.csv").path
            let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
            let actual = try FixtureTests.inspect(workbook, sheet)
            #expect(actual == expected, "\(name) sheet \(sheet.index) \(sheet.name)")
        }
    }

    /// The same comparison with sheets cut into tiny chunks, so that the parallel path (cut at `<row`,
    /// wrapped in the sheet's prologue, parsed per chunk, merged in order) meets every fixture too.
    @Test(arguments: FixtureTests.workbooks, [16, 100, 1000])
    func chunkedReadingMatches(_ name: String, chunkBytes: Int) throws {
        let path = FixtureTests.fixtureFolder.appendingPathComponent(name).path
        let workbook = try Workbook(path: path)
        workbook.parallelChunkBytes = chunkBytes
        for sheet in workbook.sheets {
            let expectedPath = FixtureTests.fixtureFolder.appendingPathComponent("\(name.dropLast(5)).\(sheet.index).expected.csv").path
            let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
            #expect(try FixtureTests.inspect(workbook, sheet) == expected, "\(name) sheet \(sheet.index) chunks of \(chunkBytes)")
        }
    }

    func open(_ name: String) throws -> Workbook {
        try Workbook(path: FixtureTests.fixtureFolder.appendingPathComponent(name).path)
    }

    @Test func sheetNamesOrderAndVisibility() throws {
        let workbook = try open("openpyxl_types.xlsx")
        #expect(workbook.sheets.map(\.name) == ["类型", "日期", "合并", "空表", "仅表头", "隐藏", "深隐藏"])
        #expect(workbook.sheets.map(\.visibility) == [.visible, .visible, .visible, .visible, .visible, .hidden, .veryHidden])
        #expect(workbook.sheet(named: "合并")?.index == 3)
        #expect(workbook.sheet(at: 7)?.name == "深隐藏")
        #expect(workbook.sheet(at: 8) == nil)
        #expect(!workbook.date1904)
    }

    @Test func unusualPartPathsAndDate1904() throws {
        let workbook = try open("hand_unusual_paths.xlsx")
        #expect(workbook.date1904)
        #expect(workbook.sheets.map(\.partPath) == ["data/Sheet One.xml", "sheets/two.xml", "sheets/two.xml"])
        #expect(workbook.sheets.map(\.visibility) == [.visible, .hidden, .veryHidden])
        #expect(try workbook.mergedRanges(workbook.sheets[1]) == [CellRange("A1:B1")!])
    }

    @Test func mergedRangesAreExposed() throws {
        let workbook = try open("openpyxl_types.xlsx")
        let merged = try workbook.mergedRanges(try #require(workbook.sheet(named: "合并")))
        #expect(Set(merged) == Set(["A1:F1", "C3:D3", "A3:A4"].compactMap(CellRange.init)))
    }

    @Test func cellValuesAndTypes() throws {
        let workbook = try open("xlsxwriter_mix.xlsx")
        var rows: [Int: SheetRow] = [:]
        try workbook.readRows(workbook.sheets[0]) { rows[$0.number] = $0 }
        #expect(rows[2]?[1] == .date(ExcelDate(serial: 43909, kind: .date)))
        #expect(rows[4]?[3] == .number(1))               // formula, cached value
        #expect(rows[4]?[5] == .string("共2起"))          // formula with a string result
        #expect(rows[5]?[0] == .error("#DIV/0!"))
        #expect(rows[5]?[2] == .bool(true))
        #expect(rows[2]?[5] == .string("部分红色文字"))    // rich text runs
        #expect(rows[3].map { InspectFormat.render($0[1]) } == "2020-11-02T14:30:00")
    }

    @Test func rowsAndCellsWithoutReferences() throws {
        let workbook = try open("hand_inline_no_refs.xlsx")
        var numbers: [Int] = []
        var columns: [[Int]] = []
        try workbook.readRows(workbook.sheets[0]) { row in
            numbers.append(row.number)
            columns.append(row.cells.map(\.column))
        }
        #expect(numbers == [1, 2, 4, 5, 9, 10])
        #expect(columns == [[0, 1, 2], [0, 1, 2], [1, 2], [0, 1], [2, 3], [0]])
    }
}
