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
        // Bring both to one exponent so the quotient is a ratio of integers. A percentage too large
        // for 64 bits at `decimals` places (a rise from 1 to 10^15) is rounded at fewer places —
        // still half-up from the exact value — instead of trapping.
        let e = min(numerator.exponent, denominator.exponent)
        guard let n = Ratio.scaled(numerator.significand, numerator.exponent - e),
              let d = Ratio.scaled(denominator.significand, denominator.exponent - e) else {
            return ExactDecimal(significand: 0, exponent: 0)
        }
        var places = decimals
        while places > -18 {
            let (hundred, o1) = n.multipliedReportingOverflow(by: 100)
            if o1 { places -= 1; continue }
            let scaled: Int128
            var quotient: Int128
            if places >= 0 {
                let (s, o2) = hundred.multipliedReportingOverflow(by: Ratio.power(places))
                if o2 { places -= 1; continue }
                scaled = s
                quotient = scaled / d
            } else {
                scaled = hundred
                quotient = scaled / (d * Ratio.power(-places))
            }
            let divisor = places >= 0 ? d : d * Ratio.power(-places)
            let remainder = scaled - quotient * divisor
            if remainder.magnitude * 2 >= divisor.magnitude {
                quotient += (scaled < 0) != (divisor < 0) ? -1 : 1
            }
            if let value = Int64(exactly: quotient) { return ExactDecimal(significand: value, exponent: -places) }
            places -= 1
        }
        return ExactDecimal(significand: 0, exponent: 0)
    }

    /// `value × 10^n` as Int128, nil when it does not fit.
    static func scaled(_ value: Int64, _ n: Int) -> Int128? {
        guard n <= 36 else { return value == 0 ? 0 : nil }
        let (r, o) = Int128(value).multipliedReportingOverflow(by: power(n))
        return o ? nil : r
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
        for _ in 0..<min(max(n, 0), 38) { p *= 10 }
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
