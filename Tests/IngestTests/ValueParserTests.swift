@testable import Ingest
import Model
import Testing

@Suite struct NumberTextTests {
    @Test func plainAndSigned() {
        #expect(NumberText.parse("3")?.value == ExactDecimal(3))
        #expect(NumberText.parse("-0.5")?.value == ExactDecimal(significand: -5, exponent: -1))
        #expect(NumberText.parse("+7")?.value == ExactDecimal(7))
        #expect(NumberText.parse(" 12.50 ")?.value == ExactDecimal(significand: 1250, exponent: -2))
        #expect(NumberText.parse(".5")?.value == ExactDecimal(significand: 5, exponent: -1))
    }

    @Test func thousandsSeparatorsMustGroupByThree() {
        #expect(NumberText.parse("1,234")?.value == ExactDecimal(1234))
        #expect(NumberText.parse("1,234,567.5")?.value == ExactDecimal(significand: 12_345_675, exponent: -1))
        #expect(NumberText.parse("12,34") == nil)
        #expect(NumberText.parse("1234,567") == nil)
        #expect(NumberText.parse(",123") == nil)
        #expect(NumberText.parse("1,23.4") == nil)
    }

    @Test func fullWidthDigitsSignsAndSeparators() {
        #expect(NumberText.parse("３")?.value == ExactDecimal(3))
        #expect(NumberText.parse("１，２３４．５")?.value == ExactDecimal(significand: 12345, exponent: -1))
        #expect(NumberText.parse("－２")?.value == ExactDecimal(-2))
        #expect(NumberText.parse("　４　")?.value == ExactDecimal(4))
    }

    @Test func suffixAndPercent() {
        let p = NumberText.parse("12.5万元")
        #expect(p?.value == ExactDecimal(significand: 125, exponent: -1))
        #expect(p?.suffix == "万元")
        #expect(NumberText.parse("3 人")?.suffix == "人")
        let pc = NumberText.parse("93.4%")
        #expect(pc?.percent == true)
        #expect(pc?.value == ExactDecimal(significand: 934, exponent: -1))
        #expect(NumberText.parse("93.4％")?.percent == true)
    }

    @Test func exponents() {
        #expect(NumberText.parse("1.2E+3")?.value.rescaled(toExponent: 0) == 1200)
        #expect(NumberText.parse("1e-05")?.value == ExactDecimal(significand: 1, exponent: -5))
        // An `e` not followed by digits is a suffix, not an exponent.
        #expect(NumberText.parse("3e")?.suffix == "e")
    }

    @Test func notNumbers() {
        for t in ["", "   ", "abc", "三", "-", "人3", "--3", "."] { #expect(NumberText.parse(t) == nil, "\(t)") }
        #expect(NumberText.parse("99999999999999999999") == nil)     // overflow, refused rather than wrapped
    }

    @Test func doublesReadAsTheirShortestDecimal() {
        #expect(NumberText.decimal(12.5) == ExactDecimal(significand: 125, exponent: -1))
        #expect(NumberText.decimal(0.1) == ExactDecimal(significand: 1, exponent: -1))
        #expect(NumberText.decimal(3) == ExactDecimal(3))
        #expect(NumberText.decimal(.nan) == nil)
        #expect(NumberText.shortest(3.0) == "3")
        #expect(NumberText.shortest(2.5) == "2.5")
    }
}

@Suite struct CountParserTests {
    @Test func acceptedForms() {
        #expect(CountParser.parse(.text("3")) == .success(3))
        #expect(CountParser.parse(.text("3人")) == .success(3))
        #expect(CountParser.parse(.text("１,２３４")) == .success(1234))
        #expect(CountParser.parse(.text("3.0")) == .success(3))
        #expect(CountParser.parse(.number(7)) == .success(7))
        #expect(CountParser.parse(.empty) == .success(0))
        #expect(CountParser.parse(.text("  ")) == .success(0))
    }

    @Test func refusedForms() {
        #expect(CountParser.parse(.text("-1")) == .failure(.negative))
        #expect(CountParser.parse(.number(-2)) == .failure(.negative))
        #expect(CountParser.parse(.text("三")) == .failure(.notNumber))
        #expect(CountParser.parse(.text("3万元")) == .failure(.notNumber))
        #expect(CountParser.parse(.text("2.5")) == .failure(.notInteger))
        #expect(CountParser.parse(.number(2.5)) == .failure(.notInteger))
        #expect(CountParser.parse(.text("50%")) == .failure(.percent))
        #expect(CountParser.parse(.text("99999999999")) == .failure(.tooLarge))
        #expect(CountParser.parse(.bool(true)) == .failure(.notNumber))
        #expect(CountParser.parse(.error("#N/A")) == .failure(.notNumber))
    }

