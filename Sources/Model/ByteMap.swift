/// A hash map from strings, compared by their UTF-8 bytes, to values: dictionary codes and the
/// per-row lookups of ingest (name resolutions, parsed words).
///
/// Swift's `Dictionary<String, …>` hashes with a seeded SipHash and follows Unicode canonical
/// equivalence, which for Chinese text means a normalisation check per hash; per row and per
/// field that was most of ingest's own time. Here keys hash with a cheap multiply-xor over 8-byte
/// words into an open-addressing table, and the value last found is remembered, since columns
/// often repeat one value row after row.
///
/// A slot holds the entry and the top 32 bits of its key's hash, and a key's home slot is the top
/// bits of its hash: probing reads neighbouring slots only, touching a key's bytes only when the
/// tags agree, and growing re-places the slots from their tags alone. (With the entry alone in the
/// slot, every probe of a million-key table read the entry's hash elsewhere in memory: a cache
/// miss per step, most of a merge's time.)
///
/// Its methods are inlinable so that ingest's maps (of parse results, resolutions) are specialised
/// in the caller's module instead of going through generic metadata on every row.
public struct ByteMap<Value>: Sendable where Value: Sendable {
    /// The keys, in insertion order, in one buffer (see `StringArena`).
    @usableFromInline var arena = StringArena()
    @usableFromInline var entries: [Value] = []
    /// Open addressing, linear probing: the hash's top 32 bits << 32 | (entry index + 1), 0 =
    /// empty. Power-of-two size, 2^(64 - shift).
    @usableFromInline var slots: [UInt64] = Array(repeating: 0, count: 16)
    @usableFromInline var shift = 60
    @usableFromInline var last = -1
    /// Whether the last lookup found the entry before it again: only then is `last` compared
    /// first. A column that repeats its value row after row finds it without hashing; one whose
    /// values vary (a district per row in no order) does not pay for the comparison every row.
    @usableFromInline var repeating = true

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
        var size = slots.count
        while (total + 1) * 4 > size * 3 { size *= 2 }
        if size > slots.count { resize(to: size) }
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
        if (entries.count + 1) * 4 > slots.count * 3 { resize(to: slots.count * 2) }
        place(ByteMap.slot(entry: i, hash: h))
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
        if repeating, last >= 0, arena.equals(last, bytes) { return last }
        guard let e = probe(bytes, hash: ByteMap.hash(bytes)) else {
            repeating = false
            return nil
        }
        repeating = e == last
        last = e
        return e
    }

    // Always in line: as a call, a lookup that missed `last` copied the map's 64-byte value to
    // the stack to pass it (a row does half a dozen such lookups in small maps).
    @inlinable @inline(__always)
    func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int? {
        let tag = h >> 32
        return slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var s = Int(truncatingIfNeeded: h >> UInt64(shift))
            while true {
                let v = table[s]
                if v == 0 { return nil }
                if v >> 32 == tag {
                    let e = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
                    if arena.equals(e, bytes) { return e }
                }
                s = (s + 1) & mask
            }
        }
    }

    @inlinable
    static func slot(entry: Int, hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 | UInt64(entry + 1) }

    /// Puts a slot value at its home (the tag's top bits) or the next free slot after it.
    @inlinable
    mutating func place(_ value: UInt64) {
        let shift = self.shift
        slots.withUnsafeMutableBufferPointer { ByteMap.place(value, in: $0, shift: shift) }
    }

    @inlinable
    static func place(_ value: UInt64, in table: UnsafeMutableBufferPointer<UInt64>, shift: Int) {
        let mask = table.count - 1
        var s = Int(truncatingIfNeeded: (value >> 32) >> UInt64(shift - 32))
        while table[s] != 0 { s = (s + 1) & mask }
        table[s] = value
    }

    /// A table of `size` slots (a power of two, at most 2^32: entries are below 2^31), filled
    /// from the old slots' tags.
    @inlinable
    mutating func resize(to size: Int) {
        precondition(size <= 1 << 32 && size & (size - 1) == 0)
        let old = slots
        shift = 64 - size.trailingZeroBitCount
        let shift = self.shift
        slots = Array(repeating: 0, count: size)
        slots.withUnsafeMutableBufferPointer { table in
            for v in old where v != 0 { ByteMap.place(v, in: table, shift: shift) }
        }
    }

    /// Multiply-xor over 8-byte words, then a final avalanche (splitmix64's).
    @inlinable @inline(__always)
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
        // The last count % 8 bytes as one little-endian word, without a loop over them: from the
        // last eight bytes of a longer key, else from 4-, 2- and 1-byte loads.
        var tail: UInt64 = 0
        let rest = bytes.count - i
        if rest > 0 {
            if bytes.count >= 8 {
                tail = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)) >> UInt64(64 - 8 * rest)
            } else {
                var offset = 0
                if rest & 4 != 0 {
                    tail = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
                    offset = 4
                }
                if rest & 2 != 0 {
                    tail |= UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self))) << UInt64(8 * offset)
                    offset += 2
                }
                if rest & 1 != 0 { tail |= UInt64(raw.load(fromByteOffset: offset, as: UInt8.self)) << UInt64(8 * offset) }
            }
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 27
        return h
    }
}

extension ByteMap where Value == Int32 {
    /// Arenas of at least this many strings are interned on every core.
    static var parallelKeys: Int { 1 << 16 }

