import CSV

/// BIFF5 text: bytes in the workbook's code page (CODEPAGE record). BIFF8 text is Unicode and never
/// comes here. Chinese Excel 95 files are GBK (936), read with the GB18030 codec (a superset).
enum CodePage {
    /// Windows-1252 bytes 0x80–0x9F (the rest is Latin-1; the five unassigned bytes keep their value).
    private static let windows1252: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func decode(_ bytes: UnsafeRawBufferPointer, page: Int) throws(XLSError.Kind) -> String {
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        switch page {
        case 1252, 28591, 367:
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count)
            for byte in bytes {
                units.append(byte >= 0x80 && byte < 0xA0 ? windows1252[Int(byte - 0x80)] : UInt16(byte))
            }
            return String(decoding: units, as: UTF16.self)
        case 936, 54936:
            guard let utf8 = try? GB18030.decode(bytes) else {
                throw .malformedRecord("文字不是有效的 GBK 编码 (invalid GBK text)")
            }
            return String(decoding: utf8, as: UTF8.self)
        case 65001:
            return String(decoding: bytes, as: UTF8.self)
        default:
            throw .unsupportedCodePage(page)
        }
    }
}
