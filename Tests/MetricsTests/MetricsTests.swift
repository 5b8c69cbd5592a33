import Foundation
import Testing
@testable import Metrics
import Model

typealias D = DatasetBuilder

@Suite struct PeriodTests {
    @Test func labelsAndIDs() throws {
        #expect(try ReportPeriod(year: 2020, through: 12).label == "2020年")
        #expect(try ReportPeriod(year: 2020, through: 12).priorLabel == "2019年")
        #expect(try ReportPeriod(year: 2022, through: 11).label == "2022年1-11月")
        #expect(try ReportPeriod(year: 2022, through: 11).priorLabel == "2021年1-11月")
        #expect(try ReportPeriod(year: 2022, through: 1).label == "2022年1月")
        #expect(try ReportPeriod(year: 2020, through: 12).id == "2020")
        #expect(try ReportPeriod(year: 2022, through: 11).id == "2022-01-11")
        #expect(try ReportPeriod(year: 2022, through: 3).id == "2022-01-03")
        #expect(throws: MetricsError.self) { try ReportPeriod(year: 2022, through: 13) }
    }

    @Test func defaultIsTheLatestYearThroughItsLatestMonthWithRecords() throws {
        var b = D()
        b.accident("东城区", D.day(2021, 12, 30))
        b.hazard("东城区", D.day(2022, 11, 3))
        b.penalty("西湖区", D.day(2022, 2, 1))
        let p = try ReportPeriod.resolve(for: b.dataset)
        #expect(p.year == 2022 && p.through == 11)
        let y = try ReportPeriod.resolve(for: b.dataset, year: 2021)
        #expect(y.year == 2021 && y.through == 12)
        let t = try ReportPeriod.resolve(for: b.dataset, year: 2022, through: 6)
        #expect(t.through == 6)
        #expect(throws: MetricsError.self) { try ReportPeriod.resolve(for: b.dataset, year: 2019) }
    }

    @Test func priorPeriodExcludesLaterMonths() throws {
        var b = D()
        b.accident("东城区", D.day(2022, 11, 30))
        b.accident("东城区", D.day(2021, 11, 30))
        b.accident("东城区", D.day(2021, 12, 1))    // after the prior period's end: not counted
        let figures = FiguresBuilder.compute(b.dataset, period: try ReportPeriod(year: 2022, through: 11))
        let count = figures.regionScope.metric("accidents.count")!
        #expect(count.value.text == "1" && count.prior?.text == "1")
    }
}

@Suite struct ComparisonTests {
    func phrase(_ value: Int, _ prior: Int, unit: String = "起") -> String {
        Comparison(value: ExactDecimal(value), prior: ExactDecimal(prior), unit: unit).phrase()
    }

    @Test func directionsAndPercentages() {
        #expect(phrase(8, 13) == "同比下降38.5%")
        #expect(phrase(6, 11, unit: "人") == "同比下降45.5%")
        #expect(phrase(44, 64) == "同比下降31.3%")
        #expect(phrase(15, 16) == "同比下降6.3%")     // 1/16 = 6.25% → 6.3%
        #expect(phrase(13, 8) == "同比上升62.5%")
        #expect(phrase(7, 7) == "同比持平")
    }

    @Test func noPercentageFromAZeroBase() {
        #expect(phrase(1, 0, unit: "人") == "同比增加1人")
        #expect(phrase(0, 0) == "同比持平")
        let c = Comparison(value: ExactDecimal(3), prior: ExactDecimal(0), unit: "起")
        #expect(c.yoy == nil)
        #expect(c.word == "增加")
        #expect(c.magnitude() == "3起")
    }

    @Test func moneyComparisonsAreExact() {
        let c = Comparison(value: ExactDecimal("220.8")!, prior: ExactDecimal("484.353")!, unit: "万元")
        #expect(c.change.text == "-263.553")
        #expect(c.phrase() == "同比下降54.4%")    // 263.553 / 484.353 = 54.41…%
    }

    @Test func ratesCompareInPercentagePoints() {
        let c = Comparison(rate: Ratio(93, 100)!, prior: Ratio(9, 10)!)
        #expect(c.phrase() == "同比上升3.0个百分点")
    }
}

