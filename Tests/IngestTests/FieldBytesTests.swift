import Foundation
@testable import Ingest
import CSV
import Model
import Testing

/// A CSV cell read from the reader's bytes (`RawCell.utf8`) gives what the same cell read as a
/// `String` (`RawCell.text`) gives: for every parser on random cell texts of every field type, and
/// for whole sheets of every kind — records, dictionaries, rejects, warnings, reports.
@Suite struct FieldBytesTests {
    /// Random cell texts, by field type, with the spaces, full-width forms, units and mistakes
    /// the registers hold.
    struct CellTexts {
        var random: SeededGenerator
        /// Cells a register accepts (valid forms only, still spaced and full-width), for rows
        /// that should become records.
        var clean = false

        mutating func pick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &random)] }
        mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
        mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }

        /// ASCII digits and signs as their full-width forms, sometimes.
        mutating func fullWidth(_ s: String) -> String {
            guard chance(15) else { return s }
            return String(String.UnicodeScalarView(s.unicodeScalars.map { u in
                (0x21...0x7E).contains(u.value) && chance(70) ? Unicode.Scalar(u.value + 0xFEE0)! : u
            }))
        }

        /// Whitespace around the text, sometimes (ASCII, NBSP, ideographic space, tab).
        mutating func spaced(_ s: String) -> String {
            guard chance(12) else { return s }
            let spaces = ["", " ", "  ", "\u{3000}", "\u{A0}", "\t", "\u{2003}", "\u{FEFF}"]
            return pick(spaces) + s + pick(spaces)
        }

        mutating func blank() -> String { pick(["", " ", "\u{3000}", "\u{A0}", "\t", " \u{3000} ", "\u{2002}"]) }

        mutating func two(_ v: Int) -> String { chance(50) && v < 10 ? "0\(v)" : "\(v)" }

        mutating func date() -> String {
            let y = clean || chance(90) ? int(2018...2026) : int(1890...2110)
            let m = clean || chance(95) ? int(1...12) : int(0...15)
            let d = clean || chance(95) ? int(1...28) : int(0...33)
            var t: String
            switch clean ? int(0..<5) : int(0..<12) {
            case 0: t = "\(y)/\(two(m))/\(two(d))"
            case 1: t = "\(y).\(two(m)).\(two(d))"
            case 2: t = "\(y)年\(m)月\(d)日"
            case 3: t = "\(y)年\(two(m))月\(two(d))号"
            case 4: t = String(format: "%04d%02d%02d", y, m, d)
            case 5: t = "\(int(18_000...75_000))"                   // an Excel serial as digits
            case 6: t = "\(y) 年 \(m) 月 \(d) 日"
            case 7: t = "\(y)—\(m)—\(d)"
            case 8: t = pick(["2024-1", "abc", "—", "2024-02-30", "20241", "2024/1/2/3", "12:30", "2024-01-02x"])
            default: t = "\(y)-\(two(m))-\(two(d))"
            }
            if clean, chance(20) {
                t += pick([" 14:30", " 14:30:05", "T08:05:00", " 9时5分", " 14时30分05秒"])
            } else if chance(20) {
                t += pick([" 14:30", " 14:30:05", "T08:05:00", " 9时5分", " 14:30:05.123", " 14时30分05秒", " 24:00", " 8点",
                           "  07:60", " 23:59:59"])
            }
            return spaced(fullWidth(t))
        }

        mutating func number() -> String {
            var t: String
            switch clean ? pick([0, 1, 9]) : int(0..<10) {
            case 0: t = "\(int(0...9)),\(String(format: "%03d", int(0...999)))"
            case 1: t = "\(int(0...500)).\(int(0...99))"
            case 2: t = "-\(int(1...50))"
            case 3: t = "\(int(1...9))e\(int(0...3))"
            case 4: t = pick(["1,23", "1.2.3", "三", "", "1,234,56", "9223372036854775808", "0.000000000000000000000000000001"])
            case 5: t = "\(int(0...100))%"
            default: t = "\(int(0...3000))"
            }
            return t
        }

        mutating func count() -> String {
            var t = number()
            if clean { return spaced(fullWidth("\(int(0...30))" + (chance(20) ? pick(["人", "起", "人次", " 个"]) : ""))) }
            if chance(25) { t += pick(["人", "起", "人次", "个", "家次", "元", "abc", " 人", "%"]) }
            return spaced(fullWidth(t))
        }

        mutating func money() -> String {
            var t = clean ? "\(int(0...900)).\(int(0...99))" : pick(["", "¥", "$", "￥", "-"]) + number()
            if chance(40) { t += pick(["元", "万元", "万", "亿元", "亿", "人民币元", "万元人民币", " 万元", "美元", "RMB"]) }
            return spaced(fullWidth(t))
        }

        mutating func year() -> String {
            spaced(fullWidth(pick(["2024", "2025年", "2024年度", "24", "2024.0", "1899", "2024.5", "2025 年", "二〇二四"])))
        }

        mutating func choice(_ type: FieldType) -> String {
            if clean {
                switch type {
                case .bool: return spaced(pick(["是", "否", "√", "", "Y", "0"]))
                case .status: return spaced(pick(["已整改", "未整改", "整改中", "已完成", "已销号", ""]))
                default: return spaced(pick(["一般", "重大", "", "一般隐患", "重大事故隐患"]))
                }
            }
            return spaced(pick(["是", "否", "√", "×", "Y", "n", "TRUE", "false", "1", "0", "有", "无", "已整改", "未整改", "整改中",
                         "已完成", "已销号", "逾期未整改", "不知道", "一般", "较大", "重大", "特别重大", "一般事故", "重大隐患",
                         "一般级", "较大事故", "中等", "☑", "☐", "✔"]))
        }

        mutating func words() -> String {
            var t = ""
            for _ in 0..<int(1...4) {
                t += pick(["企业", "东城", "有限公司", "消防通道堵塞", "H-\(int(1...30))", "😀", "e\u{301}", "Ａ", "𠀀", "合金",
                           "\(int(0...99))", "填报", "—", "·"])
            }
            return spaced(t)
        }

        /// A cell for a column of `type`, now and then one meant for another column, or blank.
        mutating func cell(_ type: FieldType) -> String {
            if !clean, chance(6) { return blank() }
            if !clean, chance(6) { return pick([date(), count(), money(), choice(type), words()]) }
            switch type {
            case .date: return date()
            case .count: return count()
            case .money: return money()
            case .number: return clean ? "\(int(0...100))" : spaced(fullWidth(number() + (chance(20) ? pick(["万元", "人", "%", "x"]) : "")))
            case .year: return clean ? spaced(pick(["2024", "2025年", "2025"])) : year()
            case .bool, .status, .level: return choice(type)
            case .district: return spaced(clean ? pick(["东城区", "西城区", "东城", ""]) : pick(["东城区", "西城区", "东城", "北城区", "示例市", "", "西城区 "]))
            case .town: return spaced(pick(["城关镇", "新华街道", "城关镇", "", "东风乡"]))
            case .industry: return spaced(pick(["商贸", "建筑施工", "奇怪行业", "工贸", "危险化学品", ""]))
            case .id: return spaced(pick(["H-\(int(1...40))", "A\(int(1...40))", ""]))
            case .text, .list, .note: return words()
            }
        }
    }

    static let allTypes: [FieldType] = [.date, .count, .money, .number, .year, .bool, .status, .level, .district, .town,
                                        .industry, .id, .text, .list, .note]

    /// The two cells of one text: as a `String`, and as bytes in memory that outlives the check.
    func bothCells(_ text: String, _ body: (RawCell, RawCell) -> Void) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { b in
            let string: RawCell = text.isEmpty ? .empty : .text(text)
            let utf8: RawCell = text.isEmpty ? .empty : .utf8(FieldBytes(UnsafeBufferPointer(b)))
            body(string, utf8)
        }
    }

    @Test func everyParserReadsBytesAsItReadsText() {
        var texts = CellTexts(random: SeededGenerator(seed: 15))
        var checked = 0
        for _ in 0..<4_000 {
            for type in Self.allTypes {
                let text = texts.cell(type)
                bothCells(text) { string, utf8 in
                    #expect(string.isBlank == utf8.isBlank, "isBlank «\(text)»")
                    #expect(string.display == utf8.display, "display «\(text)»")
                    #expect(utf8.materialised == string, "materialised «\(text)»")
                    #expect(CountParser.parse(string) == CountParser.parse(utf8), "count «\(text)»")
                    for unit in [MoneyUnit.yuan, .wanYuan, .yiYuan] {
                        #expect(MoneyParser.parse(string, unit: unit) == MoneyParser.parse(utf8, unit: unit), "money «\(text)»")
                    }
                    #expect(DateParser.parse(string) == DateParser.parse(utf8), "date «\(text)»")
                    #expect(SheetIngestor.year(string) == SheetIngestor.year(utf8), "year «\(text)»")
                    #expect(SheetIngestor.decimal(string) == SheetIngestor.decimal(utf8), "number «\(text)»")
                    #expect(ChoiceParser.boolean(string) == ChoiceParser.boolean(utf8), "bool «\(text)»")
                    #expect(ChoiceParser.status(string) == ChoiceParser.status(utf8), "status «\(text)»")
                    #expect(ChoiceParser.level(string) == ChoiceParser.level(utf8), "level «\(text)»")
                    if case .success = DateParser.parse(utf8) { checked += 1 }
                }
            }
        }
        #expect(checked > 1_000, "the dates parse often enough to compare values, not only failures")
    }

    // MARK: Whole sheets

    let config = RegionConfig(
        name: "示例市", level: .city, parts: ["东城区", "西城区"],
        partAliases: ["东城区": "东城区", "东城": "东城区", "西城区": "西城区", "西城": "西城区"], regionAliases: ["示例市"])

    static let headers: [(file: String, columns: [String])] = [
        ("东城区/事故.csv", ["事故编号", "发生时间", "区县", "镇街", "行业领域", "事故类型", "单位名称", "死亡人数", "失踪人数",
                         "重伤人数", "受伤人数", "直接经济损失", "事故等级", "是否立案", "是否结案"]),
        ("西城区/火灾.csv", ["发生时间", "区县", "起火场所", "死亡人数", "重伤人数", "直接经济损失", "火灾等级"]),
        ("西城区/隐患.csv", ["隐患编号", "排查日期", "区县", "镇街", "单位名称", "行业领域", "隐患等级", "隐患描述", "整改状态",
                         "整改期限", "整改完成日期", "挂牌督办", "来源"]),
        ("东城区/执法检查.csv", ["检查日期", "镇街", "单位名称", "行业领域", "检查类型", "发现隐患数"]),
        ("东城区/行政处罚.csv", ["案件编号", "立案日期", "区县", "单位名称", "处罚种类", "罚款金额", "事前处罚"]),
        ("目标.csv", ["年度", "区县", "指标", "目标值"]),
        ("东城区/填报指标.csv", ["指标", "数值", "年度", "月份", "单位"]),
    ]

    /// Each sheet's rows: its header, then random rows typed by the column the header names.
    func sheets(seed: UInt64, rows: Int) -> [(file: String, rows: [[String]])] {
        var texts = CellTexts(random: SeededGenerator(seed: seed))
        let catalog = CatalogLoader.builtin(region: config)
        return Self.headers.map { file, columns in
            let types = columns.map { catalog.fields[catalog.field(named: $0)!].type }
            var sheet = [columns]
            for _ in 0..<rows {
                // Now and then a total row, a note line, a blank row or the header again.
                switch texts.int(0..<100) {
                case 0: sheet.append(["合计"] + types.dropFirst().map { $0 == .count || $0 == .money ? texts.count() : "" })
                case 1: sheet.append(["小 计", texts.count()])
                case 2: sheet.append([texts.pick(["填报人：张三", "注：以上数据截至年底", "  以下空白"])])
                case 3: sheet.append([])
                case 4: sheet.append(columns)
                default:
                    texts.clean = texts.chance(70)
                    sheet.append(types.map { texts.cell($0) })
                    texts.clean = false
                }
            }
            return (file, sheet)
        }
    }

    func csvText(_ rows: [[String]]) -> String {
        rows.map { cells in
            cells.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    /// The sheets ingested as CSV files (cells as the reader's bytes; `rowsPerChunk` rows per chunk
    /// after the first), or as rows of `String` cells.
    func ingest(_ sheets: [(file: String, rows: [[String]])], bytes: Bool, rowsPerChunk: Int = 4096) throws -> IngestResult {
        let catalog = CatalogLoader.builtin(region: config)
        var context = IngestContext(config: config, catalog: catalog)
        context.rowsPerChunk = rowsPerChunk
        context.chunksOnlyOnIdleCores = false
        let sorted = sheets.sorted { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
        var merger = DatasetMerger(config: config, catalog: catalog, paths: sorted.map(\.file))
        for (i, sheet) in sorted.enumerated() {
            var ingestor = FileIngestor(context: context, fileIndex: i, report: FileReport(path: sheet.file, size: 0, sha256: "", format: "csv"))
            if bytes {
                try CSVFileReader.read(bytes: Array(csvText(sheet.rows).utf8), name: sheet.file, into: &ingestor)
            } else {
                ingestor.addSheet(name: nil, index: 1) { ingest, partial in
                    for (r, texts) in sheet.rows.enumerated() { ingest.consume(RawRow(number: r + 1, texts: texts), into: &partial) }
                }
                ingestor.setEncoding("UTF-8", delimiter: UInt8(ascii: ","))
            }
            merger.merge(ingestor.partial)
        }
        return merger.finish()
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func sheetsReadFromBytesAsFromText(seed: UInt64) throws {
        let sheets = self.sheets(seed: seed, rows: 400)
        let text = try ingest(sheets, bytes: false)
        // Every kind is read, with records and rejects of each, so the comparison covers them.
        for (k, table) in text.dataset.tables.enumerated() where text.dataset.catalog.kinds[k].role != .targets {
            #expect(table.count > 50, "kind \(text.dataset.catalog.kinds[k].name) has records")
        }
        #expect(text.dataset.targets.count > 5)
        #expect(text.rejects.count > 200)
        #expect(!text.warnings.isEmpty)
        expectConservation(text)
        expectSameIngestResult(text, try ingest(sheets, bytes: true), "bytes")
        expectSameIngestResult(text, try ingest(sheets, bytes: true, rowsPerChunk: 7), "bytes in chunks of 7 rows")
    }

    /// A large file's pages are given back as its records are read (`SpentBytes`, `releaseText`):
    /// the records, rejects and warnings are those of the same file read with every byte kept,
    /// for UTF-8 (the text is the file's bytes, released behind the checksum) and for GB18030
    /// (the file's bytes released once decoded, the decoded text as it is read).
    @Test func givingBackReadPagesChangesNothing() throws {
        let hazards = Self.headers.first { $0.file.hasSuffix("隐患.csv") }!
        let text = csvText(sheets(seed: 7, rows: 15_000).first { $0.file == hazards.file }!.rows)
        let catalog = CatalogLoader.builtin(region: config)
        func ingest(_ bytes: [UInt8], releasing: Bool, mapped: Bool = false) throws -> IngestResult {
            var context = IngestContext(config: config, catalog: catalog)
            context.rowsPerChunk = 1000
            context.chunksOnlyOnIdleCores = false
            var merger = DatasetMerger(config: config, catalog: catalog, paths: [hazards.file])
            var ingestor = FileIngestor(context: context, fileIndex: 0, report: FileReport(path: hazards.file, size: 0, sha256: "", format: "csv"))
            var file = FileBytes(array: bytes)
            if mapped {
                let path = NSTemporaryDirectory() + "safetystats-mapped-\(UUID().uuidString).csv"
                FileManager.default.createFile(atPath: path, contents: Data(bytes))
                file = try #require(FileBytes(mapping: path, limit: 1 << 30))
                #expect(file.isMapped)
                // Deleted before it is read: the mapping still holds the bytes, which did not change.
                try FileManager.default.removeItem(atPath: path)
            }
            try CSVFileReader.read(file: file, name: hazards.file, hashed: releasing ? { Int.max } : nil,
                                   releasingFrom: 1 << 16, into: &ingestor)
            merger.merge(ingestor.partial)
            return merger.finish()
        }
        for bytes in [Array(text.utf8), GB18030.encode(text)] {
            #expect(bytes.count > 1 << 20)
            let kept = try ingest(bytes, releasing: false)
            let records = kept.dataset.tables.reduce(0) { $0 + $1.count }
            #expect(records > 1_000 && kept.rejects.count > 1_000, "\(records) records, \(kept.rejects.count) rejects")
            // Mapped first: the array given back below is `bytes` itself, its pages then zeros.
            expectSameIngestResult(kept, try ingest(bytes, releasing: true, mapped: true), "mapped, pages given back")
            expectSameIngestResult(kept, try ingest(bytes, releasing: true), "pages given back")
        }
    }

    /// A mapped CSV written in place while it is read (a district re-copying its export) is an
    /// error naming the change, not records: what was read is neither the old file nor the new.
    @Test func aFileWrittenWhileReadIsAnError() throws {
        let hazards = Self.headers.first { $0.file.hasSuffix("隐患.csv") }!
        let bytes = Array(csvText(sheets(seed: 3, rows: 2_000).first { $0.file == hazards.file }!.rows).utf8)
        let path = NSTemporaryDirectory() + "safetystats-written-\(UUID().uuidString).csv"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var past = [timespec(tv_sec: 1_600_000_000, tv_nsec: 0), timespec(tv_sec: 1_600_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &past, 0) == 0)
        let catalog = CatalogLoader.builtin(region: config)
        func read(_ file: FileBytes) -> Error? {
            var ingestor = FileIngestor(context: IngestContext(config: config, catalog: catalog), fileIndex: 0,
                                        report: FileReport(path: hazards.file, size: 0, sha256: "", format: "csv"))
            do { try CSVFileReader.read(file: file, name: hazards.file, into: &ingestor) } catch { return error }
            return nil
        }
        #expect(read(try #require(FileBytes(mapping: path, limit: 1 << 30))) == nil)
        let file = try #require(FileBytes(mapping: path, limit: 1 << 30))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seek(toFileOffset: UInt64(bytes.count / 2))
        handle.write(Data("0".utf8))
        handle.closeFile()
        let error = try #require(read(file))
        #expect("\(error)".contains("文件在读取过程中被其他程序改写或截短"))
    }
}
