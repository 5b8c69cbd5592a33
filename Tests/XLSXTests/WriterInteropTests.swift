import Foundation
import Testing
@testable import XLSX

/// The writer's workbooks must open in other readers: openpyxl loads them and python-calamine/openpyxl
/// read the values we meant (expected CSV written by hand below), and our reader agrees.
/// Runs where python3 has openpyxl and python-calamine (`pip install openpyxl python-calamine`).
@Suite struct WriterInteropTests {
    static let pythonReaders: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import openpyxl, python_calamine"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }()

    static func sampleWorkbook() -> WorkbookWriter {
        var workbook = WorkbookWriter()
        var sheet = WorksheetWriter(name: "统计表")
        sheet.frozenRows = 2
        sheet.columnWidths = [0: 14, 1: 40]
        sheet.append([.text("2020年度隐患排查治理统计表", bold: true)])
        sheet.merge("A1:E1")
        sheet.append([.text("区县", bold: true), .text("说明", bold: true), .text("日期", bold: true), .text("金额", bold: true), .text("公式", bold: true)])
        sheet.append([.text("金坛区"), .text("a,b \"q\" & <x>\n第二行"), .date(year: 2020, month: 3, day: 19), .number(1234.5, format: "#,##0.00"), .formula("=D3*2", cached: 2469)])
        sheet.append([])
        sheet.append([.text("溧阳市"), .text("ctl\u{1}x _x0041_"), .dateTime(year: 2021, month: 12, day: 31, hour: 13, minute: 5, second: 9), .literal("12.50"), .bool(true)])
        sheet.append([.text("合计"), .empty, .number(0.5, format: "h:mm:ss"), .number(1e-5), .number(0.1)])
        workbook.add(sheet)
        var hidden = WorksheetWriter(name: "数据/原始")
        hidden.hidden = true
        hidden.inlineStrings = true
        hidden.omitCellReferences = true
        hidden.append([.text("a"), .empty, .text(" c ")])
        hidden.append([])
        hidden.append([.number(3), .date(year: 1900, month: 2, day: 28)])
        workbook.add(hidden)
        return workbook
    }

    static let expected = """
        == 统计表
        2020年度隐患排查治理统计表
        区县,说明,日期,金额,公式
        金坛区,"a,b ""q"" & <x>
        第二行",2020-03-19,1234.5,2469

        溧阳市,ctl\u{1}x _x0041_,2021-12-31T13:05:09,12.5,TRUE
        合计,,12:00:00,1e-05,0.1
        == 数据_原始
        a,, c 

        3,1900-02-28

        """

    @Test(.enabled(if: WriterInteropTests.pythonReaders))
    func otherReadersReadWhatWeWrote() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(WriterInteropTests.sampleWorkbook().bytes()).write(to: url)

        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", FixtureTests.fixtureFolder.appendingPathComponent("make_fixtures.py").path, "--inspect", url.path]
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == WriterInteropTests.expected)
    }

    @Test func ourReaderReadsWhatWeWrote() throws {
        let workbook = try Workbook(bytes: WriterInteropTests.sampleWorkbook().bytes(), name: "统计表.xlsx")
        var text = ""
        for sheet in workbook.sheets {
            text += "== \(sheet.name)\n"
            try SheetInspector.write(workbook, sheet) { text += $0 }
        }
        #expect(text == WriterInteropTests.expected)
        #expect(workbook.sheets.map(\.visibility) == [.visible, .hidden])
        #expect(try workbook.mergedRanges(workbook.sheets[0]) == [CellRange("A1:E1")!])
    }
}
