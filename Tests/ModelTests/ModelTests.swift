import Testing
@testable import Model

@Suite struct DayTests {
    @Test func knownDayNumbers() {
        // Independent anchors: 1970-01-01 is day 0; 2000-03-01 is 11017 days later (date -d arithmetic).
        #expect(Day(year: 1970, month: 1, day: 1)?.number == 0)
        #expect(Day(year: 2000, month: 3, day: 1)?.number == 11_017)
        #expect(Day(year: 1969, month: 12, day: 31)?.number == -1)
        #expect(Day(year: 2024, month: 2, day: 29)?.number == 19_782)
    }

    @Test func impossibleDatesAreNil() {
        #expect(Day(year: 2025, month: 2, day: 29) == nil)
        #expect(Day(year: 2025, month: 2, day: 30) == nil)
        #expect(Day(year: 2025, month: 13, day: 1) == nil)
        #expect(Day(year: 2025, month: 4, day: 31) == nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
    }

    @Test func roundTripsEveryDayOfFourCenturies() {
        var previous: Int32?
        for year in 1900...2300 {
            for month in 1...12 {
                for d in 1...Day.daysIn(month: month, year: year) {
                    guard let day = Day(year: year, month: month, day: d) else {
                        Issue.record("\(year)-\(month)-\(d) rejected"); return
                    }
                    if let p = previous, day.number != p + 1 { Issue.record("gap at \(day)"); return }
                    previous = day.number
                    let c = day.components
                    if c.year != year || c.month != month || c.day != d { Issue.record("\(day) → \(c)"); return }
                }
            }
        }
    }

    @Test func isoDescriptionAndEndOfMonth() {
        #expect(Day(year: 2020, month: 3, day: 9)?.description == "2020-03-09")
        #expect(Day.endOf(year: 2024, month: 2)?.description == "2024-02-29")
        #expect(Day.endOf(year: 2022, month: 11)?.description == "2022-11-30")
    }
}

@Suite struct MoneyTests {
    @Test func wanYuanTextIsExactAndTrimmed() {
        #expect(Money(decimal: "4843530", unit: .yuan)?.wanYuanText == "484.353")
        #expect(Money(decimal: "2208000", unit: .yuan)?.wanYuanText == "220.8")
        #expect(Money(decimal: "1310000", unit: .yuan)?.wanYuanText == "131")
        #expect(Money(decimal: "1", unit: .yuan)?.wanYuanText == "0.0001")
        #expect(Money(decimal: "12.5", unit: .wanYuan)?.yuanText == "125000")
        #expect(Money(decimal: "0", unit: .wanYuan)?.wanYuanText == "0")
    }

    @Test func digitsBelowOneFenRoundHalfUp() {
        #expect(Money(decimal: "0.005", unit: .yuan)?.fen == 1)
        #expect(Money(decimal: "0.0049", unit: .yuan)?.fen == 0)
        #expect(Money(decimal: "-0.005", unit: .yuan)?.fen == -1)
        #expect(Money(decimal: "0.1234567", unit: .wanYuan)?.fen == 123_457)
    }

    @Test func rejectsWhatIsNotAPlainDecimal() {
        for bad in ["", "-", ".", "1.2.3", "1e5", "１", "3人", "1,234", " 1"] {
            #expect(Money(decimal: bad, unit: .yuan) == nil, "\(bad)")
        }
        #expect(Money(decimal: "99999999999999999999", unit: .yuan) == nil)
    }

    @Test func sumsAreExact() {
        // 0.1 + 0.2 in binary floating point is not 0.3; in 分 it is.
        let a = Money(decimal: "0.1", unit: .yuan)!, b = Money(decimal: "0.2", unit: .yuan)!
        #expect((a + b).yuanText == "0.3")
    }
}

@Suite struct ExactDecimalTests {
    @Test func textTrimsTrailingZeros() {
        #expect(ExactDecimal(significand: 1500, exponent: -3).text == "1.5")
        #expect(ExactDecimal(significand: -5, exponent: -1).text == "-0.5")
        #expect(ExactDecimal(significand: 12, exponent: 2).text == "1200")
        #expect(ExactDecimal(significand: 0, exponent: -4).text == "0")
        #expect(ExactDecimal("95.50")?.text == "95.5")
    }

    @Test func rescaleRoundsHalfAwayFromZero() {
        #expect(ExactDecimal("6.25")?.rescaled(toExponent: -1) == 63)
        #expect(ExactDecimal("6.249")?.rescaled(toExponent: -1) == 62)
        #expect(ExactDecimal("-6.25")?.rescaled(toExponent: -1) == -63)
        #expect(ExactDecimal("7")?.rescaled(toExponent: -2) == 700)
    }
}

@Suite struct AccidentLevelTests {
    @Test func thresholdsFollowRegulationArticleThree() {
        func level(_ deaths: Int, _ serious: Int = 0, wan: String = "0") -> AccidentLevel {
            AccidentLevel.derived(deaths: deaths, seriousInjuries: serious, loss: Money(decimal: wan, unit: .wanYuan)!)
        }
        #expect(level(2) == .ordinary)
        #expect(level(3) == .larger)          // 3人以上 includes 3
        #expect(level(9) == .larger)
        #expect(level(10) == .major)
        #expect(level(30) == .especiallyMajor)
        #expect(level(0, 9) == .ordinary)
        #expect(level(0, 10) == .larger)
        #expect(level(0, 50) == .major)
        #expect(level(0, 100) == .especiallyMajor)
        #expect(level(0, wan: "999.99") == .ordinary)
        #expect(level(0, wan: "1000") == .larger)
        #expect(level(0, wan: "4999.99") == .larger)
        #expect(level(0, wan: "5000") == .major)
        #expect(level(0, wan: "10000") == .especiallyMajor)
        #expect(level(1, 12, wan: "6000") == .major)   // the highest criterion decides
    }

