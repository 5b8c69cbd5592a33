/// OOXML's `_xHHHH_` escapes of characters XML cannot carry (ST_Xstring); `x` in lower case only,
/// as Excel reads and writes them (its own files hold `_X0000_` as plain text).
enum EscapedText {
    static func decode(_ bytes: [UInt8]) -> String { String(decoding: decodedUTF8(bytes), as: UTF8.self) }

    /// The UTF-8 of the decoded text: `bytes` themselves when they cannot hold an escape.
    static func decodedUTF8(_ bytes: [UInt8]) -> [UInt8] { mayHaveEscapes(bytes) ? decodedBytes(bytes) : bytes }

    /// Whether `bytes` can hold an escape at all (most texts cannot: no `_`, or too short).
    private static func mayHaveEscapes(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 7 && bytes.contains(UInt8(ascii: "_"))
    }

    private static func decodedBytes(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var pendingHigh: UInt32?
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "_"), index + 6 < bytes.count,
               bytes[index + 1] == UInt8(ascii: "x"),   // `_X0000_` is text: Excel writes it unescaped
               bytes[index + 6] == UInt8(ascii: "_"),
               let d0 = XMLText.hexValue(bytes[index + 2]), let d1 = XMLText.hexValue(bytes[index + 3]),
               let d2 = XMLText.hexValue(bytes[index + 4]), let d3 = XMLText.hexValue(bytes[index + 5]) {
                let value = d0 << 12 | d1 << 8 | d2 << 4 | d3
                if value >= 0xD800 && value < 0xDC00 {
                    pendingHigh = value
                } else if value >= 0xDC00 && value < 0xE000, let high = pendingHigh {
                    appendScalar(0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00), to: &out)
                    pendingHigh = nil
                } else {
                    appendScalar(value, to: &out)
                    pendingHigh = nil
                }
                index += 7
                continue
            }
            pendingHigh = nil
            out.append(bytes[index])
            index += 1
        }
        return out
    }

    private static func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(value) else { return }
        out.append(contentsOf: String(Character(scalar)).utf8)
    }
}
