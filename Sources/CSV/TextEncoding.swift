/// The text encodings a district CSV arrives in.
public enum TextEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"

    /// Detects the encoding of a whole file: a BOM decides; otherwise valid UTF-8 is UTF-8, and
    /// valid GB18030 is GB18030 (what Chinese Excel writes when saving as CSV); anything else is an
    /// error naming the first byte that fits neither.
    public static func detect(_ bytes: UnsafeRawBufferPointer) throws(CSVError) -> TextEncoding {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return .utf8BOM }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return .utf16LE }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return .utf16BE }
        guard let badUTF8 = UTF8Validation.firstInvalidOffset(bytes) else { return .utf8 }
        if let badGB = GB18030.firstInvalidOffset(bytes) {
            throw .undetectableEncoding(offset: max(badUTF8, badGB))
        }
        return .gb18030
    }
}

/// Fast UTF-8 validation (well-formed sequences only: no overlongs, surrogates or values past U+10FFFF).
enum UTF8Validation {
    static func firstInvalidOffset(_ b: UnsafeRawBufferPointer) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let second = b[i + 1]
            guard second >= lower, second <= upper else { return i }
            for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
