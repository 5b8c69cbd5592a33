import Model

/// A number read from a cell's text, with what followed it.
struct ParsedNumber: Sendable, Equatable {
    let value: ExactDecimal
    /// The text after the number, trimmed (`人`, `万元`); empty when none.
    let suffix: String
    let percent: Bool
}

/// Numbers written as text: `3`, `1,234`, `３`, `12.5万元`, `-0.5`, `93.4%`, `1.2E+3`.
///
/// One pass over the UTF-8 bytes: full-width digits and signs are read as their ASCII forms,
/// thousands separators must group by three, and whatever follows the number is returned as its
/// suffix for the caller to judge (a unit, or garbage).
enum NumberText {
    static func parse(_ text: String) -> ParsedNumber? {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> ParsedNumber? {
        var i = 0
        let n = bytes.count

        /// The byte at `i` as ASCII, folding full-width forms (EF BC 81…EF BD 9E) and the
        /// ideographic space; returns (ascii, width) or (0, width) for other characters.
        @inline(__always) func peek(_ at: Int) -> (UInt8, Int) {
            guard at < n else { return (0, 0) }
            let b = bytes[at]
            if b < 0x80 { return (b, 1) }
            if b == 0xEF, at + 2 < n {
                let b1 = bytes[at + 1], b2 = bytes[at + 2]
                if b1 == 0xBC, b2 >= 0x81 { return (b2 - 0x60, 3) }        // U+FF01…U+FF3F
                if b1 == 0xBD, b2 <= 0x9E { return (b2 - 0x20, 3) }        // U+FF40…U+FF5E
                if b1 == 0xBF, b2 == 0xA5 { return (UInt8(ascii: "$"), 3) } // ￥ (U+FFE5)
                return (0, 3)
            }
            if b == 0xE3, at + 2 < n, bytes[at + 1] == 0x80, bytes[at + 2] == 0x80 { return (0x20, 3) }
            if b == 0xE2, at + 2 < n, bytes[at + 1] == 0x88, bytes[at + 2] == 0x92 { return (UInt8(ascii: "-"), 3) }
            if b == 0xC2, at + 1 < n, bytes[at + 1] == 0xA5 { return (UInt8(ascii: "$"), 2) }   // ¥
            if b == 0xC2, at + 1 < n, bytes[at + 1] == 0xA0 { return (0x20, 2) }                // NBSP
            var w = 1
            if b >= 0xF0 { w = 4 } else if b >= 0xE0 { w = 3 } else if b >= 0xC0 { w = 2 }
            return (0, w)
        }
        @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }

        func skipSpaces() {
            while i < n {
                let (c, w) = peek(i)
                if isSpace(c) { i += w } else { break }
            }
        }

        skipSpaces()
        var negative = false
        var (c, w) = peek(i)
        if c == UInt8(ascii: "$") { i += w; skipSpaces(); (c, w) = peek(i) }
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            negative = c == UInt8(ascii: "-")
            i += w
            skipSpaces()
            (c, w) = peek(i)
            if c == UInt8(ascii: "$") { i += w; (c, w) = peek(i) }
        }

        var significand: Int64 = 0
        var digits = 0
        var fractionDigits = 0
        var groupLength = 0          // digits since the last comma (or start)
        var sawComma = false
        var sawDot = false
        while i < n {
            (c, w) = peek(i)
            if c >= 48 && c <= 57 {
                let (m, o1) = significand.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(c - 48))
                if o1 || o2 { return nil }
                significand = s
                digits += 1
                if sawDot { fractionDigits += 1 } else { groupLength += 1 }
                i += w
            } else if c == UInt8(ascii: ","), !sawDot {
                // A thousands separator: 1–3 digits before the first, exactly 3 between the rest.
                if groupLength == 0 || groupLength > 3 || (sawComma && groupLength != 3) { return nil }
                sawComma = true
                groupLength = 0
                i += w
            } else if c == UInt8(ascii: "."), !sawDot {
                if sawComma && groupLength != 3 { return nil }
                sawDot = true
                i += w
            } else {
                break
            }
        }
        guard digits > 0 else { return nil }
        if sawComma && !sawDot && groupLength != 3 { return nil }

        var exponent = -fractionDigits
        (c, w) = peek(i)
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            var j = i + w
            var (c2, w2) = peek(j)
            var expNegative = false
            if c2 == UInt8(ascii: "-") || c2 == UInt8(ascii: "+") { expNegative = c2 == UInt8(ascii: "-"); j += w2; (c2, w2) = peek(j) }
            if c2 >= 48 && c2 <= 57 {
                var e = 0
                while j < n {
                    (c2, w2) = peek(j)
                    guard c2 >= 48 && c2 <= 57 else { break }
                    e = e * 10 + Int(c2 - 48)
                    if e > 400 { return nil }
                    j += w2
                }
                exponent += expNegative ? -e : e
                i = j
            }
        }
        // Beyond 18 significant places a number is no count or amount in these registers (and its
        // digits would not fit an Int64 when written out); a tiny exponent is refused likewise.
        if exponent > 0 {
            var magnitude = significand.magnitude
            var places = 0
            while magnitude > 0 { magnitude /= 10; places += 1 }
            if places + exponent > 18 { return nil }
        }
        if exponent < -30 { return nil }
        skipSpaces()
        var percent = false
        (c, w) = peek(i)
        if c == UInt8(ascii: "%") { percent = true; i += w; skipSpaces() }

        var end = n
        while end > i {
            // Trim trailing whitespace (ASCII, NBSP, ideographic space) from the suffix.
            if isSpace(bytes[end - 1]) { end -= 1; continue }
            if end - i >= 3, bytes[end - 3] == 0xE3, bytes[end - 2] == 0x80, bytes[end - 1] == 0x80 { end -= 3; continue }
            if end - i >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 { end -= 2; continue }
            break
        }
        let suffix = i < end ? String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self) : ""
        let value = ExactDecimal(significand: negative ? -significand : significand, exponent: exponent)
        return ParsedNumber(value: value, suffix: suffix, percent: percent)
    }

    /// The exact decimal a Double shows in its shortest round-trip form (12.5 → 12.5, not
    /// 12.4999…), which is what the person typed into Excel.
    static func decimal(_ d: Double) -> ExactDecimal? {
        guard d.isFinite else { return nil }
        if d == d.rounded(), abs(d) < 9e15 { return ExactDecimal(significand: Int64(d), exponent: 0) }
        guard let parsed = parse("\(d)"), parsed.suffix.isEmpty, !parsed.percent else { return nil }
        return parsed.value
    }

    /// `3` for 3.0, `0.1`, `2.5`, `1e-05`: integer form when integral and below 1e15, else the
    /// shortest decimal that round-trips (INPUTS.md §inspect).
    static func shortest(_ d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}
