/// Dictionary encoding for repeated strings (districts, industries, unit names, …).
///
/// Tables store an `Int32` code per record instead of a String, as columnar engines do; code
/// `StringDictionary.absent` (-1) means "no value". Codes are assigned in first-seen order, which
/// is deterministic because ingest visits files in sorted order.
public struct StringDictionary: Sendable {
    public static let absent: Int32 = -1

    public private(set) var strings: [String] = []
    private var codes: [String: Int32] = [:]

    public init() {}

    public var count: Int { strings.count }

    /// The code of `value`, adding it when new.
    public mutating func code(for value: String) -> Int32 {
        if let code = codes[value] { return code }
        let code = Int32(strings.count)
        strings.append(value)
        codes[value] = code
        return code
    }

    /// The code of `value` if it is already known.
    public func existingCode(for value: String) -> Int32? { codes[value] }

    /// The string of `code`, or nil for `absent`.
    public subscript(code: Int32) -> String? {
        code >= 0 && Int(code) < strings.count ? strings[Int(code)] : nil
    }
}
