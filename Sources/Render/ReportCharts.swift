import Metrics
import Model

/// The charts a template can place with `<!-- 图表:NAME -->`:
/// - `月度事故` — accidents and deaths by month, this period against the same months last year;
/// - `各地事故` — accidents by part (region only);
/// - `各地整改率` — hazard rectification rate by part (region only).
enum ReportCharts {
    static func charts(for scope: ScopeFigures, in figures: Figures) -> [String: Chart] {
        var charts: [String: Chart] = [:]
        let months = scope.months.map { "\(Int($0.key.suffix(2)) ?? 0)月" }
        func series(_ id: String, prior: Bool, name: String) -> Chart.Series {
            point(scope.months.map { $0.metric(id) }, prior: prior, name: name)
        }
        // Without last year's data (or a part's own data) there is nothing to draw: no point, not a 0.
        var monthly = [series("accidents.count", prior: false, name: "事故起数"), series("accidents.count", prior: true, name: "上年同期起数"),
                       series("accidents.deaths", prior: false, name: "死亡人数"), series("accidents.deaths", prior: true, name: "上年同期死亡")]
        let compared = monthly.contains { $0.isPrior && $0.labels.contains { $0 != "—" } }
        if !compared { monthly.removeAll(where: \.isPrior) }
        charts["月度事故"] = Chart(
            title: "\(scope.scope)\(figures.period.label)分月生产安全事故情况" + (compared ? "(与\(figures.period.priorLabel)对比)" : ""),
            unit: "起/人", categories: months, series: monthly, kind: .lines)
        if scope.kind == .region, !figures.parts.isEmpty {
            let parts = Array(figures.parts)
            var byPart = [point(parts.map { $0.metric("accidents.count") }, prior: false, name: figures.period.label),
                          point(parts.map { $0.metric("accidents.count") }, prior: true, name: figures.period.priorLabel)]
            if !byPart[1].labels.contains(where: { $0 != "—" }) { byPart.removeLast() }
            charts["各地事故"] = Chart(
                title: "\(figures.period.label)各\(figures.level.partKindWord)生产安全事故起数", unit: "起",
                categories: parts.map(\.scope), series: byPart)
            let rates = parts.map { $0.metric("hazards.rate")?.ratio }
            charts["各地整改率"] = Chart(
                title: "\(figures.period.label)各\(figures.level.partKindWord)隐患整改率", unit: "%",
                categories: parts.map(\.scope),
                series: [Chart.Series(name: "整改率",
                                      values: rates.map { $0.flatMap { Double($0.percent(decimals: 1).text) } ?? 0 },
                                      labels: rates.map { $0.map { $0.percentText(decimals: 1) + "%" } ?? "—" })])
        }
        return charts
    }

    /// One series of figures, this period's values or the prior's; a value the data does not have
    /// (a part that did not report, no prior-period data) is labelled —, which the charts leave out.
    static func point(_ metrics: [MetricFigure?], prior: Bool, name: String) -> Chart.Series {
        let values: [ExactDecimal?] = metrics.map { m in
            guard let m, m.hasValue else { return nil }
            if prior { return m.priorMissing ? nil : m.prior }
            return m.value
        }
        return Chart.Series(name: name, values: values.map { $0.flatMap { Double($0.text) } ?? 0 },
                            labels: values.map { $0?.text ?? "—" }, isPrior: prior)
    }
}
