import Metrics
import Model
import Stencil

/// The number styles of METRICS.md as template filters, with Chinese names.
///
/// - `百分比:N` — a rate, share or completion rate with N decimals (`{{ 完成率|百分比:2 }}` → 86.25%);
///   `百分比:N,"去零"` also drops trailing zeros (100.0% → 100%).
/// - `同比:N` — the comparison phrase with N decimals (`同比下降38.46%`).
/// - `万` — a large count in 万 with one decimal (565999 → 56.6万); below 10000 unchanged.
/// - `亿元` — money in 亿元, exact (123456.78万元 → 12.345678).
/// - `万元` — money in 万元 with the decimals of the document's most precise amount, so every
///   amount of one document has the same number (`5463.70`, `1888.84`); `万元:N` with N decimals,
///   rounded half-up.
enum TemplateFilters {
    static let names: Set<String> = ["百分比", "同比", "万", "亿元", "万元"]

    static func register(in ext: Extension) {
        ext.registerFilter("百分比") { (value: Any?, arguments: [Any?]) -> Any? in
            let decimals = integer(arguments.first ?? nil) ?? 1
            let trim = arguments.dropFirst().contains { ($0 as? String) == "去零" }
            switch value {
            case let f as TemplateFigure:
                return TemplateFigure.format(f.figure, decimals: decimals, trimZeros: trim, note: f.showsNote)
            case let p as TemplatePercent:
                return p.ratio.map { $0.percentText(decimals: decimals, trimZeros: trim) + "%" } ?? "—"
            default:
                throw TemplateSyntaxError("「百分比」只能用于比率、占比或完成率")
            }
        }
        ext.registerFilter("同比") { (value: Any?, arguments: [Any?]) -> Any? in
            guard let f = value as? TemplateFigure else { throw TemplateSyntaxError("「同比」只能用于指标") }
            let decimals = integer(arguments.first ?? nil) ?? 1
            guard let comparison = f.figure.comparison else { return "" }
            // A rate change that rounds to nothing at this precision is 持平, not 下降0.0个百分点.
            if comparison.inPoints, PhraseRules.roundsToZero(comparison, decimals: decimals) {
                return "同比持平"
            }
            return comparison.phrase(decimals: decimals)
        }
        ext.registerFilter("万元") { (value: Any?, arguments: [Any?]) -> Any? in
            guard let f = value as? TemplateFigure, f.figure.kind == .money else { throw TemplateSyntaxError("「万元」只能用于金额指标") }
            return f.moneyText(decimals: integer(arguments.first ?? nil))
        }
        ext.registerFilter("万") { (value: Any?) -> Any? in
            guard let f = value as? TemplateFigure, f.figure.kind == .count else { throw TemplateSyntaxError("「万」只能用于计数指标") }
            if let absent = f.absentText { return absent }
            let n = f.figure.value.significand
            if abs(n) < 10_000 { return String(n) + f.noteText }
            return (Ratio(ExactDecimal(significand: n, exponent: 0), ExactDecimal(1_000_000))?.percent(decimals: 1).text ?? "") + "万" + f.noteText
        }
        ext.registerFilter("亿元") { (value: Any?) -> Any? in
            guard let f = value as? TemplateFigure, f.figure.kind == .money else { throw TemplateSyntaxError("「亿元」只能用于金额指标") }
            if let absent = f.absentText { return absent }
            return ExactDecimal(significand: f.figure.value.significand, exponent: f.figure.value.exponent - 4).text + f.noteText
        }
    }

    static func integer(_ value: Any?) -> Int? {
        switch value {
        case let i as Int: return i
        case let d as Double: return Int(d)
        case let s as String: return Int(s)
        default: return nil
        }
    }
}
