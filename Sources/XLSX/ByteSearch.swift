#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte searches over inflated XML (memchr-based: the scan must cost far less than parsing).
enum ByteSearch {
    static func byte(_ value: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int? = nil) -> Int? {
        let limit = end ?? bytes.count
        guard start < limit, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(value), limit - start) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// `anchor`: the index of a byte of `pattern` that is rare in sheet XML; memchr hops between its
    /// occurrences (hopping between `<`, which starts every tag, would be slow).
    static func sequence(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int, anchor: Int = 0) -> Int? {
        var index = start + anchor
        while let found = byte(pattern[anchor], in: bytes, from: index) {
            let candidate = found - anchor
            guard candidate + pattern.count <= bytes.count else { return nil }
            if candidate >= start && (0..<pattern.count).allSatisfy({ bytes[candidate + $0] == pattern[$0] }) { return candidate }
            index = found + 1
        }
        return nil
    }

    /// The next start tag `tag` (e.g. `<row`, `<x:row`) followed by whitespace, `>` or `/`.
    static func tag(_ tag: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int, anchor: Int = 0) -> Int? {
        var index = start
        while let found = sequence(tag, in: bytes, from: index, anchor: anchor) {
            let after = found + tag.count
            guard after < bytes.count else { return nil }
            let byte = bytes[after]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") {
                return found
            }
            index = found + 1
        }
        return nil
    }

    /// Whether `<!` (comment, CDATA) or `<?` (processing instruction) occurs in the range: inside
    /// those, `<row` need not be a tag, so the range cannot be cut safely.
    static func hasMarkupDeclaration(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        for mark in [UInt8(ascii: "!"), UInt8(ascii: "?")] {
            var index = start
            while let found = byte(mark, in: bytes, from: index, to: end) {
                if found > start && bytes[found - 1] == UInt8(ascii: "<") { return true }
                index = found + 1
            }
        }
        return false
    }
}
