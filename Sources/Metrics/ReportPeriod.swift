import Model

/// The period a report covers and its prior (METRICS.md §Periods, CATALOG.md §Periods): months
/// 1…M of year Y compared with the same months of Y−1 (同期), or any date range compared with the
/// same dates a year earlier.
public struct ReportPeriod: Hashable, Sendable {
    /// First and last day of P.
    public let first: Day
    public let last: Day

    /// Months 1…`through` of `year`.
    public init(year: Int, through: Int) throws(MetricsError) {
        guard (1...12).contains(through) else { throw .badPeriod("截至月份须为 1 到 12,而不是 \(through)") }
        guard (1901...9999).contains(year) else { throw .badPeriod("年份 \(year) 无效") }
        first = Day(year: year, month: 1, day: 1)!
        last = Day.endOf(year: year, month: through)!
    }

    /// Any date range `from`…`to` (inclusive).
    public init(from: Day, to: Day) throws(MetricsError) {
        guard from <= to else { throw .badPeriod("起始日期 \(from) 晚于截止日期 \(to)") }
        guard from.year >= 1901 else { throw .badPeriod("起始日期 \(from) 无效") }
        first = from
        last = to
    }

    /// The year of the last day (the report's year: targets, `年度`).
    public var year: Int { last.year }
    /// The month of the last day.
    public var through: Int { last.month }

    /// The range starts on the first of a month and ends on the last day of a month.
    public var isWholeMonths: Bool {
        first.components.day == 1 && Day.endOf(year: last.year, month: last.month) == last
    }
    /// Months 1…M of one year (the `--year`/`--through` form).
    public var isMonthsOfYear: Bool {
        isWholeMonths && first.year == last.year && first.month == 1
    }
    public var isFullYear: Bool { isMonthsOfYear && last.month == 12 }
    /// Within one calendar year.
    public var isWithinYear: Bool { first.year == last.year }

    /// `2020年`, `2022年1-11月`, `2022年1月`, `2020年7-11月`, `2020年7月1日至11月30日`,
    /// `2019年12月至2022年11月`.
    public var label: String { ReportPeriod.label(range(prior: false)) }
    /// The same form one year earlier.
    public var priorLabel: String { ReportPeriod.label(range(prior: true)) }

    /// The output folder name: `2020` for a full year, `2022-01-11` for months 1–11, otherwise
    /// `2020-07-01_2020-11-30`.
    public var id: String {
        if isFullYear { return "\(year)" }
        if isMonthsOfYear { return "\(year)-01-\(through < 10 ? "0" : "")\(through)" }
        return "\(first)_\(last)"
    }

    /// A range as a writer writes it.
    public static func label(_ range: ClosedRange<Day>) -> String {
        let a = range.lowerBound.components, b = range.upperBound.components
        let wholeMonths = a.day == 1 && Day.endOf(year: b.year, month: b.month) == range.upperBound
        if wholeMonths {
            if a.year == b.year {
                if a.month == 1 && b.month == 12 { return "\(a.year)年" }
                if a.month == b.month { return "\(a.year)年\(a.month)月" }
                return "\(a.year)年\(a.month)-\(b.month)月"
            }
            return "\(a.year)年\(a.month)月至\(b.year)年\(b.month)月"
        }
        if a.year == b.year {
            if a.month == b.month { return "\(a.year)年\(a.month)月\(a.day)日至\(b.day)日" }
            return "\(a.year)年\(a.month)月\(a.day)日至\(b.month)月\(b.day)日"
        }
        return "\(a.year)年\(a.month)月\(a.day)日至\(b.year)年\(b.month)月\(b.day)日"
    }

    /// First and last day of P (`prior: false`) or P′ (`prior: true`); the last day is the as-of
    /// date of rectification and overdue figures.
    public func range(prior: Bool) -> ClosedRange<Day> { shifted(years: prior ? 1 : 0) }

    public func asOf(prior: Bool) -> Day { range(prior: prior).upperBound }

    /// P moved `years` years earlier: whole months stay whole months (the end of February of a
    /// leap year included); other dates keep their day, 29 February becoming the 28th.
    public func shifted(years: Int) -> ClosedRange<Day> {
        ReportPeriod.shift(first...last, years: years, wholeMonths: isWholeMonths)
    }

    static func shift(_ range: ClosedRange<Day>, years: Int, wholeMonths: Bool) -> ClosedRange<Day> {
        guard years != 0 else { return range }
        let a = range.lowerBound.components, b = range.upperBound.components
        if wholeMonths {
            let from = Day(year: a.year - years, month: a.month, day: 1) ?? range.lowerBound
            let to = Day.endOf(year: b.year - years, month: b.month) ?? range.upperBound
            return from...to
        }
        func same(_ c: (year: Int, month: Int, day: Int)) -> Day {
            Day(year: c.year - years, month: c.month, day: c.day) ?? Day(year: c.year - years, month: c.month, day: c.day - 1)!
        }
        return same(a)...same(b)
    }

    /// The months P touches, in order — the rows of the 月份 breakdown.
    public var months: [(year: Int, month: Int)] {
        var out: [(Int, Int)] = []
        var y = first.year, m = first.month
        while (y, m) <= (last.year, last.month) {
            out.append((y, m))
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return out
    }

    /// The default period: the latest year with any dated record, through the latest month of
    /// that year with any record; or, for `year`, through its latest month with records. `through`
    /// given explicitly wins. Throws when the data holds nothing for the year asked.
    public static func resolve(for dataset: Dataset, year: Int? = nil, through: Int? = nil) throws(MetricsError) -> ReportPeriod {
        var latest: Day?
        var latestInYear: Day?
        DataExtent.forEachPeriodDay(dataset) { d in
            if latest.map({ d > $0 }) ?? true { latest = d }
            if let year, d.year == year, latestInYear.map({ d > $0 }) ?? true { latestInYear = d }
        }
        if let year {
            if let through { return try ReportPeriod(year: year, through: through) }
            guard let last = latestInYear else { throw .noData("数据中没有 \(year) 年的记录") }
            return try ReportPeriod(year: year, through: last.month)
        }
        guard let last = latest else { throw .noData("输入中没有任何可统计的记录") }
        return try ReportPeriod(year: last.year, through: through ?? last.month)
    }

    /// `--from` [`--to`]: `to` defaults to the last day of the latest month that has any record.
    public static func resolve(for dataset: Dataset, from: Day, to: Day?) throws(MetricsError) -> ReportPeriod {
        if let to { return try ReportPeriod(from: from, to: to) }
        var latest: Day?
        DataExtent.forEachPeriodDay(dataset) { d in if latest.map({ d > $0 }) ?? true { latest = d } }
        guard let last = latest else { throw .noData("输入中没有任何可统计的记录") }
        guard let end = Day.endOf(year: last.year, month: last.month), end >= from else {
            throw .noData("\(from) 之后没有任何记录")
        }
        return try ReportPeriod(from: from, to: end)
    }
}
