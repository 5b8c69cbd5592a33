/// Many strings in one buffer: their UTF-8 bytes back to back and where each ends — the layout of
/// a columnar string column. A million 20-byte ids take about 28 MB here against about 80 MB as
/// separate `String`s (each longer than 15 bytes is its own heap object).
public struct StringArena: Sendable {
    @usableFromInline var bytes: [UInt8] = []
    /// End offset of string i in `bytes` (its start is the previous end).
    @usableFromInline var ends: [Int] = []

    @inlinable
    public init() {}

    @inlinable
    public var count: Int { ends.count }

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
        ends.append(bytes.count)
        return ends.count - 1
    }

    @inlinable
    public subscript(i: Int) -> String {
        withBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of string `i`, valid during the call.
    @inlinable
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = i == 0 ? 0 : ends[i - 1]
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<ends[i]]))
        }
    }

    /// Whether string `i` has exactly these bytes.
    @inlinable
    public func equals(_ i: Int, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = i == 0 ? 0 : ends[i - 1]
        guard ends[i] - start == other.count else { return false }
        guard other.count > 0 else { return true }
        return bytes.withUnsafeBufferPointer { all in memcmp(all.baseAddress! + start, other.baseAddress!, other.count) == 0 }
    }

    @inlinable
    public var strings: [String] { (0..<count).map { self[$0] } }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
