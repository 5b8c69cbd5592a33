import CLibXML2

/// The attributes of a start tag as libxml2 hands them over: five pointers each (local name, prefix,
/// namespace URI, value start, value end). Values are not copied.
struct SAXAttributes {
    let count: Int
    let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    func name(_ index: Int) -> UnsafePointer<xmlChar>? { base?[index * 5] }
    func hasNamespace(_ index: Int) -> Bool { base?[index * 5 + 2] != nil }

    /// The value bytes of attribute `index`.
    func value(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard let base, let start = base[index * 5 + 3], let end = base[index * 5 + 4] else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return UnsafeBufferPointer(start: start, count: end - start)
    }

    func string(_ index: Int) -> String { String(decoding: value(index), as: UTF8.self) }

    /// Attributes as local name → value (for the small parts, where convenience beats speed).
    var dictionary: [String: String] {
        var result: [String: String] = [:]
        for index in 0..<count {
            guard let name = name(index) else { continue }
            result[String(cString: name)] = string(index)
        }
        return result
    }
}
