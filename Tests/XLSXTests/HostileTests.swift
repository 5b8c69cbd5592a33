import Foundation
import Testing
import Zip
@testable import XLSX

/// A minimal package around hand-written parts, so that any one part can be made hostile.
func package(sheet: String, sharedStrings: String? = nil, workbook: String? = nil) -> [UInt8] {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    var zip = ZipWriter()
    zip.add(path: "[Content_Types].xml", text: "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
    zip.add(path: "_rels/.rels", text: "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
    zip.add(path: "xl/workbook.xml", text: workbook ?? "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"数据\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
    zip.add(path: "xl/_rels/workbook.xml.rels", text: "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + (sharedStrings == nil ? "" : "<Relationship Id=\"rId2\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>")
        + "</Relationships>")
    if let sharedStrings { zip.add(path: "xl/sharedStrings.xml", text: sharedStrings) }
    zip.add(path: "xl/worksheets/sheet1.xml", text: sheet)
    return zip.finish()
}

/// Reads every row of the first sheet, returning the inspect CSV or throwing the reader's error.
func readAll(_ bytes: [UInt8]) throws -> String {
    let workbook = try Workbook(bytes: bytes, name: "测试.xlsx")
    var text = ""
    try SheetInspector.write(workbook, workbook.sheets[0]) { text += $0 }
    return text
}

func xlsxError(_ body: () throws -> Void) -> XLSXError? {
    do {
        try body()
        return nil
    } catch let error as XLSXError {
        return error
    } catch {
        return nil
    }
}

let sheetOpen = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
let sheetClose = "</sheetData></worksheet>"

@Suite struct HostileTests {
    @Test func wellFormedPackageReads() throws {
        #expect(try readAll(package(sheet: sheetOpen + "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + sheetClose)) == "1\n")
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        var doctype = "<!DOCTYPE worksheet [<!ENTITY lol \"lol\">"
        doctype += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        for level in 2...9 {
            doctype += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        doctype += "]>"
        let sheet = "<?xml version=\"1.0\"?>" + doctype + sheetOpen
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>" + sheetClose
        let start = ContinuousClock.now
        let error = xlsxError { _ = try readAll(package(sheet: sheet)) }
        #expect(error?.kind == .documentTypeRefused)
        #expect(error?.part == "xl/worksheets/sheet1.xml")
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test func externalEntityNamingALocalFileIsNeverRead() throws {
        let secret = "TOP-SECRET-\(UInt32.random(in: 100_000...999_999))"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let secretFile = folder.appendingPathComponent("secret.txt")
        try secret.write(to: secretFile, atomically: true, encoding: .utf8)
        let doctype = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file://\(secretFile.path)\">]>"

        // In a sheet, in the shared strings and in the workbook part.
        let sheet = doctype + sheetOpen + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>" + sheetClose
        var error = xlsxError { _ = try readAll(package(sheet: sheet)) }
        #expect(error?.kind == .documentTypeRefused)
        #expect(error.map { !$0.description.contains(secret) } == true)

        let strings = doctype + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&xxe;</t></si></sst>"
        error = xlsxError { _ = try readAll(package(sheet: sheetOpen + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>" + sheetClose, sharedStrings: strings)) }
        #expect(error?.kind == .documentTypeRefused)
        #expect(error?.part == "xl/sharedStrings.xml")

        let workbook = doctype + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet name=\"&xxe;\" sheetId=\"1\"/></sheets></workbook>"
        error = xlsxError { _ = try readAll(package(sheet: sheetOpen + sheetClose, workbook: workbook)) }
        #expect(error?.kind == .documentTypeRefused)
        #expect(error?.part == "xl/workbook.xml")
    }

    @Test func entityReferenceWithoutDeclarationIsMalformed() {
        let sheet = sheetOpen + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&undefined;</t></is></c></row>" + sheetClose
        let error = xlsxError { _ = try readAll(package(sheet: sheet)) }
        guard case .malformedXML = error?.kind else {
            Issue.record("expected malformed XML, got \(String(describing: error))")
            return
        }
    }

    @Test func deepNestingIsRefused() {
        let depth = 100_000
        let sheet = sheetOpen + "<row r=\"1\"><c r=\"A1\"><v>1</v>" + String(repeating: "<x>", count: depth)
            + String(repeating: "</x>", count: depth) + "</c></row>" + sheetClose
        let start = ContinuousClock.now
        let error = xlsxError { _ = try readAll(package(sheet: sheet)) }
        #expect(error != nil)
        #expect(error?.part == "xl/worksheets/sheet1.xml")
        if case .nestingTooDeep = error?.kind {} else if case .malformedXML = error?.kind {} else {
            Issue.record("unexpected \(String(describing: error))")
        }
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test func malformedSheetNamesFilePartAndSheet() {
        let sheet = sheetOpen + "<row r=\"1\"><c r=\"A1\"><v>1</v></row>" + sheetClose
        let error = xlsxError { _ = try readAll(package(sheet: sheet)) }
        guard case .malformedXML(let line, _) = error?.kind else {
            Issue.record("expected malformed XML, got \(String(describing: error))")
            return
        }
        #expect(line >= 1)
        #expect(error?.file == "测试.xlsx")
        #expect(error?.part == "xl/worksheets/sheet1.xml")
        #expect(error?.sheet == "数据")
        #expect(error?.description.contains("XML 格式错误") == true)
        #expect(error?.description.contains("malformed XML") == true)
    }

    @Test func truncatedSheetIsAnError() {
        let full = sheetOpen + (1...50).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined() + sheetClose
        let truncated = String(full.prefix(full.count / 2))
        let error = xlsxError { _ = try readAll(package(sheet: truncated)) }
        guard case .malformedXML = error?.kind else {
            Issue.record("expected malformed XML, got \(String(describing: error))")
            return
        }
        #expect(error?.sheet == "数据")
    }

    @Test func inlineStringWithoutItsTypeIsStillText() throws {
        let sheet = sheetOpen + "<row r=\"1\"><c r=\"A1\"><is><t>无类型</t></is></c><c r=\"B1\" t=\"n\"><is><t>x</t></is></c></row>" + sheetClose
        #expect(try readAll(package(sheet: sheet)) == "无类型,x\n")
    }

    @Test func badNumberNamesTheCell() {
        let sheet = sheetOpen + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>12.5万</v></c></row>" + sheetClose
        let error = xlsxError { _ = try readAll(package(sheet: sheet)) }
        #expect(error?.kind == .badCell(found: "12.5万", expected: "a number"))
        #expect(error?.cell == "B2")
        #expect(error?.description.contains("单元格 B2") == true)
    }

    @Test func sharedStringIndexBeyondTheTableNamesTheCell() {
        let strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>a</t></si></sst>"
        let sheet = sheetOpen + "<row r=\"3\"><c r=\"C3\" t=\"s\"><v>5</v></c></row>" + sheetClose
        let error = xlsxError { _ = try readAll(package(sheet: sheet, sharedStrings: strings)) }
        #expect(error?.kind == .badCell(found: "5", expected: "a shared string index"))
        #expect(error?.cell == "C3")
    }

    @Test func hugeCellTextIsRefused() {
        let huge = String(repeating: "长", count: 400_000)  // 1.2 MB of UTF-8
        let sheet = sheetOpen + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\(huge)</t></is></c></row>" + sheetClose
        let error = xlsxError { _ = try readAll(package(sheet: sheet)) }
        #expect(error?.kind == .valueTooLong(limit: 1 << 20))
        #expect(error?.cell == "A1")
        let strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>\(huge)</t></si></sst>"
        let stringsError = xlsxError { _ = try readAll(package(sheet: sheetOpen + sheetClose, sharedStrings: strings)) }
        #expect(stringsError?.kind == .valueTooLong(limit: 1 << 20))
        #expect(stringsError?.part == "xl/sharedStrings.xml")
    }

    @Test func zipWithoutWorkbookIsNotAWorkbook() {
        var zip = ZipWriter()
        zip.add(path: "word/document.xml", text: "<document/>")
        let error = xlsxError { _ = try Workbook(bytes: zip.finish(), name: "报告.xlsx") }
        #expect(error?.kind == .notAWorkbook)
        #expect(error?.description.contains("报告.xlsx") == true)
    }

    @Test func notAZipIsAZipError() {
        let error = xlsxError { _ = try Workbook(bytes: Array("序号,区县\n".utf8), name: "假的.xlsx") }
        guard case .zip = error?.kind else {
            Issue.record("expected a zip error, got \(String(describing: error))")
            return
        }
        #expect(error?.file == "假的.xlsx")
    }

    @Test func missingSheetPartIsNamed() throws {
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let workbook = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"\(rel)\"><sheets>"
            + "<sheet name=\"甲\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"乙\" sheetId=\"2\" r:id=\"rId9\"/></sheets></workbook>"
        let book = try Workbook(bytes: package(sheet: sheetOpen + sheetClose, workbook: workbook), name: "缺.xlsx")
        let error = xlsxError { try book.readRows(book.sheets[1]) { _ in } }
        #expect(error?.kind == .missingPart)
        #expect(error?.sheet == "乙")
    }
}

/// A workbook listing tens of thousands of sheets: each sheet's part is found by a lookup, not a scan
/// of the relationships (which made opening quadratic: 100 000 sheets timed out). Timing is in
/// BENCHMARKS.md; this checks that every sheet still gets its own part.
@Suite struct ManySheetsTests {
    @Test func twentyThousandSheetsEachWithItsPart() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let count = 20_000
        var zip = ZipWriter()
        zip.add(path: "_rels/.rels", text: "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
        // Relationships listed in reverse, so a lookup by position would find the wrong part.
        zip.add(path: "xl/workbook.xml", text: "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>"
            + (0..<count).map { "<sheet name=\"S\($0)\" sheetId=\"\($0 + 1)\" r:id=\"r\($0)\"/>" }.joined() + "</sheets></workbook>")
        zip.add(path: "xl/_rels/workbook.xml.rels", text: "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (0..<count).reversed().map { "<Relationship Id=\"r\($0)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/s\($0).xml\"/>" }.joined()
            + "</Relationships>")
        for i in [0, count / 2, count - 1] {
            zip.add(path: "xl/worksheets/s\(i).xml", text: sheetOpen + "<row r=\"1\"><c r=\"A1\"><v>\(i)</v></c></row>" + sheetClose)
        }
        let workbook = try Workbook(bytes: zip.finish(), name: "多表.xlsx")
        #expect(workbook.sheets.count == count)
        #expect(workbook.sheets.enumerated().allSatisfy { $1.partPath == "xl/worksheets/s\($0).xml" })
        var text = ""
        try SheetInspector.write(workbook, try SheetInspector.resolve(workbook, "S\(count - 1)")) { text += $0 }
        #expect(text == "\(count - 1)\n")
    }
}

/// A workbook truncated while it is read (a district re-copying its file into the shared folder):
/// the archive is read with pread, not mapped, so the reader ends in an error naming the file — a
/// mapping would have raised SIGBUS and killed the process.
@Suite struct ShrinkingFileTests {
    @Test func truncatedWhileReadIsAnErrorNotASignal() throws {
        var sheet = WorksheetWriter(name: "数据")
        for i in 0..<60_000 { sheet.append([.text("第\(i)行 \(i &* 2_654_435_761 % 1_000_003)"), .number(Double(i))]) }
        var writer = WorkbookWriter()
        writer.add(sheet)
        let bytes = writer.bytes()
        let path = NSTemporaryDirectory() + "shrink-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).xlsx"
        defer { unlink(path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let workbook = try Workbook(path: path, name: "变短.xlsx")
        #expect(truncate(path, off_t(bytes.count / 3)) == 0)
        var rows = 0
        let error = xlsxError { try workbook.readRows(workbook.sheets[0]) { _ in rows += 1 } }
        #expect(error?.file == "变短.xlsx")
        guard case .zip(let zip) = error?.kind else { Issue.record("\(String(describing: error))"); return }
        #expect(zip.description.contains("不完整") || zip.description.contains("变短"), "\(zip)")
    }
}
