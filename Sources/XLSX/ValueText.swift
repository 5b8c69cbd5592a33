#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parsing of the raw bytes of `<v>` values without making Strings.
enum ValueText {
    /// A decimal number as XML Schema writes a double (`12`, `-3.5`, `1.2E-5`); nil for anything else,
    /// including `INF`/`NaN` and hexadecimal, which strtod alone would accept.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var start = 0
        var end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        // Fast path: a plain integer of up to 15 digits is exact in a Double.
        var index = start
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative || bytes[index] == UInt8(ascii: "+") { index += 1 }
        if index < end && end - index <= 15 {
            var value = 0
            var scan = index
            while scan < end, bytes[scan] &- 48 < 10 {
                value = value &* 10 &+ Int(bytes[scan] &- 48)
                scan += 1
            }
            if scan == end { return negative ? -Double(value) : Double(value) }
        }
        var sawDigit = false
        for position in start..<end {
            let byte = bytes[position]
            switch byte {
            case 48...57: sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            default: return nil
            }
        }
        guard sawDigit, end - start < 64 else { return nil }
        // strtod needs a terminated string; numbers are short, so a stack copy does.
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: end - start + 1) { buffer in
            for offset in 0..<(end - start) { buffer[offset] = CChar(bitPattern: bytes[start + offset]) }
            buffer[end - start] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &stop)
            guard let stop, stop - buffer.baseAddress! == end - start, value.isFinite else { return nil }
            return value
        }
    }

    /// A non-negative integer such as a shared string or style index.
    static func index(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var value = 0
        var digits = 0
        for byte in bytes {
            if isSpace(byte) { if digits == 0 { continue } else { break } }
            guard byte &- 48 < 10, digits < 10 else { return nil }
            value = value * 10 + Int(byte - 48)
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// `1`/`true` or `0`/`false`.
    static func bool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let text = String(decoding: bytes, as: UTF8.self).trimmingSpaces().lowercased()
        switch text {
        case "1", "true": return true
        case "0", "false": return false
        default: return nil
        }
    }

    /// ISO 8601 text of a `t="d"` cell: `2020-03-19`, `2020-03-19T10:30:00[.5][Z|+08:00]`, `10:30:00`.
    /// Returns the serial (days since 1899-12-30, time as fraction) and what the text holds.
    static func isoDate(_ bytes: UnsafeBufferPointer<UInt8>) -> (Double, DateKind)? {
        let text = Array(String(decoding: bytes, as: UTF8.self).trimmingSpaces().utf8)
        var position = 0
        func digits(_ count: Int) -> Int? {
            guard position + count <= text.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = text[position + offset]
                guard byte &- 48 < 10 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            position += count
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard position < text.count, text[position] == byte else { return false }
            position += 1
            return true
        }
        var days: Int?
        if text.count >= 10, text[4] == UInt8(ascii: "-") {
            guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2), expect(UInt8(ascii: "-")),
                  let day = digits(2), (1...12).contains(month), (1...31).contains(day) else { return nil }
            let serial = ExcelDate.serial(year: year, month: month, day: day)
            days = serial
            if position == text.count { return (Double(serial), .date) }
            guard expect(UInt8(ascii: "T")) || expect(UInt8(ascii: " ")) else { return nil }
        }
        guard let hour = digits(2), expect(UInt8(ascii: ":")), let minute = digits(2), hour < 24, minute < 60 else { return nil }
        var seconds = 0.0
        if expect(UInt8(ascii: ":")) {
            guard let whole = digits(2), whole < 61 else { return nil }
            seconds = Double(whole)
            if expect(UInt8(ascii: ".")) {
                var scale = 0.1
                while position < text.count, text[position] &- 48 < 10 {
                    seconds += Double(text[position] - 48) * scale
                    scale /= 10
                    position += 1
                }
            }
        }
        // A zone suffix is ignored: Excel has no time zones, the wall-clock time is what was meant.
        if position < text.count {
            guard text[position] == UInt8(ascii: "Z") || text[position] == UInt8(ascii: "+") || text[position] == UInt8(ascii: "-") else { return nil }
        }
        let fraction = (Double(hour * 3600 + minute * 60) + seconds) / 86_400
        if let days { return (Double(days) + fraction, .dateTime) }
        return (fraction, .time)
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !ValueText.isSpace(UInt8(truncatingIfNeeded: $0.value)) || $0.value > 0x7F }) else { return "" }
        let last = scalars.lastIndex(where: { !ValueText.isSpace(UInt8(truncatingIfNeeded: $0.value)) || $0.value > 0x7F }) ?? first
        return String(scalars[first...last])
    }
}
