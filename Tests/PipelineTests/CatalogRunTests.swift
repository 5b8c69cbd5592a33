import Foundation
import Testing
import Ingest
import Metrics
import Model

/// Registers and figures declared in config.toml alone (CATALOG.md), end to end on files written
/// by other tools (Fixtures/catalog/make_fixtures.py: openpyxl workbooks with a title row, a
/// two-row header and a 合计 row; GB18030 CSV). Every expected number is counted by hand from the
/// tables in that script.
@Suite struct CatalogRunTests {
    static let inputs = repositoryRoot.appendingPathComponent("Tests/PipelineTests/Fixtures/catalog/Inputs").path

    static func figures(_ period: ReportPeriod? = nil) throws -> (IngestResult, Figures) {
        let result = try Ingest.run(inputs: inputs)
        let p = try period ?? ReportPeriod.resolve(for: result.dataset)
        return (result, FiguresBuilder.compute(result.dataset, period: p))
    }

    static func value(_ scope: ScopeFigures, _ id: String) -> String? {
        guard let m = scope.metric(id), m.hasValue else { return nil }
        return m.kind == .rate ? m.ratio.map { $0.percentText(decimals: 2) } : m.value.text
    }

    @Test func declaredKindsAreReadLikeBuiltInOnes() throws {
        let (result, _) = try Self.figures()
        #expect(result.rejected == 0 && result.warnings.isEmpty)
        let workbook = try #require(result.files.first { $0.path == "2025/东城区/东城区2025年安全培训.xlsx" }?.sheets.first)
        #expect(workbook.kind == "安全培训" && workbook.headerRow == 2 && workbook.headerRowCount == 2)
        #expect(workbook.read == 4 && workbook.accepted == 4)         // the 合计 row is not a record
        #expect(workbook.columns.map(\.field) == ["培训日期", "区县", "培训类型", "培训对象", "培训人数"])
        let csv = try #require(result.files.first { $0.path == "2025/西城区/西城区2025年安全培训.csv" })
        #expect(csv.encoding == "GB18030" && csv.sheets.first?.accepted == 3)
        #expect(result.files.first { $0.path.hasSuffix("东城区企业名录.csv") }?.sheets.first?.kind == "企业名录")
        #expect(result.files.first { $0.path.hasSuffix("东城区宣传教育填报.xlsx") }?.sheets.first?.kind == "填报指标")
    }

    /// 2025 against 2024, region and both parts.
    @Test func declaredMetricsEqualTheHandCount() throws {
        let (_, f) = try Self.figures()
        #expect(f.period.label == "2025年" && f.missing.isEmpty && f.priorMissing.isEmpty)
        let region = f.regionScope, east = try #require(f.scope(named: "东城区")), west = try #require(f.scope(named: "西城区"))
        // 安全培训: 东城 40+25+30+120 (the third row's 区县 from its folder), 西城 18+22+60; 2024: 35+100, 15.
        #expect(Self.value(region, "training.sessions") == "7" && region.metric("training.sessions")?.prior?.text == "3")
        #expect(Self.value(region, "training.people") == "315" && region.metric("training.people")?.prior?.text == "150")
        #expect(Self.value(east, "training.people") == "215" && Self.value(west, "training.people") == "100")
        // 企业主要负责人 among the items of 培训对象, and 三项岗位 or 特种作业…: 东城 row 1, 西城 rows 1 and 2.
        #expect(Self.value(east, "training.leaders") == "1" && Self.value(west, "training.leaders") == "2")
        // 月份 >= 7: 东城 30 + 120, 西城 22 + 60.
        #expect(Self.value(east, "training.second_half") == "150" && Self.value(west, "training.second_half") == "82")
        // 企业名录 (年度): 2025 东城 化工 是/重大, 物流 否/一般, 燃气 是/较大; 西城 制药 是/一般. 2024: one each.
        #expect(Self.value(region, "enterprises.major_sources") == "3" && region.metric("enterprises.major_sources")?.prior?.text == "2")
        #expect(Self.value(region, "enterprises.high_risk") == "2" && Self.value(west, "enterprises.high_risk") == "0")
        #expect(Self.value(region, "enterprises.high_risk_share") == "50.00" && Self.value(east, "enterprises.high_risk_share") == "66.67")
        // 填报指标: 宣讲场次 东城 3+4+2+5+1, 西城 6+2; 2024: 东城 May 7, 西城 the whole year 9.
        #expect(Self.value(region, "returns.宣讲场次") == "23" && region.metric("returns.宣讲场次")?.prior?.text == "16")
        #expect(region.metric("returns.宣讲场次")?.unit == "场")
        #expect(Self.value(region, "returns.观影人次") == "1200.5" && region.metric("returns.观影人次")?.unit == "人次")
        // Region = parts for every declared additive metric.
        for d in f.declarations where d.isAdditive {
            guard let r = region.metric(d.id), r.hasValue, let a = east.metric(d.id), let b = west.metric(d.id) else { continue }
            let sum = ExactDecimal.difference(a.value, ExactDecimal(significand: -b.value.significand, exponent: b.value.exponent))
            #expect(ExactDecimal.difference(r.value, sum).significand == 0, "\(d.id)")
        }
    }

