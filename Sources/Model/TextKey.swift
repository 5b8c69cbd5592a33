/// Text as names and values are compared (INPUTS.md: matching ignores spaces, line breaks and
/// full/half width; ASCII letters fold to upper case): the key of a header, a district name or a
/// `where` value. Only for comparing — what is shown is always the text as written.
public enum TextKey {
    /// No whitespace, full-width ASCII folded to half-width, brackets as `(` `)`, ASCII letters
    /// upper-cased.
    public static func key(_ raw: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in raw.unicodeScalars {
            let v = s.value
            if isSpace(v) { continue }
            switch v {
            case 0xFF08, 0x3010, 0x3014, 0x5B, 0xFF3B: scalars.append("(")    // （ 【 〔 [ ［
            case 0xFF09, 0x3011, 0x3015, 0x5D, 0xFF3D: scalars.append(")")    // ） 】 〕 ] ］
            case 0xFF01...0xFF5E: scalars.append(upper(Unicode.Scalar(v - 0xFEE0)!))
            default: scalars.append(upper(s))
            }
        }
        return String(scalars)
    }

    public static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C || v == 0xA0
            || v == 0x3000 || v == 0x200B || v == 0xFEFF || (v >= 0x2000 && v <= 0x200A)
    }

    static func upper(_ s: Unicode.Scalar) -> Unicode.Scalar {
        s.value >= 0x61 && s.value <= 0x7A ? Unicode.Scalar(s.value - 32)! : s
    }

    /// The items of a list cell (`罚款；责令停产整顿`), split on `；;、,，/` and trimmed, empty ones dropped.
    public static func items(_ text: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            let item = trimmed(String(current))
            if !item.isEmpty { out.append(item) }
            current = String.UnicodeScalarView()
        }
        for s in text.unicodeScalars {
            switch s.value {
            case 0xFF1B, 0x3B, 0x3001, 0x2C, 0xFF0C, 0x2F: flush()     // ； ; 、 , ， /
            default: current.append(s)
            }
        }
        flush()
        return out
    }

    /// `s` without surrounding whitespace.
    public static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isSpace(scalars[start].value) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)].value) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// Whether the text `value` (a key) matches the condition pattern `pattern` (a key, `*` any run).
    public static func matches(_ value: String, pattern: String) -> Bool {
        guard pattern.contains("*") else { return value == pattern }
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(value)
        for (i, part) in parts.enumerated() {
            if part.isEmpty { continue }
            if i == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if i == parts.count - 1 {
                return rest.hasSuffix(part)
            } else {
                guard let r = rest.firstRange(of: part) else { return false }
                rest = rest[r.upperBound...]
            }
        }
        return true
    }
}
