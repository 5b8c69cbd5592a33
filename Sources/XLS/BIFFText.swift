/// Turns BIFF character data into Swift strings: BIFF8's one-byte (Latin-1) and two-byte (UTF-16LE)
/// runs, and BIFF5's bytes in the workbook's code page.
enum BIFFText {
    static func decode(_ bytes: UnsafeRawBufferPointer, wide: Bool, units: inout [UInt16]) -> String {
        if !wide {
            // ASCII is already UTF-8; other bytes are U+0080…U+00FF.
            if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            units.removeAll(keepingCapacity: true)
            for byte in bytes { units.append(UInt16(byte)) }
            return String(decoding: units, as: UTF16.self)
        }
        units.removeAll(keepingCapacity: true)
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            units.append(UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
