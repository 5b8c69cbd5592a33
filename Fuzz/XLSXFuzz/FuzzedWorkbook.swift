import XLSX
import Zip

/// Reads a fuzzed input every way the project does; only a crash, hang or sanitizer report counts.
/// An input that is a zip (starts with "PK") is the whole package; anything else is taken as the XML
/// of the only sheet of an otherwise valid package, so the sheet reader is fuzzed directly.
struct FuzzedWorkbook {
    let bytes: [UInt8]

    func readEverything() {
        let package = bytes.starts(with: [0x50, 0x4B]) ? bytes : FuzzedWorkbook.wrap(sheet: bytes)
        for chunk in [1 << 20, 64] {
            guard let workbook = try? Workbook(bytes: package, name: "fuzz.xlsx") else { return }
            workbook.parallelChunkBytes = chunk
            for sheet in workbook.sheets {
                _ = try? SheetInspector.write(workbook, sheet) { _ in }
                _ = try? workbook.mergedRanges(sheet)
            }
        }
    }

    static func wrap(sheet: [UInt8]) -> [UInt8] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        var zip = ZipWriter()
        zip.add(path: "_rels/.rels", text: "<Relationships xmlns=\"\(package)\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
        zip.add(path: "xl/workbook.xml", text: "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
        zip.add(path: "xl/_rels/workbook.xml.rels", text: "<Relationships xmlns=\"\(package)\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/></Relationships>")
        zip.add(path: "xl/sharedStrings.xml", text: "<sst xmlns=\"\(main)\"><si><t>a</t></si><si><r><t>b</t></r><rPh><t>c</t></rPh></si></sst>")
        zip.add(path: "xl/styles.xml", text: "<styleSheet xmlns=\"\(main)\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
            + "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"21\"/></cellXfs></styleSheet>")
        zip.add(path: "xl/worksheets/sheet1.xml", bytes: sheet)
        return zip.finish()
    }
}
