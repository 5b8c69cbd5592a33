import Foundation
import Testing
import XLSX
@testable import XLS

/// The first sheet of a workbook in memory, in the inspect format.
func inspectFirstSheet(_ bytes: [UInt8]) throws -> String {
    let workbook = try XLSWorkbook(bytes: bytes, name: "测试.xls")
    var text = ""
    try SheetInspector.write(workbook, workbook.sheets[0]) { text += $0 }
    return text
}

func xlsError(_ body: () throws -> Void) -> XLSError? {
    do {
        try body()
        return nil
    } catch let error as XLSError {
        return error
    } catch {
        Issue.record("not an XLSError: \(error)")
        return nil
    }
}

/// Built records and containers: what genuine writers do that the fixtures do not show, and what a
/// hostile or damaged file does. Each ends in its own located error, quickly and in little memory.
@Suite struct XLSRecordTests {
    static let strings = ["区县", "数量"]
    static let plainSheet: [[UInt8]] = [BIFF.labelSST(0, 0, 0), BIFF.labelSST(0, 1, 1), BIFF.number(1, 1, 7)]

    @Test func aBuiltWorkbookReads() throws {
        let bytes = BIFF.file(BIFF.workbook(strings: Self.strings, sheets: [("表", Self.plainSheet)]))
        #expect(try inspectFirstSheet(bytes) == "区县,数量\n,7\n")
    }

    @Test func cellsOutOfRowOrderAreSorted() throws {
        let records = [BIFF.number(2, 0, 3), BIFF.number(0, 1, 1), BIFF.number(0, 0, 0), BIFF.number(1, 0, 2), BIFF.number(0, 1, 9)]
        let bytes = BIFF.file(BIFF.workbook(sheets: [("乱序", records)]))
        // Row 1: columns sorted, the later of the two B1 kept.
        #expect(try inspectFirstSheet(bytes) == "0,9\n2\n3\n")
    }

    @Test func rkAndMulRKNumbers() throws {
        // RK: integer 5 (fInt), 1.23 as integer 123 ÷ 100, and a double's high 30 bits (2.5).
        let rkInt = BIFF.record(0x027E, le16(0) + le16(0) + le16(15) + le32(UInt32(5 << 2) | 2))
        let rkCents = BIFF.record(0x027E, le16(0) + le16(1) + le16(15) + le32(UInt32(123 << 2) | 3))
        let half = UInt32(truncatingIfNeeded: (2.5).bitPattern >> 32)
        let mulRK = BIFF.record(0x00BD, le16(1) + le16(0) + le16(15) + le32(half) + le16(16) + le32(UInt32(43909 << 2) | 2) + le16(1))
        let negative = BIFF.record(0x027E, le16(2) + le16(0) + le16(15) + le32(UInt32(bitPattern: Int32(-7) << 2) | 2))
        let bytes = BIFF.file(BIFF.workbook(sheets: [("RK", [rkInt, rkCents, mulRK, negative])]))
        #expect(try inspectFirstSheet(bytes) == "5,1.23\n2.5,2020-03-19\n-7\n")
    }

    @Test func formulaResultsAndErrors() throws {
        func formula(_ column: UInt16, _ result: [UInt8]) -> [UInt8] {
            BIFF.record(0x0006, le16(0) + le16(column) + le16(15) + result + le16(0) + le32(0) + le16(0))
        }
        let text = formula(0, [0, 0, 0, 0, 0, 0, 0xFF, 0xFF])
        let string = BIFF.record(0x0207, BIFF.wide("共2起"))
        let bool = formula(1, [1, 0, 1, 0, 0, 0, 0xFF, 0xFF])
        let error = formula(2, [2, 0, 0x07, 0, 0, 0, 0xFF, 0xFF])
        let empty = formula(3, [3, 0, 0, 0, 0, 0, 0xFF, 0xFF])
        let number = formula(4, (0..<8).map { UInt8(truncatingIfNeeded: (12.5).bitPattern >> (8 * UInt64($0))) })
        let boolErr = BIFF.record(0x0205, le16(0) + le16(5) + le16(15) + [0x2A, 1])
        let bytes = BIFF.file(BIFF.workbook(sheets: [("公式", [text, string, bool, error, empty, number, boolErr])]))
        #expect(try inspectFirstSheet(bytes) == "共2起,TRUE,#DIV/0!,,12.5,#N/A\n")
    }

    @Test func biff5TextInGBK() throws {
        // Excel 95: CODEPAGE 936, LABEL text and the sheet name in GBK bytes.
        let gbk: [UInt8] = [0xB6, 0xAB, 0xB3, 0xC7, 0xC7, 0xF8]     // 东城区
        let label = BIFF.record(0x0204, le16(0) + le16(0) + le16(15) + le16(UInt16(gbk.count)) + gbk)
        let stream = BIFF.workbook(globals: [BIFF.record(0x0042, le16(936))], sheets: [("Sheet1", [label])], version: 0x0500)
        let workbook = try XLSWorkbook(bytes: BIFF.file(stream, name: "Book"), name: "旧.xls")
        #expect(workbook.biffVersion == 5)
        #expect(try inspectFirstSheet(BIFF.file(stream, name: "Book")) == "东城区\n")
        // A code page we do not decode is refused, naming it, rather than read as wrong text.
        let other = BIFF.workbook(globals: [BIFF.record(0x0042, le16(1251))], sheets: [("Sheet1", [label])], version: 0x0500)
        let error = xlsError { _ = try inspectFirstSheet(BIFF.file(other, name: "Book")) }
        #expect(error?.kind == .unsupportedCodePage(1251))
        #expect(error?.cell == nil && error?.sheet == "Sheet1" && error?.record == "LABEL")
    }