    /// Property: any count written in any allowed style reads back as itself.
    @Test func roundTripsEveryStyle() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<2000 {
            let n = Int.random(in: 0...20_000_000, using: &rng)
            let styles = TextStyles.count(n)
            for s in styles {
                #expect(CountParser.parse(.text(s)) == .success(Int32(n)), "\(s)")
            }
            #expect(CountParser.parse(.number(Double(n))) == .success(Int32(n)))
        }
    }
}

@Suite struct MoneyParserTests {
    @Test func unitsFromColumnAndCell() {
        #expect(MoneyParser.parse(.text("12.5"), unit: .wanYuan) == .success(Money(fen: 12_500_000)))
        #expect(MoneyParser.parse(.text("12.5"), unit: .yuan) == .success(Money(fen: 1250)))
        // A unit in the cell overrides the column's.
        #expect(MoneyParser.parse(.text("12.5万元"), unit: .yuan) == .success(Money(fen: 12_500_000)))
        #expect(MoneyParser.parse(.text("3000元"), unit: .wanYuan) == .success(Money(fen: 300_000)))
        #expect(MoneyParser.parse(.text("1.2亿元"), unit: .wanYuan) == .success(Money(fen: 12_000_000_000)))
        #expect(MoneyParser.parse(.text("1,234"), unit: .yuan) == .success(Money(fen: 123_400)))
        #expect(MoneyParser.parse(.number(484.353), unit: .wanYuan) == .success(Money(fen: 484_353_000)))
        #expect(MoneyParser.parse(.empty, unit: .yuan) == .success(.zero))
    }

    @Test func refusedForms() {
        #expect(MoneyParser.parse(.text("-5"), unit: .yuan) == .failure(.negative))
        #expect(MoneyParser.parse(.text("五万"), unit: .yuan) == .failure(.notNumber))
        #expect(MoneyParser.parse(.text("5人"), unit: .yuan) == .failure(.notNumber))
        #expect(MoneyParser.parse(.text("5%"), unit: .yuan) == .failure(.percent))
    }

    @Test func finerThanOneFenRoundsHalfUp() {
        #expect(MoneyParser.parse(.text("0.005"), unit: .yuan) == .success(Money(fen: 1)))
        #expect(MoneyParser.parse(.text("0.0049"), unit: .yuan) == .success(Money(fen: 0)))
    }

    /// Property: an amount written in either unit, any style, reads back to the same 分.
    @Test func roundTripsEveryStyle() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let fen = Int64.random(in: 0...5_000_000_000_000, using: &rng)
            for (unit, exponent) in [(MoneyUnit.yuan, 2), (.wanYuan, 6)] {
                let text = ExactDecimal(significand: fen, exponent: -exponent).text
                for s in TextStyles.decimal(text) {
                    #expect(MoneyParser.parse(.text(s), unit: unit) == .success(Money(fen: fen)), "\(s) \(unit)")
                }
                // The same amount with its unit written in the cell, in a column of the other unit.
                let other: MoneyUnit = unit == .yuan ? .wanYuan : .yuan
                #expect(MoneyParser.parse(.text(text + unit.name), unit: other) == .success(Money(fen: fen)))
                // As a number cell when the decimal is exactly what the Double shows.
                if let d = Double(text), "\(d)" == text || NumberText.shortest(d) == text {
                    #expect(MoneyParser.parse(.number(d), unit: unit) == .success(Money(fen: fen)), "\(d)")
                }
            }
        }
    }
}

@Suite struct DateParserTests {
    let day = Day(year: 2020, month: 3, day: 19)!

    @Test func textStylesOfInputsMD() {
        for s in ["2020-03-19", "2020/3/19", "2020.3.19", "2020年3月19日", "20200319", "2020-3-19 14:30",
                  "2020/03/19 14:30:05", "2020-03-19T14:30:00", "2020年3月19日 14时30分", "２０２０－０３－１９",
                  " 2020-03-19 ", "2020 年 3 月 19 日", "2020-03-19 14:30:05.000", "2020年3月19号"] {
            #expect(DateParser.parse(.text(s)) == .success(day), "\(s)")
        }
    }