    @Test func namesRoundTrip() {
        for l in AccidentLevel.allCases { #expect(AccidentLevel(name: l.name) == l) }
    }
}

@Suite struct RecordTableTests {
    /// Columns store rows only up to their last non-default value; the implied rows read as the
    /// default, and a later value materialises them.
    @Test func emptyColumnsTakeNoSpaceAndReadAsEmpty() {
        var t = RecordTable(kind: 0, storages: [.codes, .int32, .days, .bytes])
        let p = Provenance(file: 0, sheet: -1, row: 2)
        let day = Day(year: 2025, month: 3, day: 1)!
        for _ in 0..<3 { t.append([.code(-1), .int(0), .day(nil), .int(0)], part: 0, provenance: p) }
        t.append([.code(7), .int(5), .day(day), .int(1)], part: 1, provenance: p)
        #expect(t.count == 4)
        #expect((0..<4).map { t.columns[0].code($0) } == [-1, -1, -1, 7])
        #expect((0..<4).map { t.columns[1].int32($0) } == [0, 0, 0, 5])
        #expect(t.columns[2].day(3) == day && t.columns[2].day(0) == nil)
        #expect(t.columns[3].byte(3) == 1 && t.columns[3].byte(1) == 0)
        #expect(t.values(at: 3) == [.code(7), .int(5), .day(day), .int(1)])
    }

    @Test func replaceRemapAndFilterKeepOrder() {
        var t = RecordTable(kind: 0, storages: [.codes, .int64])
        for i in 0..<4 { t.append([.code(Int32(i % 2)), .int(Int64(i))], part: 0, provenance: Provenance(file: 0, sheet: -1, row: Int32(i + 2))) }
        t.replace(at: 1, with: [.code(0), .int(10)], part: 0, provenance: Provenance(file: 1, sheet: -1, row: 9))
        t.remap(columns: [[5, 6], nil], part: [3], provenance: { Provenance(file: $0.file + 1, sheet: $0.sheet, row: $0.row) })
        #expect((0..<4).map { t.columns[0].code($0) } == [5, 5, 5, 6])
        #expect(t.part == [3, 3, 3, 3])
        #expect(t.provenance[1] == Provenance(file: 2, sheet: -1, row: 9))
        let amounts = t.columns[1]
        t.filter { amounts.int64($0) != 10 }
        #expect(t.count == 3 && (0..<3).map { t.columns[1].int64($0) } == [0, 2, 3])
    }
}

@Suite struct RatioTests {
    /// The rounding list of METRICS.md, each worked out by hand from the exact fraction.
    @Test func percentagesRoundHalfUpFromExactValues() {
        #expect(Ratio(5, 13)?.percentText() == "38.5")          // 8 vs 13: change 5 of 13 = 38.46…
        #expect(Ratio(5, 11)?.percentText() == "45.5")          // 6 vs 11
        #expect(Ratio(5145, 5510)?.percentText() == "93.4")
        #expect(Ratio(6810, 7078)?.percentText() == "96.2")
        #expect(Ratio(1, 16)?.percentText() == "6.3")           // exactly 6.25: half-up, not to even
        #expect(Ratio(20, 64)?.percentText() == "31.3")         // 44 vs 64: 31.25
        #expect(Ratio(69, 80)?.percentText(decimals: 2) == "86.25")
        #expect(Ratio(60, 118)?.percentText(decimals: 2) == "50.85")
        let part = ExactDecimal("310.375")!, whole = ExactDecimal("484.353")!
        #expect(Ratio(part, whole)?.percentText(decimals: 2) == "64.08")
    }

    /// A percentage too large for 64 bits at the asked precision is rounded at fewer places, half-up
    /// from the exact value, instead of trapping (a rise from 1 分 to 1.8 × 10^16 分).
    @Test func hugePercentagesDoNotTrap() {
        let r = Ratio(ExactDecimal(18_000_000_000_000_000 - 1), ExactDecimal(1))!
        let p = r.percent(decimals: 2)
        #expect(p.text == "1799999999999999900")
        #expect(Ratio(ExactDecimal(Int(Int64.max)), ExactDecimal(significand: 1, exponent: -6))!.percent(decimals: 2).significand > 0)
        #expect(Ratio(5, 13)?.percent(decimals: 2).text == "38.46")
    }

    @Test func zeroDenominatorIsUndefined() {
        #expect(Ratio(1, 0) == nil)
        #expect(Ratio(0, 5)?.percentText() == "0.0")
    }

    @Test func trailingZerosOnlyWhenAsked() {
        #expect(Ratio(5, 5)?.percentText() == "100.0")
        #expect(Ratio(5, 5)?.percentText(trimZeros: true) == "100")
        #expect(Ratio(-5, 13)?.percentText() == "-38.5")
        #expect(Ratio(-1, 16)?.percentText() == "-6.3")
    }

    @Test func fixedTextPads() {
        #expect(ExactDecimal("1.5")?.fixedText(decimals: 2) == "1.50")
        #expect(ExactDecimal("-0.5")?.fixedText(decimals: 1) == "-0.5")
        #expect(ExactDecimal("7")?.fixedText(decimals: 0) == "7")
    }
}
