import Foundation
import Testing
@testable import Render
import Ingest
import Metrics
import Model

/// The sentence forms of issue 11 that the default templates write, each against the published
/// form (issue 11 and CATALOG.md quote them; the documents' full-width punctuation), not against our
/// own output; and what the templates say when data is missing: a part that did not report, a
/// region whose total leaves it out, a year without a prior.
@Suite struct DocumentFormsTests {
    typealias Data = PhrasingTests.Data

    /// Records of other kinds than `PhrasingTests.Data` writes.
    static func accident(_ data: inout Data, _ year: Int, month: Int, day: Int, deaths: Int, type: String,
                         part: String? = nil, town: String? = nil) {
        var v: [String: RecordValue] = ["发生时间": .day(Day(year: year, month: month, day: day)!), "死亡人数": .count(Int64(deaths)),
                                        "行业领域": .text("危险化学品"), "事故类型": .text(type)]
        if let town { v["镇街"] = .text(town) }
        data.dataset.append(kind: "事故", part: part ?? data.part, v, provenance: data.p)
    }

    static func hazards(_ data: inout Data, _ year: Int, source: String, found: Int, rectified: Int? = nil) {
        for i in 0..<found {
            data.dataset.append(kind: "隐患", part: data.part, ["排查日期": .day(Day(year: year, month: 4, day: 1)!), "来源": .text(source),
                                                               "整改状态": .status(i < (rectified ?? found))], provenance: data.p)
        }
    }

    static func inspections(_ data: inout Data, _ year: Int, hazardsFound: [Int]) {
        for (i, n) in hazardsFound.enumerated() {
            data.dataset.append(kind: "执法检查", part: data.part, ["检查日期": .day(Day(year: year, month: 6, day: 1)!), "单位名称": .text("单位\(i)"),
                                                                 "发现隐患数": .count(Int64(n))], provenance: data.p)
        }
    }

    /// 事前处罚 cases of one industry; `fine` (in 分) on the first.
    static func preCases(_ data: inout Data, _ year: Int, industry: String, count: Int, fine: Int64) {
        for i in 0..<count {
            data.dataset.append(kind: "行政处罚", part: data.part, ["立案日期": .day(Day(year: year, month: 5, day: 1)!), "行业领域": .text(industry),
                                                                 "罚款金额": .money(i == 0 ? Money(fen: fine) : .zero), "事前处罚": .bool(true)],
                                provenance: data.p)
        }
    }

    // MARK: - The published forms

    /// PRODUCT.md: 累计查办事前处罚案件118起,罚款484.353万元,其中涉及危化品案件60起,占比50.85%; issue 11:
    /// 罚款310.375万元,占比64.08% (METRICS.md: 310.375/484.353 → 64.08%).
    @Test func oneIndustrySinglesOutInsteadOfALinePerIndustry() throws {
        var data = Data()
        Self.preCases(&data, 2020, industry: "危险化学品", count: 60, fine: 310_375_000)
        Self.preCases(&data, 2020, industry: "冶金", count: 40, fine: 173_978_000)
        Self.preCases(&data, 2020, industry: "建材", count: 18, fine: 0)
        let summary = try data.render("工作总结.md")
        #expect(summary.contains("查办事前处罚案件118起，罚款484.353万元，其中涉及危化品案件60起，占比50.85%，罚款310.375万元，占比64.08%。"), "\(summary)")
        #expect(!summary.contains("冶金") && !summary.contains("建材") && !summary.contains("重点行业领域"), "\(summary)")
        let press = try data.render("新闻发布会数据.md")
        #expect(press.contains("查办事前处罚案件118起，罚款484.353万元，其中涉及危化品案件60起，占比50.85%，罚款310.375万元，占比64.08%。"), "\(press)")
    }

    /// Without 危化品 事前处罚 cases the industry with the most is singled out, by its name.
    @Test func withoutHazardousChemicalsTheLargestIndustryIsSingledOut() throws {
        var data = Data()
        Self.preCases(&data, 2020, industry: "冶金", count: 10, fine: 0)
        Self.preCases(&data, 2020, industry: "建筑施工", count: 30, fine: 0)
        Self.preCases(&data, 2020, industry: "商贸", count: 30, fine: 0)   // as many: 商贸 comes first in the industries' order
        let summary = try data.render("工作总结.md")
        #expect(summary.contains("查办事前处罚案件70起，其中涉及商贸领域案件30起，占比42.86%。"), "\(summary)")
        #expect(!summary.contains("危化品") && !summary.contains("建筑施工") && !summary.contains("冶金"), "\(summary)")
    }

