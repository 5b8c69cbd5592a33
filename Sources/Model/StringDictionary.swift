/// Dictionary encoding for repeated strings (districts, industries, unit names, ids, …).
///
/// Tables store an `Int32` code per record instead of a String, as columnar engines do; code
/// `StringDictionary.absent` (-1) means "no value". Codes are assigned in first-seen order, which
/// is deterministic because ingest visits files in sorted order. Strings are the same when their
/// UTF-8 bytes are (see `ByteMap`): ids and names are compared as typed, without Unicode
/// normalisation, which for a million ids cost most of a merge.
public struct StringDictionary: Sendable {
    public static let absent: Int32 = -1

    private var map = ByteMap<Int32>()

    public init() {}

    public var strings: [String] { map.keys }

    public var count: Int { map.count }

    /// The code of `value`, adding it when new.
    public mutating func code(for value: String) -> Int32 {
        let next = Int32(map.count)
        return Int32(map.index(of: value) { next })
    }

    /// The code of a value given by its UTF-8 bytes, adding it when new.
    public mutating func code(forBytes bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let next = Int32(map.count)
        return Int32(map.index(ofBytes: bytes) { next })
    }

    /// The codes here of every string of `other`, in its code order, adding those that are new
    /// (a chunk's dictionary joining its file's: first-seen order is kept).
    public mutating func codes(adding other: StringDictionary) -> [Int32] { codes(adding: other, from: 0) }

    /// As `codes(adding:)`, where `other`'s first `start` strings are this dictionary's first
    /// `start`, with the same codes (`other` began as a copy of it): only the rest are looked up.
    public mutating func codes(adding other: StringDictionary, from start: Int) -> [Int32] {
        let arena = other.map.keyArena
        if arena.count > start { map.reserveCapacity(arena.count - start, bytes: arena.byteCount) }
        var codes = Array(0..<Int32(start))
        codes.reserveCapacity(arena.count)
        for i in start..<arena.count { codes.append(arena.withBytes(i) { code(forBytes: $0) }) }
        return codes
    }

    /// The distinct strings of `arena` in first-seen order, and the code of each of its strings
    /// (see `ByteMap.interning`: a million ids at once, a cache-sized region of the table at a time).
    public static func interning(_ arena: StringArena) -> (dictionary: StringDictionary, codes: [Int32]) {
        let (map, codes) = ByteMap<Int32>.interning(arena)
        var dictionary = StringDictionary()
        dictionary.map = map
        return (dictionary, codes)
    }

    /// Room for `count` more strings of `bytes` more bytes (see `ByteMap.reserveCapacity`).
    public mutating func reserveCapacity(_ count: Int, bytes: Int) { map.reserveCapacity(count, bytes: bytes) }

    /// The code of `value` if it is already known.
    public func existingCode(for value: String) -> Int32? {
        map.find(value).map(Int32.init)
    }

    /// The string of `code`, or nil for `absent`.
    public subscript(code: Int32) -> String? {
        code >= 0 && Int(code) < map.count ? map.key(at: Int(code)) : nil
    }
}
