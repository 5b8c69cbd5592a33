import Model

/// A `where` condition compiled once against the dataset (CATALOG.md: "compiled into column
/// predicates"): text conditions become a table of which dictionary codes match, so the per-row
/// test is an array lookup, never a string comparison. Its tables live in a `LookupTables`, so a
/// condition is a plain value the cube copies and reads without touching a reference count.
// Sendable: it points only into tables that are read-only once compiled.
enum CompiledCondition: @unchecked Sendable, BitwiseCopyable {
    /// Coded column: `matches[code + 1]` (index 0 is an empty cell).
    case codes(column: Int, matches: UnsafeBufferPointer<Bool>)
    /// Integer-valued column (counts, years, money in 分, booleans, levels, status, day numbers).
    case integers(column: Int, op: MetricCondition.Operator, values: UnsafeBufferPointer<Int64>, noValue: Int64?)
    /// Exact decimals (number fields).
    case decimals(column: Int, op: MetricCondition.Operator, values: UnsafeBufferPointer<ExactDecimal>)
    /// 已整改 / 逾期 as of the slot's as-of date.
    case rectified(Bool)
    case overdue(Bool)
    /// 月份 of the period date.
    case month(op: MetricCondition.Operator, values: UnsafeBufferPointer<Int64>)

    static func compile(_ c: MetricCondition, kind: Int, dataset: Dataset, into tables: LookupTables) -> CompiledCondition {
        let catalog = dataset.catalog
        switch c.field {
        case .rectified: return .rectified(c.operands.contains(.bool(true)) != (c.op == .notEqual))
        case .overdue: return .overdue(c.operands.contains(.bool(true)) != (c.op == .notEqual))
        case .month: return .month(op: c.op, values: tables.keep(c.operands.compactMap(integer)))
        case .column(let column):
            let field = catalog.field(kind: kind, column: column)
            switch field.type {
            case .id, .text, .list, .note, .district, .town, .industry:
                let patterns: [String] = c.operands.compactMap { if case .text(let t) = $0 { return t }; return nil }
                let splits = field.type == .text || field.type == .list
                let strings = dataset.dictionaries[field.dictionary].strings
                var matches = [c.op == .notEqual]        // an empty cell matches only !=
                for s in strings {
                    let keys = splits ? TextKey.items(s).map(TextKey.key) : [TextKey.key(s)]
                    let any = keys.contains { k in patterns.contains { TextKey.matches(k, pattern: $0) } }
                    matches.append(c.op == .notEqual ? !any : any)
                }
                return .codes(column: column, matches: tables.keep(matches))
            case .number:
                let values = c.operands.compactMap { operand -> ExactDecimal? in if case .number(let d) = operand { return d }; return nil }
                return .decimals(column: column, op: c.op, values: tables.keep(values))
            case .level:
                return .integers(column: column, op: c.op, values: tables.keep(c.operands.compactMap(integer)), noValue: Int64(Column.noLevel))
            case .date:
                return .integers(column: column, op: c.op, values: tables.keep(c.operands.compactMap(integer)), noValue: Int64.min)
            default:
                return .integers(column: column, op: c.op, values: tables.keep(c.operands.compactMap(integer)), noValue: nil)
            }
        }
    }

    private static func integer(_ operand: MetricCondition.Operand) -> Int64? {
        switch operand {
        case .number(let d): return d.rescaled(toExponent: 0)
        case .day(let d): return Int64(d.number)
        case .bool(let b): return b ? 1 : 0
        case .level(let l): return Int64(l)
        case .text: return nil
        }
    }

    @inline(__always)
    func holds(_ table: RecordTable, _ r: Int, asOf: Day, rule: RectificationRule?, dateColumn: Int?) -> Bool {
        switch self {
        case .codes(let column, let matches):
            let code = Int(table.columns[column].code(r)) + 1
            return code < matches.count ? matches[code] : false
        case .integers(let column, let op, let values, let noValue):
            let v = table.columns[column].integer(r)
            if let noValue, v == noValue { return op == .notEqual }
            return CompiledCondition.compare(v, op, values)
        case .decimals(let column, let op, let values):
            let v = table.columns[column].decimal(r)
            switch op {
            case .equal: return values.contains { ExactDecimal.difference(v, $0).significand == 0 }
            case .notEqual: return !values.contains { ExactDecimal.difference(v, $0).significand == 0 }
            default:
                guard let bound = values.first else { return false }
                return CompiledCondition.compare(ExactDecimal.difference(v, bound).significand.signum(), op)
            }
        case .rectified(let expected):
            return RecordRules.isRectified(table, r, asOf: asOf, rule: rule) == expected
        case .overdue(let expected):
            return RecordRules.isOverdue(table, r, asOf: asOf, rule: rule) == expected
        case .month(let op, let values):
            guard let dateColumn, let day = table.columns[dateColumn].day(r) else { return false }
            return CompiledCondition.compare(Int64(day.month), op, values)
        }
    }

    @inline(__always)
    static func compare(_ v: Int64, _ op: MetricCondition.Operator, _ values: UnsafeBufferPointer<Int64>) -> Bool {
        switch op {
        case .equal: return values.contains(v)
        case .notEqual: return !values.contains(v)
        case .atLeast: return values.first.map { v >= $0 } ?? false
        case .greater: return values.first.map { v > $0 } ?? false
        case .atMost: return values.first.map { v <= $0 } ?? false
        case .less: return values.first.map { v < $0 } ?? false
        }
    }

    /// `sign` is the sign of value − bound.
    static func compare(_ sign: Int64, _ op: MetricCondition.Operator) -> Bool {
        switch op {
        case .equal: return sign == 0
        case .notEqual: return sign != 0
        case .atLeast: return sign >= 0
        case .greater: return sign > 0
        case .atMost: return sign <= 0
        case .less: return sign < 0
        }
    }
}

/// The derived fields of a hazard-like kind (CATALOG.md: 已整改, 逾期 as of the as-of date).
enum RecordRules {
    /// Rectified as of `asOf` (METRICS.md clarification): a completion date counts only when it is
    /// on or before the as-of date; a status without a date counts at any as-of date.
    static func isRectified(_ table: RecordTable, _ r: Int, asOf: Day, rule: RectificationRule?) -> Bool {
        guard let rule else { return false }
        if let c = rule.completed, let done = table.columns[c].day(r) { return done <= asOf }
        if let s = rule.status { return table.columns[s].byte(r) == 1 }
        return false
    }

    /// Not rectified as of `asOf` and its 整改期限 already passed (期限 < as-of date).
    static func isOverdue(_ table: RecordTable, _ r: Int, asOf: Day, rule: RectificationRule?) -> Bool {
        guard let rule, let d = rule.deadline, let due = table.columns[d].day(r) else { return false }
        return due < asOf && !isRectified(table, r, asOf: asOf, rule: rule)
    }
}
