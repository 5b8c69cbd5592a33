import Testing
@testable import Metrics
import Model

private typealias T = TestData

/// The rules of METRICS.md, each checked on figures worked out by hand.
@Suite struct RoundingRulesTests {
    func yoy(_ value: Int, _ prior: Int) -> Comparison {
        Comparison(value: ExactDecimal(value), prior: ExactDecimal(prior), unit: "起")
    }

    /// METRICS.md §Rounding, every example: exact ratios rounded half-up.
    @Test func theRoundingList() throws {
        #expect(yoy(8, 13).phrase() == "同比下降38.5%")           // 5/13 = 38.46…
        #expect(yoy(6, 11).phrase() == "同比下降45.5%")           // 5/11 = 45.45…
        #expect(Ratio(5145, 5510)?.percentText() == "93.4")        // 93.375… (not 93.3)
        #expect(Ratio(6810, 7078)?.percentText() == "96.2")        // 96.213…
        #expect(Ratio(1, 16)?.percentText() == "6.3")              // 6.25 exactly: half-up, not 6.2
        #expect(yoy(44, 64).phrase() == "同比下降31.3%")          // 20/64 = 31.25
        #expect(Ratio(69, 80)?.percentText(decimals: 2) == "86.25")
        #expect(Ratio(60, 118)?.percentText(decimals: 2) == "50.85")   // 50.847…
        let part = Money(decimal: "3103750", unit: .yuan)!, whole = Money(decimal: "4843530", unit: .yuan)!
        #expect(Ratio(part.wanYuan, whole.wanYuan)?.percentText(decimals: 2) == "64.08")  // 310.375/484.353 = 64.0805…
        #expect(yoy(53, 97).phrase() == "同比下降45.4%")          // 44/97 = 45.36…
    }

    @Test func halfUpIsAwayFromZeroAtEveryPrecision() throws {
        #expect(Ratio(1, 8)?.percentText(decimals: 0) == "13")           // 12.5
        #expect(Ratio(1, 8)?.percentText(decimals: 1) == "12.5")
        #expect(Ratio(-1, 16)?.percentText() == "-6.3")
        #expect(yoy(15, 16).yoy?.percent(decimals: 2).text == "-6.25")   // figures.json keeps 2 decimals
        #expect(yoy(15, 16).phrase() == "同比下降6.3%")
        #expect(Ratio(2, 3)?.percentText(decimals: 4) == "66.6667")
        #expect(Ratio(1, 3)?.percentText(decimals: 0) == "33")
    }

    @Test func trailingZerosOnlyGoWhenAsked() throws {
        #expect(Ratio(1, 1)?.percentText() == "100.0")
        #expect(Ratio(1, 1)?.percentText(trimZeros: true) == "100")
        #expect(Ratio(1, 2)?.percentText(decimals: 2) == "50.00")
        #expect(Ratio(1, 2)?.percentText(decimals: 2, trimZeros: true) == "50")
        #expect(Ratio(69, 80)?.percentText(decimals: 2, trimZeros: true) == "86.25")
        #expect(Ratio(1, 0) == nil)
    }

    @Test func moneyInWanYuanIsExactWithTrailingZerosTrimmed() {
        func wan(_ yuan: String) -> String { Money(decimal: yuan, unit: .yuan)!.wanYuanText }
        #expect(wan("4843530") == "484.353")
        #expect(wan("2208000") == "220.8")
        #expect(wan("1310000") == "131")
        #expect(wan("1") == "0.0001")
        #expect(wan("0.01") == "0.000001")
        #expect(wan("123456789.99") == "12345.678999")
    }

    /// The pieces templates combine: `分别下降45.4%和31.3%`, `同比分别下降38.5%、45.5%`.
    @Test func combinedPhrasesFromTheirParts() {
        let count = yoy(53, 97), deaths = Comparison(value: ExactDecimal(44), prior: ExactDecimal(64), unit: "人")
        #expect("分别" + count.word + count.magnitude() + "和" + deaths.magnitude() == "分别下降45.4%和31.3%")
        let a = yoy(8, 13), b = Comparison(value: ExactDecimal(6), prior: ExactDecimal(11), unit: "人")
        #expect("同比分别" + a.word + a.magnitude() + "、" + b.magnitude() == "同比分别下降38.5%、45.5%")
    }
}

