/// Escaping of text written into the XML parts of a workbook. Works on UTF-8 bytes: every character
/// that needs care is ASCII except U+FFFE/U+FFFF (EF BF BE / EF BF BF).
enum XMLText {
    enum Context {
        /// Text of a `<t>` element (shared or inline string): characters XML 1.0 forbids become OOXML
        /// `_xHHHH_` escapes, which Excel and other readers decode back; an underscore that would
        /// otherwise read as such an escape is itself escaped (`_x005F_`).
        case cellText
        /// Other element text (formulas, literal values): forbidden characters are dropped.
        case element
        /// A double-quoted attribute value: tab and LF are written as character references so that
        /// attribute-value normalisation does not turn them into spaces; forbidden characters dropped.
        case attribute
    }

    /// Characters XML 1.0 does not allow: C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
    }

    static func append(_ text: String, _ context: Context, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var clean = true
            for byte in bytes where byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E
                || byte == 0x22 || byte == 0x5F || byte == 0xEF {
                clean = false
                break
            }
            if clean {
                out.append(contentsOf: bytes)
                return
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: if context == .attribute { out.append(contentsOf: "&quot;".utf8) } else { out.append(byte) }
                // A literal CR would be normalised away by every XML parser; keep it as a reference.
                case 0x0D: out.append(contentsOf: "&#13;".utf8)
                case 0x09: if context == .attribute { out.append(contentsOf: "&#9;".utf8) } else { out.append(byte) }
                case 0x0A: if context == .attribute { out.append(contentsOf: "&#10;".utf8) } else { out.append(byte) }
                case 0x5F:
                    if context == .cellText && looksLikeEscape(bytes, at: index) {
                        out.append(contentsOf: "_x005F_".utf8)
                    } else {
                        out.append(byte)
                    }
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    if context == .cellText { appendEscape(bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF, to: &out) }
                    index += 2
                default:
                    if byte < 0x20 {
                        if context == .cellText { appendEscape(UInt32(byte), to: &out) }
                    } else {
                        out.append(byte)
                    }
                }
                index += 1
            }
        }
    }

    static func escaped(_ text: String, _ context: Context) -> String {
        var out: [UInt8] = []
        append(text, context, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `_x` followed by four hex digits and `_`: the pattern readers decode as an escaped character.
    private static func looksLikeEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        // Only a lower-case x: Excel neither decodes nor escapes `_X0000_`.
        guard index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"),
              bytes[index + 6] == UInt8(ascii: "_") else { return false }
        return (2...5).allSatisfy { hexValue(bytes[index + $0]) != nil }
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 48...57: return UInt32(byte - 48)
        case 65...70: return UInt32(byte - 55)
        case 97...102: return UInt32(byte - 87)
        default: return nil
        }
    }

    private static func appendEscape(_ value: UInt32, to out: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        out.append(contentsOf: "_x".utf8)
        for shift in [12, 8, 4, 0] as [UInt32] { out.append(digits[Int((value >> shift) & 0xF)]) }
        out.append(UInt8(ascii: "_"))
    }
}