    @Test func invalidDatesAreRefused() {
        #expect(DateParser.parse(.text("2025-02-30")) == .failure(.notDate))
        #expect(DateParser.parse(.text("2020-13-01")) == .failure(.notDate))
        #expect(DateParser.parse(.text("2020-03-19 25:00")) == .failure(.notDate))
        #expect(DateParser.parse(.text("2020-03")) == .failure(.notDate))
        #expect(DateParser.parse(.text("2020年3月")) == .failure(.notDate))
        #expect(DateParser.parse(.text("3/19/2020")) == .failure(.notDate))
        #expect(DateParser.parse(.text("2020-03-19x")) == .failure(.notDate))
        #expect(DateParser.parse(.text("2020-03/19")) == .failure(.notDate))
        #expect(DateParser.parse(.text("昨天")) == .failure(.notDate))
        #expect(DateParser.parse(.text("0202-03-19")) == .failure(.yearOutOfRange))
        #expect(DateParser.parse(.empty) == .failure(.empty))
        #expect(DateParser.parse(.bool(true)) == .failure(.notDate))
    }

    /// The table lookup of the usual date says what the civil conversion says, for every day of
    /// every supported year and the days just past each month's end.
    @Test func civilDatesFromTablesAgreeWithTheConversion() {
        var disagreements: [String] = []
        for year in DateParser.years {
            for month in 0...13 {
                for d in 0...32 {
                    let expected: Result<Day, ValueProblem> = Day(year: year, month: month, day: d).map { .success($0) } ?? .failure(.notDate)
                    let text = "\(year)-\(month)-\(d)"
                    if DateParser.civil(year: year, month: month, day: d) != expected { disagreements.append(text) }
                    if (1...12).contains(month), (1...31).contains(d), DateParser.parse(.text(text)) != expected { disagreements.append("parse " + text) }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test func excelDatesAndPlainNumbers() {
        // 2020-03-19 is serial 43909.
        #expect(DateParser.parse(.date(43909, timeOnly: false)) == .success(day))
        #expect(DateParser.parse(.date(43909.75, timeOnly: false)) == .success(day))
        #expect(DateParser.parse(.date(0.5, timeOnly: true)) == .failure(.timeOnly))
        #expect(DateParser.parse(.number(43909)) == .success(day))
        #expect(DateParser.parse(.number(20_200_319)) == .success(day))
        #expect(DateParser.parse(.text("43909")) == .success(day))
        #expect(DateParser.parse(.number(12)) == .failure(.notDate))
        #expect(DateParser.parse(.number(2020)) == .failure(.notDate))
        #expect(DateParser.parse(.number(20_201_332)) == .failure(.notDate))
    }

    @Test func display() {
        #expect(DateParser.display(serial: 43909, timeOnly: false) == "2020-03-19")
        #expect(DateParser.display(serial: 43909.5, timeOnly: false) == "2020-03-19T12:00:00")
        #expect(DateParser.display(serial: 0.25, timeOnly: true) == "06:00:00")
    }

    /// Property: every day of 1900–2099 written in every allowed style reads back as itself.
    @Test func roundTripsEveryStyle() {
        var rng = SeededGenerator(seed: 2020)
        let first = Day(year: 1900, month: 1, day: 1)!.number
        let last = Day(year: 2099, month: 12, day: 31)!.number
        for _ in 0..<3000 {
            let d = Day(number: Int32.random(in: first...last, using: &rng))
            let (y, m, dd) = d.components
            let hour = Int.random(in: 0...23, using: &rng), minute = Int.random(in: 0...59, using: &rng)
            for s in TextStyles.date(y, m, dd, hour: hour, minute: minute) {
                #expect(DateParser.parse(.text(s)) == .success(d), "\(s)")
            }
            let serial = Double(d.number + 25_569)
            #expect(DateParser.parse(.date(serial + Double(hour) / 24, timeOnly: false)) == .success(d))
            #expect(DateParser.parse(.number(Double(y * 10_000 + m * 100 + dd))) == .success(d))
            if DateParser.serials.contains(serial) { #expect(DateParser.parse(.number(serial)) == .success(d)) }
        }
    }
}

@Suite struct ChoiceParserTests {
    @Test func booleansOfTheClarification() {
        for yes in ["是", "√", "Y", "y", "TRUE", "true", "1", " 是 "] { #expect(ChoiceParser.boolean(.text(yes)) == .success(true), "\(yes)") }
        for no in ["否", "×", "N", "n", "FALSE", "0", ""] { #expect(ChoiceParser.boolean(.text(no)) == .success(false), "\(no)") }
        #expect(ChoiceParser.boolean(.empty) == .success(false))
        #expect(ChoiceParser.boolean(.bool(true)) == .success(true))
        #expect(ChoiceParser.boolean(.number(1)) == .success(true))
        #expect(ChoiceParser.boolean(.number(0)) == .success(false))
        #expect(ChoiceParser.boolean(.text("待定")) == .failure(.notBoolean))
        #expect(ChoiceParser.boolean(.number(2)) == .failure(.notBoolean))
    }

    @Test func rectificationStatus() {
        for s in ["已整改", "已完成", "是", "√"] { #expect(ChoiceParser.status(.text(s)) == .success(.rectified)) }
        for s in ["未整改", "整改中", "否"] { #expect(ChoiceParser.status(.text(s)) == .success(.notRectified)) }
        #expect(ChoiceParser.status(.empty) == .success(.unstated))
        #expect(ChoiceParser.status(.text("看情况")) == .failure(.notStatus))
    }

    @Test func levels() {
        #expect(ChoiceParser.level(.text("较大")) == .success(.larger))
        #expect(ChoiceParser.level(.text("重大事故")) == .success(.major))
        #expect(ChoiceParser.level(.text("特别重大")) == .success(.especiallyMajor))
        #expect(ChoiceParser.level(.text("一般火灾")) == .success(.ordinary))
        #expect(ChoiceParser.level(.empty) == .success(nil))
        #expect(ChoiceParser.level(.text("轻微")) == .failure(.notLevel))
        // 隐患等级 words read as levels too (the field then accepts only 一般 and 重大).
        #expect(ChoiceParser.level(.text("重大隐患")) == .success(.major))
        #expect(ChoiceParser.level(.text("一般事故隐患")) == .success(.ordinary))
        #expect(ChoiceParser.level(.text("特大")) == .failure(.notLevel))
    }

    @Test func reasonsReadAsInTheSpec() {
        #expect(ValueProblem.notDate.reason(field: "发生时间", value: "2025-02-30") == "发生时间「2025-02-30」不是有效日期")
        #expect(ValueProblem.empty.reason(field: "发生时间", value: "") == "发生时间为空")
    }
}

/// The ways districts write one value, for property tests.
enum TextStyles {
    static func fullWidth(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            (0x21...0x7E).contains(u.value) ? Unicode.Scalar(u.value + 0xFEE0)! : u
        }))
    }

    static func grouped(_ integer: String) -> String {
        var out = ""
        for (i, c) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    static func count(_ n: Int) -> [String] {
        let plain = String(n)
        return [plain, grouped(plain), fullWidth(plain), fullWidth(grouped(plain)), plain + "人", plain + " 人",
                " \(plain) ", plain + ".0", "+" + plain, plain + "起"]
    }

    static func decimal(_ text: String) -> [String] {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        let g = grouped(integer) + fraction
        return [text, g, fullWidth(text), fullWidth(g), " \(text)\u{3000}", text + (fraction.isEmpty ? ".00" : "0")]
    }

    static func date(_ y: Int, _ m: Int, _ d: Int, hour: Int, minute: Int) -> [String] {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let time = "\(two(hour)):\(two(minute))"
        return ["\(y)-\(two(m))-\(two(d))", "\(y)-\(m)-\(d)", "\(y)/\(m)/\(d)", "\(y).\(m).\(d)", "\(y)年\(m)月\(d)日",
                "\(y)\(two(m))\(two(d))", "\(y)-\(two(m))-\(two(d)) \(time)", "\(y)/\(m)/\(d) \(time):07",
                "\(y)-\(two(m))-\(two(d))T\(time):00", "\(y)年\(m)月\(d)日 \(hour)时\(minute)分",
                fullWidth("\(y)-\(two(m))-\(two(d))"), "\(y)\(two(m))\(two(d)) \(time)"]
    }
}
