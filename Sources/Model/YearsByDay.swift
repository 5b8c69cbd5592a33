/// The year of a day, and a value kept per year, found by the day ranges of the years met so far:
/// counting a million dated records per year then costs neither a civil-date conversion nor a
/// hash lookup per record (records span a few years).
///
/// Inlinable throughout, and kept in plain arrays: unspecialized across the module boundary, the
/// lookup walked an array of tuples through the runtime's tuple metadata on every record (a tenth
/// of a 1M-row check).
public struct YearsByDay<Value> {
    /// Day numbers of each kept year's 1 January and 31 December, and the value kept for it.
    @usableFromInline var firstDays: [Int32] = []
    @usableFromInline var lastDays: [Int32] = []
    @usableFromInline var values: [Value] = []

    public init() {}

    /// The value of `day`'s year: the one kept, else `make(year)`, kept from then on.
    @inlinable
    public mutating func value(for day: Day, make: (Int) -> Value) -> Value {
        let n = day.number
        for i in firstDays.indices where n >= firstDays[i] && n <= lastDays[i] { return values[i] }
        let year = day.year
        let value = make(year)
        if let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) {
            firstDays.append(first.number)
            lastDays.append(last.number)
            values.append(value)
        }
        return value
    }
}
