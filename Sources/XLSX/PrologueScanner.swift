/// Finds where a worksheet's rows begin, by a light scan that only has to understand the prologue.
enum PrologueScanner {
    enum Result {
        case needMore
        /// Cutting is not safe (DOCTYPE, non-UTF-8 encoding, no sheetData): parse sequentially.
        case unsafe
        /// `end`: offset just past the `<sheetData …>` (or root) start tag.
        case found(end: Int, rootName: String, prefix: String)
    }

    /// `element`: the local name of the start tag the rows follow (`sheetData`), nil for the root
    /// element itself (the shared strings' `<sst>`, whose items follow it).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, element: String? = "sheetData") -> Result {
        var index = 0
        if bytes.count >= 2 && (bytes[0] == 0xFE || bytes[0] == 0xFF || bytes[0] == 0) { return .unsafe }  // UTF-16/32
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
        var rootName: String?
        while true {
            guard let open = ByteSearch.byte(UInt8(ascii: "<"), in: bytes, from: index) else { return .needMore }
            guard open + 1 < bytes.count else { return .needMore }
            let next = bytes[open + 1]
            if next == UInt8(ascii: "?") {
                guard let close = ByteSearch.sequence(Array("?>".utf8), in: bytes, from: open) else { return .needMore }
                let declaration = String(decoding: bytes[open..<close], as: UTF8.self).lowercased()
                if let range = declaration.firstRange(of: "encoding") {
                    let value = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
                    if !(value.hasPrefix("utf-8") || value.hasPrefix("utf8")) { return .unsafe }
                }
                index = close + 2
                continue
            }
            if next == UInt8(ascii: "!") { return .unsafe }  // comment or DOCTYPE before the rows
            if next == UInt8(ascii: "/") {  // the end tag of a prologue element such as </cols>
                guard let close = ByteSearch.byte(UInt8(ascii: ">"), in: bytes, from: open) else { return .needMore }
                index = close + 1
                continue
            }
            guard let end = tagEnd(bytes, from: open) else { return .needMore }
            var nameEnd = open + 1
            while nameEnd < end, !isNameEnd(bytes[nameEnd]) { nameEnd += 1 }
            let name = String(decoding: bytes[(open + 1)..<nameEnd], as: UTF8.self)
            let isRoot = rootName == nil
            if isRoot { rootName = name }
            let local = name.split(separator: ":").last.map(String.init) ?? name
            if local == element || (element == nil && isRoot) {
                if bytes[end - 1] == UInt8(ascii: "/") { return .unsafe }  // <sheetData/>: no rows
                let prefix = name.count > local.count ? String(name.dropLast(local.count)) : ""
                return .found(end: end + 1, rootName: rootName ?? name, prefix: prefix)
            }
            index = end + 1
        }
    }

    /// Offset of the `>` that ends the tag starting at `open`, skipping quoted attribute values.
    private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from open: Int) -> Int? {
        var quote: UInt8 = 0
        var index = open + 1
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }
}
