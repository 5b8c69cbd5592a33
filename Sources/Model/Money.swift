/// An exact amount of money in 分 (0.01 元).
///
/// Reports print money in 万元 with every digit that is there (4843530元 → 484.353万元), so money
/// is never a binary float: it is parsed from decimal text into integer 分 and summed as integers.
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }
    public static let zero = Money(fen: 0)

    public enum Unit: Sendable, Equatable {
        case yuan      // 元
        case wanYuan   // 万元
        /// Power of ten from the unit to 分.
        var fenExponent: Int { self == .yuan ? 2 : 6 }
    }

    /// Parses plain decimal text ("12.5", "-3", "1234.567") in the given unit.
    /// Digits finer than 1 分 are rounded half-up (away from zero); nil for anything that is not a
    /// plain decimal or that overflows.
    public init?(decimal text: Substring, unit: Unit) {
        guard let d = ExactDecimal(text) else { return nil }
        guard let fen = d.rescaled(toExponent: -unit.fenExponent) else { return nil }
        self.fen = fen
    }

    public init?(decimal text: String, unit: Unit) { self.init(decimal: text[...], unit: unit) }

    public static func + (a: Money, b: Money) -> Money { Money(fen: a.fen + b.fen) }
    public static func - (a: Money, b: Money) -> Money { Money(fen: a.fen - b.fen) }
    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }

    /// Exact amount in 万元 with trailing zeros trimmed: 484.353, 220.8, 131, 0.0001.
    public var wanYuanText: String { ExactDecimal(significand: fen, exponent: -6).text }
    /// Exact amount in 元 with trailing zeros trimmed: 4843530, 12.5.
    public var yuanText: String { ExactDecimal(significand: fen, exponent: -2).text }
    /// As an exact decimal in 万元, for arithmetic in Metrics.
    public var wanYuan: ExactDecimal { ExactDecimal(significand: fen, exponent: -6) }

    public var description: String { "\(wanYuanText)万元" }
}