@Suite struct FiguresTests {
    @Test func accidentsDeathsAndDoubleDecline() throws {
        var b = D()
        for i in 0..<8 { b.accident(i < 5 ? "东城区" : "西湖区", D.day(2020, 1 + i, 3), deaths: i < 6 ? 1 : 0) }
        for i in 0..<13 { b.accident("东城区", D.day(2019, 1 + i % 12, 5), deaths: i < 11 ? 1 : 0) }
        let f = FiguresBuilder.compute(b.dataset, period: try ReportPeriod(year: 2020, through: 12))
        let region = f.regionScope
        #expect(region.metric("accidents.count")?.comparison?.phrase() == "同比下降38.5%")
        #expect(region.metric("accidents.deaths")?.comparison?.phrase() == "同比下降45.5%")
        #expect(region.accidentsDoubleDecline)
        #expect(f.scope(named: "西湖区")?.metric("accidents.count")?.comparison?.phrase() == "同比增加3起")
    }

    @Test func hazardsRateAndAsOfRules() throws {
        var b = D()
        let end = D.day(2022, 11, 30)
        b.hazard("东城区", D.day(2022, 3, 1), rectifiedOn: D.day(2022, 3, 9))
        b.hazard("东城区", D.day(2022, 10, 1), rectifiedOn: D.day(2022, 12, 2), deadline: D.day(2022, 11, 1))  // after P's end
        b.hazard("东城区", D.day(2022, 5, 1), status: true)
        b.hazard("西湖区", D.day(2022, 6, 1), deadline: D.day(2022, 12, 10), major: true, listed: true)
        _ = end
        let f = FiguresBuilder.compute(b.dataset, period: try ReportPeriod(year: 2022, through: 11))
        let r = f.regionScope
        #expect(r.metric("hazards.found")?.value.text == "4")
        #expect(r.metric("hazards.rectified")?.value.text == "2")
        #expect(r.metric("hazards.rate")?.ratio?.percentText() == "50.0")
        #expect(r.metric("hazards.overdue")?.value.text == "1")     // deadline 11-01 passed, not rectified by 11-30
        #expect(r.metric("hazards.major.found")?.value.text == "1")
        #expect(r.metric("hazards.major.listed")?.value.text == "1")
        // A full year: the October hazard is rectified by 12-31.
        let full = FiguresBuilder.compute(b.dataset, period: try ReportPeriod(year: 2022, through: 12))
        #expect(full.regionScope.metric("hazards.rectified")?.value.text == "3")
    }

    @Test func rateOfTheRoundingList() throws {
        var b = D()
        for i in 0..<7078 { b.hazard("东城区", D.day(2022, 1 + i % 12, 1), status: i < 6810) }
        let f = FiguresBuilder.compute(b.dataset, period: try ReportPeriod(year: 2022, through: 12))
        let rate = f.regionScope.metric("hazards.rate")!
        #expect(rate.ratio?.percentText() == "96.2")
        #expect(rate.value.text == "96.21")
        #expect(rate.parts?.numerator.text == "6810" && rate.parts?.denominator.text == "7078")
    }

    @Test func moneyIsExactInWanYuan() throws {
        var b = D()
        b.penalty("东城区", D.day(2020, 1, 1), fineYuan: "4843530")
        b.penalty("西湖区", D.day(2020, 2, 1), fineYuan: "0.01")
        let f = FiguresBuilder.compute(b.dataset, period: try ReportPeriod(year: 2020, through: 12))
        #expect(f.regionScope.metric("penalties.fines")?.value.text == "484.353001")
        #expect(f.scope(named: "东城区")?.metric("penalties.fines")?.value.text == "484.353")
    }

    @Test func industrySharesAndTargets() throws {
        var b = D()
        for i in 0..<118 { b.penalty("东城区", D.day(2020, 1 + i % 12, 1), industry: i < 60 ? "危险化学品" : "商贸", pre: i < 69) }
        b.targets = [Target(year: 2020, part: nil, metric: "事前处罚起数", value: ExactDecimal(80), origin: "config.toml")]
        let f = FiguresBuilder.compute(b.dataset, period: try ReportPeriod(year: 2020, through: 12))
        let chem = f.regionScope.industries.first { $0.key == "危险化学品" }!
        #expect(chem.metric("penalties.count")?.share?.percentText(decimals: 2) == "50.85")
        let target = f.regionScope.metric("targets.事前处罚起数")!
        #expect(target.value.text == "86.25")
        #expect(target.parts?.numerator.text == "69" && target.parts?.denominator.text == "80")
        #expect(f.regionScope.industries.map(\.key) == ["危险化学品", "商贸"])    // canonical order
    }

