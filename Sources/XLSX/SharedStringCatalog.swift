/// The workbook's shared strings as written: each distinct text once, in first-use order.
struct SharedStringCatalog {
    private var texts: [String] = []
    private var indexByText: [String: Int] = [:]
    private(set) var referenceCount = 0

    var isEmpty: Bool { texts.isEmpty }

    mutating func index(_ text: String) -> Int {
        referenceCount += 1
        if let index = indexByText[text] { return index }
        texts.append(text)
        indexByText[text] = texts.count - 1
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
