import CSV
import Metrics

/// figures.csv: one line per scope × metric (REPORTS.md): scope, id, name, unit, value, prior,
/// change, yoy, direction, phrase. Text that a spreadsheet would run as a formula is guarded;
/// plain numbers (a change of -5) stay numbers.
public enum FiguresCSV {
    public static func text(_ figures: Figures) -> String {
        var writer = CSVWriter(guardFormulas: true)
        writer.write(["scope", "id", "name", "unit", "value", "prior", "change", "yoy", "direction", "phrase"])
        for scope in figures.scopes {
            for m in scope.metrics {
                let comparison = m.comparison
                let value: String
                switch m.kind {
                case .count, .money: value = m.value.text
                case .rate, .completion: value = m.ratio == nil ? "" : m.value.text
                }
                let prior: String
                switch m.kind {
                case .count, .money: prior = m.prior?.text ?? ""
                case .rate: prior = m.priorRatio == nil ? "" : (m.prior?.text ?? "")
                case .completion: prior = ""
                }
                writer.write([scope.scope, m.id, m.name, m.unit, value, prior,
                              comparison?.change.text ?? "",
                              comparison?.yoy.map { $0.percent(decimals: 2).text } ?? "",
                              comparison?.direction.rawValue ?? "",
                              comparison?.phrase() ?? ""])
            }
        }
        return writer.text
    }
}
