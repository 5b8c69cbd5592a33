/// A column of optional dates in 4 bytes a row (`Int32.min` for none) — `[Day?]` takes 8, which at
/// a million hazards with two such columns is 8 MB for nothing.
public struct OptionalDayColumn: RandomAccessCollection, Sendable {
    @usableFromInline static let none = Int32.min
    @usableFromInline var numbers: [Int32] = []

    @inlinable
    public init() {}

    @inlinable
    public var startIndex: Int { 0 }

    @inlinable
    public var endIndex: Int { numbers.count }

    @inlinable
    public subscript(i: Int) -> Day? {
        get { numbers[i] == Self.none ? nil : Day(number: numbers[i]) }
        set { numbers[i] = newValue?.number ?? Self.none }
    }

    @inlinable
    public mutating func append(_ day: Day?) {
        numbers.append(day?.number ?? Self.none)
    }

    /// Appends every day of `other` in one copy.
    @inlinable
    public mutating func append(contentsOf other: OptionalDayColumn) {
        numbers.append(contentsOf: other.numbers)
    }

    @inlinable
    public mutating func reserveCapacity(_ n: Int) { numbers.reserveCapacity(n) }
}
