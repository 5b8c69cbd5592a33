import CSV
import Metrics

/// figures.csv: one line per scope × metric (REPORTS.md): scope, id, name, unit, value, prior,
/// change, yoy, direction, phrase — headed in Chinese, for the people who open it in Excel, with
/// the ids kept as a column for programs. Text that a spreadsheet would run as a formula is
/// guarded; plain numbers (a change of -5) stay numbers.
public enum FiguresCSV {
    /// The columns in REPORTS.md's order: scope, id, name, unit, value, prior, change, yoy, direction, phrase.
    public static let header = ["地区", "指标代码", "指标名称", "单位", "本期", "上年同期", "增减", "同比(%)", "增减方向", "同比表述"]

    /// Chinese Excel reads a CSV without a byte-order mark as GBK, which garbles UTF-8 Chinese.
    public static let byteOrderMark = "\u{FEFF}"

    /// The file's text, starting with the byte-order mark.
    public static func text(_ figures: Figures) -> String {
        var writer = CSVWriter(guardFormulas: true)
        writer.write(header)
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
        return byteOrderMark + writer.text
    }
}