    /// issue 11: 「事故起数和死亡人数连年实现“双下降”」 when double_decline_years ≥ 2; one year is the
    /// plain 双下降 sentence (METRICS.md: 全市生产安全事故起数和死亡人数实现"双下降").
    @Test func doubleDeclineInConsecutiveYears() throws {
        var data = Data(years: [2018, 2019, 2020])
        data.accidents(2018, count: 15, deaths: [3, 3, 2, 2, 2])
        data.accidents(2019, count: 13, deaths: [3, 2, 2, 2, 2])
        data.accidents(2020, count: 8, deaths: [2, 1, 1, 1, 1])
        let text = try data.render("工作总结.md")
        #expect(text.contains("全市事故起数和死亡人数连年实现“双下降”。"), "\(text)")
        #expect(!text.contains("实现“双下降”。全市"), "\(text)")   // said once
        let press = try data.render("新闻发布会数据.md")
        #expect(press.contains("全市事故起数和死亡人数连年实现“双下降”。"), "\(press)")

        var once = Data(years: [2018, 2019, 2020])
        once.accidents(2018, count: 10, deaths: [1])
        once.accidents(2019, count: 13, deaths: [3, 2, 2, 2, 2])
        once.accidents(2020, count: 8, deaths: [2, 1, 1, 1, 1])
        let single = try once.render("工作总结.md")
        #expect(single.contains("全市生产安全事故起数和死亡人数实现“双下降”。"), "\(single)")
        #expect(!single.contains("连年"), "\(single)")
    }

    /// CATALOG.md: 「仪陇“3·19”较大燃爆事故」 — the place, the date as documents name an event, the
    /// level and the type; in the part's own summary the town (here none: just the event).
    @Test func namedLargerAccidents() throws {
        var data = Data(parts: ["仪陇县", "南部县"])
        Self.accident(&data, 2020, month: 3, day: 19, deaths: 3, type: "燃爆")
        Self.accident(&data, 2020, month: 11, day: 2, deaths: 4, type: "起重伤害", part: "南部县", town: "河东镇")
        Self.accident(&data, 2020, month: 6, day: 1, deaths: 1, type: "物体打击")
        let region = try data.render("工作总结.md")
        #expect(region.contains("其中较大及以上事故2起（仪陇县“3·19”较大燃爆事故、南部县“11·2”较大起重伤害事故）。"), "\(region)")
        let part = try data.render("工作总结.md", scope: "南部县")
        #expect(part.contains("其中较大及以上事故1起（河东镇“11·2”较大起重伤害事故）。"), "\(part)")
        let press = try data.render("新闻发布会数据.md")
        #expect(press.contains("（仪陇县“3·19”较大燃爆事故、南部县“11·2”较大起重伤害事故）"), "\(press)")
        // No fires at all: 未发生火灾 says it, no 较大及以上火灾 sentence besides.
        #expect(region.contains("全市未发生火灾。") && !region.contains("未发生较大及以上"), "\(region)")
    }

    /// issue 11: 「全区未发生较大及以上生产安全事故和火灾」 (a 区 whose parts are 镇街).
    @Test func noLargerAccidentsOrFires() throws {
        var data = Data(region: "东城区", level: .district, parts: ["湖塘镇"])
        data.accidents(2020, count: 4, deaths: [1])
        data.accidents(2020, count: 6, fire: true)
        let text = try data.render("工作总结.md")
        #expect(text.contains("全区未发生较大及以上生产安全事故和火灾。"), "\(text)")
        #expect(!text.contains("未发生较大及以上生产安全事故。"), "\(text)")
        let press = try data.render("新闻发布会数据.md")
        #expect(press.contains("全区未发生较大及以上生产安全事故和火灾。"), "\(press)")
    }