    /// A map of the distinct keys of `arena` in first-seen order, each key's value its entry
    /// index, and for every string of `arena` the index of its key's entry.
    ///
    /// Keys are placed in the order of their home slots rather than one by one in string order:
    /// the strings are sorted by the top bits of their hashes (counting sort, stable) and then
    /// inserted region by region, so the table is filled a cache-sized piece at a time instead of
    /// by a miss per key — a million mostly distinct ids interned in one go (a file's ids joining
    /// an empty dataset). Within a region strings keep their order, so a repeated key finds the
    /// first copy, as sequential insertion would.
    public static func interning(_ arena: StringArena) -> (map: ByteMap, entryOf: [Int32]) {
        let n = arena.count
        var map = ByteMap()
        guard n > 0 else { return (map, []) }
        var size = 16
        while (n + 1) * 4 > size * 3 { size *= 2 }
        map.slots = []
        map.resize(to: size)
        // Hashed on every core: each piece writes its own range.
        let pieces = n >= ByteMap.parallelKeys ? InParallel.cores : 1
        let hashes = [UInt64](unsafeUninitializedCapacity: n) { buffer, initialized in
            let out = buffer
            _ = InParallel.map(pieces) { k in
                for i in n * k / pieces..<n * (k + 1) / pieces { out[i] = arena.withBytes(i) { ByteMap.hash($0) } }
            }
            initialized = n
        }
        let bits = min(12, size.trailingZeroBitCount)
        let regionShift = UInt64(64 - bits)
        // (hash, string index) in region order, strings in order within a region: a counting
        // sort, each piece of the strings counted and placed on a core of its own — piece k's
        // strings of region r go after those of the pieces before it.
        let regions = 1 << bits
        let counts = InParallel.map(pieces) { k -> [Int] in
            var count = [Int](repeating: 0, count: regions)
            for i in n * k / pieces..<n * (k + 1) / pieces { count[Int(hashes[i] >> regionShift)] += 1 }
            return count
        }
        var starts = [Int](repeating: 0, count: regions + 1)
        var next = [[Int]](repeating: [], count: pieces)
        for r in 0..<regions {
            var at = starts[r]
            for k in 0..<pieces {
                if r == 0 { next[k] = [Int](repeating: 0, count: regions) }
                next[k][r] = at
                at += counts[k][r]
            }
            starts[r + 1] = at
        }
        let order = [(UInt64, Int32)](unsafeUninitializedCapacity: n) { buffer, initialized in
            let out = buffer
            _ = InParallel.map(pieces) { k in
                var at = next[k]
                for i in n * k / pieces..<n * (k + 1) / pieces {
                    let r = Int(hashes[i] >> regionShift)
                    out[at[r]] = (hashes[i], Int32(i))
                    at[r] += 1
                }
            }
            initialized = n
        }
        // entryOf[i]: the string index of the first copy of string i's key (itself when first).
        var firstOf = [Int32](repeating: 0, count: n)
        let shift = map.shift
        // Inserted on every core, each into its own zone of the table: whole regions, whose keys'
        // home slots lie in it. A probe that would run past its zone's end is left for a last
        // pass on one thread, in order. Every copy of a key has the same home and so the same
        // probe, so the first copy is found (or left over) before any later one, as in sequence.
        let zones = pieces > 1 ? min(pieces, 1 << bits) : 1
        map.slots.withUnsafeMutableBufferPointer { table in
            firstOf.withUnsafeMutableBufferPointer { firstOf in
                let mask = table.count - 1
                // False when the probe reached `limit` (the zone's end) first.
                func insert(_ h: UInt64, _ i32: Int32, limit: Int) -> Bool {
                    let i = Int(i32), tag = h >> 32
                    var s = Int(truncatingIfNeeded: h >> UInt64(shift))
                    while table[s] != 0 {
                        let v = table[s]
                        if v >> 32 == tag {
                            let e = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
                            if arena.withBytes(i, { arena.equals(e, $0) }) {
                                firstOf[i] = Int32(e)
                                return true
                            }
                        }
                        s = (s + 1) & mask
                        if s == limit { return false }
                    }
                    table[s] = ByteMap.slot(entry: i, hash: h)
                    firstOf[i] = i32
                    return true
                }
                let slotsPerRegion = table.count >> bits
                let leftOver = InParallel.map(zones) { z -> [(UInt64, Int32)] in
                    let first = regions * z / zones, end = regions * (z + 1) / zones
                    // The last zone's probes may wrap around to slot 0: into the first zone.
                    let limit = end == regions ? 0 : end * slotsPerRegion
                    var later: [(UInt64, Int32)] = []
                    for (h, i) in order[starts[first]..<starts[end]] where !insert(h, i, limit: zones > 1 ? limit : -1) {
                        later.append((h, i))
                    }
                    return later
                }
                for (h, i) in leftOver.joined() { _ = insert(h, i, limit: -1) }
            }
        }
        // Entries are numbered in string order of their first copies; without repeats that is the
        // string index itself and the arena is the map's as it is.
        var entryOf = [Int32](repeating: 0, count: n)
        var distinct = 0
        for i in 0..<n {
            if firstOf[i] == Int32(i) {
                entryOf[i] = Int32(distinct)
                distinct += 1
            } else {
                entryOf[i] = entryOf[Int(firstOf[i])]
            }
        }
        if distinct == n {
            map.arena = arena
        } else {
            var kept = StringArena()
            kept.reserveCapacity(strings: distinct, bytes: arena.byteCount)
            for i in 0..<n where firstOf[i] == Int32(i) { arena.withBytes(i) { _ = kept.append(bytes: $0) } }
            map.arena = kept
            map.slots.withUnsafeMutableBufferPointer { table in
                for s in table.indices where table[s] != 0 {
                    let e = Int(truncatingIfNeeded: table[s] & 0xFFFF_FFFF) - 1
                    table[s] = table[s] & 0xFFFF_FFFF_0000_0000 | UInt64(entryOf[e] + 1)
                }
            }
        }
        map.entries = (0..<Int32(distinct)).map { $0 }
        return (map, entryOf)
    }
}
