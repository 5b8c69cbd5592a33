import Testing
@testable import XLSX

/// The parallel path: sheets cut into tiny chunks so that every case below crosses chunk boundaries.
@Suite struct ChunkedReadingTests {
    func rows(_ numbers: ClosedRange<Int>) -> String {
        numbers.map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c><c r=\"B\($0)\" t=\"inlineStr\"><is><t>行\($0)</t></is></c></row>" }.joined()
    }

    func rows(_ count: Int) -> String { rows(1...count) }

    func expected(_ numbers: ClosedRange<Int>) -> String {
        numbers.map { "\($0),行\($0)\n" }.joined()
    }

    func expected(_ count: Int) -> String { expected(1...count) }

    func read(_ sheet: String, chunk: Int = 64) throws -> String {
        let workbook = try Workbook(bytes: package(sheet: sheet), name: "分块.xlsx")
        workbook.parallelChunkBytes = chunk
        var text = ""
        try SheetInspector.write(workbook, workbook.sheets[0]) { text += $0 }
        return text
    }

    @Test func rowsArriveInOrderAcrossManyChunks() throws {
        #expect(try read(sheetOpen + rows(500) + sheetClose) == expected(500))
    }

    @Test func prefixedNamespaceAndProloguePartsAreCarriedIntoEveryChunk() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let body = (1...200).map { "<x:row r=\"\($0)\"><x:c r=\"A\($0)\"><x:v>\($0)</x:v></x:c></x:row>" }.joined()
        let sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<x:worksheet xmlns:x=\"\(main)\"><x:sheetViews><x:sheetView/></x:sheetViews>"
            + "<x:cols><x:col min=\"1\" max=\"1\" width=\"9\"/></x:cols><x:sheetData>" + body + "</x:sheetData>"
            + "<x:mergeCells count=\"1\"><x:mergeCell ref=\"A1:B1\"/></x:mergeCells></x:worksheet>"
        #expect(try read(sheet) == (1...200).map { "\($0)\n" }.joined())
    }

    @Test func rowsWithoutNumbersContinueAcrossChunks() throws {
        let body = (1...300).map { "<row><c><v>\($0)</v></c></row>" }.joined()
        #expect(try read(sheetOpen + body + sheetClose) == (1...300).map { "\($0)\n" }.joined())
    }

    @Test func commentsAndCDATAAmongRowsFallBackSafely() throws {
        // "<row " inside a comment or CDATA section must not be taken for a row boundary.
        let body = rows(100) + "<!-- <row r=\"999\"> -->" + "<row r=\"101\"><c r=\"A101\" t=\"inlineStr\"><is><t><![CDATA[<row r=\"5\"> & more]]></t></is></c></row>"
            + rows(102...300)
        let text = try read(sheetOpen + body + sheetClose)
        #expect(text == expected(100) + "\"<row r=\"\"5\"\"> & more\"\n" + expected(102...300))
    }

    /// A comment in the last piece (after the last row boundary) sends the rest to the sequential
    /// parser at the very end: its rows are delivered and its errors reported (found by fuzzing:
    /// rows were silently dropped).
    @Test func aCommentInTheLastPieceIsReadToo() throws {
        #expect(try read(sheetOpen + rows(3) + "<!-- 备注 -->" + sheetClose, chunk: 16) == expected(3))
        let broken = sheetOpen + rows(3) + "<!-- \u{7} -->" + sheetClose
        guard case .malformedXML = xlsxError({ _ = try read(broken, chunk: 16) })?.kind else {
            Issue.record("a control character in a comment must be malformed XML on the chunked path as on the whole one")
            return
        }
    }

    /// Shared strings are made into text on the parsing threads; an index past the table is still
    /// reported, naming its cell.
    @Test func sharedStringsAcrossChunks() throws {
        let strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + (0..<50).map { "<si><t>隐患\($0)</t></si>" }.joined() + "</sst>"
        func sheet(_ index: (Int) -> Int) -> String {
            sheetOpen + (1...300).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"s\"><v>\(index($0))</v></c></row>" }.joined() + sheetClose
        }
        func read(_ sheet: String) throws -> String {
            let workbook = try Workbook(bytes: package(sheet: sheet, sharedStrings: strings), name: "分块.xlsx")
            workbook.parallelChunkBytes = 64
            var text = ""
            try SheetInspector.write(workbook, workbook.sheets[0]) { text += $0 }
            return text
        }
        #expect(try read(sheet { $0 % 50 }) == (1...300).map { "隐患\($0 % 50)\n" }.joined())
        let error = xlsxError { _ = try read(sheet { $0 == 250 ? 50 : $0 % 50 }) }
        #expect(error?.cell == "A250")
    }

    @Test func malformedRowDeepInsideIsReportedWithPartAndSheet() {
        let sheet = sheetOpen + rows(200) + "<row r=\"201\"><c r=\"A201\"><v>1</v></row>" + rows(50) + sheetClose
        let error = xlsxError { _ = try read(sheet) }
        guard case .malformedXML = error?.kind else {
            Issue.record("expected malformed XML, got \(String(describing: error))")
            return
        }
        #expect(error?.part == "xl/worksheets/sheet1.xml")
        #expect(error?.sheet == "数据")
    }

    @Test func doctypeIsRefusedOnTheChunkedPathToo() {
        let sheet = "<!DOCTYPE worksheet [<!ENTITY e \"x\">]>" + sheetOpen + rows(200) + sheetClose
        #expect(xlsxError { _ = try read(sheet) }?.kind == .documentTypeRefused)
    }

    @Test func mergedRangesOfALargeSheetWithoutParsingItsRows() throws {
        let merges = "<mergeCells count=\"2\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"B5:B9\"/></mergeCells>"
        let sheet = sheetOpen + rows(300) + "</sheetData>" + merges + "</worksheet>"
        let expected = [CellRange("A1:C1")!, CellRange("B5:B9")!]
        // Before reading the rows: the scan of the tail.
        let workbook = try Workbook(bytes: package(sheet: sheet), name: "合并.xlsx")
        workbook.parallelChunkBytes = 64
        #expect(try workbook.mergedRanges(workbook.sheets[0]) == expected)
        // After reading the rows: remembered from the read.
        let read = try Workbook(bytes: package(sheet: sheet), name: "合并.xlsx")
        read.parallelChunkBytes = 64
        try read.readRows(read.sheets[0]) { _ in }
        #expect(try read.mergedRanges(read.sheets[0]) == expected)
        // No merges at all.
        let none = try Workbook(bytes: package(sheet: sheetOpen + rows(300) + sheetClose), name: "无.xlsx")
        none.parallelChunkBytes = 64
        #expect(try none.mergedRanges(none.sheets[0]) == [])
        // A decoy inside a comment among the rows: the scan gives way to a full parse.
        let decoy = sheetOpen + rows(100) + "<!-- <mergeCells><mergeCell ref=\"Z1:Z2\"/></mergeCells> -->" + rows(101...200)
            + "</sheetData>" + merges + "</worksheet>"
        let tricky = try Workbook(bytes: package(sheet: decoy), name: "诱饵.xlsx")
        tricky.parallelChunkBytes = 64
        #expect(try tricky.mergedRanges(tricky.sheets[0]) == expected)
    }

    @Test func anErrorThrownByTheConsumerStopsReading() throws {
        struct Enough: Error {}
        let workbook = try Workbook(bytes: package(sheet: sheetOpen + rows(2000) + sheetClose), name: "分块.xlsx")
        workbook.parallelChunkBytes = 256
        var seen = 0
        #expect(throws: Enough.self) {
            try workbook.readRows(workbook.sheets[0]) { _ in
                seen += 1
                if seen == 10 { throw Enough() }
            }
        }
        #expect(seen == 10)
    }
}