    /// issue 11: 「发现并整改问题隐患N条」 when every hazard found was rectified; otherwise the
    /// found/rectified/rate sentence (METRICS.md: 全区累计排查隐患7078条,已整改6810条,整改率96.2%).
    @Test func hazardsFoundAndAllRectified() throws {
        var data = Data()
        data.hazards(2020, found: 120, rectified: 120)
        let text = try data.render("工作总结.md")
        #expect(text.contains("全市累计发现并整改问题隐患120条。"), "\(text)")
        #expect(!text.contains("整改率100.0%"), "\(text)")
        let press = try data.render("新闻发布会数据.md")
        #expect(press.contains("全市累计发现并整改问题隐患120条。"), "\(press)")

        var some = Data()
        some.hazards(2020, found: 7078, rectified: 6810)
        #expect(try some.render("工作总结.md").contains("全市累计排查隐患7078条，已整改6810条，整改率96.2%"))
    }

    /// issue 11: 「开展执法检查N家次，查处隐患M条」; without a 发现隐患数 column the clause is left out
    /// (the figure is unavailable), never 「查处隐患—条」.
    @Test func inspectionsWithTheHazardsTheyFound() throws {
        var data = Data()
        Self.inspections(&data, 2020, hazardsFound: [5, 0, 7])
        let text = try data.render("工作总结.md")
        #expect(text.contains("开展执法检查3家次，查处隐患12条"), "\(text)")
        let press = try data.render("新闻发布会数据.md")
        #expect(press.contains("全市开展执法检查3家次，查处隐患12条。"), "\(press)")

        var without = Data()
        Self.inspections(&without, 2020, hazardsFound: [0, 0])
        let k = try #require(without.dataset.catalog.kind(named: "执法检查"))
        let c = try #require(without.dataset.catalog.column(kind: k, named: "发现隐患数"))
        without.dataset.mappedColumns[k][c] = false
        let plain = try without.render("工作总结.md")
        #expect(plain.contains("开展执法检查2家次；"), "\(plain)")
        #expect(!plain.contains("查处隐患"), "\(plain)")
    }

    /// Hazards by 来源: the leading three with their counts, the first share saying of what.
    @Test func hazardsBySource() throws {
        var data = Data()
        Self.hazards(&data, 2020, source: "企业自查", found: 30)
        Self.hazards(&data, 2020, source: "专项整治", found: 50, rectified: 45)
        Self.hazards(&data, 2020, source: "交叉检查", found: 5)
        Self.hazards(&data, 2020, source: "执法检查", found: 15)
        let text = try data.render("工作总结.md")
        #expect(text.contains("从隐患来源看，专项整治发现隐患50条，占全部隐患的50.0%；企业自查发现30条，占30.0%；执法检查发现15条，占15.0%。"), "\(text)")
        #expect(!text.contains("交叉检查"), "\(text)")
        // Registers without 来源: no paragraph (never 「未填写发现…」).
        var none = Data()
        none.hazards(2020, found: 10, rectified: 9)
        let plain = try none.render("工作总结.md")
        #expect(!plain.contains("从隐患来源看") && !plain.contains("未填写"), "\(plain)")
    }

    // MARK: - Missing data

    /// Two parts; 临川县 sent no 事故 or 隐患 register for 2020, and no part sent anything for 2019.
    static func missingPartWithoutPriorYear() -> Data {
        var data = Data(parts: ["东城区", "临川县"], years: [])
        let sent = ["东城区": ["事故", "火灾", "隐患", "执法检查", "行政处罚"], "临川县": ["火灾", "执法检查", "行政处罚"]]
        for (part, kinds) in sent {
            let code = data.dataset.dictionaries[data.dataset.partDictionary].code(for: part)
            for kind in kinds {
                let k = data.dataset.catalog.kind(named: kind)!
                data.dataset.emptyRegisters.append(EmptyRegister(kind: k, part: code, year: 2020, months: nil, provenance: data.p))
            }
        }
        data.accidents(2020, count: 8, deaths: [2, 1])
        data.accidents(2020, count: 3, fire: true)
        data.hazards(2020, found: 40, rectified: 30)
        data.penalties(2020, count: 5, industry: "危险化学品", fine: 1_200_000, before: 2)
        return data
    }

