import Testing
@testable import XLSX

/// The shared strings of a large part, parsed in pieces on every core: the same table as one
/// parser gives, whatever the pieces' edges cut through, and the same errors.
@Suite struct ChunkedSharedStringsTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// Items of every shape the reader knows: plain, rich-text runs, phonetic runs left out,
    /// `_xHHHH_` escapes, edge whitespace kept or trimmed, empty.
    static func item(_ i: Int, prefix: String = "") -> String {
        let p = prefix
        switch i % 6 {
        case 0: return "<\(p)si><\(p)t>单位\(i)</\(p)t></\(p)si>"
        case 1: return "<\(p)si><\(p)r><\(p)t>甲\(i)</\(p)t></\(p)r><\(p)r><\(p)t xml:space=\"preserve\"> 乙</\(p)t></\(p)r></\(p)si>"
        case 2: return "<\(p)si><\(p)t>读\(i)</\(p)t><\(p)rPh sb=\"0\" eb=\"1\"><\(p)t>ドク</\(p)t></\(p)rPh></\(p)si>"
        case 3: return "<\(p)si><\(p)t>行_x000D__x000A_\(i)</\(p)t></\(p)si>"
        case 4: return "<\(p)si><\(p)t xml:space=\"preserve\">  \(i)  </\(p)t></\(p)si>"
        default: return "<\(p)si><\(p)t/></\(p)si>"
        }
    }

    static func part(_ count: Int, prefix: String = "", between: (Int) -> String = { _ in "" }) -> String {
        let root = prefix.isEmpty ? "<sst xmlns=\"\(main)\" count=\"\(count)\" uniqueCount=\"\(count)\">"
            : "<\(prefix)sst xmlns:\(prefix.dropLast())=\"\(main)\">"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + root
            + (0..<count).map { item($0, prefix: prefix) + between($0) }.joined() + "</\(prefix)sst>"
    }

    /// Every string once, in order, one row per string.
    static let sheet = sheetOpen + (0..<600).map { "<row r=\"\($0 + 1)\"><c r=\"A\($0 + 1)\" t=\"s\"><v>\($0)</v></c></row>" }.joined() + sheetClose

    func strings(_ part: String, chunk: Int?) throws -> [String] {
        let workbook = try Workbook(bytes: package(sheet: ChunkedSharedStringsTests.sheet, sharedStrings: part), name: "共享.xlsx")
        if let chunk { workbook.parallelChunkBytes = chunk }
        var texts: [String] = []
        try workbook.readRows(workbook.sheets[0]) { row in
            if case .string(let s) = row[0] { texts.append(s) } else { texts.append("?") }
        }
        return texts
    }

    @Test(arguments: ["", "x:"])
    func piecesGiveTheTableOneParserGives(prefix: String) throws {
        let part = ChunkedSharedStringsTests.part(600, prefix: prefix)
        let whole = try strings(part, chunk: nil)
        #expect(whole.count == 600)
        #expect(whole[0] == "单位0" && whole[1] == "甲1 乙" && whole[2] == "读2" && whole[3] == "行\r\n3" && whole[4] == "  4  " && whole[5] == "")
        for chunk in [40, 256, 4096] { #expect(try strings(part, chunk: chunk) == whole) }
    }

    @Test func thePiecesAreCutApartAndJoinedInOrder() throws {
        let part = Array(ChunkedSharedStringsTests.part(600).utf8)
        let table = try #require(ChunkedSharedStringsReader.read(part, partName: "xl/sharedStrings.xml", pieces: 7))
        #expect(table.count == 600)
        #expect((0..<600).map { table[$0] } == (try strings(ChunkedSharedStringsTests.part(600), chunk: nil)))
    }

    /// A comment, CDATA or processing instruction among the items: not cut, read by one parser.
    @Test func markupAmongTheItemsIsReadWhole() throws {
        let part = ChunkedSharedStringsTests.part(600) { $0 == 300 ? "<!-- <si><t>不是</t></si> -->" : "" }
        #expect(ChunkedSharedStringsReader.read(Array(part.utf8), partName: "xl/sharedStrings.xml", pieces: 4) == nil)
        let texts = try strings(part, chunk: 40)
        #expect(texts.count == 600 && !texts.contains("不是"))
        #expect(texts == (try strings(ChunkedSharedStringsTests.part(600), chunk: nil)))
    }

    /// A broken item deep inside: the error is the whole part's, with its line.
    @Test func aMalformedPieceGivesTheWholePartsError() {
        let part = ChunkedSharedStringsTests.part(600) { $0 == 450 ? "\n<si><t>断</si>" : "" }
        let chunked = xlsxError { _ = try strings(part, chunk: 40) }
        let whole = xlsxError { _ = try strings(part, chunk: nil) }
        guard case .malformedXML(let line, _) = chunked?.kind else {
            Issue.record("expected malformed XML, got \(String(describing: chunked))")
            return
        }
        #expect(line == 3)
        #expect(chunked?.kind == whole?.kind)
        #expect(chunked?.part == "xl/sharedStrings.xml")
    }
}
