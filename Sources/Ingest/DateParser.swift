import Model

/// Date cells: real Excel dates, and the text styles of INPUTS.md — `2020-03-19`, `2020/3/19`,
/// `2020.3.19`, `2020年3月19日`, `20200319` — with or without a time (`14:30`, `14:30:05`,
/// `14时30分`), full-width digits allowed.
///
/// Decisions (documented in docs/INGEST.md):
/// - Years outside 1900…2099 are refused: such dates are typing errors in these registers.
/// - A plain number in a date column (no date style, or digits as text) is read as `YYYYMMDD` when
///   it has eight digits forming a valid date, else as an Excel serial when it lies between
///   18264 (1950-01-01) and 73050 (2099-12-31); anything else is refused.
/// - The time of day is checked (hour ≤ 23, minute and second ≤ 59) and then dropped: records are
///   placed in periods by day.
enum DateParser {
    static let years = 1900...2099
    static let serials = 18_264.0 ..< 73_051.0

    static func parse(_ cell: RawCell) -> Result<Day, ValueProblem> {
        switch cell {
        case .empty: return .failure(.empty)
        case .date(let serial, let timeOnly):
            if timeOnly { return .failure(.timeOnly) }
            return fromSerial(serial)
        case .number(let d): return fromPlainNumber(d)
        case .text(let s):
            if RawCell.isBlankText(s) { return .failure(.empty) }
            return parse(text: s)
        case .utf8(let b):
            if RawCell.isBlankText(b.buffer) { return .failure(.empty) }
            return parse(bytes: b.buffer)
        case .bool, .error: return .failure(.notDate)
        }
    }

    /// Days since 1899-12-30 → day (the fraction is the time of day).
    static func fromSerial(_ serial: Double) -> Result<Day, ValueProblem> {
        guard serial.isFinite, serial > -1_000_000, serial < 3_000_000 else { return .failure(.notDate) }
        let day = Day(number: Int32(serial.rounded(.down)) - 25_569)    // 1970-01-01 is serial 25569
        return years.contains(day.year) ? .success(day) : .failure(.yearOutOfRange)
    }

    static func fromPlainNumber(_ d: Double) -> Result<Day, ValueProblem> {
        guard d.isFinite, d >= 0 else { return .failure(.notDate) }
        if d == d.rounded(), d >= 10_000_000, d <= 99_999_999 {
            let n = Int(d)
            return civil(year: n / 10_000, month: n / 100 % 100, day: n % 100)
        }
        if serials.contains(d) { return fromSerial(d) }
        return .failure(.notDate)
    }

    static func civil(year: Int, month: Int, day: Int) -> Result<Day, ValueProblem> {
        if years.contains(year) {
            // The usual date by plain arithmetic (1900…2099: every fourth year leap but 1900):
            // three dates a row, the general civil conversion's divisions were a few percent of
            // turning rows into records.
            guard month >= 1, month <= 12, day >= 1 else { return .failure(.notDate) }
            let leap = year & 3 == 0 && year != 1900
            let length = month == 2 ? (leap ? 29 : 28) : 30 + ((month + month >> 3) & 1)
            guard day <= length else { return .failure(.notDate) }
            let january = 365 * (year - 1970) + (year - 1969 + 400) / 4 - 100 + (year == 1900 ? 1 : 0)
            let beforeMonth = (367 * month - 362) / 12 - (month <= 2 ? 0 : leap ? 1 : 2)
            return .success(Day(number: Int32(january + beforeMonth + day - 1)))
        }
        // A year outside `years`: a date that exists is out of range, one that does not is no date.
        return Day(year: year, month: month, day: day) == nil ? .failure(.notDate) : .failure(.yearOutOfRange)
    }

