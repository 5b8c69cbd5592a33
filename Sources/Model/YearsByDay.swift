/// The year of a day, and a value kept per year, found by the day ranges of the years met so far:
/// counting a million dated records per year then costs neither a civil-date conversion nor a
/// hash lookup per record (records span a few years).
public struct YearsByDay<Value> {
    private var years: [(first: Int32, last: Int32, year: Int, value: Value)] = []

    public init() {}

    /// The value of `day`'s year: the one kept, else `make(year)`, kept from then on.
    @inlinable
    public mutating func value(for day: Day, make: (Int) -> Value) -> Value {
        if let found = find(day) { return found }
        return add(day, make)
    }

    @usableFromInline
    func find(_ day: Day) -> Value? {
        for y in years where day.number >= y.first && day.number <= y.last { return y.value }
        return nil
    }

    @usableFromInline
    mutating func add(_ day: Day, _ make: (Int) -> Value) -> Value {
        let year = day.year
        let value = make(year)
        if let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) {
            years.append((first.number, last.number, year, value))
        }
        return value
    }
}
