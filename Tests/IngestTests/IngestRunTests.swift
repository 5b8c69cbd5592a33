import Foundation
@testable import Ingest
import Model
import Testing
import XLSX
import CSV

/// A scratch inputs folder, removed when the test ends.
final class InputsFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "ingest-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    func write(_ relative: String, text: String) throws { try write(relative, Array(text.utf8)) }
}

func workbook(date1904: Bool = false, _ sheets: [WorksheetWriter]) -> [UInt8] {
    var w = WorkbookWriter(date1904: date1904)
    for s in sheets { w.add(s) }
    return w.bytes()
}

func sheet(_ name: String, hidden: Bool = false, merges: [String] = [], _ rows: [[CellInput]]) -> WorksheetWriter {
    var s = WorksheetWriter(name: name)
    s.hidden = hidden
    for r in rows { s.append(r) }
    for m in merges { s.merge(m) }
    return s
}

@Suite struct IngestRunTests {
    let config = """
    [region]
    name = "示例市"
    level = "市"

    [districts]
    "东城区" = ["东城"]
    "西城区" = ["西城"]
    """

    /// A realistic district workbook: merged title, 填报 line, unit line, two-row header with a
    /// merged parent, real dates (1904 system), numbers as text, a 合计 row, and a 填表说明 sheet.
    func districtWorkbook() -> [UInt8] {
        let accidents = sheet("事故", merges: ["A1:H1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3", "G3:G4", "H3:H4"], [
            [.text("2020年度东城区生产安全事故统计表", bold: true)],
            [.text("填报单位：东城区应急管理局"), .empty, .empty, .empty, .empty, .text("单位：万元")],
            [.text("序号"), .text("事故编号"), .text("发生\n时间"), .text("行业领域"), .text("伤亡情况"), .empty,
             .text("直接经济损失"), .text("事故等级")],
            [.empty, .empty, .empty, .empty, .text("死亡"), .text("受伤")],
            [.number(1), .text("DC-001"), .date(year: 2020, month: 3, day: 19), .text("建筑施工"), .text("1"), .number(2), .literal("12.5"), .empty],
            [.number(2), .text("DC-002"), .date(year: 2020, month: 5, day: 1), .text("危化品"), .text("３人"), .empty, .text("1,000"), .text("较大")],
            [.number(3), .text("DC-003"), .text("2020-02-30"), .text("商贸"), .number(0), .number(1), .empty, .empty],
            [],
            [.text("合计"), .empty, .empty, .empty, .formula("SUM(E5:E7)", cached: 4), .number(3), .literal("1012.5")],
        ])
        let notes = sheet("填表说明", [[.text("1. 发生时间请填写日期")], [.text("2. 死亡人数填写整数")]])
        return workbook(date1904: true, [accidents, notes])
    }

    @Test func readsAFolderEndToEnd() throws {
        let inputs = try InputsFolder()
        try inputs.write("config.toml", text: config)
        let book = districtWorkbook()
        try inputs.write("2020/东城区/事故.xlsx", book)
        try inputs.write("2020/东城区/~$事故.xlsx", [1, 2, 3])
        try inputs.write("2020/.DS_Store", [0])
        try inputs.write("README.md", text: "notes")
        try inputs.write("2020/坏文件.xlsx", Array("not a zip".utf8))
        try inputs.write("2020/旧表.xls", [0xD0, 0xCF, 0x11, 0xE0])

        let result = try Ingest.run(inputs: inputs.path)
        #expect(result.files.map(\.path) == ["2020/东城区/事故.xlsx", "2020/坏文件.xlsx", "2020/旧表.xls", "config.toml"])
        #expect(result.ignoredFiles == ["README.md"])
        #expect(result.unreadableFiles == 2)
        let file = try #require(result.files.first)
        #expect(file.size == book.count)
        #expect(file.sha256 == SHA256.hex(SHA256.hash(book)))
        #expect(file.format == "xlsx")
        #expect(result.files[1].error != nil)
        #expect(result.files[2].error?.contains("不是有效的 .xls 文件") == true)

        let s = try #require(result.sheet("2020/东城区/事故.xlsx", "事故"))
        #expect(s.kind == "事故")
        #expect(s.headerRow == 3)
        #expect(s.headerRowCount == 2)
        #expect(s.read == 3)
        #expect(s.accepted == 2)
        #expect(s.rejected == 1)
        #expect(s.unitLine == "万元")
        #expect(result.sheet("2020/东城区/事故.xlsx", "填表说明")?.skipped != nil)

        let d = result.dataset
        #expect(d.config.name == "示例市")
        #expect(d.accidents.count == 2)
        #expect(d.accidents.date == [Day(year: 2020, month: 3, day: 19)!, Day(year: 2020, month: 5, day: 1)!])
        #expect(d.accidents.deaths == [1, 3])
        #expect(d.accidents.injuries == [2, 0])
        #expect(d.accidents.loss == [Money(fen: 12_500_000), Money(fen: 1_000_000_000)])
        // District from the folder; industry alias resolved; level stated vs derived.
        #expect(d.accidents.districts == ["东城区", "东城区"])
        #expect(d.accidents.industries == ["建筑施工", "危险化学品"])
        #expect(d.accidents.level == [.ordinary, .larger])

        let reject = try #require(result.rejects.first)
        #expect(reject.row == 7)
        #expect(reject.reason == "发生时间「2020-02-30」不是有效日期")
        // The 合计 row's deaths (4) are the sum of all data rows, the rejected one included: no warning.
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        expectConservation(result)
    }

