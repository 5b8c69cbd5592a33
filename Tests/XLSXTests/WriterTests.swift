import Foundation
import Testing
import Zip
@testable import XLSX

/// Reads one part of a written workbook back as text.
func part(_ bytes: [UInt8], _ path: String) throws -> String {
    let archive = try ZipArchive(bytes: bytes)
    let entry = try #require(archive.entry(path), "no part \(path)")
    return String(decoding: try archive.read(entry), as: UTF8.self)
}

@Suite struct WriterTests {
    func sample(date1904: Bool = false) -> WorkbookWriter {
        var workbook = WorkbookWriter(date1904: date1904)
        var sheet = WorksheetWriter(name: "隐患")
        sheet.frozenRows = 1
        sheet.columnWidths = [1: 30.5, 0: 12]
        sheet.append([.text("编号", bold: true), .text("日期", bold: true)])
        sheet.append([.number(1), .date(year: 2020, month: 3, day: 19)])
        sheet.append([.text("编号"), .number(2.5, format: "0.00"), .number(7, format: "#,##0")])
        sheet.merge("A5:C5")
        workbook.add(sheet)
        return workbook
    }

    @Test func identicalInputGivesIdenticalBytes() {
        #expect(sample().bytes() == sample().bytes())
    }

    @Test func partsArePresentAndListedInContentTypes() throws {
        var workbook = sample()
        workbook.includesTheme = true
        let bytes = workbook.bytes()
        let archive = try ZipArchive(bytes: bytes)
        let paths = archive.entries.map(\.path)
        #expect(paths == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "xl/workbook.xml",
                          "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/theme/theme1.xml", "xl/sharedStrings.xml",
                          "xl/worksheets/sheet1.xml"])
        let types = try part(bytes, "[Content_Types].xml")
        #expect(types.contains("PartName=\"/xl/worksheets/sheet1.xml\""))
        #expect(types.contains("PartName=\"/xl/sharedStrings.xml\""))
        #expect(types.contains("PartName=\"/xl/theme/theme1.xml\""))
        // Excel writes a theme into every workbook; the schema checks require its relationship.
        #expect(try part(bytes, "xl/_rels/workbook.xml.rels").contains("relationships/theme\" Target=\"theme/theme1.xml\""))
        // Without it (the generator's imitated exports) no theme is written.
        #expect(!(try ZipArchive(bytes: sample().bytes())).entries.contains { $0.path.contains("theme") })
    }

    @Test func sharedStringsAreDeduplicatedInFirstUseOrder() throws {
        let strings = try part(sample().bytes(), "xl/sharedStrings.xml")
        #expect(strings.contains("count=\"3\" uniqueCount=\"2\""))
        #expect(strings.contains("<si><t>编号</t></si><si><t>日期</t></si></sst>"))
        let sheet = try part(sample().bytes(), "xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<c r=\"A3\" t=\"s\"><v>0</v></c>"))
    }

    @Test func sheetHasDimensionPaneColumnsAndMerges() throws {
        let sheet = try part(sample().bytes(), "xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<dimension ref=\"A1:C3\"/>"))
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<cols><col min=\"1\" max=\"1\" width=\"12\" customWidth=\"1\"/><col min=\"2\" max=\"2\" width=\"30.5\" customWidth=\"1\"/></cols>"))
        #expect(sheet.contains("<mergeCells count=\"1\"><mergeCell ref=\"A5:C5\"/></mergeCells>"))
    }

    @Test func numberFormatsUseBuiltInIDsOrCustomFrom164() throws {
        let styles = try part(sample().bytes(), "xl/styles.xml")
        // yyyy-mm-dd is not built in → 164; 0.00 is built-in 2, #,##0 built-in 3.
        #expect(styles.contains("<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"))
        #expect(styles.contains("<xf numFmtId=\"2\" "))
        #expect(styles.contains("<xf numFmtId=\"3\" "))
        #expect(styles.contains("<font><b/>"))
    }

    @Test func datesAreSerialsInBothSystems() throws {
        // 2020-03-19 is serial 43909 in the 1900 system (as Excel shows with General format), 42447 in 1904.
        let sheet1900 = try part(sample().bytes(), "xl/worksheets/sheet1.xml")
        #expect(sheet1900.contains("<v>43909</v>"))
        let sheet1904 = try part(sample(date1904: true).bytes(), "xl/worksheets/sheet1.xml")
        #expect(sheet1904.contains("<v>42447</v>"))
        #expect(try part(sample(date1904: true).bytes(), "xl/workbook.xml").contains("<workbookPr date1904=\"1\"/>"))
    }

    @Test func earlyDatesAccountForTheFictitious1900LeapDay() throws {
        var workbook = WorkbookWriter()
        var sheet = WorksheetWriter(name: "s")
        sheet.append([.date(year: 1900, month: 1, day: 1), .date(year: 1900, month: 2, day: 28), .date(year: 1900, month: 3, day: 1),
                      .dateTime(year: 2020, month: 1, day: 1, hour: 12, minute: 0, second: 0)])
        workbook.add(sheet)
        let xml = try part(workbook.bytes(), "xl/worksheets/sheet1.xml")
        #expect(xml.contains("<v>1</v>") && xml.contains("<v>59</v>") && xml.contains("<v>61</v>") && xml.contains("<v>43831.5</v>"))
    }

    @Test func formulasKeepTheirCachedValue() throws {
        var workbook = WorkbookWriter()
        var sheet = WorksheetWriter(name: "s")
        sheet.append([.number(2), .formula("=A1*3", cached: 6), .formula("B1/0", cached: .nan)])
        workbook.add(sheet)
        let xml = try part(workbook.bytes(), "xl/worksheets/sheet1.xml")
        #expect(xml.contains("<c r=\"B1\"><f>A1*3</f><v>6</v></c>"))
        #expect(xml.contains("<c r=\"C1\"><f>B1/0</f></c>"))
    }

    @Test func inlineStringsWithoutReferencesKeepGaps() throws {
        var workbook = WorkbookWriter()
        var sheet = WorksheetWriter(name: "s")
        sheet.inlineStrings = true
        sheet.omitCellReferences = true
        sheet.append([.text("a"), .empty, .text(" b ")])
        sheet.append([])
        sheet.append([.bool(false)])
        workbook.add(sheet)
        let bytes = workbook.bytes()
        let xml = try part(bytes, "xl/worksheets/sheet1.xml")
        #expect(xml.contains("<sheetData><row><c t=\"inlineStr\"><is><t>a</t></is></c><c/><c t=\"inlineStr\"><is><t xml:space=\"preserve\"> b </t></is></c></row><row/><row><c t=\"b\"><v>0</v></c></row></sheetData>"))
        #expect(try ZipArchive(bytes: bytes).entry("xl/sharedStrings.xml") == nil)
    }

    @Test func hiddenSheetsAndActiveTab() throws {
        var workbook = WorkbookWriter()
        var hidden = WorksheetWriter(name: "h")
        hidden.hidden = true
        workbook.add(hidden)
        workbook.add(WorksheetWriter(name: "v"))
        let xml = try part(workbook.bytes(), "xl/workbook.xml")
        #expect(xml.contains("<workbookView activeTab=\"1\"/>"))
        #expect(xml.contains("<sheet name=\"h\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/>"))
        #expect(try part(workbook.bytes(), "xl/worksheets/sheet2.xml").contains("tabSelected=\"1\""))
    }

    @Test func textIsEscapedIncludingCharactersXMLForbids() {
        #expect(XMLText.escaped("a&b<c>\"d\"", .cellText) == "a&amp;b&lt;c&gt;\"d\"")
        #expect(XMLText.escaped("a\"b\tc\nd", .attribute) == "a&quot;b&#9;c&#10;d")
        #expect(XMLText.escaped("x\u{1}y\u{1F}z\r", .cellText) == "x_x0001_y_x001F_z&#13;")
        #expect(XMLText.escaped("x\u{1}y\u{FFFF}", .element) == "xy")
        #expect(XMLText.escaped("_x0041_ and _x41_", .cellText) == "_x005F_x0041_ and _x41_")
        #expect(XMLText.escaped("中文\u{FFFE}", .cellText) == "中文_xFFFE_")
    }

    @Test func sheetNamesAreMadeAcceptableToExcel() {
        let names = WorkbookWriter.sheetNames(["a/b", "A/B", "", String(repeating: "长", count: 40), "x"])
        #expect(names == ["a_b", "A_B (2)", "Sheet3", String(repeating: "长", count: 31), "x"])
    }
}
