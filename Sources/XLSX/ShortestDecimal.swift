/// Shortest round-trip decimal text of a Double.
enum ShortestDecimal {
    /// Swift's `description` already yields the shortest digits that round-trip, but switches to
    /// exponent notation at 2^53 where Python switches at 1e16; this re-lays the same digits out by
    /// Python's rule so `9.5e15` prints `9500000000000000.0` as every Python-based reader does.
    static func pythonRepr(_ number: Double) -> String {
        let text = number.description
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        let mantissa = text[..<e]
        guard let exponent = Int(text[text.index(after: e)...]) else { return text }
        if exponent < -4 || exponent >= 16 { return text }
        let negative = mantissa.hasPrefix("-")
        let digits = Array(mantissa.filter { $0.isNumber })
        // Mantissa is d.ddd: the decimal point sits after (exponent + 1) digits.
        let pointPosition = exponent + 1
        var result = negative ? "-" : ""
        if pointPosition <= 0 {
            result += "0." + String(repeating: "0", count: -pointPosition) + String(digits)
        } else if pointPosition >= digits.count {
            result += String(digits) + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        } else {
            result += String(digits[..<pointPosition]) + "." + String(digits[pointPosition...])
        }
        return result
    }
}
