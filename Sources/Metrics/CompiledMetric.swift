import Model

/// A count, sum or distinct metric compiled against the dataset: its conditions as column
/// predicates and its measure as column reads, so the cube's per-record work is a few array
/// lookups per metric.
// A class: the cube's loop calls it per record and window, and a struct this size was copied
// (every string of its declaration retained) at each call.
final class CompiledMetric: Sendable {
    enum Measure: Sendable {
        case count
        /// Integer columns summed as they are (counts; money in 分).
        case sum([Int])
        /// Exact-decimal columns, summed at `CompiledMetric.decimalExponent`.
        case sumDecimals([Int])
        case distinct(Int)
    }

    /// Number fields are summed as integers of 10⁻⁶ (digits beyond are rounded half-up): exact for
    /// any figure a district reports, and additive like every other sum.
    static let decimalExponent = -6

    let declaration: MetricDeclaration
    let kind: Int
    let conditions: [CompiledCondition]
    let measure: Measure
    /// The exponent of one unit of the sum: 0 for counts, −6 for money (分 shown in 万元) and
    /// for decimals.
    let exponent: Int
    let rule: RectificationRule?
    let dateColumn: Int?

    init(_ m: MetricDeclaration, kind: Int, dataset: Dataset) {
        declaration = m
        self.kind = kind
        let catalog = dataset.catalog
        conditions = m.conditions.map { CompiledCondition.compile($0, kind: kind, dataset: dataset) }
        rule = catalog.kinds[kind].rectification
        dateColumn = catalog.kinds[kind].date
        switch m.measure {
        case .count, .ratio:
            measure = .count
            exponent = 0
        case .distinct(let c):
            measure = .distinct(c)
            exponent = 0
        case .sum(let columns):
            let types = columns.map { catalog.field(kind: kind, column: $0).type }
            if types.contains(.number) {
                measure = .sumDecimals(columns)
                exponent = CompiledMetric.decimalExponent
            } else {
                measure = .sum(columns)
                exponent = types.allSatisfy { $0 == .money } ? -6 : 0
            }
        }
    }

    var isDistinct: Bool { if case .distinct = measure { return true }; return false }

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

    /// The exact value of a sum held in the cube.
    func exact(_ sum: Int64) -> ExactDecimal { ExactDecimal(significand: sum, exponent: exponent) }
}