@Suite struct ComparisonRulesTests {
    /// prior = 0: no percentage, ever; the phrase says 增加N with the metric's unit.
    @Test func aRiseFromZeroHasNoPercentage() throws {
        var d = T()
        d.fire("东城区", T.day(2020, 5, 1), deaths: 1)
        d.accident("东城区", T.day(2020, 5, 1), lossWan: "12.5")
        d.hazard("东城区", T.day(2020, 5, 1))
        let f = FiguresBuilder.compute(d.dataset, period: try ReportPeriod(year: 2020, through: 12)).regionScope
        let deaths = f.metric("fires.deaths")!.comparison!
        #expect(deaths.yoy == nil && deaths.direction == .up && deaths.word == "增加")
        #expect(deaths.phrase() == "同比增加1人")
        #expect(f.metric("accidents.loss")!.comparison!.phrase() == "同比增加12.5万元")
        #expect(f.metric("hazards.found")!.comparison!.phrase() == "同比增加1条")
        #expect(f.metric("fires.count")!.comparison!.phrase() == "同比增加1起")
        let zero = f.metric("accidents.deaths")!.comparison!
        #expect(zero.direction == .flat && zero.yoy == nil && zero.phrase() == "同比持平" && zero.magnitude() == "")
        let json = FiguresJSON.object(f.metric("fires.deaths")!)
        #expect(json.contains(#""yoy": null, "direction": "上升", "phrase": "同比增加1人""#))
        #expect(!json.contains("100"))
    }

    @Test func aFallToZeroIsAHundredPercent() {
        let c = Comparison(value: ExactDecimal(0), prior: ExactDecimal(3), unit: "人")
        #expect(c.phrase() == "同比下降100.0%" && c.change.text == "-3")
    }

    @Test func equalNonZeroValuesAreFlatWithAZeroPercentage() {
        let c = Comparison(value: ExactDecimal(7), prior: ExactDecimal(7), unit: "起")
        #expect(c.direction == .flat && c.phrase() == "同比持平" && c.yoy?.percent(decimals: 2).text == "0")
    }

    /// 双下降 needs both the count and the deaths to fall; 火灾 separately.
    @Test func doubleDecline() throws {
        func scope(_ build: (inout TestData) -> Void) throws -> ScopeFigures {
            var d = T()
            build(&d)
            return FiguresBuilder.compute(d.dataset, period: try ReportPeriod(year: 2020, through: 12)).regionScope
        }
        let both = try scope { d in
            d.accident("东城区", T.day(2020, 1, 1), deaths: 1)
            for _ in 0..<2 { d.accident("东城区", T.day(2019, 1, 1), deaths: 1) }
        }
        #expect(both.accidentsDoubleDecline && !both.firesDoubleDecline)
        let deathsFlat = try scope { d in
            d.accident("东城区", T.day(2020, 1, 1), deaths: 2)
            for _ in 0..<2 { d.accident("东城区", T.day(2019, 1, 1), deaths: 1) }
        }
        #expect(!deathsFlat.accidentsDoubleDecline)
        let countUp = try scope { d in
            for _ in 0..<3 { d.accident("东城区", T.day(2020, 1, 1)) }
            d.accident("东城区", T.day(2019, 1, 1), deaths: 4)
        }
        #expect(!countUp.accidentsDoubleDecline)
        let fires = try scope { d in
            d.fire("西湖区", T.day(2020, 6, 1))
            d.fire("西湖区", T.day(2019, 6, 1), deaths: 1)
            d.fire("西湖区", T.day(2019, 7, 1))
        }
        #expect(fires.firesDoubleDecline && !fires.accidentsDoubleDecline)
    }
}

