import Metrics
import Model

/// The period a command asks for (`--year`/`--through`, or `--from`/`--to`), resolved against the
/// data: `run` and `explain` share it, so both choose the same default and read the same range.
public struct PeriodRequest: Sendable, Equatable {
    public var year: Int?
    public var through: Int?
    /// First day of a date range (CATALOG.md §Periods); when set, `year` and `through` are unused.
    public var from: Day?
    /// Last day of the range; nil: the last day of the latest month that has any record.
    public var to: Day?

    public init(year: Int? = nil, through: Int? = nil, from: Day? = nil, to: Day? = nil) {
        self.year = year
        self.through = through
        self.from = from
        self.to = to
    }

    /// The period of `dataset` this request means (the default: the latest year, through its
    /// latest month with records).
    public func resolve(for dataset: Dataset) throws(MetricsError) -> ReportPeriod {
        if let from { return try ReportPeriod.resolve(for: dataset, from: from, to: to) }
        return try ReportPeriod.resolve(for: dataset, year: year, through: through)
    }

    /// `2020-07-01` → that day; nil for anything else than an existing date written YYYY-MM-DD
    /// (one-digit months and days accepted: `2020-7-1`).
    public static func day(_ text: String) -> Day? {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].count == 4, (1...2).contains(pieces[1].count), (1...2).contains(pieces[2].count),
              pieces.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(pieces[0]), let m = Int(pieces[1]), let d = Int(pieces[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}
