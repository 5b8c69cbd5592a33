import Model

/// A header cell reduced to what matching compares (INPUTS.md: matching ignores spaces, line breaks,
/// full/half-width brackets and a trailing unit in brackets).
struct HeaderText: Sendable, Equatable {
    /// The whole text: no whitespace, full-width ASCII folded to half-width, brackets as `(` `)`,
    /// ASCII letters upper-cased, marks such as `*` around it removed.
    let key: String
    /// `key` without its trailing bracketed part (`直接经济损失(万元)` → `直接经济损失`), when it has one.
    let stem: String?
    /// The trailing bracketed part (`万元`, `人`; a leading `单位:` removed), or what follows a `/`.
    let unit: String?

    init(_ raw: String) {
        var scalars = TextKey.key(raw).unicodeScalars
        // Required-field marks: `*发生时间`, `发生时间★`.
        while let first = scalars.first, HeaderText.isMark(first) { scalars.removeFirst() }
        while let last = scalars.last, HeaderText.isMark(last) { scalars.removeLast() }
        let key = String(scalars)
        self.key = key

        var stem: String?
        var unit: String?
        if key.hasSuffix(")"), let open = key.lastIndex(of: "("), open > key.startIndex {
            stem = String(key[..<open])
            unit = String(key[key.index(after: open)..<key.index(before: key.endIndex)])
        } else if let slash = key.lastIndex(of: "/"), slash > key.startIndex, key.index(after: slash) < key.endIndex {
            stem = String(key[..<slash])
            unit = String(key[key.index(after: slash)...])
        }
        if var u = unit {
            for prefix in ["单位:", "单位"] where u.hasPrefix(prefix) { u.removeFirst(prefix.count); break }
            unit = u
        }
        self.stem = stem
        self.unit = unit
    }

    private static func isMark(_ s: Unicode.Scalar) -> Bool {
        s == "*" || s == "★" || s == "☆" || s == "※" || s == "#"
    }

    static func isSpace(_ v: UInt32) -> Bool { TextKey.isSpace(v) }
}
