import Foundation
import Testing
@testable import Render
import Metrics
import Ingest
import Model
import XLSX
import Zip
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small region with figures, for rendering tests.
func sampleFigures() throws -> Figures {
    var dataset = Dataset(config: RegionConfig(name: "示例市", level: .city, parts: ["东城区", "西湖区"]), catalog: CatalogLoader.builtin())
    dataset.files = ["t.xlsx"]
    let p = Provenance(file: 0, sheet: -1, row: 2)
    for (i, year) in [2019, 2019, 2019, 2020, 2020].enumerated() {
        dataset.append(kind: "事故", part: i % 2 == 0 ? "东城区" : "西湖区",
                       ["发生时间": .day(Day(year: year, month: 3 + i, day: 1)!), "死亡人数": .count(1)], provenance: p)
    }
    dataset.append(kind: "隐患", part: "东城区", ["排查日期": .day(Day(year: 2020, month: 5, day: 1)!), "整改状态": .status(true)], provenance: p)
    everyRegisterSent(&dataset, years: [2019, 2020])
    return FiguresBuilder.compute(dataset, period: try ReportPeriod(year: 2020, through: 12))
}

/// As if every part had sent every register (empty where it has no records) with every column.
func everyRegisterSent(_ dataset: inout Dataset, years: [Int]) {
    for k in dataset.catalog.kinds.indices where dataset.catalog.kinds[k].role != .targets {
        for c in dataset.mappedColumns[k].indices { dataset.mappedColumns[k][c] = true }
        for part in dataset.config.parts {
            let code = dataset.dictionaries[dataset.partDictionary].code(for: part)
            for y in years {
                dataset.emptyRegisters.append(EmptyRegister(kind: k, part: code, year: y, months: nil, provenance: Provenance(file: 0, sheet: -1, row: 1)))
            }
        }
    }
}

func template(_ text: String, name: String = "测试") throws -> TemplateFile {
    try TemplateFile(name: name, path: "/dev/null", text: text)
}

@Suite struct MarkdownReaderTests {
    @Test func blocks() {
        let doc = MarkdownReader.read("""
        # 标题

        ## 一、总体情况

        第一行
        第二行

        ### (一)隐患

        > 【请填写】

        | 区县 | 起数 |
        |---|---|
        | 东城区 | 3 |
        <!-- 图表:月度事故 -->
        <!-- 说明文字 -->
        """)
        #expect(doc.blocks == [
            .title("标题"), .heading1("一、总体情况"), .paragraph("第一行第二行"), .heading2("(一)隐患"),
            .writerNote("【请填写】"), .table([["区县", "起数"], ["东城区", "3"]]), .chart("月度事故"),
        ])
    }
}

@Suite struct TemplateCheckTests {
    func problems(_ text: String) throws -> [TemplateError] {
        ReportRenderer(templates: [try template(text)]).check(try sampleFigures())
    }

