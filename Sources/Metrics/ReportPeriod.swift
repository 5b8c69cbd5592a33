import Model

/// The period a report covers: months 1…M of year Y, compared with the same months of Y−1 (同期).
public struct ReportPeriod: Hashable, Sendable {
    public let year: Int
    /// The last month covered, 1…12.
    public let through: Int

    public init(year: Int, through: Int) throws(MetricsError) {
        guard (1...12).contains(through) else { throw .badPeriod("截至月份须为 1 到 12,而不是 \(through)") }
        guard (1901...9999).contains(year) else { throw .badPeriod("年份 \(year) 无效") }
        self.year = year
        self.through = through
    }

    public var isFullYear: Bool { through == 12 }

    /// `2020年`, `2022年1-11月`, `2022年1月`.
    public var label: String { ReportPeriod.label(year: year, through: through) }
    /// The same months a year earlier: `2019年`, `2021年1-11月`.
    public var priorLabel: String { ReportPeriod.label(year: year - 1, through: through) }

    /// The output folder name: `2020` for a full year, `2022-01-11` otherwise.
    public var id: String {
        isFullYear ? "\(year)" : "\(year)-01-\(through < 10 ? "0" : "")\(through)"
    }

    static func label(year: Int, through: Int) -> String {
        switch through {
        case 12: return "\(year)年"
        case 1: return "\(year)年1月"
        default: return "\(year)年1-\(through)月"
        }
    }

    /// First and last day of P (`prior: false`) or P′ (`prior: true`); the last day is the as-of
    /// date of rectification and overdue figures.
    public func range(prior: Bool) -> ClosedRange<Day> {
        let y = prior ? year - 1 : year
        let first = Day(year: y, month: 1, day: 1) ?? Day(number: 0)
        let last = Day.endOf(year: y, month: through) ?? first
        return first...last
    }

    public func asOf(prior: Bool) -> Day { range(prior: prior).upperBound }

    /// The default period: the latest year with any record, through the latest month of that year
    /// with any record; or, for `year`, through its latest month with records. `through` given
    /// explicitly wins. Throws when the data holds nothing for the year asked.
    public static func resolve(for dataset: Dataset, year: Int? = nil, through: Int? = nil) throws(MetricsError) -> ReportPeriod {
        var latest: Day?
        var latestInYear: Day?
        func visit(_ dates: [Day]) {
            for d in dates {
                if latest.map({ d > $0 }) ?? true { latest = d }
                if let year, d.year == year, latestInYear.map({ d > $0 }) ?? true { latestInYear = d }
            }
        }
        visit(dataset.accidents.date); visit(dataset.fires.date); visit(dataset.hazards.date)
        visit(dataset.inspections.date); visit(dataset.penalties.date)
        if let year {
            if let through { return try ReportPeriod(year: year, through: through) }
            guard let last = latestInYear else { throw .noData("数据中没有 \(year) 年的记录") }
            return try ReportPeriod(year: year, through: last.month)
        }
        guard let last = latest else { throw .noData("输入中没有任何可统计的记录") }
        return try ReportPeriod(year: last.year, through: through ?? last.month)
    }
}
