import ArgumentParser
import Metrics
import Model
import Pipeline

/// The period options of `run` and `explain` (CATALOG.md §Periods), declared and checked once so
/// both commands accept the same values and answer a wrong one alike (usage error, exit 2).
struct PeriodOptions: ParsableArguments {
    @Option(name: .long, help: "统计年度 (default: the latest year in the data).")
    var year: Int?

    @Option(name: .long, help: "统计截至月份 1-12 (default: the latest month of that year with records).")
    var through: Int?

    @Option(name: .long, help: "起始日期 YYYY-MM-DD:统计任意日期范围,与上年相同日期比较 (instead of --year/--through).")
    var from: String?

    @Option(name: .long, help: "截止日期 YYYY-MM-DD, with --from (default: the last day of the latest month with records).")
    var to: String?

    func validate() throws {
        if let through, !(1...12).contains(through) {
            throw ValidationError("--through 须为 1 到 12 之间的月份, got \(through).")
        }
        // The bounds ReportPeriod accepts, so that no value passes here and fails later with exit 1.
        if let year, (try? ReportPeriod(year: year, through: 12)) == nil {
            throw ValidationError("--year 须为 1901 到 9999 之间的四位年份, got \(year).")
        }
        if from != nil && (year != nil || through != nil) {
            throw ValidationError("--from/--to 与 --year/--through 不能同时使用:日期范围用 --from 2020-07-01 --to 2020-11-30,年度用 --year 2020 --through 11.")
        }
        if to != nil && from == nil {
            throw ValidationError("--to 须与 --from 一起使用 (e.g. --from 2020-07-01 --to 2020-11-30).")
        }
        let first = try day(from, option: "--from")
        let last = try day(to, option: "--to")
        if let first, let last, first > last {
            throw ValidationError("--from \(first) 晚于 --to \(last):起始日期须不晚于截止日期.")
        }
        if let first, (try? ReportPeriod(from: first, to: last ?? first)) == nil {
            throw ValidationError("--from 须在 1901-01-01 之后, got \(first).")
        }
    }

    func day(_ text: String?, option: String) throws -> Day? {
        guard let text else { return nil }
        guard let day = PeriodRequest.day(text) else {
            throw ValidationError("\(option) 须为存在的日期,写作 YYYY-MM-DD (e.g. 2020-07-01), got「\(text)」.")
        }
        return day
    }

    /// What was asked, for `ReportRun` and `PeriodRequest.resolve` (called after `validate()`).
    var request: PeriodRequest {
        PeriodRequest(year: year, through: through, from: from.flatMap(PeriodRequest.day), to: to.flatMap(PeriodRequest.day))
    }
}
