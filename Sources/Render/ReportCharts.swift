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
            let values = scope.months.map { row -> ExactDecimal in
                let m = row.metric(id)
                return (prior ? m?.prior : m?.value) ?? ExactDecimal(0)
            }
            return Chart.Series(name: name, values: values.map { Double($0.text) ?? 0 }, labels: values.map(\.text), isPrior: prior)
        }
        charts["月度事故"] = Chart(
            title: "\(scope.scope)\(figures.period.label)分月生产安全事故情况(与\(figures.period.priorLabel)对比)", unit: "起/人",
            categories: months,
            series: [series("accidents.count", prior: false, name: "事故起数"), series("accidents.count", prior: true, name: "上年同期起数"),
                     series("accidents.deaths", prior: false, name: "死亡人数"), series("accidents.deaths", prior: true, name: "上年同期死亡")],
            kind: .lines)
        if scope.kind == .region, !figures.parts.isEmpty {
            let parts = Array(figures.parts)
            let now = parts.map { $0.metric("accidents.count")?.value ?? ExactDecimal(0) }
            let before = parts.map { $0.metric("accidents.count")?.prior ?? ExactDecimal(0) }
            charts["各地事故"] = Chart(
                title: "\(figures.period.label)各\(figures.level.partKindWord)生产安全事故起数", unit: "起",
                categories: parts.map(\.scope),
                series: [Chart.Series(name: figures.period.label, values: now.map { Double($0.text) ?? 0 }, labels: now.map(\.text)),
                         Chart.Series(name: figures.period.priorLabel, values: before.map { Double($0.text) ?? 0 }, labels: before.map(\.text),
                                      isPrior: true)])
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