    @Test func filePassIsPasswordProtected() {
        let stream = BIFF.workbook(globals: [BIFF.record(0x002F, le16(1) + [UInt8](repeating: 0, count: 52))], sheets: [("表", [])])
        let error = xlsError { _ = try XLSWorkbook(bytes: BIFF.file(stream), name: "加密.xls") }
        #expect(error?.kind == .passwordProtected)
        #expect(error?.description.contains("密码保护") == true)
        #expect(error?.description.contains("加密.xls") == true)
    }

    @Test func encryptedXlsxInACompoundFileIsPasswordProtected() {
        let bytes = CompoundFileBuilder(streams: [("EncryptionInfo", [1, 2, 3]), ("EncryptedPackage", [UInt8](repeating: 7, count: 5000))]).build().bytes
        #expect(xlsError { _ = try XLSWorkbook(bytes: bytes, name: "加密.xlsx") }?.kind == .passwordProtected)
    }

    @Test func aDamagedContainerNamingAnEncryptedPackageIsPasswordProtected() {
        var bytes = CompoundFileBuilder(streams: [("EncryptionInfo", [1, 2, 3]), ("EncryptedPackage", [UInt8](repeating: 7, count: 5000))]).build().bytes
        bytes[30] = 0       // sector shift 0: the container itself cannot be read
        #expect(xlsError { _ = try XLSWorkbook(bytes: bytes, name: "加密.xlsx") }?.kind == .passwordProtected)
    }

    @Test func aCompoundFileWithoutWorkbookIsNamed() {
        let bytes = CompoundFileBuilder(streams: [("WordDocument", [UInt8](repeating: 1, count: 5000))]).build().bytes
        let error = xlsError { _ = try XLSWorkbook(bytes: bytes, name: "文档.xls") }
        #expect(error?.kind == .noWorkbookStream)
        #expect(error?.description.contains("Workbook") == true)
    }

    @Test func notACompoundFileAndEmpty() {
        #expect(xlsError { _ = try XLSWorkbook(bytes: Array("PK\u{3}\u{4}not".utf8), name: "a.xls") }?.kind == .notCompoundFile)
        #expect(xlsError { _ = try XLSWorkbook(bytes: [], name: "a.xls") }?.kind == .empty)
        #expect(xlsError { _ = try XLSWorkbook(bytes: CompoundFile.signature + [0, 0], name: "a.xls") }?.kind == .truncated("文件头不足 512 字节 (header cut off)"))
    }

    @Test func biff2To4AreRefusedByName() {
        let stream = BIFF.record(0x0409, le16(0) + le16(0x10)) + BIFF.eof
        let error = xlsError { _ = try XLSWorkbook(bytes: BIFF.file(stream), name: "古老.xls") }
        #expect(error?.kind == .unsupportedVersion("BIFF4"))
        #expect(error?.record == "0x409" && error?.offset == 0)
    }
}

@Suite struct XLSHostileTests {
    static func layout(_ sheet: [[UInt8]] = XLSRecordTests.plainSheet, strings: [String]? = XLSRecordTests.strings) -> CompoundFileBuilder.Layout {
        CompoundFileBuilder(streams: [("Workbook", BIFF.workbook(strings: strings, sheets: [("表", sheet)]))]).build()
    }

    @Test func aSectorLoopEndsInAnError() {
        var file = Self.layout()
        let first = file.starts[0]
        file.put32(first, at: file.fatSlot(first + 3))          // the fourth sector links back to the first
        let error = xlsError { _ = try XLSWorkbook(bytes: file.bytes, name: "循环.xls") }
        guard case .corruptContainer(let detail) = error?.kind else { Issue.record("\(String(describing: error))"); return }
        #expect(detail.contains("循环"))
        #expect(error?.description.contains("循环.xls") == true)
    }

    @Test func aDirectoryChainLoopingOnItselfEndsInAnError() {
        var file = Self.layout()
        file.put32(file.directorySector, at: file.fatSlot(file.directorySector))
        guard case .corruptContainer = xlsError({ _ = try XLSWorkbook(bytes: file.bytes, name: "目录循环.xls") })?.kind else {
            Issue.record("no loop error"); return
        }
    }

    @Test func aFATClaimingTwoToTheThirtyOneSectors() {
        var file = Self.layout()
        file.put32(0x8000_0000, at: 44)
        guard case .truncated(let detail) = xlsError({ _ = try XLSWorkbook(bytes: file.bytes, name: "巨大.xls") })?.kind else {
            Issue.record("no error"); return
        }
        #expect(detail.contains("2147483648"))
    }

