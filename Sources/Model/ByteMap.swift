/// A hash map from strings, compared by their UTF-8 bytes, to values: dictionary codes and the
/// per-row lookups of ingest (name resolutions, parsed words).
///
/// Swift's `Dictionary<String, …>` hashes with a seeded SipHash and follows Unicode canonical
/// equivalence, which for Chinese text means a normalisation check per hash; per row and per
/// field that was most of ingest's own time. Here keys hash with a cheap multiply-xor over 8-byte
/// words into an open-addressing table, and the value last found is remembered, since columns
/// often repeat one value row after row.
///
/// Its methods are inlinable so that ingest's maps (of parse results, resolutions) are specialised
/// in the caller's module instead of going through generic metadata on every row.
public struct ByteMap<Value>: Sendable where Value: Sendable {
    /// The keys, in insertion order, in one buffer (see `StringArena`).
    @usableFromInline var arena = StringArena()
    @usableFromInline var entries: [Value] = []
    @usableFromInline var hashes: [UInt64] = []
    /// Open addressing, linear probing; entry index + 1, 0 = empty. Power-of-two size.
    @usableFromInline var slots: [Int32] = Array(repeating: 0, count: 16)
    @usableFromInline var last = -1

    @inlinable
    public init() {}

    /// The keys, in insertion order, in one buffer (see `StringArena`).
    @inlinable
    public var keyArena: StringArena { arena }

    @inlinable
    public var values: [Value] { entries }

    @inlinable
    public var count: Int { entries.count }

    /// Every key, in insertion order (materialised: for small maps and reports).
    @inlinable
    public var keys: [String] { arena.strings }

    @inlinable
    public func key(at index: Int) -> String { arena[index] }

    @inlinable
    public func value(at index: Int) -> Value { entries[index] }

    /// The index of `key`'s entry, or nil.
    @inlinable
    public mutating func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { bytes in index(of: bytes) }
    }

    /// Room for `count` more keys of `bytes` more bytes: a map filled from a known set (a file's
    /// dictionary joining the dataset's) grows once instead of doubling, each doubling holding old
    /// and new buffers at once.
    @inlinable
    public mutating func reserveCapacity(_ count: Int, bytes: Int) {
        let total = entries.count + count
        arena.reserveCapacity(strings: count, bytes: bytes)
        StringArena.room(&entries, total)
        StringArena.room(&hashes, total)
        var size = slots.count
        while (total + 1) * 4 > size * 3 { size *= 2 }
        if size > slots.count {
            slots = Array(repeating: 0, count: size)
            for e in 0..<entries.count { place(e, hash: hashes[e]) }
        }
    }

    /// The index of the entry of a key given by its UTF-8 bytes, or nil.
    @inlinable
    public mutating func index(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? { index(of: bytes) }

    /// The entry of `key`, adding `make()` for a new key. Returns its index.
    @inlinable
    public mutating func index(of key: String, orAdd make: () -> Value) -> Int {
        var copy = key
        return copy.withUTF8 { bytes in index(ofBytes: bytes, orAdd: make) }
    }

    /// The entry of a key given by its UTF-8 bytes, adding `make()` for a new key.
    @inlinable
    public mutating func index(ofBytes bytes: UnsafeBufferPointer<UInt8>, orAdd make: () -> Value) -> Int {
        if let i = index(of: bytes) { return i }
        let h = ByteMap.hash(bytes)
        let i = entries.count
        arena.append(bytes: bytes)
        entries.append(make())
        hashes.append(h)
        if (entries.count + 1) * 4 > slots.count * 3 { grow() } else { place(i, hash: h) }
        last = i
        return i
    }

    @inlinable
    public subscript(key: String) -> Value? {
        mutating get { index(of: key).map { entries[$0] } }
    }

    @inlinable
    public mutating func set(_ key: String, _ value: Value) {
        let i = index(of: key) { value }
        entries[i] = value
    }

    /// The index of `key`'s entry without remembering it (for lookups on a shared, immutable map).
    @inlinable
    public func find(_ key: String) -> Int? {
        var key = key
        return key.withUTF8 { probe($0, hash: ByteMap.hash($0)) }
    }

    @inlinable
    mutating func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if last >= 0, arena.equals(last, bytes) { return last }
        guard let e = probe(bytes, hash: ByteMap.hash(bytes)) else { return nil }
        last = e
        return e
    }

    @inlinable
    func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int? {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[s]) - 1
            if e < 0 { return nil }
            if hashes[e] == h, arena.equals(e, bytes) { return e }
            s = (s + 1) & mask
        }
    }

    @inlinable
    mutating func place(_ entry: Int, hash: UInt64) {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = Int32(entry + 1)
    }

    @inlinable
    mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for e in 0..<entries.count { place(e, hash: hashes[e]) }
    }

    /// Multiply-xor over 8-byte words, then a final avalanche (splitmix64's).
    @inlinable
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 27
        return h
    }
}
