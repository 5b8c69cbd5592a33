import Model

extension PeriodDeclaration {
    /// The days this named period covers in a run of `period`: from its first day to its own last
    /// day, or to the main period's last day (never before its first day). One definition for the
    /// figures computed beside the main period and for `explain --period`.
    public func range(in period: ReportPeriod) -> ClosedRange<Day> {
        from...max(from, to ?? period.last)
    }
}

extension ReportPeriod {
    /// The named period `name` of `catalog` ([[periods]]) in a run of `main`, as a period of its
    /// own (its prior is the same dates a year earlier, as in figures.json's `named_periods`).
    public static func named(_ name: String, in catalog: Catalog, main: ReportPeriod) throws(MetricsError) -> ReportPeriod {
        guard let declaration = catalog.periods.first(where: { $0.name == name }) else {
            let known = catalog.periods.map { "「\($0.name)」" }.joined(separator: "、")
            throw .badPeriod(known.isEmpty ? "没有名为「\(name)」的期间:config.toml 中没有声明 [[periods]]"
                                           : "没有名为「\(name)」的期间,已声明的期间:\(known)")
        }
        let range = declaration.range(in: main)
        return try ReportPeriod(from: range.lowerBound, to: range.upperBound)
    }
}