    @Test func aDIFATChainThatLoops() {
        var file = Self.layout()
        file.put32(200, at: 44)                                  // more FAT sectors than the header holds …
        file.put32(file.fatSector, at: 68)                       // … continued in a DIFAT sector that is the FAT itself
        #expect(xlsError { _ = try XLSWorkbook(bytes: file.bytes, name: "a.xls") } != nil)
    }

    @Test func aStreamLargerThanTheFile() {
        var file = Self.layout()
        file.put32(0x7FFF_0000, at: file.directoryEntry(1) + 120)
        guard case .truncated(let detail) = xlsError({ _ = try XLSWorkbook(bytes: file.bytes, name: "a.xls") })?.kind else {
            Issue.record("no error"); return
        }
        #expect(detail.contains("Workbook"))
    }

    @Test func aStreamOverTheLimit() {
        let file = Self.layout()
        let error = xlsError { _ = try XLSWorkbook(bytes: file.bytes, name: "a.xls", limits: XLSLimits(maxStreamSize: 1000)) }
        #expect(error?.kind == .tooLarge(what: "the Workbook stream", limit: 1000))
    }

    @Test func aChainLeavingTheFile() {
        var file = Self.layout()
        file.put32(100_000, at: file.fatSlot(file.starts[0]))
        guard case .corruptContainer = xlsError({ _ = try XLSWorkbook(bytes: file.bytes, name: "a.xls") })?.kind else {
            Issue.record("no error"); return
        }
    }

    @Test func aTruncatedFileIsTruncated() {
        let file = Self.layout()
        let cut = Array(file.bytes.prefix(2048))
        guard case .truncated = xlsError({ _ = try XLSWorkbook(bytes: cut, name: "截断.xls") })?.kind else {
            Issue.record("no error"); return
        }
    }

    /// A count the records do not hold (2^31 declared, one present; calamine keeps a real workbook
    /// with 7 668 declared and 892 present, gh548, as a regression test): the table ends where the
    /// records end, nothing is reserved for the claim, and only a cell pointing past it is an error.
    @Test func sharedStringCountsTheRecordsDoNotHoldEndWhereTheRecordsEnd() throws {
        let claimed = BIFF.workbook(strings: ["a"], declaredStrings: 0x8000_0000, sheets: [("表", [BIFF.labelSST(0, 0, 0)])])
        #expect(try inspectFirstSheet(BIFF.file(claimed)) == "a\n")
        let short = BIFF.workbook(strings: ["a", "b"], declaredStrings: 3,
                                  sheets: [("表", [BIFF.labelSST(0, 0, 1), BIFF.labelSST(1, 0, 2)])])
        let error = xlsError { _ = try inspectFirstSheet(BIFF.file(short)) }
        #expect(error?.kind == .badCell(found: "2", expected: "a shared string index") && error?.cell == "A2")
    }

    @Test func aSharedStringIndexPastTheTableNamesTheCell() {
        let file = Self.layout([BIFF.labelSST(4, 2, 99)])
        let error = xlsError { _ = try inspectFirstSheet(file.bytes) }
        #expect(error?.kind == .badCell(found: "99", expected: "a shared string index"))
        #expect(error?.cell == "C5" && error?.sheet == "表" && error?.record == "LABELSST")
        #expect(error?.description.contains("单元格 C5") == true)
    }

    @Test func aRecordPastTheEndOfTheStream() {
        var stream = BIFF.workbook(sheets: [("表", [BIFF.number(0, 0, 1)])])
        stream.removeLast(6)                         // the sheet's EOF and part of its NUMBER
        let error = xlsError { _ = try inspectFirstSheet(BIFF.file(stream)) }
        guard case .malformedRecord = error?.kind else { Issue.record("\(String(describing: error))"); return }
        #expect(error?.sheet == "表")
    }

    @Test func aSheetOffsetPastTheStream() {
        var stream = BIFF.workbook(sheets: [("表", [])])
        // BOUNDSHEET's lbPlyPos is right after the globals' 17 XF records and the BOF.
        let boundSheet = stream.count - (BIFF.bof(0x0010).count + BIFF.eof.count) - BIFF.eof.count - (4 + 4 + 2 + 2 + 2)
        for i in 0..<4 { stream[boundSheet + 4 + i] = 0x7F }
        let error = xlsError { _ = try inspectFirstSheet(BIFF.file(stream)) }
        guard case .malformedRecord = error?.kind else { Issue.record("\(String(describing: error))"); return }
    }

    /// Random damage anywhere in a real fixture ends in rows or an XLSError, never a crash (the fuzz
    /// target does this at length; this is a fixed sample of it).
    @Test func flippedBytesInARealFileNeverCrash() throws {
        let path = XLSFixtureTests.path("xlwt_types.xls")
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<8 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes[Int(seed >> 33) % bytes.count] = UInt8(truncatingIfNeeded: seed >> 17)
            }
            do {
                let workbook = try XLSWorkbook(bytes: bytes, name: "损坏.xls")
                for sheet in workbook.sheets { try workbook.readRows(sheet) { _ in } }
            } catch is XLSError {
            }
        }
    }
}
