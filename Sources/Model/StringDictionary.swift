/// Dictionary encoding for repeated strings (districts, industries, unit names, ids, …).
///
/// Tables store an `Int32` code per record instead of a String, as columnar engines do; code
/// `StringDictionary.absent` (-1) means "no value". Codes are assigned in first-seen order, which
/// is deterministic because ingest visits files in sorted order. Strings are the same when their
/// UTF-8 bytes are (see `ByteMap`): ids and names are compared as typed, without Unicode
/// normalisation, which for a million ids cost most of a merge.
public struct StringDictionary: Sendable {
    public static let absent: Int32 = -1

    /// This dictionary's own strings; a layered one's codes for them start at `baseCount`.
    private var map = ByteMap<Int32>()
    /// A layered dictionary's strings that come first (`layered(over:)`): another dictionary's,
    /// read in place and never written, with the codes they have there.
    private var base = ByteMap<Int32>()
    private var baseCount = 0

    public init() {}

    /// A dictionary that starts as `dictionary` holds now, without a copy: its strings are looked
    /// up there (same codes), new ones are kept here. A chunk of a large sheet reads on another
    /// core with one over each of its file's dictionaries; copying them instead, 20 000 unit names
    /// for every chunk of 4 096 rows, was a tenth of turning rows into records.
    public static func layered(over dictionary: StringDictionary) -> StringDictionary {
        precondition(dictionary.baseCount == 0, "a dictionary is layered over a plain one")
        var layered = StringDictionary()
        layered.base = dictionary.map
        layered.baseCount = dictionary.map.count
        return layered
    }

    public var strings: [String] { baseCount == 0 ? map.keys : base.keys + map.keys }

    public var count: Int { baseCount + map.count }

    /// Strings kept here, not in a base (all of them, for a dictionary not layered).
    public var ownCount: Int { map.count }

    /// The code of `value`, adding it when new.
    public mutating func code(for value: String) -> Int32 {
        var value = value
        return value.withUTF8 { code(forBytes: $0) }
    }

    /// The code of a value given by its UTF-8 bytes, adding it when new.
    public mutating func code(forBytes bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if baseCount > 0, let i = baseIndex(bytes) { return Int32(i) }
        let next = Int32(map.count)
        return Int32(baseCount + map.index(ofBytes: bytes) { next })
    }

    /// The base's entry of `bytes`: the map's own lookup, remembering the last entry found in
    /// this copy of it (its key buffers stay shared and unwritten).
    private mutating func baseIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? { base.index(ofBytes: bytes) }

    /// The codes here of every string of `other`, in its code order, adding those that are new
    /// (a file's dictionary joining the dataset's, a chunk's joining its file's: first-seen order
    /// is kept). A layered `other` is layered over this dictionary as it was then: its base
    /// strings are this one's first, with the same codes, and only its own are looked up.
    public mutating func codes(adding other: StringDictionary) -> [Int32] {
        precondition(other.baseCount <= count)
        let arena = other.map.keyArena
        if arena.count > 0 { map.reserveCapacity(arena.count, bytes: arena.byteCount) }
        var codes = Array(0..<Int32(other.baseCount))
        codes.reserveCapacity(other.count)
        for i in 0..<arena.count { codes.append(arena.withBytes(i) { code(forBytes: $0) }) }
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
        if baseCount > 0, let i = base.find(value) { return Int32(i) }
        return map.find(value).map { Int32(baseCount + $0) }
    }

    /// The string of `code`, or nil for `absent`.
    public subscript(code: Int32) -> String? {
        guard code >= 0, Int(code) < count else { return nil }
        return Int(code) < baseCount ? base.key(at: Int(code)) : map.key(at: Int(code) - baseCount)
    }
}