@Suite struct PeriodRulesTests {
    @Test func labelsIdsAndErrors() throws {
        let p = try ReportPeriod(year: 2022, through: 1)
        #expect(p.label == "2022年1月" && p.priorLabel == "2021年1月" && p.id == "2022-01-01")
        #expect(throws: MetricsError.badPeriod("截至月份须为 1 到 12,而不是 0")) { try ReportPeriod(year: 2022, through: 0) }
        #expect(throws: MetricsError.noData("输入中没有任何可统计的记录")) { try ReportPeriod.resolve(for: T().dataset) }
    }

    /// As-of dates are the last day of P and of P′, February of a leap year included.
    @Test func rangesAndAsOfDates() throws {
        let p = try ReportPeriod(year: 2024, through: 2)
        #expect(p.range(prior: false).lowerBound.description == "2024-01-01")
        #expect(p.asOf(prior: false).description == "2024-02-29")
        #expect(p.asOf(prior: true).description == "2023-02-28")
        #expect(try ReportPeriod(year: 2022, through: 11).asOf(prior: true).description == "2021-11-30")
    }

    /// Every kind counts for the default period, each by its own date field.
    @Test func defaultsLookAtEveryKind() throws {
        var d = T()
        d.accident("东城区", T.day(2021, 3, 1))
        d.inspection("西湖区", T.day(2021, 9, 30), unit: "甲公司")
        d.fire("西湖区", T.day(2020, 12, 1))
        let p = try ReportPeriod.resolve(for: d.dataset)
        #expect(p.year == 2021 && p.through == 9 && p.label == "2021年1-9月")
        let y = try ReportPeriod.resolve(for: d.dataset, year: 2020)
        #expect(y.through == 12)
        #expect(throws: MetricsError.noData("数据中没有 2019 年的记录")) { try ReportPeriod.resolve(for: d.dataset, year: 2019) }
    }

    /// P′ is the same months a year earlier: months after `through` are in neither period, and a
    /// month row's prior is the same month a year earlier.
    @Test func monthRowsCompareWithTheSameMonthAYearEarlier() throws {
        var d = T()
        d.accident("东城区", T.day(2022, 2, 10))
        d.accident("东城区", T.day(2021, 2, 28))
        d.accident("东城区", T.day(2021, 3, 1))
        d.accident("东城区", T.day(2021, 12, 31))     // after P′
        d.accident("东城区", T.day(2020, 2, 1))       // two years back
        let f = FiguresBuilder.compute(d.dataset, period: try ReportPeriod(year: 2022, through: 2)).regionScope
        #expect(f.months.map(\.key) == ["2022-01", "2022-02"])
        #expect(f.months[1].metric("accidents.count")?.value.text == "1")
        #expect(f.months[1].metric("accidents.count")?.prior?.text == "1")
        #expect(f.months[0].metric("accidents.count")?.prior?.text == "0")
        #expect(f.metric("accidents.count")?.prior?.text == "1")
    }
}

@Suite struct DefinitionRulesTests {
    @Test func accidentLevelsDeathsAndInjuries() throws {
        var d = T()
        d.accident("东城区", T.day(2020, 1, 1), deaths: 2, missing: 1, injuries: 4, level: .larger)
        d.accident("东城区", T.day(2020, 2, 1), deaths: 10, level: .major)
        d.accident("西湖区", T.day(2020, 3, 1), deaths: 30, level: .especiallyMajor)
        d.accident("西湖区", T.day(2020, 4, 1), injuries: 1)
        d.accident("西湖区", T.day(2020, 5, 1), level: .larger)
        let f = FiguresBuilder.compute(d.dataset, period: try ReportPeriod(year: 2020, through: 12)).regionScope
        func value(_ id: String) -> String? { f.metric(id)?.value.text }
        #expect(value("accidents.count") == "5")
        #expect(value("accidents.deaths") == "43")            // 2 + 1 missing + 10 + 30
        #expect(value("accidents.injuries") == "5")
        #expect(value("accidents.level.ordinary") == "1")
        #expect(value("accidents.level.larger") == "2")
        #expect(value("accidents.level.major") == "1")
        #expect(value("accidents.level.especially_major") == "1")
        #expect(value("accidents.major") == "4")               // 较大 + 重大 + 特别重大
        #expect(f.metric("较大及以上事故起数")?.id == "accidents.major")
    }

