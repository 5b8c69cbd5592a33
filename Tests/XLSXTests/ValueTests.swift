import Testing
@testable import XLSX

@Suite struct InspectFormatTests {
    @Test func integersUnderOneE15PrintWithoutFraction() {
        #expect(InspectFormat.render(.number(3)) == "3")
        #expect(InspectFormat.render(.number(-42)) == "-42")
        #expect(InspectFormat.render(.number(-0.0)) == "0")
        #expect(InspectFormat.render(.number(999_999_999_999_999)) == "999999999999999")
    }

    // Expected strings are Python's repr of the same doubles.
    @Test(arguments: [
        (0.1, "0.1"), (2.5, "2.5"), (1e-05, "1e-05"), (1e16, "1e+16"), (9.5e15, "9500000000000000.0"),
        (1e15, "1000000000000000.0"), (123456789.123, "123456789.123"), (-1e-07, "-1e-07"),
        (1.7976931348623157e308, "1.7976931348623157e+308"), (9007199254740993.0, "9007199254740992.0"),
    ])
    func otherNumbersPrintAsPythonRepr(_ value: Double, _ text: String) {
        #expect(InspectFormat.render(.number(value)) == text)
    }

    @Test func otherValues() {
        #expect(InspectFormat.render(.empty) == "")
        #expect(InspectFormat.render(.bool(true)) == "TRUE")
        #expect(InspectFormat.render(.bool(false)) == "FALSE")
        #expect(InspectFormat.render(.error("#DIV/0!")) == "#DIV/0!")
        #expect(InspectFormat.render(.string("a,b")) == "a,b")  // quoting belongs to the CSV line
    }

    @Test func datesTimesAndDateTimes() {
        // 43909 = 2020-03-19 (days since 1899-12-30); .75 = 18:00.
        #expect(InspectFormat.render(.date(ExcelDate(serial: 43909, kind: .date))) == "2020-03-19")
        #expect(InspectFormat.render(.date(ExcelDate(serial: 43909.75, kind: .date))) == "2020-03-19T18:00:00")
        #expect(InspectFormat.render(.date(ExcelDate(serial: 43909, kind: .dateTime))) == "2020-03-19")
        #expect(InspectFormat.render(.date(ExcelDate(serial: 43909.75, kind: .time))) == "18:00:00")
        // Rounded to the nearest second: 12:00:00.6 → 12:00:01; 23:59:59.7 → next day.
        #expect(InspectFormat.render(.date(ExcelDate(serial: 0.5 + 0.6 / 86_400, kind: .time))) == "12:00:01")
        #expect(InspectFormat.render(.date(ExcelDate(serial: 43909 + 86_399.7 / 86_400, kind: .dateTime))) == "2020-03-20")
        // Outside years 1–9999 the number is shown.
        #expect(InspectFormat.render(.date(ExcelDate(serial: 3e6, kind: .date))) == "3000000")
    }

    @Test func csvLinesQuoteOnlyWhenNeeded() {
        let row = SheetRow(number: 1, cells: [Cell(column: 1, value: .string("a,b")), Cell(column: 3, value: .string("say \"hi\"")),
                                              Cell(column: 4, value: .string("")), Cell(column: 6, value: .string("two\nlines"))])
        #expect(SheetInspector.line(row) == ",\"a,b\",,\"say \"\"hi\"\"\",,,\"two\nlines\"")
        #expect(SheetInspector.line(SheetRow(number: 2, cells: [Cell(column: 0, value: .string(""))])) == nil)
    }
}

@Suite struct DateSerialTests {
    @Test func storedValuesAreCorrectedForBothSystems() {
        // 1900 system: stored 1 = 1900-01-01 = 2 days after 1899-12-30; stored 61 = 1900-03-01.
        #expect(ExcelDate(stored: 1, date1904: false, kind: .date).serial == 2)
        #expect(ExcelDate(stored: 59, date1904: false, kind: .date).serial == 60)
        #expect(ExcelDate(stored: 61, date1904: false, kind: .date).serial == 61)
        #expect(ExcelDate(stored: 43909, date1904: false, kind: .date).serial == 43909)
        // 1904 system: stored 0 = 1904-01-01.
        #expect(ExcelDate(stored: 0, date1904: true, kind: .date).serial == 1462)
        #expect(InspectFormat.render(.date(ExcelDate(stored: 42447, date1904: true, kind: .date))) == "2020-03-19")
    }

