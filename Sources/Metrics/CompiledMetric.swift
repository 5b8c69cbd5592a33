import Model

/// A count, sum or distinct metric compiled against the dataset: its conditions as column
/// predicates and its measure as column reads (`program`), so the cube's per-record work is a few
/// array lookups per metric.
// A class: it owns the tables its program points into, and the declaration's strings are not
// copied with it.
final class CompiledMetric: Sendable {
    /// Number fields are summed as integers of 10⁻⁶ (digits beyond are rounded half-up): exact for
    /// any figure a district reports, and additive like every other sum.
    static let decimalExponent = -6

    let declaration: MetricDeclaration
    let kind: Int
    let program: MetricProgram
    /// The exponent of one unit of the sum: 0 for counts, −6 for money (分 shown in 万元) and
    /// for decimals.
    let exponent: Int
    private let tables: LookupTables

    init(_ m: MetricDeclaration, kind: Int, dataset: Dataset) {
        declaration = m
        self.kind = kind
        let catalog = dataset.catalog
        let tables = LookupTables()
        let conditions = tables.keep(m.conditions.map { CompiledCondition.compile($0, kind: kind, dataset: dataset, into: tables) })
        let measure: MetricProgram.Measure
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
                measure = .sumDecimals(tables.keep(columns))
                exponent = CompiledMetric.decimalExponent
            } else {
                measure = .sum(tables.keep(columns))
                exponent = types.allSatisfy { $0 == .money } ? -6 : 0
            }
        }
        self.tables = tables
        program = MetricProgram(conditions: conditions, measure: measure, rule: catalog.kinds[kind].rectification,
                                dateColumn: catalog.kinds[kind].date)
    }

    var isDistinct: Bool { if case .distinct = program.measure { return true }; return false }

    func holds(_ table: RecordTable, _ r: Int, asOf: Day) -> Bool { program.holds(table, r, asOf: asOf) }

    /// What record `r` adds (0 when its conditions do not hold); nil when the amount does not fit.
    func contribution(_ table: RecordTable, _ r: Int, asOf: Day) -> Int64? { program.contribution(table, r, asOf: asOf) }

    /// The exact value of a sum held in the cube.
    func exact(_ sum: Int64) -> ExactDecimal { ExactDecimal(significand: sum, exponent: exponent) }
}
