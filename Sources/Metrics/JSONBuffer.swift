/// JSON text written straight into one byte buffer. A province's figures.json is tens of MB;
/// building it from nested Strings joined at every level copied each byte once per level and
/// took a second of a run on one core.
struct JSONBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Text copied as it is: punctuation, keys, numbers.
    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ other: JSONBuffer) { bytes.append(contentsOf: other.bytes) }

    mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as
    /// is (Chinese text is not \u-escaped). All escaped characters are ASCII, so working on the
    /// UTF-8 bytes escapes exactly what working on the scalars would.
    mutating func string(_ text: String) {
        var text = text
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            var start = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                escape(byte)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `, "key": "value"` (`null` for nil): the next member of an object on one line.
    mutating func member(_ key: String, _ value: String?) {
        raw(", \"\(key)\": ")
        if let value { string(value) } else { raw("null") }
    }

    /// Strings as a JSON array on one line: `["a", "b"]`.
    mutating func strings(_ texts: [String]) {
        raw("[")
        for (i, text) in texts.enumerated() {
            if i > 0 { raw(", ") }
            string(text)
        }
        raw("]")
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case UInt8(ascii: "\n"): raw("\\n")
        case UInt8(ascii: "\r"): raw("\\r")
        case UInt8(ascii: "\t"): raw("\\t")
        default:
            let hex = String(byte, radix: 16)
            raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        }
    }
}