    @Test func calendarArithmetic() {
        #expect(ExcelDate.serial(year: 2020, month: 3, day: 19) == 43909)
        #expect(ExcelDate.serial(year: 1899, month: 12, day: 30) == 0)
        #expect(ExcelDate.serial(year: 2000, month: 2, day: 29) == 36585)
        let parts = ExcelDate(serial: 36585.5, kind: .dateTime).components
        #expect(parts?.year == 2000 && parts?.month == 2 && parts?.day == 29 && parts?.hour == 12)
    }
}

@Suite struct NumberFormatTests {
    @Test(arguments: [14, 15, 16, 17, 27, 31, 36, 50, 57, 58])
    func builtinDates(_ id: Int) { #expect(NumberFormat.builtinDateKind(id) == .date) }

    @Test(arguments: [18, 19, 20, 21, 45, 47, 32, 33, 55, 56])
    func builtinTimes(_ id: Int) { #expect(NumberFormat.builtinDateKind(id) == .time) }

    @Test(arguments: [0, 1, 2, 3, 4, 9, 10, 11, 37, 44, 48, 49, 59, 164])
    func builtinNonDates(_ id: Int) { #expect(NumberFormat.builtinDateKind(id) == nil) }

    @Test func customCodes() {
        #expect(NumberFormat.builtinDateKind(22) == .dateTime)
        #expect(NumberFormat.dateKind(code: "yyyy-mm-dd") == .date)
        #expect(NumberFormat.dateKind(code: "yyyy\"年\"m\"月\"d\"日\"") == .date)
        #expect(NumberFormat.dateKind(code: "m月d日") == .date)
        #expect(NumberFormat.dateKind(code: "[$-804]yyyy-mm-dd hh:mm:ss") == .dateTime)
        #expect(NumberFormat.dateKind(code: "h:mm AM/PM") == .time)
        #expect(NumberFormat.dateKind(code: "mm:ss") == .time)
        #expect(NumberFormat.dateKind(code: "[h]:mm") == .elapsed)
        #expect(NumberFormat.dateKind(code: "[Red]yyyy\\-mm\\-dd;@") == .date)
        #expect(NumberFormat.dateKind(code: "mmmm") == .date)
        // Letters inside quotes, escapes, brackets and _x / *x spacing are not date codes.
        #expect(NumberFormat.dateKind(code: "#,##0.00 \"元\"") == nil)
        #expect(NumberFormat.dateKind(code: "0 \"days\"") == nil)
        #expect(NumberFormat.dateKind(code: "0\\d") == nil)
        #expect(NumberFormat.dateKind(code: "[Red]0.00;[Blue]-0.00") == nil)
        #expect(NumberFormat.dateKind(code: "#,##0_);(#,##0)") == nil)
        #expect(NumberFormat.dateKind(code: "0.0*s") == nil)
        #expect(NumberFormat.dateKind(code: "General") == nil)
        #expect(NumberFormat.dateKind(code: "0.00E+00") == nil)
        #expect(NumberFormat.dateKind(code: "@") == nil)
        // Only the first section counts.
        #expect(NumberFormat.dateKind(code: "0;yyyy") == nil)
    }
}

@Suite struct ReferenceAndPathTests {
    @Test func cellReferences() {
        #expect(CellReference("A1") == CellReference(row: 1, column: 0))
        #expect(CellReference("ab12") == CellReference(row: 12, column: 27))
        #expect(CellReference("$B$3") == CellReference(row: 3, column: 1))
        #expect(CellReference("XFD1048576") == CellReference(row: 1_048_576, column: 16_383))
        for bad in ["", "A", "1", "A0", "XFE1", "A1048577", "A1B", "ABCD1"] { #expect(CellReference(bad) == nil, "\(bad)") }
        #expect(CellReference(row: 12, column: 27).description == "AB12")
        #expect(CellReference.columnName(25) == "Z")
        #expect(CellReference.columnName(26) == "AA")
        #expect(CellReference.columnName(16_383) == "XFD")
        #expect(CellRange("H1:A1") == CellRange(first: CellReference(row: 1, column: 0), last: CellReference(row: 1, column: 7)))
        #expect(CellRange("B2")?.description == "B2")
        #expect(CellRange("A1:B")  == nil)
        #expect(CellRange("A1:C3")?.contains(CellReference(row: 2, column: 1)) == true)
    }

    @Test func relationshipTargets() {
        #expect(PartPath.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(PartPath.resolve("/xl/worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(PartPath.resolve("../sheets/two.xml", from: "book/workbook.xml") == "sheets/two.xml")
        #expect(PartPath.resolve("./a%20b.xml", from: "xl/workbook.xml") == "xl/a b.xml")
        #expect(PartPath.resolve("xl/workbook.xml", from: "") == "xl/workbook.xml")
        #expect(PartPath.relationships(of: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
        #expect(PartPath.relationships(of: "") == "_rels/.rels")
        // Backslashes are separators, in targets and in the source part, as in zip entry names.
        #expect(PartPath.resolve("worksheets\\sheet1.xml", from: "xl\\workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(PartPath.resolve("..\\media\\x.xml", from: "xl/worksheets/sheet1.xml") == "xl/media/x.xml")
        #expect(PartPath.relationships(of: "xl\\workbook.xml") == "xl/_rels/workbook.xml.rels")
    }

    @Test func escapedCharactersAreDecoded() {
        #expect(EscapedText.decode(Array("a_x000D__x000A_b".utf8)) == "a\r\nb")
        #expect(EscapedText.decode(Array("_x005F_x0041_".utf8)) == "_x0041_")
        #expect(EscapedText.decode(Array("_xD83D__xDE00_".utf8)) == "😀")
        #expect(EscapedText.decode(Array("_x41_ _xZZZZ_".utf8)) == "_x41_ _xZZZZ_")
    }

    @Test func rawNumbers() {
        func number(_ text: String) -> Double? { Array(text.utf8).withUnsafeBufferPointer { ValueText.number($0) } }
        #expect(number("12") == 12)
        #expect(number(" -3.5 ") == -3.5)
        #expect(number("1.2E-5") == 1.2e-5)
        // 18 digits: the nearest Double, as Excel and Python read it.
        #expect(number("123456789012345678") == Double("123456789012345678"))
        for bad in ["", "abc", "INF", "NaN", "0x1A", "1,5", "12.5万", "1e999"] { #expect(number(bad) == nil, "\(bad)") }
    }
}

@Suite struct TextWhitespaceTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// `<t>` text as Excel shows it: edge whitespace (space, tab, CR, LF) dropped unless
    /// `xml:space="preserve"`, in shared strings, rich-text runs and inline strings; inner line
    /// breaks and `_x0020_` escapes (decoded after the trim) stay. calamine's whitespace_trim.xlsx
    /// and minimal_package.xlsx (`        WOODLEY AV`) are such files.
    @Test func edgeWhitespaceIsDroppedUnlessPreserved() throws {
        let strings = "<sst xmlns=\"\(Self.main)\">"
            + "<si><t>  trimmed value  </t></si>"
            + "<si><t xml:space=\"preserve\">  kept  </t></si>"
            + "<si><r><t>\n\tone </t></r><r><t xml:space=\"preserve\"> two</t></r></si>"
            + "<si><t> \t\n</t></si>"
            + "<si><t>_x0020_escaped_x0020_</t></si>"
            + "</sst>"
        let cells = (0..<5).map { "<c r=\"\(["A", "B", "C", "D", "E"][$0])1\" t=\"s\"><v>\($0)</v></c>" }.joined()
        let inline = "<c r=\"A2\" t=\"inlineStr\"><is><t>  line1\nline2  </t></is></c>"
            + "<c r=\"B2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">  line1\nline2  </t></is></c>"
        let text = try readAll(package(sheet: sheetOpen + "<row r=\"1\">" + cells + "</row><row r=\"2\">" + inline + "</row>" + sheetClose,
                                       sharedStrings: strings))
        #expect(text == "trimmed value,  kept  ,one two,, escaped \n\"line1\nline2\",\"  line1\nline2  \"\n")
    }
}

@Suite struct EscapeCaseTests {
    /// XlsxWriter's shared_strings02.xlsx, saved by Excel, holds the text `_X0000_` as `<t>_X0000_</t>`
    /// and `_x0000_` as `_x005F_x0000_`: only a lower-case x escapes, and we write the same.
    @Test func onlyALowerCaseXEscapes() throws {
        let strings = "<sst xmlns=\"\(TextWhitespaceTests.main)\"><si><t>_X0000_</t></si><si><t>_x005F_x0000_</t></si><si><t>_x0041_</t></si></sst>"
        let cells = "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
        #expect(try readAll(package(sheet: sheetOpen + "<row r=\"1\">" + cells + "</row>" + sheetClose, sharedStrings: strings))
                == "_X0000_,_x0000_,A\n")
        #expect(XMLText.escaped("_X0000_", .cellText) == "_X0000_")
        #expect(XMLText.escaped("_x0000_", .cellText) == "_x005F_x0000_")
    }
}