    @Test func breakdownsListsAndSeries() throws {
        let (_, f) = try Self.figures()
        let region = f.regionScope
        let kinds = region.breakdown("培训类型")
        // By records in P, then name: 三项岗位 3, 特种作业人员 2, 全员培训 1, 应急演练培训 1.
        #expect(kinds.map(\.key) == ["三项岗位", "特种作业人员", "全员培训", "应急演练培训"])
        func people(_ rows: [Breakdown], _ key: String) -> String? { rows.first { $0.key == key }?.metric("training.people")?.value.text }
        #expect(people(kinds, "三项岗位") == "88" && people(kinds, "特种作业人员") == "47")
        // A record counts under each item of a list field: 企业主要负责人 40 + 18 + 22.
        let who = region.breakdown("培训对象")
        #expect(people(who, "企业主要负责人") == "80" && people(who, "从业人员") == "180")
        #expect(who.first { $0.key == "企业主要负责人" }?.metric("training.people")?.share?.percentText(decimals: 2) == "25.40")
        let list = try #require(region.lists.first { $0.name == "重大危险源企业" }?.entries)
        #expect(list.map { $0.fields.map(\.value) } == [["东城化工有限公司", "东城区", "重大"], ["东城燃气公司", "东城区", "较大"],
                                                        ["西城制药厂", "西城区", "一般"]])
        #expect(list[0].source == "2025/东城区/东城区企业名录.csv 第2行")
        #expect(region.metric("training.people")?.series?.map(\.value?.text) == ["150", "315"])
        #expect(region.metric("training.people")?.series?.map(\.year) == [2024, 2025])
    }

    /// 下半年 = 2025-07-01 to the end of P, compared with the same dates of 2024, where only 东城
    /// has records (2024-09-10): 西城 sent its 2024 register (the file names the year), so its
    /// second half of 2024 is a real 0 and the region compares — 232 against 100.
    @Test func namedPeriodsAreComputedBeside() throws {
        let (_, f) = try Self.figures()
        let named = try #require(f.namedPeriods.first)
        #expect(named.name == "下半年" && named.label == "2025年7-12月" && named.priorLabel == "2024年7-12月")
        let region = named.scopes[0]
        #expect(Self.value(region, "training.people") == "232")
        let m = try #require(region.metric("training.people"))
        #expect(m.prior?.text == "100" && !m.priorMissing && m.comparison?.direction == .up)
        #expect(Self.value(named.scopes[1], "training.people") == "150" && named.scopes[1].metric("training.people")?.prior?.text == "100")
        let json = FiguresJSON.text(f)
        #expect(json.contains("\"named_periods\": [\n    {\"name\": \"下半年\", \"from\": \"2025-07-01\", \"to\": \"2025-12-31\""))
        #expect(named.scopes[2].metric("training.people")?.prior?.text == "0")
    }

    /// 填报指标 in a period that is not the whole year: months inside count, the year-only row is
    /// left out and said.
    @Test func returnsOverMonths() throws {
        let (_, f) = try Self.figures(try ReportPeriod(year: 2025, through: 6))
        #expect(Self.value(f.regionScope, "returns.宣讲场次") == "20")        // 东城 3+4+2+5, 西城 6
        #expect(Self.value(f.regionScope, "returns.观影人次") == "0")
        #expect(f.notes.contains { $0.contains("东城区宣传教育填报.xlsx 填报指标!第7行「观影人次」") })
        // 2024 1-6月: 东城 May 7; 西城 sent only a whole-year figure, which a half year cannot hold.
        let m = try #require(f.regionScope.metric("returns.宣讲场次"))
        #expect(m.priorMissing && m.priorIncomplete == ["西城区"])
        #expect(f.scope(named: "东城区")?.metric("returns.宣讲场次")?.prior?.text == "7")
    }

    @Test func explainShowsTheFilterAndTheRows() throws {
        let (result, f) = try Self.figures()
        let e = try MetricExplainer.explain("主要负责人培训期数", in: result.dataset, period: f.period, figures: f)
        #expect(e.filter == "培训对象 = 企业主要负责人；培训类型 = 三项岗位、特种作业*")
        #expect(e.rows.map(\.source) == ["2025/东城区/东城区2025年安全培训.xlsx 培训台账!第4行", "2025/西城区/西城区2025年安全培训.csv 第2行",
                                        "2025/西城区/西城区2025年安全培训.csv 第3行"])
        #expect(e.total.text == "3" && e.matchesFigure)
        #expect(e.text.contains("筛选条件:培训对象 = 企业主要负责人；培训类型 = 三项岗位、特种作业*"))
        let byItem = try MetricExplainer.explain("training.people", breakdown: ("培训对象", "企业主要负责人"), in: result.dataset,
                                                 period: f.period, figures: f)
        #expect(byItem.total.text == "80" && byItem.matchesFigure)
        let returns = try MetricExplainer.explain("returns.宣讲场次", part: "西城", in: result.dataset, period: f.period, figures: f)
        #expect(returns.total.text == "8" && returns.rows.count == 2 && returns.matchesFigure)
    }
}
