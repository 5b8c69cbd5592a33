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
    /// Whether it prints the region's 「（不含临川县）」 note; `.数字` is the figure without it, for a
    /// sentence that names the parts left out once (「全市（不含临川县）共发生…12起」).
    let showsNote: Bool
    /// The row of its breakdown (or the part of the region) with the largest value of this figure,
    /// the first of equals, never 未填写 nor zero: `.居首`, to single out one industry.
    var leading = false

    public init(_ figure: MetricFigure, showsNote: Bool = true) {
        self.figure = figure
        self.showsNote = showsNote
    }

    /// The members templates may use (the checker's schema).
    public static let members = [
        "数值", "名称", "单位", "上年", "变化", "增减", "幅度", "同比", "同比百分比", "有同比",
        "下降", "上升", "持平", "占比", "分子", "分母", "未报送", "不含", "上年无数据", "历年",
        "同比表述", "按百分比", "降为零", "为零", "非零", "上年万元", "数字", "居首",
    ]

    /// Counts as integers (5510), money in 万元 exactly (484.353), rates with one decimal (96.2%).
    public var description: String { TemplateFigure.format(figure, decimals: 1, note: showsNote) }

    static func format(_ f: MetricFigure, decimals: Int, trimZeros: Bool = false, note: Bool = true) -> String {
        // A part that did not report is said to have not reported; a region total that leaves
        // parts out says which (「12（不含临川县）」) — never a bare number the inputs do not support.
        if f.missing { return "未报送" }
        if f.unavailable { return "—" }
        return plain(f, decimals: decimals, trimZeros: trimZeros) + (note ? self.note(f) : "")
    }

    /// 「（不含临川县）」, or empty when every part is in the figure.
    static func note(_ f: MetricFigure) -> String {
        f.incomplete.isEmpty ? "" : "（不含\(f.incomplete.joined(separator: "、"))）"
    }

    /// An amount in 万元 as the `万元` filter prints it: at `decimals` places (the document's when
    /// nil), 未报送 or — without a value, with the note unless this is `.数字`.
    func moneyText(decimals: Int?) -> String {
        absentText ?? TemplateFigure.money(figure.value, decimals: decimals ?? documentMoneyDecimals) + noteText
    }

    /// What a filter prints instead of a number the figure does not have: 未报送 or —.
    var absentText: String? { figure.missing ? "未报送" : figure.unavailable ? "—" : nil }

    /// The 「（不含…）」 note as this figure prints it (never after `.数字`).
    var noteText: String { showsNote ? TemplateFigure.note(figure) : "" }

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
            switch figure.kind {
            case .count, .money: return figure.prior?.text ?? "—"
            case .rate: return figure.priorRatio.map { $0.percentText(decimals: 1) + "%" } ?? "—"
            case .completion: return ""
            }
        case "变化": return comparison?.change.text ?? ""
        // A change that rounds to nothing at the printed precision is 持平 (a rate) or 基本持平 (a
        // count), never 「下降0.0个百分点」 — in a table's 同比 column as in the sentences.
        case "增减":
            switch PhraseRules.form(figure) {
            case .flat: return "持平"
            case .nearlyFlat: return "基本持平"
            default: return comparison?.word ?? ""
            }
        case "幅度":
            switch PhraseRules.form(figure) {
            case .flat, .nearlyFlat: return ""
            default: return comparison?.magnitude() ?? ""
            }
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
        // A figure without a value (未报送, or a column no register has) is not zero: a template
        // must not say 未发生 of what was never reported.
        case "降为零": return figure.hasValue && figure.value.significand == 0 && (figure.prior?.significand ?? 0) > 0
        case "为零": return figure.hasValue && figure.value.significand == 0
        // Not `not 为零`: a clause such as 「受伤N人」 needs a value to print, not only a non-zero one.
        case "非零": return figure.hasValue && figure.value.significand != 0
        case "上年万元":
            guard figure.kind == .money, let prior = figure.prior else { return figure.prior?.text ?? "—" }
            return TemplateFigure.money(prior, decimals: documentMoneyDecimals)
        case "数字":
            let plain = TemplateFigure(figure, showsNote: false)
            plain.documentMoneyDecimals = documentMoneyDecimals
            plain.leading = leading
            return plain
        case "居首": return leading
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