    static func parse(text: String) -> Result<Day, ValueProblem> {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0) }
    }

    /// Characters the scanner tells apart.
    private enum Token: Equatable {
        case digit(UInt8), dash, slash, dot, colon, space, letterT
        case year, month, day, hour, minute, second
        case other, end
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Result<Day, ValueProblem> {
        if let quick = plainASCII(bytes) { return quick }
        var i = 0
        let n = bytes.count

        func token(_ at: Int) -> (Token, Int) {
            guard at < n else { return (.end, 0) }
            let b = bytes[at]
            if b < 0x80 {
                switch b {
                case 48...57: return (.digit(b - 48), 1)
                case UInt8(ascii: "-"): return (.dash, 1)
                case UInt8(ascii: "/"): return (.slash, 1)
                case UInt8(ascii: "."): return (.dot, 1)
                case UInt8(ascii: ":"): return (.colon, 1)
                case UInt8(ascii: "T"), UInt8(ascii: "t"): return (.letterT, 1)
                case 0x20, 0x09...0x0D: return (.space, 1)
                default: return (.other, 1)
                }
            }
            guard at + 2 < n, b >= 0xE0, b < 0xF0 else {
                if b == 0xC2, at + 1 < n, bytes[at + 1] == 0xA0 { return (.space, 2) }
                return (.other, b >= 0xF0 ? 4 : 2)
            }
            let b1 = bytes[at + 1], b2 = bytes[at + 2]
            switch (b, b1, b2) {
            case (0xEF, 0xBC, 0x90...0x99): return (.digit(b2 - 0x90), 3)   // ０…９
            case (0xEF, 0xBC, 0x8D): return (.dash, 3)                       // －
            case (0xEF, 0xBC, 0x8F): return (.slash, 3)                      // ／
            case (0xEF, 0xBC, 0x8E): return (.dot, 3)                        // ．
            case (0xEF, 0xBC, 0x9A): return (.colon, 3)                      // ：
            case (0xE3, 0x80, 0x80): return (.space, 3)                      // ideographic space
            case (0xE5, 0xB9, 0xB4): return (.year, 3)                       // 年
            case (0xE6, 0x9C, 0x88): return (.month, 3)                      // 月
            case (0xE6, 0x97, 0xA5), (0xE5, 0x8F, 0xB7): return (.day, 3)   // 日 号
            case (0xE6, 0x97, 0xB6), (0xE7, 0x82, 0xB9): return (.hour, 3)  // 时 点
            case (0xE5, 0x88, 0x86): return (.minute, 3)                     // 分
            case (0xE7, 0xA7, 0x92): return (.second, 3)                     // 秒
            case (0xE2, 0x80, 0x94), (0xE2, 0x80, 0x93): return (.dash, 3)  // — –
            default: return (.other, 3)
            }
        }
        func skipSpaces() {
            while case (.space, let w) = token(i) { i += w }
        }
        /// Reads up to `maxDigits` digits; returns (value, count).
        func number(maxDigits: Int) -> (Int, Int) {
            var value = 0
            var count = 0
            while count < maxDigits, case (.digit(let d), let w) = token(i) {
                value = value * 10 + Int(d)
                count += 1
                i += w
            }
            return (value, count)
        }

        skipSpaces()
        let (first, firstDigits) = number(maxDigits: 9)
        var year = 0, month = 0, day = 0
        switch firstDigits {
        case 8:
            year = first / 10_000; month = first / 100 % 100; day = first % 100
        case 5 where token(i).0 == .end || token(i).0 == .space:
            // Digits only, as a CSV holds an Excel serial.
            skipSpaces()
            guard token(i).0 == .end else { return .failure(.notDate) }
            return fromPlainNumber(Double(first))
        case 4:
            year = first
            skipSpaces()
            let (sep, sw) = token(i)
            guard sep == .dash || sep == .slash || sep == .dot || sep == .year else { return .failure(.notDate) }
            i += sw
            skipSpaces()
            let (m, md) = number(maxDigits: 2)
            guard md > 0 else { return .failure(.notDate) }
            month = m
            skipSpaces()
            let (sep2, sw2) = token(i)
            guard sep2 == (sep == .year ? .month : sep) else { return .failure(.notDate) }
            i += sw2
            skipSpaces()
            let (d, dd) = number(maxDigits: 2)
            guard dd > 0 else { return .failure(.notDate) }
            day = d
            if sep == .year {
                skipSpaces()
                if case (.day, let w) = token(i) { i += w }
            }
        default:
            return .failure(.notDate)
        }
        if case .digit = token(i).0 { return .failure(.notDate) }

        // An optional time of day: `14:30`, `14:30:05`, `14:30:05.000`, `T14:30`, `14时30分`.
        while true {
            let (t, w) = token(i)
            if t == .space || t == .letterT { i += w } else { break }
        }
        if token(i).0 != .end {
            let (h, hd) = number(maxDigits: 2)
            guard hd > 0, h <= 23 else { return .failure(.notDate) }
            let (sep, sw) = token(i)
            guard sep == .colon || sep == .hour else { return .failure(.notDate) }
            i += sw
            if token(i).0 != .end {
                let (mi, mid) = number(maxDigits: 2)
                guard mid > 0, mi <= 59 else { return .failure(.notDate) }
                let (sep2, sw2) = token(i)
                if sep2 == .colon || sep2 == .minute {
                    i += sw2
                    if case .digit = token(i).0 {
                        let (s, sd) = number(maxDigits: 2)
                        guard sd > 0, s <= 59 else { return .failure(.notDate) }
                        if token(i).0 == .dot {
                            i += 1
                            while case (.digit, let w) = token(i) { i += w }
                        }
                        if case (.second, let w) = token(i) { i += w }
                    }
                }
            }
            skipSpaces()
        }
        guard token(i).0 == .end else { return .failure(.notDate) }
        return civil(year: year, month: month, day: day)
    }

    /// The common `YYYY-M-D` (or `/`, `.`) with nothing around it, read without the general
    /// scanner; nil when the text has any other shape.
    @inline(__always)
    private static func plainASCII(_ b: UnsafeBufferPointer<UInt8>) -> Result<Day, ValueProblem>? {
        let n = b.count
        guard n >= 8, n <= 10 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let c = b[i] &- 48
            return c < 10 ? Int(c) : nil
        }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3) else { return nil }
        let sep = b[4]
        guard sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") else { return nil }
        var i = 5
        guard let m0 = digit(i) else { return nil }
        var month = m0
        i += 1
        if i < n, let m1 = digit(i) { month = month * 10 + m1; i += 1 }
        guard i < n, b[i] == sep else { return nil }
        i += 1
        guard i < n, let d0 = digit(i) else { return nil }
        var day = d0
        i += 1
        if i < n, let d1 = digit(i) { day = day * 10 + d1; i += 1 }
        guard i == n else { return nil }
        return civil(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: month, day: day)
    }

    /// `2020-03-19`, `2020-03-19T14:30:00`, or `14:30:00` for a time-only cell.
    static func display(serial: Double, timeOnly: Bool) -> String {
        guard serial.isFinite, abs(serial) < 3_000_000 else { return "\(serial)" }
        let seconds = Int((serial * 86_400).rounded())
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let time = "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
        if timeOnly { return time }
        let date = Day(number: Int32(days - 25_569)).description
        return secondOfDay == 0 ? date : date + "T" + time
    }
}
