import Testing
@testable import Metrics
import Model

private typealias T = TestData

@Suite struct ExplainTests {
    static func accidents() -> TestData {
        var d = T()
        d.accident("东城区", T.day(2020, 3, 1), deaths: 1, missing: 1, id: "SG-001")      // row 2
        d.accident("西湖区", T.day(2020, 5, 2))                                            // row 3: no deaths
        d.accident("西湖区", T.day(2020, 7, 9), deaths: 3, level: .larger)                  // row 4
        d.accident("东城区", T.day(2019, 6, 1), deaths: 5)                                 // row 5: prior period
        d.accident("东城区", T.day(2021, 1, 1), deaths: 9)                                 // row 6: after P
        return d
    }

    @Test func deathsOfTheRegionListEveryRecordWithDeathsAndTheirSum() throws {
        let d = Self.accidents()
        let p = try ReportPeriod(year: 2020, through: 12)
        let e = try MetricExplainer.explain("accidents.deaths", in: d.dataset, period: p)
        #expect(e.rows.map(\.source) == ["事故.xlsx 事故!第2行", "事故.xlsx 事故!第4行"])
        #expect(e.rows.map(\.contribution.text) == ["2", "3"])
        #expect(e.rows.map(\.detail) == ["死亡1人、失踪1人", "死亡3人"])
        #expect(e.rows[0].recordID == "SG-001" && e.rows[1].recordID == nil)
        #expect(e.total.text == "5")
        #expect(e.matchesFigure)
        #expect(e.text == """
            事故死亡人数(accidents.deaths) · 示例市 · 2020年
              事故.xlsx 事故!第2行 · 2020-03-01 · 东城区 · 未填写 · 编号 SG-001 · 计入 2人(死亡1人、失踪1人)
              事故.xlsx 事故!第4行 · 2020-07-09 · 西湖区 · 未填写 · 计入 3人(死亡3人)
            合计 5人,共 2 条记录;与 figures.json 一致。

            """)
    }

    @Test func byNameForAPartAndForThePriorPeriod() throws {
        let d = Self.accidents()
        let p = try ReportPeriod(year: 2020, through: 12)
        let part = try MetricExplainer.explain("事故死亡人数", part: "东城区", in: d.dataset, period: p)
        #expect(part.scope == "东城区" && part.total.text == "2" && part.rows.count == 1)
        let prior = try MetricExplainer.explain("事故死亡人数", prior: true, in: d.dataset, period: p)
        #expect(prior.periodLabel == "2019年" && prior.prior)
        #expect(prior.rows.map(\.source) == ["事故.xlsx 事故!第5行"] && prior.total.text == "5" && prior.matchesFigure)
        let count = try MetricExplainer.explain("事故起数", part: "西湖区", in: d.dataset, period: p)
        #expect(count.rows.map(\.source) == ["事故.xlsx 事故!第3行", "事故.xlsx 事故!第4行"] && count.total.text == "2")
        let major = try MetricExplainer.explain("较大及以上事故起数", in: d.dataset, period: p)
        #expect(major.rows.map(\.detail) == ["事故等级 较大"] && major.matchesFigure)
        let empty = try MetricExplainer.explain("fires.count", in: d.dataset, period: p)
        #expect(empty.rows.isEmpty && empty.total.text == "0" && empty.matchesFigure)
        #expect(empty.text.contains("(没有记录)"))
    }

    /// A hazard rectified after the period's end is not rectified in it; the prior period uses
    /// its own as-of date (the end of P′).
    @Test func hazardsFollowTheAsOfDateOfTheirPeriod() throws {
        var d = T()
        d.hazard("东城区", T.day(2022, 3, 1), rectifiedOn: T.day(2022, 3, 9))                                  // H1 row 2
        d.hazard("东城区", T.day(2022, 10, 1), rectifiedOn: T.day(2022, 12, 2), deadline: T.day(2022, 11, 1))  // H2 row 3
        d.hazard("西湖区", T.day(2022, 5, 1), status: true)                                                    // H3 row 4
        d.hazard("东城区", T.day(2021, 10, 1), rectifiedOn: T.day(2021, 12, 15), deadline: T.day(2021, 11, 30)) // H4 row 5
        d.hazard("东城区", T.day(2021, 2, 1), rectifiedOn: T.day(2021, 11, 30))                                // H5 row 6
        d.hazard("西湖区", T.day(2021, 4, 1), deadline: T.day(2021, 6, 30))                                   // H6 row 7
        let p = try ReportPeriod(year: 2022, through: 11)
        func explain(_ m: String, prior: Bool = false, _ period: ReportPeriod = p) throws -> Explanation {
            try MetricExplainer.explain(m, prior: prior, in: d.dataset, period: period)
        }
        let rectified = try explain("hazards.rectified")
        #expect(rectified.rows.map(\.detail) == ["整改完成 2022-03-09", "已整改(无完成日期)"])
        #expect(rectified.total.text == "2" && rectified.matchesFigure)
        #expect(rectified.asOf?.description == "2022-11-30")
        let priorRectified = try explain("hazards.rectified", prior: true)
        #expect(priorRectified.rows.map(\.source) == ["隐患.xlsx 隐患!第6行"] && priorRectified.matchesFigure)
        #expect(priorRectified.asOf?.description == "2021-11-30")

        let overdue = try explain("逾期未整改隐患数")
        #expect(overdue.rows.map(\.detail) == ["整改期限 2022-11-01 早于 2022-11-30,整改完成 2022-12-02,晚于 2022-11-30,本期未整改"])
        let priorOverdue = try explain("hazards.overdue", prior: true)    // H4's deadline is the as-of day itself: not overdue
        #expect(priorOverdue.rows.map(\.source) == ["隐患.xlsx 隐患!第7行"] && priorOverdue.matchesFigure)

        let rate = try explain("隐患整改率")
        #expect(rate.rows.map(\.contribution.text) == ["1", "0", "1"])
        #expect(rate.rows.compactMap(\.denominatorContribution?.text) == ["1", "1", "1"])
        #expect(rate.total.text == "2" && rate.denominator?.text == "3" && rate.matchesFigure)
        #expect(rate.text.contains("合计 2条 ÷ 3条 = 66.67%,共 3 条记录;与 figures.json 一致。"))
        #expect(rate.text.contains("整改情况截至 2022-11-30"))

        let full = try ReportPeriod(year: 2022, through: 12)
        #expect(try explain("hazards.rectified", full).total.text == "3")
        #expect(try explain("hazards.overdue", full).total.text == "0")
        #expect(try explain("hazards.rectified", prior: true, full).total.text == "2")    // H4 by 2021-12-31, H5
    }

    @Test func distinctUnitsCountTheFirstRecordOfEachUnit() throws {
        var d = T()
        d.inspection("东城区", T.day(2020, 1, 5), unit: "甲公司")   // row 2
        d.inspection("东城区", T.day(2020, 2, 5), unit: "甲公司")   // row 3
        d.inspection("西湖区", T.day(2020, 3, 5), unit: "甲公司")   // row 4
        d.inspection("西湖区", T.day(2020, 3, 6), unit: "乙公司")   // row 5
        d.inspection("西湖区", T.day(2020, 3, 7), unit: nil)       // row 6: no unit, not a unit
        let p = try ReportPeriod(year: 2020, through: 12)
        let region = try MetricExplainer.explain("检查单位数", in: d.dataset, period: p)
        #expect(region.rows.map(\.contribution.text) == ["1", "0", "0", "1"])
        #expect(region.rows[1].detail == "同一单位已在 检查.xlsx 执法检查!第2行 计入")
        #expect(region.total.text == "2" && region.matchesFigure)
        let west = try MetricExplainer.explain("inspections.units", part: "西湖区", in: d.dataset, period: p)
        #expect(west.total.text == "2" && west.matchesFigure)
        let visits = try MetricExplainer.explain("inspections.count", in: d.dataset, period: p)
        #expect(visits.total.text == "5" && visits.matchesFigure)
    }

    @Test func completionRatesShowActualAndTarget() throws {
        var d = T()
        for i in 0..<3 { d.penalty("东城区", T.day(2020, 1 + i, 1), fineYuan: "1000", pre: true) }
        d.penalty("东城区", T.day(2020, 6, 1), fineYuan: "2500.5")
        d.hazard("西湖区", T.day(2020, 1, 1), status: true)
        d.hazard("西湖区", T.day(2020, 2, 1))
        d.target(2020, "事前处罚起数", "4")
        d.target(2020, "隐患整改率", "95")
        d.target(2020, "罚款金额", "1", part: "东城区")
        d.target(2019, "行政处罚起数", "10")
        let p = try ReportPeriod(year: 2020, through: 12)
        for name in ["targets.事前处罚起数", "事前处罚起数完成率", "targets.penalties.pre"] {
            let e = try MetricExplainer.explain(name, in: d.dataset, period: p)
            #expect(e.id == "targets.事前处罚起数" && e.name == "事前处罚起数完成率")
            #expect(e.total.text == "3" && e.target?.value.text == "4" && e.matchesFigure, "\(name)")
            #expect(e.text.contains("完成率 75.00%"))
        }
        let rate = try MetricExplainer.explain("targets.隐患整改率", in: d.dataset, period: p)
        #expect(rate.total.text == "1" && rate.denominator?.text == "2" && rate.matchesFigure)
        #expect(rate.text.contains("实际 50.00%(1条 ÷ 2条),共 2 条记录;目标 95(config.toml 第9行);完成率 52.63%"))
        let fines = try MetricExplainer.explain("罚款金额完成率", part: "东城区", in: d.dataset, period: p)
        #expect(fines.total.text == "0.55005" && fines.matchesFigure)    // 5500.5元 = 0.55005万元
        #expect(throws: MetricsError.unknownMetric("示例市 没有 2020 年「行政处罚起数」的目标")) {
            try MetricExplainer.explain("targets.行政处罚起数", in: d.dataset, period: p)
        }
        #expect(throws: MetricsError.unknownMetric("「事前处罚起数完成率」没有同期值")) {
            try MetricExplainer.explain("targets.事前处罚起数", prior: true, in: d.dataset, period: p)
        }
    }

    @Test func scopesAliasesAndBreakdownRows() throws {
        var d = T(partAliases: ["东城": "东城区"])
        d.penalty("东城区", T.day(2020, 3, 2), fineYuan: "3103750", industry: "危险化学品", shutdown: true, kinds: "罚款;责令停产整顿")
        d.penalty("东城区", T.day(2020, 3, 9), fineYuan: "1739780")
        d.penalty("西湖区", T.day(2020, 4, 1), fineYuan: "100", industry: "危险化学品")
        let p = try ReportPeriod(year: 2020, through: 12)
        let alias = try MetricExplainer.explain("penalties.fines", part: "东城", in: d.dataset, period: p)
        #expect(alias.scope == "东城区" && alias.total.text == "484.353" && alias.matchesFigure)
        #expect(alias.rows.map(\.detail) == ["罚款 3103750元", "罚款 1739780元"])
        for whole in ["示例市", "全市", " 示例市 "] {
            #expect(try MetricExplainer.explain("penalties.count", part: whole, in: d.dataset, period: p).scope == "示例市")
        }
        let chemical = try MetricExplainer.explain("罚款金额", industry: "危险化学品", in: d.dataset, period: p)
        #expect(chemical.total.text == "310.385" && chemical.breakdown == "行业领域「危险化学品」" && chemical.matchesFigure)
        let none = try MetricExplainer.explain("罚款金额", industry: "未填写", in: d.dataset, period: p)
        #expect(none.total.text == "173.978" && none.matchesFigure)
        let march = try MetricExplainer.explain("行政处罚起数", part: "东城区", month: 3, in: d.dataset, period: p)
        #expect(march.total.text == "2" && march.breakdown == "月份「2020-03」" && march.matchesFigure)
        let shutdowns = try MetricExplainer.explain("责令停产整顿数", in: d.dataset, period: p)
        #expect(shutdowns.rows.map(\.detail) == ["处罚种类 罚款;责令停产整顿"])

        #expect(throws: MetricsError.unknownScope("没有名为「南山区」的区县。可选:东城区、西湖区(或 示例市 表示全域)")) {
            try MetricExplainer.explain("penalties.count", part: "南山区", in: d.dataset, period: p)
        }
        #expect(throws: MetricsError.unknownScope("数据中没有行业领域「燃气」。可选:危险化学品、未填写")) {
            try MetricExplainer.explain("penalties.count", industry: "燃气", in: d.dataset, period: p)
        }
        #expect(throws: MetricsError.badPeriod("月份须在 1 到 12 之间(2020年),而不是 13")) {
            try MetricExplainer.explain("penalties.count", month: 13, in: d.dataset, period: p)
        }
        #expect(throws: MetricsError.unknownMetric("「检查单位数」没有按月份的分项")) {
            try MetricExplainer.explain("检查单位数", month: 1, in: d.dataset, period: p)
        }
        do {
            _ = try MetricExplainer.explain("事故数", in: d.dataset, period: p)
            Issue.record("an unknown metric must be refused")
        } catch {
            #expect(error.description.hasPrefix("未知指标「事故数」。可用的指标:事故起数(accidents.count)、事故死亡人数(accidents.deaths)"))
            #expect(error.description.contains("隐患整改率(hazards.rate)") && error.description.contains("检查单位数(inspections.units)"))
        }
    }

    @Test func townLevelScopesAreTowns() throws {
        var d = T(name: "临川县", level: .county, parts: ["城关镇", "东街道"])
        d.accident("城关镇", T.day(2020, 2, 1), deaths: 1)
        d.accident("东街道", T.day(2020, 2, 1), deaths: 2)
        d.accident("", T.day(2020, 2, 1), deaths: 4)      // no town: in no scope, not even the region
        let p = try ReportPeriod(year: 2020, through: 2)
        let town = try MetricExplainer.explain("accidents.deaths", part: "东街道", in: d.dataset, period: p)
        #expect(town.total.text == "2" && town.rows.map(\.part) == ["东街道"] && town.matchesFigure)
        let region = try MetricExplainer.explain("accidents.deaths", part: "全县", in: d.dataset, period: p)
        #expect(region.scope == "临川县" && region.total.text == "3" && region.matchesFigure)
        #expect(throws: MetricsError.unknownScope("没有名为「西湖区」的镇街。可选:城关镇、东街道(或 临川县 表示全域)")) {
            try MetricExplainer.explain("accidents.deaths", part: "西湖区", in: d.dataset, period: p)
        }
    }

    /// Property: on random datasets, for every scope, every additive metric, 隐患整改率 and
    /// 检查单位数, both periods, and every industry and month row, the rows' total is the figure —
    /// checked against figures.json's numbers directly, not only through `matchesFigure`.
    @Test(arguments: [UInt64(11), 12, 13, 14])
    func totalsEqualTheFigures(seed: UInt64) throws {
        let data = TestData.random(seed: seed)
        for period in [try ReportPeriod(year: 2021, through: 12), try ReportPeriod(year: 2021, through: 7)] {
            let figures = FiguresBuilder.compute(data.dataset, period: period)
            for scope in figures.scopes {
                let part = scope.kind == .region ? nil : scope.scope
                for prior in [false, true] {
                    for metric in TestData.additiveMetrics {
                        let e = try MetricExplainer.explain(metric.id, part: part, prior: prior, in: data.dataset, period: period,
                                                            figures: figures)
                        let figure = scope.metric(metric.id)!
                        #expect(e.total.text == (prior ? figure.prior! : figure.value).text, "\(scope.scope) \(metric.id) \(prior)")
                        #expect(e.matchesFigure)
                        for row in scope.industries {
                            let r = try MetricExplainer.explain(metric.id, part: part, industry: row.key, prior: prior,
                                                                in: data.dataset, period: period, figures: figures)
                            let f = row.metric(metric.id)!
                            #expect(r.total.text == (prior ? f.prior! : f.value).text, "\(scope.scope) \(row.key) \(metric.id)")
                        }
                        for (i, row) in scope.months.enumerated() {
                            let r = try MetricExplainer.explain(metric.id, part: part, month: i + 1, prior: prior,
                                                                in: data.dataset, period: period, figures: figures)
                            let f = row.metric(metric.id)!
                            #expect(r.total.text == (prior ? f.prior! : f.value).text, "\(scope.scope) \(row.key) \(metric.id)")
                        }
                    }
                    let units = try MetricExplainer.explain("inspections.units", part: part, prior: prior, in: data.dataset,
                                                            period: period, figures: figures)
                    let unitsFigure = scope.metric("inspections.units")!
                    #expect(units.total.text == (prior ? unitsFigure.prior! : unitsFigure.value).text)
                    let rate = try MetricExplainer.explain("hazards.rate", part: part, prior: prior, in: data.dataset,
                                                           period: period, figures: figures)
                    let found = scope.metric("hazards.found")!, rectified = scope.metric("hazards.rectified")!
                    #expect(rate.total.text == (prior ? rectified.prior! : rectified.value).text)
                    #expect(rate.denominator?.text == (prior ? found.prior! : found.value).text)
                    #expect(rate.matchesFigure)
                }
                for target in scope.metrics where target.kind == .completion {
                    let e = try MetricExplainer.explain(target.id, part: part, in: data.dataset, period: period, figures: figures)
                    #expect(e.matchesFigure, "\(scope.scope) \(target.id)")
                }
            }
            #expect(figures.scopes.count == 4)    // region, two configured parts, one found only in the data
        }
    }
}
