import Model

/// 同比: a value against the same period a year earlier (METRICS.md §Comparison).
public struct Comparison: Sendable, Equatable {
    /// What is said instead of a comparison when the prior period has no data (CATALOG.md §Comparisons).
    public static let noPriorPhrase = "上年同期无数据"

    public enum Direction: String, Sendable { case down = "下降", up = "上升", flat = "持平" }

    public let change: ExactDecimal
    /// change ÷ prior; nil when the prior is zero — a rise from zero has no percentage.
    public let yoy: Ratio?
    public let direction: Direction
    /// Rates compare in percentage points, not percent.
    public let inPoints: Bool
    let unit: String
    let value: ExactDecimal

    public init(value: ExactDecimal, prior: ExactDecimal, unit: String) {
        let change = ExactDecimal.difference(value, prior)
        self.change = change
        self.value = value
        self.unit = unit
        inPoints = false
        yoy = prior.significand > 0 ? Ratio(change, prior) : nil
        direction = change.significand < 0 ? .down : change.significand > 0 ? .up : .flat
    }

    /// Two rates: the change in percentage points, exactly.
    public init(rate: Ratio, prior: Ratio) {
        let difference = Ratio.difference(rate, prior)
        change = difference.percent(decimals: 2)
        value = rate.percent(decimals: 2)
        unit = "个百分点"
        inPoints = true
        yoy = nil
        let sign = difference.numerator.significand.signum() * difference.denominator.significand.signum()
        direction = sign < 0 ? .down : sign > 0 ? .up : .flat
        pointRatio = difference
    }

    private var pointRatio: Ratio?

    /// The percentage or amount after the direction word: `38.5%`, `增加1人` is split as
    /// direction `增加`… see `phrase`. Empty for 持平.
    public func magnitude(decimals: Int = 1) -> String {
        if direction == .flat { return "" }
        if inPoints, let pointRatio {
            let points = pointRatio.percent(decimals: decimals)
            return ExactDecimal(significand: abs(points.significand), exponent: points.exponent).fixedText(decimals: decimals) + "个百分点"
        }
        if let yoy {
            let p = yoy.percent(decimals: decimals)
            return ExactDecimal(significand: abs(p.significand), exponent: p.exponent).fixedText(decimals: decimals) + "%"
        }
        return ExactDecimal(significand: abs(change.significand), exponent: change.exponent).text + unit
    }

    /// The word before the magnitude: 下降/上升/持平, or 增加 for a rise from zero (no percentage).
    public var word: String {
        if direction == .up && yoy == nil && !inPoints { return "增加" }
        return direction.rawValue
    }

    /// `同比下降38.5%`, `同比增加1人`, `同比持平`, `同比上升1.2个百分点`.
    public func phrase(decimals: Int = 1) -> String {
        direction == .flat ? "同比持平" : "同比" + word + magnitude(decimals: decimals)
    }
}

extension ExactDecimal {
    /// a − b, exactly.
    public static func difference(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal {
        let e = min(a.exponent, b.exponent)
        let x = a.rescaled(toExponent: e) ?? 0, y = b.rescaled(toExponent: e) ?? 0
        return ExactDecimal(significand: x - y, exponent: e)
    }

    /// a × b, exactly (nil on overflow).
    public static func product(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
        let (m, o) = a.significand.multipliedReportingOverflow(by: b.significand)
        return o ? nil : ExactDecimal(significand: m, exponent: a.exponent + b.exponent)
    }
}

extension Ratio {
    /// a − b as one ratio: (na·db − nb·da) ÷ (da·db).
    static func difference(_ a: Ratio, _ b: Ratio) -> Ratio {
        let left = ExactDecimal.product(a.numerator, b.denominator) ?? ExactDecimal(0)
        let right = ExactDecimal.product(b.numerator, a.denominator) ?? ExactDecimal(0)
        let denominator = ExactDecimal.product(a.denominator, b.denominator) ?? ExactDecimal(1)
        return Ratio(ExactDecimal.difference(left, right), denominator) ?? Ratio(0, 1)!
    }
}
