/// The workbook's shared strings as written: each distinct text once, in first-use order.
struct SharedStringCatalog {
    private var texts: [String] = []
    /// Keyed by the UTF-8 bytes: hashing a String normalises it (slow for Chinese text), and a writer
    /// should keep exactly the bytes it was given anyway.
    private var indexByText: [[UInt8]: Int] = [:]
    private(set) var referenceCount = 0

    var isEmpty: Bool { texts.isEmpty }

    /// The shared-string number of `text`, counting `references` cells that use it.
    mutating func index(_ text: String, references: Int = 1) -> Int {
        referenceCount += references
        let key = Array(text.utf8)
        if let index = indexByText[key] { return index }
        texts.append(text)
        indexByText[key] = texts.count - 1
        return texts.count - 1
    }

    func sharedStringsXML() -> [UInt8] {
        var out = Array(XMLPart.declaration.utf8)
        out.append(contentsOf: "<sst xmlns=\"\(XMLPart.mainNamespace)\" count=\"\(referenceCount)\" uniqueCount=\"\(texts.count)\">".utf8)
        for text in texts {
            out.append(contentsOf: "<si>".utf8)
            XMLPart.appendTextElement(text, to: &out)
            out.append(contentsOf: "</si>".utf8)
        }
        out.append(contentsOf: "</sst>".utf8)
        return out
    }
}
