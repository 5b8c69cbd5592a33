/// Turns BIFF character data into Swift strings: BIFF8's one-byte (Latin-1) and two-byte (UTF-16LE)
/// runs, and BIFF5's bytes in the workbook's code page. Text is transcoded to UTF-8 here, by index
/// loops into a reused buffer, because the standard library's UTF-16 decoding path was the largest
/// cost of reading a sheet full of Chinese shared strings.
enum BIFFText {
    /// `wide`: UTF-16LE; otherwise Latin-1 (U+0000–U+00FF, one byte a character).
    static func decode(_ bytes: UnsafeRawBufferPointer, wide: Bool, scratch: inout [UInt8]) -> String {
        if !wide {
            var ascii = true
            for i in 0..<bytes.count where bytes[i] >= 0x80 {
                ascii = false
                break
            }
            if ascii { return String(decoding: bytes, as: UTF8.self) }
            scratch.removeAll(keepingCapacity: true)
            for i in 0..<bytes.count { appendScalar(UInt32(bytes[i]), to: &scratch) }
            return String(decoding: scratch, as: UTF8.self)
        }
        return utf16(count: bytes.count / 2, scratch: &scratch) { i in UInt16(bytes[2 * i]) | UInt16(bytes[2 * i + 1]) << 8 }
    }

    static func decode(units: [UInt16], scratch: inout [UInt8]) -> String {
        units.withUnsafeBufferPointer { buffer in utf16(count: buffer.count, scratch: &scratch) { buffer[$0] } }
    }

    /// UTF-16 code units → UTF-8; surrogate pairs joined, a lone surrogate becomes U+FFFD (as
    /// `String(decoding:as: UTF16.self)` would make it).
    @inline(__always)
    static func utf16(count: Int, scratch: inout [UInt8], _ unit: (Int) -> UInt16) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.reserveCapacity(count * 3)
        var i = 0
        while i < count {
            let u = UInt32(unit(i))
            i += 1
            if u < 0x80 {
                scratch.append(UInt8(u))
            } else if u & 0xFC00 == 0xD800, i < count, UInt32(unit(i)) & 0xFC00 == 0xDC00 {
                let low = UInt32(unit(i))
                i += 1
                appendScalar(0x10000 + ((u & 0x3FF) << 10 | (low & 0x3FF)), to: &scratch)
            } else if u & 0xF800 == 0xD800 {
                appendScalar(0xFFFD, to: &scratch)
            } else {
                appendScalar(u, to: &scratch)
            }
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    @inline(__always) static func appendScalar(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
