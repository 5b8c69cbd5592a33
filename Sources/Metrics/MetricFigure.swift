import Model

/// One figure of one scope: its value, the prior period's, and everything derived from the two —
/// or why there is no value (a part that did not report, a column no register has) or no
/// comparison (no data for the prior period), so that nothing unsupported is ever printed.
public struct MetricFigure: Sendable, Equatable {
    public enum Kind: String, Sendable { case count, money, rate, completion }

    public let id: String
    public let name: String
    public let unit: String
    public let kind: Kind
    /// Counts and money (万元, exact); for rates and completions the percentage at 2 decimals.
    /// Zero when `missing` or `unavailable` (then nothing may be printed).
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
    /// A part that did not send this kind of register for the period (未报送); for the region,
    /// that no part did.
    public var missing = false
    /// The region's value leaves out these parts, which did not report (「不含临川县」).
    public var incomplete: [String] = []
    /// No data of this kind for the prior period: no comparison (「上年同期无数据」).
    public var priorMissing = false
    /// The parts without prior-period data, when some had it.
    public var priorIncomplete: [String] = []
    /// No register of this kind has the column the metric reads (事故立案数 without 是否立案).
    public var unavailable = false
    /// One value per year from the first year in the data to the report's, over the same months
    /// (count and sum metrics of the main period); nil for a year without data.
    public var series: [SeriesPoint]?

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

    /// Whether the figure has a value that may be printed.
    public var hasValue: Bool { !missing && !unavailable }

    /// A rate (numerator ÷ denominator × 100) with its prior-period rate.
    public static func rate(id: String, name: String, numerator: ExactDecimal, denominator: ExactDecimal,
                            priorNumerator: ExactDecimal?, priorDenominator: ExactDecimal?) -> MetricFigure {
        let ratio = Ratio(numerator, denominator)
        let priorRatio = priorNumerator.flatMap { n in priorDenominator.flatMap { Ratio(n, $0) } }
        return MetricFigure(id: id, name: name, unit: "%", kind: .rate,
                            value: ratio?.percent(decimals: 2) ?? ExactDecimal(0), prior: priorRatio?.percent(decimals: 2),
                            ratio: ratio, priorRatio: priorRatio,
                            parts: Fraction(numerator: numerator, denominator: denominator))
    }

    /// The comparison with the prior period, when there is one.
    public var comparison: Comparison? {
        guard hasValue, !priorMissing else { return nil }
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

/// One year of a figure's series.
public struct SeriesPoint: Sendable, Equatable {
    public let year: Int
    /// nil when no part of the scope has data of the kind for that year.
    public let value: ExactDecimal?
    /// Parts of the scope without data for that year, when some had it.
    public let incomplete: [String]

    public init(year: Int, value: ExactDecimal?, incomplete: [String] = []) {
        self.year = year
        self.value = value
        self.incomplete = incomplete
    }
}
