/// UTF-16 (after its BOM) → UTF-8, as Excel's "Unicode text" export arrives. An odd trailing byte or
/// an unpaired surrogate is an error naming its byte offset, never a silent U+FFFD.
enum UTF16Transcoding {
    static func decode(_ bytes: UnsafeRawBufferPointer, bigEndian: Bool) -> Result<[UInt8], CSVError> {
        let n = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(n + n / 2)
        func unit(_ i: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1]) : UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i])
        }
        var i = 2
        while i + 1 < n {
            var v = unit(i)
            var width = 2
            if v >= 0xD800 && v <= 0xDBFF {
                guard i + 3 < n, case let low = unit(i + 2), low >= 0xDC00 && low <= 0xDFFF else { return .failure(.invalidUTF16(offset: i)) }
                v = 0x10000 + ((v - 0xD800) << 10 | (low - 0xDC00))
                width = 4
            } else if v >= 0xDC00 && v <= 0xDFFF {
                return .failure(.invalidUTF16(offset: i))
            }
            if v < 0x80 {
                out.append(UInt8(v))
            } else if v < 0x800 {
                out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
            } else if v < 0x10000 {
                out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
            } else {
                out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | (v >> 12) & 0x3F))
                out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
            }
            i += width
        }
        if i < n { return .failure(.invalidUTF16(offset: i)) }
        return .success(out)
    }
}