    /// 挂牌督办 counts listed hazards of any level; overdue needs a deadline strictly before the
    /// as-of date and no rectification by then.
    @Test func hazardListingAndOverdueBoundaries() throws {
        var d = T()
        let asOf = T.day(2020, 12, 31)
        d.hazard("东城区", T.day(2020, 1, 1), listed: true)                                      // listed, not major
        d.hazard("东城区", T.day(2020, 1, 2), major: true, listed: true)
        d.hazard("东城区", T.day(2020, 1, 3), rectifiedOn: T.day(2020, 6, 1), major: true)
        d.hazard("东城区", T.day(2020, 1, 4), deadline: asOf)                                    // due on the as-of day
        d.hazard("东城区", T.day(2020, 1, 5), rectifiedOn: T.day(2020, 12, 31), deadline: T.day(2020, 2, 1))  // late but done
        d.hazard("东城区", T.day(2020, 1, 6), deadline: T.day(2020, 12, 30))                     // overdue
        d.hazard("东城区", T.day(2020, 1, 7), status: true, deadline: T.day(2020, 2, 1))          // status without a date
        let f = FiguresBuilder.compute(d.dataset, period: try ReportPeriod(year: 2020, through: 12)).regionScope
        #expect(f.metric("hazards.found")?.value.text == "7")
        #expect(f.metric("hazards.major.found")?.value.text == "2")
        #expect(f.metric("hazards.major.rectified")?.value.text == "1")
        #expect(f.metric("hazards.major.listed")?.value.text == "2")
        #expect(f.metric("hazards.rectified")?.value.text == "3")
        #expect(f.metric("hazards.overdue")?.value.text == "1")
        #expect(f.metric("hazards.rate")?.ratio?.percentText(decimals: 2) == "42.86")   // 3/7
    }

    /// Parts in config order, then parts found only in the data by first appearance; a configured
    /// part without records still gets its (zero) figures.
    @Test func partOrder() throws {
        var d = T(parts: ["西湖区", "东城区", "北江区"])
        d.accident("南山区", T.day(2020, 1, 1))
        d.accident("东城区", T.day(2020, 1, 1))
        d.accident("临川县", T.day(2020, 1, 1))
        d.accident("西湖区", T.day(2020, 1, 1))
        let f = FiguresBuilder.compute(d.dataset, period: try ReportPeriod(year: 2020, through: 12))
        #expect(f.scopes.map(\.scope) == ["示例市", "西湖区", "东城区", "北江区", "南山区", "临川县"])
        #expect(f.scopes.map(\.kind) == [.region, .part, .part, .part, .part, .part])
        #expect(f.scope(named: "北江区")?.metric("accidents.count")?.value.text == "0")
        #expect(f.regionScope.metric("accidents.count")?.value.text == "4")
    }

    @Test func townsAreThePartsOfADistrict() throws {
        var d = T(name: "临川县", level: .county, parts: ["城关镇", "东街道"])
        d.penalty("东街道", T.day(2020, 1, 1), fineYuan: "500")
        d.penalty("城关镇", T.day(2020, 2, 1), fineYuan: "1500")
        let f = FiguresBuilder.compute(d.dataset, period: try ReportPeriod(year: 2020, through: 12))
        #expect(f.level == .county && f.scopes.map(\.scope) == ["临川县", "城关镇", "东街道"])
        #expect(f.scope(named: "东街道")?.metric("penalties.fines")?.value.text == "0.05")
        #expect(f.regionScope.metric("penalties.fines")?.value.text == "0.2")
    }

