/// One piece of a part's XML: a tag, a run of character data, or something we copy untouched
/// (comment, processing instruction, CDATA). Ranges are byte offsets into the part, so anything
/// the template engine does not rewrite is copied back byte for byte.
struct DocxTemplateToken: Sendable {
    enum Kind: UInt8, Sendable { case start, end, empty, text, other }

    let kind: Kind
    let start: Int
    let end: Int
    /// The qualified tag name (`w:t`) for tags; empty otherwise.
    let name: String
    /// The enclosing start tag's token index; -1 at the top.
    var parent: Int
    /// For a start tag, the index of its end tag; for everything else its own index.
    var match: Int
}

/// Splits a part into tokens and pairs the tags, refusing what a Word part never holds.
///
/// Not a general XML parser: it only needs tag boundaries, names, nesting and text, so a template
/// can be rewritten in place. A `<!DOCTYPE` is refused (as the XLSX reader does), and tags must nest.
enum DocxTemplateTokenizer {
    struct Malformed: Error {
        let offset: Int
        let reason: String
    }

    static func tokens(_ bytes: [UInt8]) throws(Malformed) -> [DocxTemplateToken] {
        var tokens: [DocxTemplateToken] = []
        tokens.reserveCapacity(bytes.count / 24)
        var stack: [Int] = []
        let n = bytes.count
        var i = 0

        func find(_ pattern: [UInt8], from: Int) -> Int? {
            guard let first = pattern.first else { return from }
            var j = from
            while j + pattern.count <= n {
                if bytes[j] == first {
                    var k = 1
                    while k < pattern.count && bytes[j + k] == pattern[k] { k += 1 }
                    if k == pattern.count { return j }
                }
                j += 1
            }
            return nil
        }
        func starts(_ pattern: [UInt8], at j: Int) -> Bool {
            guard j + pattern.count <= n else { return false }
            for k in 0..<pattern.count where bytes[j + k] != pattern[k] { return false }
            return true
        }
        func nameEnd(from j: Int) -> Int {
            var k = j
            while k < n {
                let b = bytes[k]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") { break }
                k += 1
            }
            return k
        }
        let parentIndex = { stack.last ?? -1 }

        while i < n {
            if bytes[i] != UInt8(ascii: "<") {
                var j = i
                while j < n && bytes[j] != UInt8(ascii: "<") { j += 1 }
                let index = tokens.count
                tokens.append(DocxTemplateToken(kind: .text, start: i, end: j, name: "", parent: parentIndex(), match: index))
                i = j
                continue
            }
            if starts(Array("<!--".utf8), at: i) {
                guard let close = find(Array("-->".utf8), from: i + 4) else { throw Malformed(offset: i, reason: "注释没有结束") }
                let index = tokens.count
                tokens.append(DocxTemplateToken(kind: .other, start: i, end: close + 3, name: "", parent: parentIndex(), match: index))
                i = close + 3
            } else if starts(Array("<![CDATA[".utf8), at: i) {
                guard let close = find(Array("]]>".utf8), from: i + 9) else { throw Malformed(offset: i, reason: "CDATA 没有结束") }
                let index = tokens.count
                tokens.append(DocxTemplateToken(kind: .other, start: i, end: close + 3, name: "", parent: parentIndex(), match: index))
                i = close + 3
            } else if starts(Array("<!".utf8), at: i) {
                throw Malformed(offset: i, reason: "含有 <!DOCTYPE 或其他声明,Word 文档不应出现,已拒绝")
            } else if starts(Array("<?".utf8), at: i) {
                guard let close = find(Array("?>".utf8), from: i + 2) else { throw Malformed(offset: i, reason: "处理指令没有结束") }
                let index = tokens.count
                tokens.append(DocxTemplateToken(kind: .other, start: i, end: close + 2, name: "", parent: parentIndex(), match: index))
                i = close + 2
            } else if starts(Array("</".utf8), at: i) {
                let ne = nameEnd(from: i + 2)
                guard let close = find([UInt8(ascii: ">")], from: ne) else { throw Malformed(offset: i, reason: "结束标签没有「>」") }
                let name = String(decoding: bytes[(i + 2)..<ne], as: UTF8.self)
                guard let open = stack.popLast(), tokens[open].name == name else {
                    throw Malformed(offset: i, reason: "结束标签 </\(name)> 与开始标签不匹配")
                }
                let index = tokens.count
                tokens.append(DocxTemplateToken(kind: .end, start: i, end: close + 1, name: name, parent: parentIndex(), match: open))
                tokens[open].match = index
                i = close + 1
            } else {
                let ne = nameEnd(from: i + 1)
                guard ne > i + 1 else { throw Malformed(offset: i, reason: "标签没有名称") }
                var j = ne
                var quote: UInt8 = 0
                while j < n {
                    let b = bytes[j]
                    if quote != 0 {
                        if b == quote { quote = 0 }
                    } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                        quote = b
                    } else if b == UInt8(ascii: ">") {
                        break
                    }
                    j += 1
                }
                guard j < n else { throw Malformed(offset: i, reason: "标签没有「>」") }
                let name = String(decoding: bytes[(i + 1)..<ne], as: UTF8.self)
                let selfClosing = bytes[j - 1] == UInt8(ascii: "/")
                let index = tokens.count
                tokens.append(DocxTemplateToken(kind: selfClosing ? .empty : .start, start: i, end: j + 1, name: name,
                                                parent: parentIndex(), match: index))
                if !selfClosing { stack.append(index) }
                i = j + 1
            }
        }
        if let open = stack.last {
            throw Malformed(offset: tokens[open].start, reason: "<\(tokens[open].name)> 没有结束标签")
        }
        return tokens
    }

    /// The attributes of a start or empty tag, in order, values entity-decoded.
    static func attributes(_ bytes: [UInt8], _ token: DocxTemplateToken) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        var i = token.start + 1 + token.name.utf8.count
        let end = token.end - 1
        while i < end {
            while i < end, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1 }
            let nameStart = i
            while i < end, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "=") { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            while i < end, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "=") { i += 1 }
            guard i < end else { break }
            let quote = bytes[i]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { break }
            let valueStart = i + 1
            i = valueStart
            while i < end, bytes[i] != quote { i += 1 }
            if !name.isEmpty { result.append((name, decode(bytes[valueStart..<min(i, end)]))) }
            i += 1
        }
        return result
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Character data with the five XML entities and numeric references resolved.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            guard b == UInt8(ascii: "&"), let semi = bytes[i..<min(bytes.endIndex, i + 12)].firstIndex(of: UInt8(ascii: ";")) else {
                out.append(b); i += 1; continue
            }
            let entity = String(decoding: bytes[(i + 1)..<semi], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch entity {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst(1)).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i = semi + 1
            } else {
                out.append(b); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
