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
        // A value the inputs do not hold (a part that sent nothing, a prior year without data) is
        // no point ("—"), never a 0; a prior series without any value is left out.
        func amounts(_ figures: [MetricFigure?], prior: Bool) -> [ExactDecimal?] {
            figures.map { m in
                guard let m, m.hasValue else { return nil }
                return prior ? m.prior : m.value
            }
        }
        func series(_ name: String, _ values: [ExactDecimal?], prior: Bool) -> Chart.Series? {
            if prior && !values.contains(where: { $0 != nil }) { return nil }
            return Chart.Series(name: name, values: values.map { $0.flatMap { Double($0.text) } ?? 0 },
                                labels: values.map { $0?.text ?? "—" }, isPrior: prior)
        }
        func monthly(_ id: String, prior: Bool, name: String) -> Chart.Series? {
            series(name, amounts(scope.months.map { $0.metric(id) }, prior: prior), prior: prior)
        }
        let monthlySeries = [monthly("accidents.count", prior: false, name: "事故起数"), monthly("accidents.count", prior: true, name: "上年同期起数"),
                             monthly("accidents.deaths", prior: false, name: "死亡人数"), monthly("accidents.deaths", prior: true, name: "上年同期死亡")]
            .compactMap { $0 }
        let compared = monthlySeries.contains { $0.isPrior } ? "(与\(figures.period.priorLabel)对比)" : ""
        charts["月度事故"] = Chart(
            title: "\(scope.scope)\(figures.period.label)分月生产安全事故情况\(compared)", unit: "起/人",
            categories: months, series: monthlySeries, kind: .lines)
        if scope.kind == .region, !figures.parts.isEmpty {
            let parts = Array(figures.parts)
            let counts = parts.map { $0.metric("accidents.count") }
            charts["各地事故"] = Chart(
                title: "\(figures.period.label)各\(figures.level.partKindWord)生产安全事故起数", unit: "起",
                categories: parts.map(\.scope),
                series: [series(figures.period.label, amounts(counts, prior: false), prior: false),
                         series(figures.period.priorLabel, amounts(counts, prior: true), prior: true)].compactMap { $0 })
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
}