    /// Industry rows: canonical order, then other names, then 未填写; shares of the scope's value.
    @Test func industryRowsAndShares() throws {
        var d = T()
        d.penalty("东城区", T.day(2020, 1, 1), fineYuan: "1739780")                            // no industry
        d.penalty("东城区", T.day(2020, 1, 2), fineYuan: "1", industry: "殡葬服务")             // not a canonical name
        d.penalty("东城区", T.day(2020, 1, 3), fineYuan: "3103749", industry: "危险化学品")
        d.penalty("西湖区", T.day(2020, 1, 4), industry: "商贸")
        let f = FiguresBuilder.compute(d.dataset, period: try ReportPeriod(year: 2020, through: 12)).regionScope
        #expect(f.industries.map(\.key) == ["危险化学品", "商贸", "殡葬服务", "未填写"])
        let chem = f.industries[0].metric("penalties.fines")!
        #expect(chem.value.text == "310.3749" && chem.shareOf?.text == "484.353")
        #expect(chem.share?.percentText(decimals: 2) == "64.08")
        #expect(f.industries[1].metric("penalties.count")?.share?.percentText(decimals: 2) == "25.00")
        #expect(FiguresJSON.object(chem).contains(#""share": 64.08, "share_of": 484.353"#))
    }

    /// Completion rates: this year's targets only, the region's in the region and a part's in that part.
    @Test func targetsForTheRegionAndForParts() throws {
        var d = T()
        for i in 0..<69 { d.penalty(i < 40 ? "东城区" : "西湖区", T.day(2020, 1 + i % 12, 1), pre: true) }
        d.hazard("东城区", T.day(2020, 1, 1), status: true)
        d.hazard("东城区", T.day(2020, 1, 1))
        d.target(2020, "事前处罚起数", "80")
        d.target(2019, "事前处罚起数", "10")
        d.target(2020, "事前处罚起数", "50", part: "东城区")
        d.target(2020, "隐患整改率", "80", part: "东城区")
        d.target(2020, "行政处罚起数", "0")
        let f = FiguresBuilder.compute(d.dataset, period: try ReportPeriod(year: 2020, through: 12))
        let region = f.regionScope.metrics.filter { $0.kind == .completion }
        #expect(region.map(\.id) == ["targets.事前处罚起数", "targets.行政处罚起数"])
        #expect(region[0].value.text == "86.25" && region[0].parts?.numerator.text == "69" && region[0].parts?.denominator.text == "80")
        #expect(region[1].ratio == nil)    // a zero target has no completion rate
        #expect(FiguresJSON.object(region[1]).contains(#""value": null"#))
        let east = f.scope(named: "东城区")!.metrics.filter { $0.kind == .completion }
        #expect(east.map(\.id) == ["targets.事前处罚起数", "targets.隐患整改率"])
        #expect(east[0].value.text == "80")                  // 40 / 50
        #expect(east[1].value.text == "62.5")                // 50% / 80%
        #expect(f.scope(named: "西湖区")!.metrics.allSatisfy { $0.kind != .completion })
    }
}

