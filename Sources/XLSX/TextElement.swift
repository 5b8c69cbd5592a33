import CLibXML2

/// The text of a `<t>` element (a shared or inline string, or one run of rich text) as Excel reads
/// it: leading and trailing XML whitespace (space, tab, CR, LF) is dropped unless the element says
/// `xml:space="preserve"` — which Excel itself writes whenever such whitespace is meant. Readers that
/// keep it show `  WOODLEY AV` where Excel shows `WOODLEY AV`.
enum TextElement {
    /// Whether the start tag carries `xml:space="preserve"` (`space` is the interned local name).
    static func preservesSpace(_ attributes: SAXAttributes, space: UnsafePointer<xmlChar>?) -> Bool {
        for index in 0..<attributes.count where attributes.name(index) == space && attributes.hasNamespace(index) {
            return attributes.value(index).elementsEqual("preserve".utf8)
        }
        return false
    }

    /// `bytes[start..<end]` without its leading and trailing XML whitespace, moved to `start`; the new end.
    static func trim(_ bytes: UnsafeMutablePointer<UInt8>, start: Int, end: Int) -> Int {
        var first = start, last = end
        while first < last && ValueText.isSpace(bytes[first]) { first += 1 }
        while last > first && ValueText.isSpace(bytes[last - 1]) { last -= 1 }
        if first > start { (bytes + start).update(from: bytes + first, count: last - first) }
        return start + (last - first)
    }
}
