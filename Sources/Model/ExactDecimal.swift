/// A base-10 number `significand × 10^exponent`, exact.
///
/// Used for money, targets and every value that reports print, so that no binary floating point
/// ever decides a printed digit.
public struct ExactDecimal: Hashable, Sendable, BitwiseCopyable, CustomStringConvertible {
    public let significand: Int64
    public let exponent: Int

    public init(significand: Int64, exponent: Int) {
        self.significand = significand
        self.exponent = exponent
    }

    public init(_ integer: Int) { self.init(significand: Int64(integer), exponent: 0) }

    /// Parses `-12.5`, `3`, `0.125`, `+7`. No exponents, separators or units: callers normalise first.
    public init?(_ text: Substring) {
        var negative = false
        var digits: Int64 = 0
        var scale = 0
        var seenDot = false
        var seenDigit = false
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        if index < utf8.endIndex, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
            negative = utf8[index] == UInt8(ascii: "-")
            index = utf8.index(after: index)
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: ".") {
                if seenDot { return nil }
                seenDot = true
            } else if byte >= 48, byte <= 57 {
                let (m, o1) = digits.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(byte - 48))
                if o1 || o2 { return nil }
                digits = s
                seenDigit = true
                if seenDot { scale += 1 }
            } else {
                return nil
            }
            index = utf8.index(after: index)
        }
        guard seenDigit else { return nil }
        self.init(significand: negative ? -digits : digits, exponent: -scale)
    }

    public init?(_ text: String) { self.init(text[...]) }

    /// The value as an integer count of 10^target units, rounding half-up (away from zero) when
    /// digits are dropped; nil on overflow.
    public func rescaled(toExponent target: Int) -> Int64? {
        if exponent >= target {
            var value = significand
            for _ in 0..<(exponent - target) {
                let (m, o) = value.multipliedReportingOverflow(by: 10)
                if o { return nil }
                value = m
            }
            return value
        }
        let drop = target - exponent
        if drop > 18 { return 0 }
        var divisor: Int64 = 1
        for _ in 0..<drop { divisor *= 10 }
        let quotient = significand / divisor
        let remainder = significand % divisor
        if remainder.magnitude * 2 >= divisor.magnitude {
            return quotient + (significand < 0 ? -1 : 1)
        }
        return quotient
    }

    /// Plain decimal text with trailing zeros trimmed (`484.353`, `131`, `-0.5`).
    public var text: String {
        if exponent >= 0 {
            var s = String(significand)
            if significand != 0 { s += String(repeating: "0", count: exponent) }
            return s
        }
        let negative = significand < 0
        var digits = String(significand.magnitude)
        let scale = -exponent
        if digits.count <= scale {
            digits = String(repeating: "0", count: scale - digits.count + 1) + digits
        }
        var integerPart = String(digits.prefix(digits.count - scale))
        var fraction = String(digits.suffix(scale))
        while fraction.last == "0" { fraction.removeLast() }
        if integerPart.isEmpty { integerPart = "0" }
        let body = fraction.isEmpty ? integerPart : integerPart + "." + fraction
        return negative && body != "0" ? "-" + body : body
    }

    public var description: String { text }
}
