import Testing
@testable import XLSX

/// `Workbook.readRowBatches`, which ingest reads: the same rows as `readRows`, on the chunked path
/// (many tiny chunks) and the one-thread path, including the rows the reader has to put in order.
@Suite struct RowBatchTests {
    static let strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + (0..<40).map { "<si><t>单位\($0)</t></si>" }.joined() + "<si><t></t></si></sst>"

    /// Rows of every kind of cell; every 7th row's cells out of column order with a duplicate (the
    /// later wins), every 11th row without `r=`, every 13th row empty.
    static func sheet(rows: Int, badIndexAt bad: Int? = nil) -> String {
        var body = ""
        for r in 1...rows {
            let number = r % 11 == 0 ? "" : " r=\"\(r)\""
            if r % 13 == 0 {
                body += "<row\(number)/>"
                continue
            }
            let shared = r == bad ? 41 : r % 41
            var cells = [
                "<c t=\"s\"><v>\(shared)</v></c>",
                "<c><v>\(r).5</v></c>",
                "<c t=\"inlineStr\"><is><t>行_x000D_\(r)</t></is></c>",
                "<c t=\"b\"><v>\(r % 2)</v></c>",
                "<c t=\"e\"><v>#N/A</v></c>",
                "<c t=\"str\"><v>公式\(r)</v></c>",
            ]
            let columns = ["A", "B", "C", "D", "E", "F"]
            // A row without `r=` has cells without one too: its number is the row before's + 1.
            if r % 11 != 0 {
                for i in cells.indices { cells[i] = cells[i].replacingOccurrences(of: "<c", with: "<c r=\"\(columns[i])\(r)\"") }
                if r % 7 == 0 { cells = [cells[3], cells[0], cells[1], "<c r=\"A\(r)\"><v>-\(r)</v></c>"] }
            }
            body += "<row\(number)>" + cells.joined() + "</row>"
        }
        return sheetOpen + body + sheetClose
    }

    func workbook(_ sheet: String, chunk: Int?) throws -> Workbook {
        let workbook = try Workbook(bytes: package(sheet: sheet, sharedStrings: RowBatchTests.strings), name: "批.xlsx")
        if let chunk { workbook.parallelChunkBytes = chunk }
        return workbook
    }

    func rowsByBatch(_ workbook: Workbook, sizes: inout [Int]) throws -> [SheetRow] {
        var rows: [SheetRow] = []
        try workbook.readRowBatches(workbook.sheets[0]) { batch in
            sizes.append(batch.count)
            for i in 0..<batch.count { rows.append(batch.row(i)) }
        }
        return rows
    }

    func rowsOneByOne(_ workbook: Workbook) throws -> [SheetRow] {
        var rows: [SheetRow] = []
        try workbook.readRows(workbook.sheets[0]) { rows.append($0) }
        return rows
    }

    @Test(arguments: [nil, 64, 700])
    func batchesHoldTheSameRowsAsReadRows(chunk: Int?) throws {
        let sheet = RowBatchTests.sheet(rows: 400)
        var sizes: [Int] = []
        let batched = try rowsByBatch(try workbook(sheet, chunk: chunk), sizes: &sizes)
        let single = try rowsOneByOne(try workbook(sheet, chunk: chunk))
        #expect(batched.map(\.number) == single.map(\.number))
        #expect(batched.map(\.cells) == single.map(\.cells))
        // 400 rows less the empty ones, each numbered as written or one past the row before.
        #expect(batched.count == 400 - 400 / 13)
        #expect(batched.map(\.number) == (1...400).filter { $0 % 13 != 0 })
        if chunk == 64 { #expect(sizes.count > 10) }
    }

    @Test func cellsOfARowAreOrderedAndTheLaterDuplicateWins() throws {
        let rows = try rowsOneByOne(try workbook(RowBatchTests.sheet(rows: 14), chunk: 64))
        let seventh = try #require(rows.first { $0.number == 7 })
        #expect(seventh.cells.map(\.column) == [0, 1, 3])
        #expect(seventh.cells[0].value == .number(-7))
        #expect(seventh.cells[1].value == .number(7.5))
        #expect(seventh.cells[2].value == .bool(true))
        let first = try #require(rows.first)
        #expect(first.cells.map(\.value) == [.string("单位1"), .number(1.5), .string("行\r1"), .bool(true), .error("#N/A"), .string("公式1")])
    }

    @Test func textIsHandedOutAsTheCellsBytes() throws {
        var texts: [String] = []
        let workbook = try workbook(RowBatchTests.sheet(rows: 3), chunk: nil)
        try workbook.readRowBatches(workbook.sheets[0]) { batch in
            guard texts.isEmpty, batch.count >= 2 else { return }
            batch.forEachCell(ofRow: 1) { column, value in
                switch value {
                case .text(let bytes): texts.append("\(column):" + String(decoding: bytes, as: UTF8.self))
                case .error(let bytes): texts.append("\(column)!" + String(decoding: bytes, as: UTF8.self))
                default: break
                }
            }
        }
        #expect(texts == ["0:单位2", "2:行\r2", "4!#N/A", "5:公式2"])
    }

    @Test func aSliceIsTheSameRows() throws {
        let workbook = try workbook(RowBatchTests.sheet(rows: 60), chunk: nil)
        var sliced = false
        try workbook.readRowBatches(workbook.sheets[0]) { batch in
            guard batch.count >= 20 else { return }
            sliced = true
            let whole = (0..<batch.count).map { batch.row($0) }
            let slice = batch.slice(5..<20)
            #expect(slice.count == 15)
            #expect((0..<15).map { slice.row($0).cells } == whole[5..<20].map(\.cells))
            #expect((0..<15).map { slice.row($0).number } == whole[5..<20].map(\.number))
            #expect(slice.slice(2..<4).number(ofRow: 0) == whole[7].number)
        }
        #expect(sliced)
    }

    /// An index past the table: the rows before it are handed out, then the error names the cell.
    @Test(arguments: [nil, 64])
    func aBadSharedStringIndexEndsTheRowsAtItsCell(chunk: Int?) throws {
        let workbook = try workbook(RowBatchTests.sheet(rows: 300, badIndexAt: 250), chunk: chunk)
        var numbers: [Int] = []
        let error = xlsxError {
            try workbook.readRowBatches(workbook.sheets[0]) { batch in
                for i in 0..<batch.count { numbers.append(batch.number(ofRow: i)) }
            }
        }
        #expect(error?.cell == "A250")
        #expect(numbers == (1...249).filter { $0 % 13 != 0 })
    }
}