@Suite struct MergeRulesTests {
    func add(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal {
        ExactDecimal.difference(a, ExactDecimal(significand: -b.significand, exponent: b.exponent))
    }

    /// Property: every additive figure of the region — in total, per industry row and per month
    /// row, value and prior — is the sum over the parts; distinct units are not additive but lie
    /// between the largest part's count and the parts' sum. Cities and counties, random data.
    @Test(arguments: [(UInt64(21), RegionConfig.Level.city), (22, .city), (23, .county), (24, .district)])
    func theRegionIsTheMergeOfItsParts(seed: UInt64, level: RegionConfig.Level) throws {
        let data = TestData.random(seed: seed, records: 600, level: level)
        let f = FiguresBuilder.compute(data.dataset, period: try ReportPeriod(year: 2021, through: 10))
        let region = f.regionScope
        #expect(f.parts.count == 3)
        for metric in TestData.additiveMetrics {
            func check(_ pick: (ScopeFigures) -> MetricFigure?, _ place: String) {
                var value = ExactDecimal(0), prior = ExactDecimal(0)
                for part in f.parts {
                    if let m = pick(part) { value = add(value, m.value); prior = add(prior, m.prior!) }
                }
                // A breakdown row a scope leaves out has nothing in it.
                let r = pick(region)
                let regionValue = r?.value ?? ExactDecimal(0), regionPrior = r?.prior ?? ExactDecimal(0)
                #expect(regionValue.text == value.text, "\(metric.id) \(place)")
                #expect(regionPrior.text == prior.text, "\(metric.id) \(place) prior")
            }
            check({ $0.metric(metric.id) }, "total")
            for row in region.industries {
                check({ scope in scope.industries.first { $0.key == row.key }?.metric(metric.id) }, row.key)
            }
            for row in region.months {
                check({ scope in scope.months.first { $0.key == row.key }?.metric(metric.id) }, row.key)
            }
        }
        let units = f.parts.map { Int($0.metric("inspections.units")!.value.significand) }
        let regionUnits = Int(region.metric("inspections.units")!.value.significand)
        #expect(regionUnits >= units.max()! && regionUnits <= units.reduce(0, +))
        #expect(regionUnits < units.reduce(0, +))    // five units shared by three parts
        // The rate is computed last, from the merged sums.
        let rate = region.metric("hazards.rate")!
        #expect(rate.parts?.numerator.text == region.metric("hazards.rectified")!.value.text)
        #expect(rate.parts?.denominator.text == region.metric("hazards.found")!.value.text)
    }
}

@Suite struct ExpectedPartsTests {
    /// A district name only the data knows (经济开发区, not in config.toml's [districts]) is kept
    /// under its own name with what it sent: its own figures of registers it never sent read 未报送,
    /// but it is not a part the region waits for — no missing pair stops the run, the region's
    /// totals are not 不含 it, and its first year does not take the region's prior away.
    @Test func aPartOnlyTheDataNamesDoesNotHoldTheRegionBack() throws {
        var d = T()
        d.covered = false
        for part in ["东城区", "西湖区"] {
            for year in [2019, 2020] {
                d.accident(part, T.day(year, 3, 1), deaths: 1)
                d.hazard(part, T.day(year, 4, 1))
            }
        }
        d.accident("经济开发区", T.day(2020, 5, 1), deaths: 2)
        let f = FiguresBuilder.compute(d.dataset, period: try ReportPeriod(year: 2020, through: 12))
        #expect(f.missing.isEmpty && f.priorMissing.isEmpty)
        let accidents = try #require(f.regionScope.metric("accidents.count"))
        #expect(accidents.value.text == "3" && accidents.prior?.text == "2" && accidents.incomplete.isEmpty && !accidents.priorMissing)
        let hazards = try #require(f.regionScope.metric("hazards.found"))
        #expect(hazards.value.text == "2" && hazards.incomplete.isEmpty && hazards.prior?.text == "2")
        let stray = try #require(f.scope(named: "经济开发区"))
        #expect(stray.metric("hazards.found")?.missing == true)
        #expect(stray.metric("accidents.count")?.value.text == "1" && stray.metric("accidents.count")?.priorMissing == true)
        // A district of the config that sent nothing is still waited for.
        var e = d
        e.records.config.parts.append("北江区")
        let g = FiguresBuilder.compute(e.dataset, period: try ReportPeriod(year: 2020, through: 12))
        #expect(g.missing.map(\.description).contains("北江区未报送2020年事故数据"))
        #expect(g.regionScope.metric("accidents.count")?.incomplete == ["北江区"])
    }
}

@Suite struct CubePiecesTests {
    /// A register counted in pieces on several cores gives the figures of one pass: every figure,
    /// breakdown row, distinct count, list (in row order) and series of figures.json, for any
    /// number of pieces (down to a row or two each).
    @Test(arguments: [1, 2, 3, 7])
    func piecesJoinedInRowOrderGiveTheFiguresOfOnePass(seed: UInt64) throws {
        let data = TestData.random(seed: seed, records: 600)
        var named = data.dataset
        named.catalog.periods = [PeriodDeclaration(name: "下半年", from: TestData.day(2022, 7, 1), compare: true)]
        let period = try ReportPeriod(year: 2022, through: 12)
        let onePass = FiguresJSON.text(FiguresBuilder.compute(named, period: period, cubePieces: 1))
        for pieces in [2, 3, 7, 400] {
            #expect(FiguresJSON.text(FiguresBuilder.compute(named, period: period, cubePieces: pieces)) == onePass, "\(pieces) pieces")
        }
        #expect(onePass.contains("\"named_periods\"") && onePass.contains("\"lists\""))
    }
}