    /// Files over 1 MB are hashed on a thread of their own while they are parsed: the checksum is
    /// still the file's.
    @Test func largeFilesAreChecksummedWhileParsed() throws {
        let inputs = try InputsFolder()
        var csv = "事故编号,发生时间,区县,行业领域,死亡人数\n"
        for i in 0..<40_000 { csv += "SG-\(i),2020-01-\(i % 28 + 1),东城区,商贸,\(i % 3)\n" }
        try inputs.write("2020/大表.csv", text: csv)
        let result = try Ingest.run(inputs: inputs.path)
        let file = try #require(result.files.first)
        #expect(file.size == csv.utf8.count && file.size > 1 << 20)
        #expect(file.sha256 == SHA256.hex(SHA256.hash(Array(csv.utf8))))
        #expect(result.sheet("2020/大表.csv")?.accepted == 40_000)

        // Without checksums (`check`): no hash, and the same sizes, rows and records.
        var options = IngestOptions()
        options.checksums = false
        let unhashed = try Ingest.run(inputs: inputs.path, options: options)
        #expect(unhashed.files.map(\.sha256) == [""])
        #expect(unhashed.files.map(\.size) == result.files.map(\.size))
        #expect(unhashed.sheet("2020/大表.csv")?.accepted == 40_000)
        #expect(unhashed.dataset.tables.map(\.count) == result.dataset.tables.map(\.count))
    }

    @Test func parallelAndSerialRunsAreIdentical() throws {
        let inputs = try InputsFolder()
        try inputs.write("config.toml", text: config)
        for (i, district) in ["东城区", "西城区", "北城区"].enumerated() {
            var rows: [[CellInput]] = [[.text("排查日期"), .text("区县"), .text("单位名称"), .text("整改状态"), .text("隐患编号")]]
            for r in 0..<200 {
                rows.append([.date(year: 2021, month: r % 12 + 1, day: r % 28 + 1), .text(district), .text("企业\(r % 17)"),
                             .text(r % 3 == 0 ? "未整改" : "已整改"), .text("H-\(r % 150 + i * 100)")])
            }
            try inputs.write("\(district)/隐患.xlsx", workbook([sheet("隐患", rows)]))
        }
        let a = try Ingest.run(inputs: inputs.path, options: IngestOptions(parallel: true))
        let b = try Ingest.run(inputs: inputs.path, options: IngestOptions(parallel: false))
        #expect(a.files == b.files)
        #expect(a.rejects == b.rejects)
        #expect(a.warnings == b.warnings)
        #expect(a.dataset.hazards.provenance == b.dataset.hazards.provenance)
        #expect(a.dataset.hazards.ids == b.dataset.hazards.ids)
        #expect(a.dataset.dictionaries.map(\.strings) == b.dataset.dictionaries.map(\.strings))
        // Ids repeat inside each file (150 distinct of 200) and across files (东城 100–249 vs 西城 … ).
        #expect(a.dataset.hazards.count == Set(a.dataset.hazards.ids).count)
        #expect(a.duplicates == 600 - a.dataset.hazards.count)
        #expect(a.warnings.count == 1, "北城区 is not in the config: one warning")
        expectConservation(a)
    }

