import Metrics
import Model
import Stencil

/// A figure as templates see it: `{{ 事故.起数 }}` prints the value in the document's number
/// style; members give the comparison (`.上年`, `.增减`, `.幅度`, `.同比`, …).
public final class TemplateFigure: DynamicMemberLookup, CustomStringConvertible {
    public let figure: MetricFigure

    /// The decimals every amount of money in this figure's document is printed with by the `万元`
    /// filter and `.上年万元`: those of the document's most precise amount, so that amounts line up
    /// and none is cut (set by `ReportRenderer` for each document; nil prints the exact value).
    var documentMoneyDecimals: Int?

    public init(_ figure: MetricFigure) { self.figure = figure }

    /// The members templates may use (the checker's schema).
    public static let members = [
        "数值", "名称", "单位", "上年", "变化", "增减", "幅度", "同比", "同比百分比", "有同比",
        "下降", "上升", "持平", "占比", "分子", "分母", "未报送", "不含", "上年无数据", "历年",
        "同比表述", "按百分比", "降为零", "为零", "上年万元",
    ]

    /// Counts as integers (5510), money in 万元 exactly (484.353), rates with one decimal (96.2%).
    public var description: String { TemplateFigure.format(figure, decimals: 1) }

    static func format(_ f: MetricFigure, decimals: Int, trimZeros: Bool = false) -> String {
        // A part that did not report is said to have not reported; a region total that leaves
        // parts out says which (「12（不含临川县）」) — never a bare number the inputs do not support.
        if f.missing { return "未报送" }
        if f.unavailable { return "—" }
        let note = f.incomplete.isEmpty ? "" : "（不含\(f.incomplete.joined(separator: "、"))）"
        return plain(f, decimals: decimals, trimZeros: trimZeros) + note
    }

    static func plain(_ f: MetricFigure, decimals: Int, trimZeros: Bool = false) -> String {
        switch f.kind {
        case .count, .money: return f.value.text
        case .rate, .completion:
            guard let ratio = f.ratio else { return "—" }
            return ratio.percentText(decimals: decimals, trimZeros: trimZeros) + "%"
        }
    }

    public subscript(dynamicMember member: String) -> Any? {
        let comparison = figure.comparison
        switch member {
        case "数值":
            // A number, so that `{% if 事故.较大及以上起数.数值 > 0 %}` compares numerically.
            guard figure.hasValue else { return nil }
            switch figure.kind {
            case .count: return Int(figure.value.significand)
            case .money: return Double(figure.value.text) ?? 0
            case .rate, .completion: return figure.ratio == nil ? nil : Double(figure.value.text)
            }
        case "名称": return figure.name
        case "单位": return figure.unit
        case "上年":
            // A region's prior over the parts that reported says so as its value does (「32（不含临川县）」).
            let note = figure.incomplete.isEmpty ? "" : "（不含\(figure.incomplete.joined(separator: "、"))）"
            switch figure.kind {
            case .count, .money: return figure.prior.map { $0.text + note } ?? ""
            case .rate: return figure.priorRatio.map { $0.percentText(decimals: 1) + "%" + note } ?? "—"
            case .completion: return ""
            }
        case "变化": return comparison?.change.text ?? ""
        case "增减": return comparison?.word ?? ""
        case "幅度": return comparison?.magnitude() ?? ""
        case "同比": return figure.priorMissing && figure.hasValue ? Comparison.noPriorPhrase : comparison?.phrase() ?? ""
        case "同比百分比":
            guard let yoy = comparison?.yoy else { return "" }
            return yoy.percentText(decimals: 1) + "%"
        case "有同比": return comparison?.yoy != nil
        case "下降": return comparison?.direction == .down
        case "上升": return comparison?.direction == .up
        case "持平": return comparison?.direction == .flat
        case "占比": return figure.share.map { TemplatePercent($0) } ?? TemplatePercent(nil)
        case "分子": return figure.parts?.numerator.text ?? ""
        case "分母": return figure.parts?.denominator.text ?? ""
        case "未报送": return figure.missing
        case "不含": return figure.incomplete.isEmpty ? "" : "（不含\(figure.incomplete.joined(separator: "、"))）"
        case "上年无数据": return figure.priorMissing
        case "历年":
            return (figure.series ?? []).map { point -> [String: Any] in
                ["年度": point.year, "数值": point.value?.text ?? "—", "有数据": point.value != nil]
            }
        case "同比表述": return PhraseRules.phrase(figure)
        case "按百分比": return PhraseRules.form(figure) == .percentage
        // Not for a figure without a value: a part that sent nothing has not 「未发生火灾」.
        case "降为零": return figure.hasValue && figure.value.significand == 0 && (figure.prior?.significand ?? 0) > 0
        case "为零": return figure.hasValue && figure.value.significand == 0
        case "上年万元":
            guard figure.kind == .money, let prior = figure.prior else { return figure.prior?.text ?? "" }
            return TemplateFilters.marked(figure, TemplateFigure.money(prior, decimals: documentMoneyDecimals))
        default: return nil
        }
    }
}

extension TemplateFigure {
    /// An amount with `decimals` places, rounded half-up; exact when nil.
    static func money(_ value: ExactDecimal, decimals: Int?) -> String {
        guard let decimals else { return value.text }
        if -value.exponent <= decimals { return value.fixedText(decimals: decimals) }
        // value ÷ 100 as a percentage is the value itself, rounded half-up to `decimals`.
        return Ratio(value, ExactDecimal(100))?.percentText(decimals: decimals) ?? value.text
    }

    /// Decimals of an amount as written exactly (484.353 → 3, 131 → 0).
    static func decimals(of value: ExactDecimal) -> Int {
        let text = value.text
        return text.split(separator: ".").dropFirst().first?.count ?? 0
    }
}

/// A percentage that a filter can print at another precision: `{{ 行业.执法.处罚起数.占比|百分比:2 }}`.
public final class TemplatePercent: CustomStringConvertible {
    public let ratio: Ratio?

    public init(_ ratio: Ratio?) { self.ratio = ratio }

    public var description: String { ratio.map { $0.percentText(decimals: 1) + "%" } ?? "—" }
}
