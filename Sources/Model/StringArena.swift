/// Many strings in one buffer: their UTF-8 bytes back to back and where each ends — the layout of
/// a columnar string column. A million 20-byte ids take about 28 MB here against about 80 MB as
/// separate `String`s (each longer than 15 bytes is its own heap object).
public struct StringArena: Sendable {
    @usableFromInline var bytes: [UInt8] = []
    /// End offset of string i in `bytes` (its start is the previous end), modulo 2^blockShift:
    /// 4 bytes a string instead of 8.
    @usableFromInline var ends: [UInt32] = []
    /// Index of the first string ending in each further 4 GiB block of `bytes` (empty for any
    /// real input, but never wrong).
    @usableFromInline var blockStarts: [Int] = []
    @usableFromInline let blockShift: Int

    @inlinable
    public init() { blockShift = 32 }

    /// Smaller blocks, for tests of the wrap-around.
    init(blockShift: Int) { self.blockShift = blockShift }

    /// Where string `i` ends in `bytes`.
    @inlinable
    func end(_ i: Int) -> Int {
        guard !blockStarts.isEmpty else { return Int(ends[i]) }
        var block = 0
        while block < blockStarts.count && blockStarts[block] <= i { block += 1 }
        return block << blockShift | Int(ends[i])
    }

    @inlinable
    func start(_ i: Int) -> Int { i == 0 ? 0 : end(i - 1) }

    @inlinable
    public var count: Int { ends.count }

    /// Bytes of all the strings together.
    @inlinable
    public var byteCount: Int { bytes.count }

    /// Room for `strings` more strings of `bytes` more bytes, so that filling it copies nothing.
    @inlinable
    public mutating func reserveCapacity(strings: Int, bytes more: Int) {
        StringArena.room(&bytes, bytes.count + more)
        StringArena.room(&ends, ends.count + strings)
    }

    /// Capacity for `n` elements; growing at least geometrically, so that reserving a little
    /// more again and again (chunk after chunk) is not a copy each time.
    @inlinable
    static func room<T>(_ array: inout [T], _ n: Int) {
        if array.capacity < n { array.reserveCapacity(Swift.max(n, array.capacity * 2)) }
    }

    /// Appends a string; returns its index.
    @discardableResult
    @inlinable
    public mutating func append(_ string: String) -> Int {
        var s = string
        return s.withUTF8 { append(bytes: $0) }
    }

    @discardableResult
    @inlinable
    public mutating func append(bytes new: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.append(contentsOf: new)
        while blockStarts.count < bytes.count >> blockShift { blockStarts.append(ends.count) }
        ends.append(UInt32(truncatingIfNeeded: bytes.count & ((1 << blockShift) - 1)))
        return ends.count - 1
    }

    /// Appends every string of `other`, in order (one copy of its bytes); returns the index of
    /// the first.
    @discardableResult
    public mutating func append(contentsOf other: StringArena) -> Int {
        let first = count
        if other.blockStarts.isEmpty && blockStarts.isEmpty && bytes.count + other.bytes.count < 1 << blockShift {
            let base = UInt32(bytes.count)
            StringArena.room(&bytes, bytes.count + other.bytes.count)
            StringArena.room(&ends, ends.count + other.ends.count)
            bytes.append(contentsOf: other.bytes)
            ends.append(contentsOf: other.ends.lazy.map { $0 + base })
        } else {
            for i in 0..<other.count { other.withBytes(i) { _ = append(bytes: $0) } }
        }
        return first
    }

    @inlinable
    public subscript(i: Int) -> String {
        withBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of string `i`, valid during the call.
    @inlinable
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let range = start(i)..<end(i)
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[range]))
        }
    }

    /// Whether string `i` has exactly these bytes.
    @inlinable @inline(__always)
    public func equals(_ i: Int, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        // In line, the usual arena (under 4 GiB) read straight from `ends`: this runs for every
        // lookup of every cell that ingest interns or resolves.
        let from: Int, to: Int
        if blockStarts.isEmpty {
            to = Int(ends[i])
            from = i == 0 ? 0 : Int(ends[i - 1])
        } else {
            from = start(i)
            to = end(i)
        }
        guard to - from == other.count else { return false }
        guard other.count > 0 else { return true }
        return bytes.withUnsafeBufferPointer { all in
            StringArena.sameBytes(UnsafeRawPointer(all.baseAddress! + from), UnsafeRawPointer(other.baseAddress!), other.count)
        }
    }

    /// Byte equality compared eight bytes at a time in line: the keys of ingest's lookups are a
    /// few to a few dozen bytes, where a call to memcmp cost more than the comparison (it was the
    /// largest single item of turning rows into records).
    @inlinable @inline(__always)
    static func sameBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        var i = 0
        while i + 8 <= count {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        if i + 4 <= count {
            if a.loadUnaligned(fromByteOffset: i, as: UInt32.self) != b.loadUnaligned(fromByteOffset: i, as: UInt32.self) { return false }
            i += 4
        }
        if i + 2 <= count {
            if a.loadUnaligned(fromByteOffset: i, as: UInt16.self) != b.loadUnaligned(fromByteOffset: i, as: UInt16.self) { return false }
            i += 2
        }
        return i == count || a.load(fromByteOffset: i, as: UInt8.self) == b.load(fromByteOffset: i, as: UInt8.self)
    }

    @inlinable
    public var strings: [String] { (0..<count).map { self[$0] } }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
