import Model

/// What the cube runs per record for one compiled metric: its conditions and measure as plain
/// values with pointers into their `CompiledMetric`'s tables, so reading it never retains anything.
/// Valid while that `CompiledMetric` lives.
// Sendable: it points only into tables that are read-only once compiled.
struct MetricProgram: @unchecked Sendable, BitwiseCopyable {
    enum Measure: @unchecked Sendable, BitwiseCopyable {
        case count
        /// Integer columns summed as they are (counts; money in 分).
        case sum(UnsafeBufferPointer<Int>)
        /// Exact-decimal columns, summed at `CompiledMetric.decimalExponent`.
        case sumDecimals(UnsafeBufferPointer<Int>)
        case distinct(Int)
    }

    let conditions: UnsafeBufferPointer<CompiledCondition>
    let measure: Measure
    let rule: RectificationRule?
    let dateColumn: Int?

    @inline(__always)
    func holds(_ table: RecordTable, _ r: Int, asOf: Day) -> Bool {
        for c in conditions where !c.holds(table, r, asOf: asOf, rule: rule, dateColumn: dateColumn) { return false }
        return true
    }

    /// What record `r` adds (0 when its conditions do not hold); nil when the amount does not fit.
    @inline(__always)
    func contribution(_ table: RecordTable, _ r: Int, asOf: Day) -> Int64? {
        guard holds(table, r, asOf: asOf) else { return 0 }
        switch measure {
        case .count, .distinct: return 1
        case .sum(let columns):
            var total: Int64 = 0
            for c in columns {
                let (s, o) = total.addingReportingOverflow(table.columns[c].integer(r))
                if o { return nil }
                total = s
            }
            return total
        case .sumDecimals(let columns):
            var total: Int64 = 0
            for c in columns {
                guard let v = table.columns[c].decimal(r).rescaled(toExponent: CompiledMetric.decimalExponent) else { return nil }
                let (s, o) = total.addingReportingOverflow(v)
                if o { return nil }
                total = s
            }
            return total
        }
    }
}