    @Test func distinctUnitsAreCountedPerScope() throws {
        var b = D()
        b.inspection("东城区", D.day(2020, 1, 1), unit: "甲公司")
        b.inspection("东城区", D.day(2020, 2, 1), unit: "甲公司")
        b.inspection("西湖区", D.day(2020, 3, 1), unit: "甲公司")
        b.inspection("西湖区", D.day(2020, 3, 1), unit: "乙公司")
        let f = FiguresBuilder.compute(b.dataset, period: try ReportPeriod(year: 2020, through: 12))
        #expect(f.regionScope.metric("inspections.count")?.value.text == "4")
        #expect(f.regionScope.metric("inspections.units")?.value.text == "2")
        #expect(f.scope(named: "东城区")?.metric("inspections.units")?.value.text == "1")
        #expect(f.scope(named: "西湖区")?.metric("inspections.units")?.value.text == "2")
    }

    /// Property: for random datasets, every additive metric of the region equals the sum of its
    /// parts, and each part equals the sum of its months.
    @Test func regionIsTheMergeOfItsParts() throws {
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<20 {
            var b = D(parts: ["甲区", "乙区", "丙县"])
            let parts = ["甲区", "乙区", "丙县"]
            for _ in 0..<200 {
                let day = D.day(2019 + next(2), 1 + next(12), 1 + next(28))
                switch next(4) {
                case 0: b.accident(parts[next(3)], day, deaths: Int32(next(3)), injuries: Int32(next(4)), lossWan: "\(next(50)).\(next(10))")
                case 1: b.hazard(parts[next(3)], day, rectifiedOn: next(2) == 0 ? D.day(2020, 1 + next(12), 1) : nil, status: next(3) == 0,
                                 deadline: D.day(2020, 1 + next(12), 2), major: next(5) == 0, listed: next(7) == 0)
                case 2: b.penalty(parts[next(3)], day, fineYuan: "\(next(9999)).\(next(100))", pre: next(2) == 0, shutdown: next(4) == 0)
                default: b.fire(parts[next(3)], day, deaths: Int32(next(2)))
                }
            }
            let f = FiguresBuilder.compute(b.dataset, period: try ReportPeriod(year: 2020, through: 12))
            for metric in TestData.additiveMetrics {
                let region = f.regionScope.metric(metric.id)!
                var sum = ExactDecimal(0), priorSum = ExactDecimal(0)
                for part in f.parts {
                    let m = part.metric(metric.id)!
                    sum = add(sum, m.value)
                    priorSum = add(priorSum, m.prior!)
                    var months = ExactDecimal(0)
                    for row in part.months { months = add(months, row.metric(metric.id)!.value) }
                    #expect(months.text == m.value.text, "\(part.scope) \(metric.id) months")
                }
                #expect(sum.text == region.value.text, "\(metric.id)")
                #expect(priorSum.text == region.prior?.text, "\(metric.id) prior")
            }
        }
    }

    func add(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal {
        ExactDecimal.difference(a, ExactDecimal(significand: -b.significand, exponent: b.exponent))
    }

    @Test func figuresJSONShape() throws {
        var b = D(parts: ["东城区"])
        b.accident("东城区", D.day(2020, 3, 1), deaths: 1)
        let f = FiguresBuilder.compute(b.dataset, period: try ReportPeriod(year: 2020, through: 12))
        let json = FiguresJSON.text(f)
        #expect(json.contains(#""period": {"year": 2020, "through": 12, "label": "2020年", "prior_label": "2019年", "from": "2020-01-01", "to": "2020-12-31"}"#))
        #expect(json.contains(#"{"id": "accidents.count", "name": "事故起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "series": [{"year": 2020, "value": 1}]}"#))
        #expect(json.contains(#"{"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": null, "prior": null, "numerator": 0, "denominator": 0}"#))
        #expect(FiguresJSON.quoted("a\"b\n") == #""a\"b\n""#)
    }

    /// Property: any string, quoted, is read back by another JSON reader as the same string, and
    /// only quotes, backslashes and control characters are escaped (Chinese stays as it is).
    @Test func quotedStringsReadBackAsThemselves() throws {
        let alphabet: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1f}", "\u{7f}", "事", "故", "€", "😀", "/", " "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &generator) { s.append(alphabet.randomElement(using: &generator)!) }
            let text = String(s)
            let quoted = FiguresJSON.quoted(text)
            let read = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
            #expect(read == [text], "\(quoted)")
            let escapes = text.unicodeScalars.filter { $0.value < 0x20 || $0 == "\"" || $0 == "\\" }.count
            let unescaped = text.unicodeScalars.count - escapes
            #expect(quoted.unicodeScalars.filter { $0.value >= 0x80 }.count == text.unicodeScalars.filter { $0.value >= 0x80 }.count)
            #expect(quoted.unicodeScalars.count >= unescaped + 2 * escapes + 2)
        }
    }
}
