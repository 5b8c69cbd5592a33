import Model

/// One figure of one scope: its value, the prior period's, and everything derived from the two.
public struct MetricFigure: Sendable, Equatable {
    public enum Kind: String, Sendable { case count, money, rate, completion }

    public let id: String
    public let name: String
    public let unit: String
    public let kind: Kind
    /// Counts and money (万元, exact); for rates and completions the percentage at 2 decimals.
    public let value: ExactDecimal
    public let prior: ExactDecimal?
    /// Rates and completion rates: numerator ÷ denominator (× 100 for the percentage).
    public let ratio: Ratio?
    public let priorRatio: Ratio?
    /// In a breakdown: this value as a share of the scope's value.
    public let share: Ratio?
    public let shareOf: ExactDecimal?
    /// The numerator and denominator figures.json shows: the rate's parts (also 0 of 0), or
    /// actual and target for a completion rate.
    public let parts: Fraction?

    /// A count or sum with its prior.
    public init(metric: Metric, sum: Int64, priorSum: Int64?, shareOf whole: Int64? = nil) {
        self.init(id: metric.id, name: metric.name, unit: metric.unit, kind: metric.kind == .money ? .money : .count,
                  value: metric.exact(sum), prior: priorSum.map { metric.exact($0) },
                  share: whole.flatMap { $0 > 0 ? Ratio(metric.exact(sum), metric.exact($0)) : nil },
                  shareOf: whole.map { metric.exact($0) })
    }

    public init(id: String, name: String, unit: String, kind: Kind, value: ExactDecimal, prior: ExactDecimal?,
                ratio: Ratio? = nil, priorRatio: Ratio? = nil, share: Ratio? = nil, shareOf: ExactDecimal? = nil,
                parts: Fraction? = nil) {
        self.id = id
        self.name = name
        self.unit = unit
        self.kind = kind
        self.value = value
        self.prior = prior
        self.ratio = ratio
        self.priorRatio = priorRatio
        self.share = share
        self.shareOf = shareOf
        self.parts = parts ?? ratio.map { Fraction(numerator: $0.numerator, denominator: $0.denominator) }
    }

    /// A rate (numerator ÷ denominator × 100) with its prior-period rate.
    public static func rate(id: String, name: String, numerator: Int64, denominator: Int64,
                            priorNumerator: Int64?, priorDenominator: Int64?) -> MetricFigure {
        let ratio = Ratio(ExactDecimal(significand: numerator, exponent: 0), ExactDecimal(significand: denominator, exponent: 0))
        let priorRatio = priorNumerator.flatMap { n in
            priorDenominator.flatMap { Ratio(ExactDecimal(significand: n, exponent: 0), ExactDecimal(significand: $0, exponent: 0)) }
        }
        return MetricFigure(id: id, name: name, unit: "%", kind: .rate,
                            value: ratio?.percent(decimals: 2) ?? ExactDecimal(0), prior: priorRatio?.percent(decimals: 2),
                            ratio: ratio, priorRatio: priorRatio,
                            parts: Fraction(numerator: ExactDecimal(significand: numerator, exponent: 0),
                                            denominator: ExactDecimal(significand: denominator, exponent: 0)))
    }

    /// The comparison with the prior period, when there is one.
    public var comparison: Comparison? {
        switch kind {
        case .count, .money:
            guard let prior else { return nil }
            return Comparison(value: value, prior: prior, unit: unit)
        case .rate:
            guard let ratio, let priorRatio else { return nil }
            return Comparison(rate: ratio, prior: priorRatio)
        case .completion:
            return nil
        }
    }
}

/// A numerator and denominator as figures.json shows them; unlike `Ratio` the denominator may be 0.
public struct Fraction: Sendable, Equatable {
    public let numerator: ExactDecimal
    public let denominator: ExactDecimal

    public init(numerator: ExactDecimal, denominator: ExactDecimal) {
        self.numerator = numerator
        self.denominator = denominator
    }
}
