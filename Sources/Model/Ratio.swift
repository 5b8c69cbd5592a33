/// An exact ratio of two decimals — a rate, a share, a year-on-year change — kept as its parts so
/// that any precision can be printed, rounded half-up (四舍五入) from the exact value.
///
/// 1/16 is 6.25% and prints as 6.3% at one decimal; binary floating point would give 6.2%.
public struct Ratio: Hashable, Sendable, CustomStringConvertible {
    public let numerator: ExactDecimal
    public let denominator: ExactDecimal

    /// nil when the denominator is zero: the ratio is undefined (no percentage from a zero base).
    public init?(_ numerator: ExactDecimal, _ denominator: ExactDecimal) {
        guard denominator.significand != 0 else { return nil }
        self.numerator = numerator
        self.denominator = denominator
    }

    public init?(_ numerator: Int, _ denominator: Int) {
        self.init(ExactDecimal(numerator), ExactDecimal(denominator))
    }

    /// numerator ÷ denominator × 100, as an exact decimal rounded half-up (away from zero) to
    /// `decimals` places.
    public func percent(decimals: Int) -> ExactDecimal {
        // Bring both to one exponent so the quotient is a ratio of integers.
        let e = min(numerator.exponent, denominator.exponent)
        let n = Int128(numerator.significand) * Ratio.power(numerator.exponent - e)
        let d = Int128(denominator.significand) * Ratio.power(denominator.exponent - e)
        let scaled = n * 100 * Ratio.power(decimals)
        var quotient = scaled / d
        let remainder = scaled % d
        if remainder.magnitude * 2 >= d.magnitude {
            quotient += (scaled < 0) != (d < 0) ? -1 : 1
        }
        return ExactDecimal(significand: Int64(quotient), exponent: -decimals)
    }

    /// Percentage text with exactly `decimals` places (`38.5`, `6.3`, `100.0`); with
    /// `trimZeros`, trailing zeros go (`100`, `86.25`).
    public func percentText(decimals: Int = 1, trimZeros: Bool = false) -> String {
        let value = percent(decimals: decimals)
        return trimZeros ? value.text : value.fixedText(decimals: decimals)
    }

    public var description: String { "\(numerator.text)/\(denominator.text)" }

    static func power(_ n: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<max(n, 0) { p *= 10 }
        return p
    }
}

extension ExactDecimal {
    /// Text with exactly `decimals` places, padding zeros (`38.5`, `100.0`, `-0.50`).
    public func fixedText(decimals: Int) -> String {
        guard let scaled = rescaled(toExponent: -decimals) else { return text }
        let negative = scaled < 0
        var digits = String(scaled.magnitude)
        if decimals == 0 { return (negative ? "-" : "") + digits }
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        let integerPart = digits.prefix(digits.count - decimals)
        let fraction = digits.suffix(decimals)
        return (negative ? "-" : "") + integerPart + "." + fraction
    }
}
