import Metrics
import Model

/// The sentence forms of published summaries that the figures' `同比表述` member follows, with
/// their thresholds in one place (README「模板变量」):
///
/// - A rise of more than `largeRisePercent` percent, or a count rising from under `smallBase`, is
///   told as the two numbers — 「由1人增至12人」 — not as 「上升1100.0%」; a rise from zero stays
///   「同比增加N人」 (METRICS.md: never a percentage from zero).
/// - A change that rounds to zero at the printed precision is no change: a rate 「同比持平」, a
///   count 「同比基本持平」 — never 「下降0.0个百分点」.
/// - Everything else is the figure's own phrase (`同比下降38.5%`).
public enum PhraseRules {
    /// Percent: a rise above this is told as 由…增至….
    public static let largeRisePercent = 100
    /// A count whose prior value is below this: a percentage of so few says little.
    public static let smallBase = 10
    /// Decimals of the printed percentages and percentage points.
    public static let decimals = 1

    /// How a figure's change is best said, as the kinds of phrase above.
    enum Form: Equatable {
        case none                 // no prior value
        case flat                 // 同比持平
        case nearlyFlat           // rounds to zero at the printed precision
        case fromZero             // 同比增加N人
        case twoNumbers           // 由P人增至V人
        case percentage           // 同比下降38.5%, 同比上升1.2个百分点
    }

    static func form(_ figure: MetricFigure) -> Form {
        guard let comparison = figure.comparison else { return .none }
        if comparison.direction == .flat { return .flat }
        if comparison.inPoints { return roundsToZero(comparison) ? .flat : .percentage }
        guard let yoy = comparison.yoy else { return .fromZero }
        if comparison.direction == .up {
            let large = yoy.percent(decimals: 0).significand > Int64(largeRisePercent)
            let small = figure.kind == .count && (figure.prior?.significand ?? 0) < Int64(smallBase)
            if large || small { return .twoNumbers }
        }
        return yoy.percent(decimals: decimals).significand == 0 ? .nearlyFlat : .percentage
    }

    /// A change whose printed magnitude is all zeros (`0.0个百分点`).
    static func roundsToZero(_ comparison: Comparison, decimals: Int = decimals) -> Bool {
        comparison.magnitude(decimals: decimals).filter { $0.isASCII && $0.isNumber }.allSatisfy { $0 == "0" }
    }

    /// The phrase for `figure`, as the rules say (empty without a prior value).
    static func phrase(_ figure: MetricFigure) -> String {
        // No comparison against data that was not supplied (CATALOG.md §Comparisons).
        if figure.priorMissing && figure.hasValue { return Comparison.noPriorPhrase }
        guard let comparison = figure.comparison else { return "" }
        switch form(figure) {
        case .none: return ""
        case .flat: return "同比持平"
        case .nearlyFlat: return "同比基本持平"
        case .twoNumbers:
            return "由\(figure.prior?.text ?? "")\(figure.unit)增至\(figure.value.text)\(figure.unit)"
        case .fromZero, .percentage: return comparison.phrase(decimals: decimals)
        }
    }
}