    @Test func aRegionThatLeavesAPartOutSaysSoOnceAndThePartSaysItDidNotReport() throws {
        let data = Self.missingPartWithoutPriorYear()
        let region = try data.render("工作总结.md")
        #expect(region.contains("2020年，全市（不含临川县）共发生各类生产安全事故8起、死亡3人（上年同期无数据）。"), "\(region)")
        #expect(region.contains("全市（不含临川县）累计排查隐患40条，已整改30条，整改率75.0%，上年同期无数据"), "\(region)")
        // A part that did not report: one sentence saying so, no 未发生 of what was never reported.
        let part = try data.render("工作总结.md", scope: "临川县")
        #expect(part.contains("2020年，临川县未报送生产安全事故数据。"), "\(part)")
        #expect(part.contains("临川县未报送隐患排查治理数据。"), "\(part)")
        #expect(!part.contains("未发生生产安全事故") && !part.contains("未发生较大及以上生产安全事故"), "\(part)")
        #expect(part.contains("全县未发生火灾。"), "\(part)")   // it sent an empty fire register: a real zero
        for text in [region, part, try data.render("新闻发布会数据.md")] {
            // Never a unit after 未报送 or —, an empty 上年同期为, a comparison against nothing, a doubled note.
            for bad in ["未报送起", "未报送人", "未报送条", "—起", "—条", "为起", "为—起", "同比增加", "同比上升", "（不含临川县）（不含"] {
                #expect(!text.contains(bad), "\(bad) in \(text)")
            }
        }
    }

    @Test func thePressFiguresWithoutAPriorYear() throws {
        let press = try Self.missingPartWithoutPriorYear().render("新闻发布会数据.md")
        #expect(press.contains("2020年，全市（不含临川县）共发生各类生产安全事故8起、死亡3人，上年同期无数据。"), "\(press)")
        #expect(press.contains("| 生产安全事故起数（起） | 8（不含临川县） | — | 上年同期无数据 |"), "\(press)")
        #expect(!press.contains("分别"), "\(press)")
    }

    /// The charts draw nothing for data that was not supplied: no prior-year lines at 0 without a
    /// prior year, no bar for a part that did not report (— is no point in Word and SVG charts).
    @Test func chartsLeaveOutWhatWasNotReported() throws {
        let data = Self.missingPartWithoutPriorYear()
        let figures = FiguresBuilder.compute(data.dataset, period: try ReportPeriod(year: 2020, through: 12))
        let charts = ReportCharts.charts(for: figures.regionScope, in: figures)
        let monthly = try #require(charts["月度事故"])
        #expect(monthly.series.map(\.name) == ["事故起数", "死亡人数"])
        #expect(monthly.title == "示例市2020年分月生产安全事故情况")
        let byPart = try #require(charts["各地事故"])
        #expect(byPart.series.count == 1)
        #expect(byPart.series[0].labels == ["8", "—"])
        // With a prior year the comparison is drawn as before.
        let published = PhrasingTests.published()
        let full = FiguresBuilder.compute(published.dataset, period: try ReportPeriod(year: 2020, through: 12))
        let withPrior = try #require(ReportCharts.charts(for: full.regionScope, in: full)["月度事故"])
        #expect(withPrior.series.count == 4 && withPrior.title.hasSuffix("(与2019年对比)"))
    }

    /// One unit word per figure: the catalog's unit for hazards is the 条 the documents write, so
    /// figures.json's phrase and the sentences agree (issue 13: no 「增加7082处」 under 条).
    @Test func hazardsAreCountedInTiaoEverywhere() throws {
        let catalog = CatalogLoader.builtin()
        for id in ["hazards.found", "hazards.rectified", "hazards.major.found", "hazards.major.rectified", "hazards.major.listed",
                   "hazards.overdue", "hazards.ordinary.found", "hazards.ordinary.rectified", "inspections.hazards_found"] {
            #expect(catalog.metric(id)?.unit == "条", "\(id)")
        }
        var data = Data()
        data.hazards(2020, found: 12, rectified: 10)
        data.hazards(2019, found: 4, rectified: 4)
        let figures = FiguresBuilder.compute(data.dataset, period: try ReportPeriod(year: 2020, through: 12))
        let found = try #require(figures.regionScope.metric("hazards.found"))
        #expect(found.comparison?.phrase() == "同比上升200.0%")
        #expect(TemplateFigure(found)[dynamicMember: "同比表述"] as? String == "由4条增至12条")
        #expect(FiguresCSV.text(figures).contains("示例市,hazards.found,排查隐患数,条,12,4,8,200,上升,同比上升200.0%"))
    }
}
