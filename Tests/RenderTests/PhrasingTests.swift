import Foundation
import Testing
@testable import Render
import Ingest
import Metrics
import Model

/// The sentences the shipped templates write, against the forms of published summaries (PRODUCT.md,
/// METRICS.md §Phrases and issue 13): the expected texts below are those published forms with the
/// documents' full-width punctuation, not copies of our output. Data sets are built so that each
/// form has its case.
@Suite struct PhrasingTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates")

    /// A city with one district (or the region and parts given); every record in the first part
    /// unless a call names another; every part sent every register for `years`.
    struct Data {
        var dataset: Dataset
        let p = Provenance(file: 0, sheet: -1, row: 2)
        let part: String

        init(region: String = "示例市", level: RegionConfig.Level = .city, parts: [String] = ["东城区"], years: [Int] = [2019, 2020]) {
            dataset = Dataset(config: RegionConfig(name: region, level: level, parts: parts), catalog: CatalogLoader.builtin())
            part = parts[0]
            dataset.files = ["t.xlsx"]
            everyRegisterSent(&dataset, years: years)
        }

        mutating func accidents(_ year: Int, count: Int, deaths: [Int] = [], industry: String = "危险化学品", loss: Int64 = 0, fire: Bool = false) {
            for i in 0..<count {
                var v: [String: RecordValue] = ["发生时间": .day(Day(year: year, month: 1 + i % 12, day: 1)!),
                                                "死亡人数": .count(Int64(i < deaths.count ? deaths[i] : 0)),
                                                "直接经济损失": .money(i == 0 ? Money(fen: loss) : .zero)]
                if !fire { v["行业领域"] = .text(industry) }
                dataset.append(kind: fire ? "火灾" : "事故", part: part, v, provenance: p)
            }
        }

        mutating func hazards(_ year: Int, found: Int, rectified: Int) {
            for i in 0..<found {
                dataset.append(kind: "隐患", part: part, ["排查日期": .day(Day(year: year, month: 3, day: 1)!),
                                                        "整改状态": .status(i < rectified)], provenance: p)
            }
        }

        mutating func penalties(_ year: Int, count: Int, industry: String, fine: Int64 = 0, before: Int = 0) {
            for i in 0..<count {
                dataset.append(kind: "行政处罚", part: part, ["立案日期": .day(Day(year: year, month: 5, day: 1)!), "行业领域": .text(industry),
                                                              "罚款金额": .money(i == 0 ? Money(fen: fine) : .zero),
                                                              "事前处罚": .bool(i < before)], provenance: p)
            }
        }

        /// The Markdown `template` writes for the region, or for the part `scope`.
        func render(_ template: String, scope: String? = nil) throws -> String {
            let figures = FiguresBuilder.compute(dataset, period: try ReportPeriod(year: 2020, through: 12))
            let path = PhrasingTests.templates.appendingPathComponent(template).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let file = try TemplateFile(name: String(template.dropLast(3)), path: path, text: text)
            let rendered = try ReportRenderer(templates: [file]).render(figures, formats: [.md])
            let wanted = (scope ?? figures.region) + "/" + template
            let document = rendered.first { $0.path == wanted } ?? rendered.first { $0.path == template }
            return String(decoding: try #require(document).bytes, as: UTF8.self)
        }
    }

    /// 8 accidents and 6 deaths against 13 and 11; fires 85 (one death) against 112 (none);
    /// 7078 hazards, 6810 rectified; 118 penalties, 60 of them 危险化学品, fines 484.353万元;
    /// loss 220.8万元; targets 行政处罚起数 105 (beaten) and 事前处罚起数 80 (69 reached).
    static func published() -> Data {
        var data = Data()
        data.accidents(2020, count: 8, deaths: [2, 1, 1, 1, 1], loss: 220_800_000)
        data.accidents(2019, count: 13, deaths: [3, 2, 2, 1, 1, 1, 1])
        data.accidents(2020, count: 85, deaths: [1], fire: true)
        data.accidents(2019, count: 112, fire: true)
        data.hazards(2020, found: 7078, rectified: 6810)
        data.penalties(2020, count: 60, industry: "危险化学品", fine: 484_353_000, before: 60)
        data.penalties(2020, count: 58, industry: "冶金", before: 9)
        data.dataset.targets = [
            Target(year: 2020, part: nil, metric: "行政处罚起数", value: ExactDecimal(105), origin: "config.toml 第1行"),
            Target(year: 2020, part: nil, metric: "事前处罚起数", value: ExactDecimal(80), origin: "config.toml 第2行"),
        ]
        return data
    }

    @Test func theSummaryWritesThePublishedForms() throws {
        let text = try Self.published().render("工作总结.md")
        // METRICS.md §Phrases, with the document's punctuation.
        #expect(text.contains("2020年，全市共发生各类生产安全事故8起、死亡6人，同比分别下降38.5%、45.5%"), "\(text)")
        #expect(text.contains("全市发生火灾85起、死亡1人，火灾起数同比下降24.1%，死亡人数同比增加1人"), "\(text)")
        #expect(text.contains("全市累计排查隐患7078条，已整改6810条，整改率96.2%"), "\(text)")
        #expect(text.contains("全市生产安全事故起数和死亡人数实现“双下降”"), "\(text)")
        // One industry singled out (DocumentFormsTests), not a sentence per industry.
        #expect(text.contains("其中涉及危化品案件60起，占比86.96%"), "\(text)")
        #expect(!text.contains("领域发生事故") && !text.contains("冶金"), "\(text)")
        #expect(!text.contains("发生事故0起") && !text.contains("死亡0人") && !text.contains("占比0.00%"), "\(text)")
        #expect(!text.contains("未填写"), "\(text)")
        // Targets: beaten is 超额完成; short of it, the completion rate (METRICS.md: 69/80 → 86.25%).
        #expect(text.contains("行政处罚起数超额完成年度目标105起。"), "\(text)")
        #expect(text.contains("事前处罚起数完成年度目标80起的86.25%。"), "\(text)")
        #expect(!text.contains("的112.38%"))
        // One money precision in the document: 220.8 is printed as 220.800 beside 484.353, both exact.
        #expect(text.contains("直接经济损失220.800万元"), "\(text)")
        #expect(text.contains("罚款484.353万元"), "\(text)")
    }

    /// 5 → 11 accidents, 1 → 12 deaths; fire deaths 3 → 0; rectification 48/50 (96.0%) → 97/101
    /// (96.04%: 0.04 points, under the printed 0.1).
    static func changes() -> Data {
        var data = Data()
        data.accidents(2020, count: 11, deaths: [12])
        data.accidents(2019, count: 5, deaths: [1])
        data.accidents(2020, count: 20, fire: true)
        data.accidents(2019, count: 25, deaths: [2, 1], fire: true)
        data.hazards(2020, found: 101, rectified: 97)
        data.hazards(2019, found: 50, rectified: 48)
        return data
    }

    @Test func largeRisesFallsToZeroAndChangesBelowThePrintedPrecision() throws {
        // The sentences (the table below them gives 同比 as a percentage column).
        let text = try #require(try Self.changes().render("工作总结.md").components(separatedBy: "<!--").first)
        // 「由1人增至12人」 where 「同比分别上升120.0%、1100.0%」 was written.
        #expect(text.contains("全市共发生各类生产安全事故11起、死亡12人，事故起数由5起增至11起，死亡人数由1人增至12人。"), "\(text)")
        #expect(!text.contains("1100.0%") && !text.contains("120.0%"), "\(text)")
        // 「未发生火灾亡人事故」 where 「死亡人数同比下降100.0%」 was written.
        #expect(text.contains("全市发生火灾20起，火灾起数同比下降20.0%，未发生火灾亡人事故"), "\(text)")
        #expect(!text.contains("100.0%"), "\(text)")
        // A rate change that rounds to 0.0 points at the printed precision is 持平.
        let full = try Self.changes().render("工作总结.md")
        #expect(full.contains("整改率96.0%，同比持平"), "\(full)")
        #expect(!full.contains("0.0个百分点"), "\(full)")
    }

    @Test func thePressFiguresStateEachChangeOnce() throws {
        let text = try Self.published().render("新闻发布会数据.md")
        let overview = try #require(text.components(separatedBy: "## 二、").first)
        // METRICS.md: 2022年1-11月,事故起数和死亡人数分别下降45.4%和31.3% — the form, once.
        #expect(overview.contains("2020年，事故起数和死亡人数分别下降38.5%和45.5%。"), "\(overview)")
        #expect(overview.components(separatedBy: "38.5%").count == 2, "\(overview)")
        #expect(overview.contains("2020年，全市共发生各类生产安全事故8起、死亡6人，上年同期为13起、11人。"), "\(overview)")
    }

    @Test func phraseRulesInOnePlace() throws {
        func figure(_ value: Int64, _ prior: Int64, unit: String = "人") -> TemplateFigure {
            TemplateFigure(MetricFigure(id: "x", name: "x", unit: unit, kind: .count, value: ExactDecimal(significand: value, exponent: 0),
                                        prior: ExactDecimal(significand: prior, exponent: 0)))
        }
        func said(_ f: TemplateFigure) -> String? { f[dynamicMember: "同比表述"] as? String }
        #expect(said(figure(12, 1)) == "由1人增至12人")                 // over 100 %
        #expect(said(figure(5, 4)) == "由4人增至5人")                   // from a small base
        #expect(said(figure(22, 20)) == "同比上升10.0%")                // neither
        #expect(said(figure(41, 20)) == "由20人增至41人")              // 105 % from 20
        #expect(said(figure(40, 20)) == "同比上升100.0%")              // exactly 100 %: not over
        #expect(said(figure(1, 0)) == "同比增加1人")                   // from zero: no percentage
        #expect(said(figure(0, 3)) == "同比下降100.0%")
        #expect(figure(0, 3)[dynamicMember: "降为零"] as? Bool == true)
        #expect(said(figure(9999, 10000)) == "同比基本持平")           // −0.01 % prints as 0.0 %
        #expect(said(figure(7, 7)) == "同比持平")
        #expect(PhraseRules.largeRisePercent == 100 && PhraseRules.smallBase == 10)
        let rate = TemplateFigure(MetricFigure.rate(id: "hazards.rate", name: "隐患整改率", numerator: ExactDecimal(97),
                                                     denominator: ExactDecimal(101), priorNumerator: ExactDecimal(48),
                                                     priorDenominator: ExactDecimal(50)))
        #expect(said(rate) == "同比持平")
        #expect(rate[dynamicMember: "同比"] as? String == "同比上升0.0个百分点")   // the figure's own phrase is unchanged
    }

    @Test func oneMoneyPrecisionPerDocumentAndOnRequest() throws {
        let loss = TemplateFigure(MetricFigure(id: "accidents.loss", name: "直接经济损失", unit: "万元", kind: .money,
                                               value: ExactDecimal(significand: 2208, exponent: -1), prior: ExactDecimal(131)))
        loss.documentMoneyDecimals = 3
        #expect(TemplateFigure.money(loss.figure.value, decimals: loss.documentMoneyDecimals) == "220.800")
        #expect(loss[dynamicMember: "上年万元"] as? String == "131.000")
        #expect(loss.description == "220.8")   // the default stays exact, trailing zeros trimmed (METRICS.md)
        #expect(TemplateFigure.money(ExactDecimal(significand: 484353, exponent: -3), decimals: 2) == "484.35")
        #expect(TemplateFigure.money(ExactDecimal(significand: 484355, exponent: -3), decimals: 2) == "484.36")   // half-up
    }
}