    @Test func aValidTemplatePasses() throws {
        #expect(try problems("""
        {{ 全称 }}发生事故{{ 事故.起数 }}起,{{ 事故.起数.同比 }}。{% if 双下降 %}双下降{% endif %}
        {% for 区 in 下辖 %}{{ 区.地区 }}{{ 区.事故.死亡人数|同比:2 }}{{ forloop.counter }}{% endfor %}
        {% for 项 in 目标 %}{{ 项.完成率|百分比:2 }}{% empty %}无{% endfor %}{{ 隐患.整改率|百分比:1,"去零" }}
        """).isEmpty)
    }

    @Test func unknownVariableNamesLineAndColumn() throws {
        let found = try problems("第一行\n全市{{ 事故.起树 }}起")
        #expect(found.count == 1)
        #expect(found.first?.line == 2)
        #expect(found.first?.column == 3)
        #expect(found.first?.description.contains("起树") == true)
    }

    @Test func unknownFilterTagAndUnclosedBlock() throws {
        #expect(try problems("{{ 事故.起数|百分号 }}").first?.message.contains("百分号") == true)
        #expect(try problems("{% now \"yyyy\" %}").first?.message.contains("now") == true)
        let unclosed = try problems("a\n{% if 双下降 %}双下降")
        #expect(unclosed.first?.line == 2)
        #expect(unclosed.first?.message.contains("endif") == true)
        #expect(try problems("{% endfor %}").count == 1)
        #expect(try problems("{{ 事故 }}").first?.message.contains("一组数据") == true)
    }

    @Test func loopVariablesExistOnlyInsideTheirLoop() throws {
        #expect(try problems("{% for 区 in 下辖 %}{{ 区.地区 }}{% endfor %}{{ 区.地区 }}").count == 1)
    }

    /// An optional paragraph: `{% if 路径 %}` on a declaration this run does not have renders nothing,
    /// so its body is not checked; everything else still is — the else branch, a guard on a
    /// declared path, and a misspelt member of a figure in a guard.
    @Test func aParagraphOnADeclarationThisRunLacksIsNotChecked() throws {
        #expect(try problems("{% if 专项整治排查隐患数.非零 %}{{ 专项整治排查隐患数 }}{% for x in 没有 %}{{ x.y }}{% endfor %}{% endif %}").isEmpty)
        #expect(try problems("{% if 专项整治以来.专项整治.排查数 %}{% if a %}{% endif %}{{ 也没有 }}{% elif 又没有 %}{{ 没有 }}{% endif %}").isEmpty)
        let otherBranch = try problems("{% if 专项整治排查隐患数 %}{{ 没有 }}{% else %}{{ 事故.起树 }}{% endif %}")
        #expect(otherBranch.map(\.message) == ["「事故.起树」中没有「起树」这一项"])
        // Declared: checked as usual.
        #expect(try problems("{% if 事故.起数 %}{{ 事故.起树 }}{% endif %}").count == 1)
        // A misspelt member of a figure is a misspelling, not an absent declaration.
        #expect(try problems("{% if 事故.起数.降为零x %}{{ 事故.起数 }}{% endif %}").count == 1)
        // Conditions with operators are checked as before.
        #expect(try problems("{% if 没有 > 0 %}x{% endif %}").count == 1)
        // The body's blocks still count against the nesting limit: the engine parses them.
        let deep = String(repeating: "{% if a %}", count: 300) + String(repeating: "{% endif %}", count: 300)
        #expect(try problems("{% if 没有 %}" + deep + "{% endif %}").first?.message.contains("嵌套超过") == true)
    }

    @Test func aTemplateWithProblemsRendersNothing() throws {
        let renderer = ReportRenderer(templates: [try template("{{ 不存在 }}")])
        #expect(throws: RenderError.self) { try renderer.render(try sampleFigures(), formats: [.md]) }
    }
}

@Suite struct RenderingTests {
    @Test func sentencesComeFromTheFigures() throws {
        let renderer = ReportRenderer(templates: [try template("{# 范围: 每个地区 #}\n{{ 全称 }}事故{{ 事故.起数 }}起,{{ 事故.起数.同比 }};整改率{{ 隐患.整改率 }}。")])
        let files = try renderer.render(try sampleFigures(), formats: [.md])
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        #expect(byPath["示例市/测试.md"] == "全市事故2起,同比下降33.3%;整改率100.0%。\n")
        #expect(byPath["东城区/测试.md"] == "全区事故1起,同比下降50.0%;整改率100.0%。\n")
        #expect(byPath["西湖区/测试.md"] == "全区事故1起,同比持平;整改率—。\n")
    }

    @Test func directivesSelectScopeAndFormats() throws {
        let t = try template("{# 范围: 全域; 输出: md, docx #}\n# 标题")
        #expect(t.scope == .region)
        #expect(t.formats == [.md, .docx])
        #expect(throws: TemplateError.self) { try template("{# 输出: pdf #}") }
        let files = try ReportRenderer(templates: [t]).render(try sampleFigures(), formats: [.docx])
        #expect(files.map(\.path) == ["测试.docx"])
    }

    @Test func directivesTypedWithAChineseInputMethod() throws {
        // Full-width ：；， as a Chinese input method types them, mixed with half-width ones.
        let t = try template("{# 范围：每个地区；输出：md，html、docx #}\n# 标题")
        #expect(t.scope == .everyScope)
        #expect(t.formats == [.md, .html, .docx])
        let mixed = try template("  {# 范围: 全域；输出：xlsx。统计表，全域一份 #}")
        #expect(mixed.scope == .region)
        #expect(mixed.formats == [.xlsx])
    }

    @Test func anUnknownDirectiveIsAnErrorNamingTemplateLineAndColumn() throws {
        do {
            _ = try template("{# 范围: 全域; 格式: docx #}\n# 标题", name: "通报")
            Issue.record("a mistyped key must not silently give the defaults")
        } catch let error as TemplateError {
            #expect(error.template == "通报.md")
            #expect(error.line == 1)
            #expect(error.column == 12)   // where 格式 starts
            #expect(error.description.hasPrefix("模板 通报.md 第1行第12列: 首行注释中的「格式」不是模板设置"))
        }
        #expect(throws: TemplateError.self) { try template("{# 范围：每个区 #}") }
        #expect(throws: TemplateError.self) { try template("{# 输出： #}") }
        // Remarks (no colon) are still allowed, and a first line that is no comment has no directives.
        #expect(try template("{# 年度工作总结,全域一份 #}").formats == [.md])
        #expect(try template("# 格式: docx").formats == [.md])
    }

    @Test func htmlEscapesEveryValue() {
        let html = HTMLWriter.html(ReportDocument(blocks: [.title("<script>"), .paragraph("a & b \"c\""), .table([["<b>"], ["x"]])]))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("a &amp; b &quot;c&quot;"))
        #expect(html.contains("<th>&lt;b&gt;</th>"))
    }

    @Test func chartsAreInlineSVG() throws {
        let figures = try sampleFigures()
        let charts = ReportCharts.charts(for: figures.regionScope, in: figures)
        let html = HTMLWriter.html(ReportDocument(blocks: [.chart("各地事故")]), charts: charts)
        #expect(html.contains("<svg"))
        #expect(html.contains("东城区"))
        #expect(!html.contains("<script"))
    }
}

@Suite struct DocxTests {
    let document = ReportDocument(blocks: [.title("示例市2020年工作总结"), .heading1("一、总体情况"), .heading2("(一)事故"),
                                           .paragraph("全市发生事故2起 & <无>。"), .writerNote("【请填写】"),
                                           .table([["区县", "起数"], ["东城区", "1"]])])

    @Test func packageHasEveryPartAndWellFormedXML() throws {
        let archive = try ZipArchive(bytes: DocxWriter.bytes(document))
        let names = Set(archive.entries.map(\.path))
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
                     "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml", "word/_rels/document.xml.rels"] {
            #expect(names.contains(part), "\(part)")
        }
        for entry in archive.entries where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
            let parser = XMLParser(data: Data(try archive.read(entry)))
            #expect(parser.parse(), "\(entry.path) is not well-formed")
        }
        let body = String(decoding: try archive.read(archive.entry("word/document.xml")!), as: UTF8.self)
        #expect(body.contains("全市发生事故2起 &amp; &lt;无&gt;。"))
        #expect(body.contains("<w:tbl>"))
        #expect(body.contains("w:pgSz w:w=\"11906\" w:h=\"16838\""))   // A4
        let footer = String(decoding: try archive.read(archive.entry("word/footer1.xml")!), as: UTF8.self)
        #expect(footer.contains("— ") && footer.contains(" PAGE ") && footer.contains(" —"))
    }

    @Test func bytesAreDeterministic() {
        #expect(DocxWriter.bytes(document) == DocxWriter.bytes(document))
    }
}

@Suite struct StatisticsWorkbookTests {
    @Test func tablesBecomeSheetsWithNumbers() throws {
        let doc = ReportDocument(blocks: [.title("统计表"), .heading1("分区县"),
                                          .table([["区县", "起数", "整改率", "罚款"], ["东城区", "3", "96.2%", "484.353"], ["西湖区", "", "—", "-1"]])])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stats-\(getpid()).xlsx")
        try Data(StatisticsWorkbook.bytes(doc)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let workbook = try Workbook(path: url.path)
        #expect(workbook.sheets.map(\.name) == ["分区县"])
        var rows: [[CellValue]] = []
        try workbook.readRows(workbook.sheets[0]) { row in rows.append(row.cells.map(\.value)) }
        #expect(rows[0] == [.string("统计表(分区县)")])
        #expect(rows[1] == [.string("区县"), .string("起数"), .string("整改率"), .string("罚款")])
        #expect(rows[2] == [.string("东城区"), .number(3), .number(0.962), .number(484.353)])
        #expect(rows[3].contains(.string("—")))
    }

    @Test func groupedHeadersBordersOneMoneyFormatAndPrinting() throws {
        let doc = ReportDocument(blocks: [.title("统计表"), .heading1("分区县"), .table([
            ["区县", "事故起数｜本期", "事故起数｜上年同期", "事故起数｜同比", "罚款（万元）"],
            ["东城区", "3", "4", "-25.0%", "484.353"], ["西湖区", "1", "0", "", "12.5"], ["合计", "4", "4", "0.0%", "496.853"]])])
        let bytes = StatisticsWorkbook.bytes(doc)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stats-grouped-\(getpid()).xlsx")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let workbook = try Workbook(path: url.path)
        var rows: [[CellValue]] = []
        try workbook.readRows(workbook.sheets[0]) { row in rows.append((0..<5).map { row[$0] }) }
        #expect(rows[0][0] == .string("统计表(分区县)"))
        #expect(rows[1] == [.string("区县"), .string("事故起数"), .empty, .empty, .string("罚款\n（万元）")])
        #expect(rows[2] == [.empty, .string("本期"), .string("上年同期"), .string("同比"), .empty])
        #expect(rows[3] == [.string("东城区"), .number(3), .number(4), .number(-0.25), .number(484.353)])
        // The group over its three columns; ungrouped headers down both header rows; the title across.
        let merged = try workbook.mergedRanges(workbook.sheets[0]).map(\.description)
        #expect(Set(merged) == ["A1:E1", "B2:D2", "A2:A3", "E2:E3"])

        let archive = try ZipArchive(bytes: bytes)
        let sheet = String(decoding: try archive.read(archive.entry("xl/worksheets/sheet1.xml")!), as: UTF8.self)
        #expect(sheet.contains("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"))
        #expect(sheet.contains("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"))
        #expect(sheet.contains("<pane xSplit=\"1\" ySplit=\"3\" topLeftCell=\"B4\""))
        let book = String(decoding: try archive.read(archive.entry("xl/workbook.xml")!), as: UTF8.self)
        #expect(book.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'分区县'!$1:$3</definedName>"))
        let styles = String(decoding: try archive.read(archive.entry("xl/styles.xml")!), as: UTF8.self)
        // One money format with the decimals of the most precise amount (484.353), a signed 同比, thin borders.
        #expect(styles.contains("formatCode=\"0.000\""))
        #expect(!styles.contains("formatCode=\"0.0#####\""))
        #expect(styles.contains("formatCode=\"+0.0%;-0.0%;0.0%\""))
        #expect(styles.contains("<left style=\"thin\">"))
    }

    @Test func sheetNamesAreValidAndUnique() {
        var used: Set<String> = []
        #expect(StatisticsWorkbook.uniqueSheetName("分[区]县:*?/\\", used: &used) == "分区县")
        #expect(StatisticsWorkbook.uniqueSheetName("分区县", used: &used) == "分区县(2)")
        #expect(StatisticsWorkbook.uniqueSheetName(String(repeating: "长", count: 40), used: &used).count == 31)
    }
}

@Suite struct FiguresCSVTests {
    @Test func oneLinePerScopeAndMetricWithPlainNumbersUnguarded() throws {
        let figures = try sampleFigures()
        let text = FiguresCSV.text(figures)
        // UTF-8 with a byte-order mark, so Chinese Excel does not read it as GBK.
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = text.dropFirst().split(separator: "\n")
        #expect(lines.first == "地区,指标代码,指标名称,单位,本期,上年同期,增减,同比(%),增减方向,同比表述")
        let metricCount = figures.scopes.reduce(0) { $0 + $1.metrics.count }
        #expect(lines.count == metricCount + 1)
        // 示例市: 2 accidents against 3 — the change -1 stays a number, not '-1.
        #expect(lines.contains("示例市,accidents.count,事故起数,起,2,3,-1,-33.33,下降,同比下降33.3%"))
    }

    @Test func textThatWouldRunAsAFormulaIsGuarded() throws {
        var dataset = Dataset(config: RegionConfig(name: "=HYPERLINK(\"x\")", level: .city, parts: ["@区"]), catalog: CatalogLoader.builtin())
        dataset.files = ["t.csv"]
        dataset.append(kind: "事故", part: "@区", ["发生时间": .day(Day(year: 2020, month: 1, day: 1)!)],
                       provenance: Provenance(file: 0, sheet: -1, row: 2))
        everyRegisterSent(&dataset, years: [2019, 2020])
        let text = FiguresCSV.text(FiguresBuilder.compute(dataset, period: try ReportPeriod(year: 2020, through: 12)))
        #expect(text.contains("\"'=HYPERLINK(\"\"x\"\")\",accidents.count"))
        #expect(text.contains("'@区,accidents.count"))
        #expect(!text.contains("\n=") && !text.contains("\n@"))
    }
}