    @Test func configErrorThrowsNamingTheLine() throws {
        let inputs = try InputsFolder()
        try inputs.write("config.toml", text: "[region]\nname = \"x\"\nlevel = \"乡\"\n")
        #expect(throws: IngestError(path: "config.toml", line: 3,
                                    message: "region.level 应为「市」「区」或「县」，而不是 \"乡\"")) {
            try Ingest.run(inputs: inputs.path)
        }
    }

    @Test func missingFolderThrows() {
        #expect(throws: IngestError.self) { try Ingest.run(inputs: "/nonexistent/inputs-folder") }
    }

    @Test func emptyFolderGivesAnEmptyDataset() throws {
        let inputs = try InputsFolder()
        let result = try Ingest.run(inputs: inputs.path)
        #expect(result.files.isEmpty)
        #expect(result.dataset.config.name == "本市")
    }

    @Test func filesSortByUTF8Bytes() throws {
        let inputs = try InputsFolder()
        let header: [[CellInput]] = [[.text("检查日期"), .text("区县"), .text("单位名称")]]
        for name in ["b.xlsx", "B.xlsx", "a/z.xlsx", "东城区.xlsx", "a.xlsx"] {
            try inputs.write(name, workbook([sheet("S", header)]))
        }
        let result = try Ingest.run(inputs: inputs.path)
        #expect(result.files.map(\.path) == ["B.xlsx", "a.xlsx", "a/z.xlsx", "b.xlsx", "东城区.xlsx"])
        #expect(result.dataset.files == result.files.map(\.path))
    }

    @Test func csvEncodingsDelimitersAndLineNumbers() throws {
        let inputs = try InputsFolder()
        try inputs.write("config.toml", text: config)
        // GB18030 (as Chinese Excel saves CSV), CRLF, a title line, a quoted field with a line break.
        let gbText = "2020年西城区行政处罚案件统计\r\n案件编号,立案日期,区县,处罚种类,罚款金额（元）,是否事前处罚\r\n"
            + "XC-1,2020/3/1,西城,\"罚款；\r\n责令停产停业整顿\",\"12,000\",是\r\n"
            + "XC-2,2020/3/2,西城,罚款,5000,否\r\n"
            + "合计,,,,\"17,000\",\r\n"
        try inputs.write("西城区/处罚.csv", GB18030.encode(gbText))
        // UTF-8 with BOM, tab-delimited.
        let tabText = "\u{FEFF}排查日期\t区县\t整改状态\n2021-01-05\t东城区\t已整改\n2021-01-06\t东城区\t未整改\n"
        try inputs.write("东城区/隐患.csv", Array(tabText.utf8))

        let result = try Ingest.run(inputs: inputs.path)
        let gb = try #require(result.files.first { $0.path == "西城区/处罚.csv" })
        #expect(gb.format == "csv")
        #expect(gb.encoding == "GB18030")
        #expect(gb.delimiter == ",")
        #expect(gb.sheets.count == 1)
        #expect(gb.sheets[0].name == nil)
        #expect(gb.sheets[0].headerRow == 2)
        #expect(gb.sheets[0].accepted == 2)
        let tab = try #require(result.files.first { $0.path == "东城区/隐患.csv" })
        #expect(tab.encoding == "UTF-8 (BOM)")
        #expect(tab.delimiter == "\\t")
        #expect(tab.sheets[0].accepted == 2)

        let p = result.dataset.penalties
        #expect(p.fine == [Money(fen: 1_200_000), Money(fen: 500_000)])
        #expect(p.penaltyFlags == [["停产整顿", "事前"], []])
        #expect(p.provenance.map(\.row) == [3, 5], "rows are the lines where records start")
        #expect(result.dataset.describe(p.provenance[1]) == "西城区/处罚.csv 第5行")
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.dataset.hazards.count == 2)
        expectConservation(result)
    }

    @Test func hiddenSheetsAndInlineStringsAreRead() throws {
        let inputs = try InputsFolder()
        var s = sheet("检查", hidden: true, [[.text("检查日期"), .text("区县"), .text("单位名称")],
                                             [.text("2021-03-01"), .text("东城区"), .text("甲")]])
        s.inlineStrings = true
        s.omitCellReferences = true
        try inputs.write("a.xlsx", workbook([sheet("封面", [[.text("2021年执法检查台账")]]), s]))
        let result = try Ingest.run(inputs: inputs.path)
        #expect(result.sheet("a.xlsx", "检查")?.accepted == 1)
        #expect(result.sheet("a.xlsx", "封面")?.skipped != nil)
    }
}
