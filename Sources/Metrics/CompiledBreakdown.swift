import Model

/// A breakdown compiled against the dataset: for each kind it covers, how a record's key (its
/// industry, its month, each item of its 处罚种类 …) is read, and the names of the keys.
// A class for the same reason as `CompiledMetric`; its keys and ranks are set in `init` only.
final class CompiledBreakdown: @unchecked Sendable {
    /// How one kind's records map to key indexes: a plain value with pointers into the
    /// breakdown's tables (see `LookupTables`), valid while the breakdown lives.
    // Sendable: it points only into tables that are read-only once compiled.
    enum KeyReader: @unchecked Sendable, BitwiseCopyable {
        /// A coded column: `keys[code + 1]` (index 0: an empty cell).
        case code(column: Int, keys: UnsafeBufferPointer<Int32>)
        /// A list column: each item of the cell is a key — code c's keys are
        /// `items[starts[c + 1]..<starts[c + 2]]`.
        case items(column: Int, starts: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>)
        /// A byte column (level, bool, status): `keys[value]`.
        case byte(column: Int, keys: UnsafeBufferPointer<Int32>)
        /// An integer column: the key of each value seen (`values` ascending, `keys` alongside).
        case integer(column: Int, values: UnsafeBufferPointer<Int64>, keys: UnsafeBufferPointer<Int32>)
        /// The month of the period date, or of a 填报指标 row: year·12 + month − `first` → key,
        /// P's months then P′'s (`keys.count / 2` each; −1 outside the period).
        case month(dateColumn: Int?, yearColumn: Int?, monthColumn: Int?, first: Int, keys: UnsafeBufferPointer<Int32>)
        case rectified
        case overdue

        /// Calls `body` with each key record `r` falls under in slot `prior` (0: P, 1: P′).
        @inline(__always)
        func forEachKey(_ table: RecordTable, _ r: Int, prior: Int, asOf: Day, rule: RectificationRule?, _ body: (Int32) -> Void) {
            switch self {
            case .code(let column, let keys):
                let k = keys[Int(table.columns[column].code(r)) + 1]
                if k >= 0 { body(k) }
            case .items(let column, let starts, let items):
                let c = Int(table.columns[column].code(r)) + 1
                for i in Int(starts[c])..<Int(starts[c + 1]) { body(items[i]) }
            case .byte(let column, let keys):
                let k = keys[Int(table.columns[column].byte(r))]
                if k >= 0 { body(k) }
            case .integer(let column, let values, let keys):
                let v = table.columns[column].integer(r)
                var low = 0, high = values.count
                while low < high {
                    let mid = (low + high) / 2
                    if values[mid] < v { low = mid + 1 } else { high = mid }
                }
                if low < values.count && values[low] == v { body(keys[low]) }
            case .month(let dateColumn, let yearColumn, let monthColumn, let first, let keys):
                var ym: Int?
                if let dateColumn, let d = table.columns[dateColumn].day(r) {
                    let c = d.components
                    ym = c.year * 12 + c.month
                } else if let yearColumn, let monthColumn {
                    let m = Int(table.columns[monthColumn].int32(r))
                    if m >= 1 { ym = Int(table.columns[yearColumn].int32(r)) * 12 + m }
                }
                let span = keys.count / 2
                if let ym, ym - first >= 0, ym - first < span {
                    let k = keys[prior * span + ym - first]
                    if k >= 0 { body(k) }
                }
            case .rectified:
                body(RecordRules.isRectified(table, r, asOf: asOf, rule: rule) ? 0 : 1)
            case .overdue:
                body(RecordRules.isOverdue(table, r, asOf: asOf, rule: rule) ? 0 : 1)
            }
        }
    }

    let declaration: BreakdownDeclaration
    /// Key names, by key index.
    private(set) var keys: [String] = []
    /// Per catalog kind: its reader, nil for kinds the breakdown does not cover.
    private(set) var readers: [KeyReader?]
    /// The key of records that give no value (`未填写`), if any record can lack one.
    private(set) var missingKey: Int32?
    let isMonth: Bool
    private let tables = LookupTables()

    static let missingName = "未填写"

    init(_ b: BreakdownDeclaration, dataset: Dataset, period: ReportPeriod) {
        declaration = b
        let catalog = dataset.catalog
        readers = Array(repeating: nil, count: catalog.kinds.count)
        isMonth = b.by == "月份"
        // 月份: year·12 + month → key, P's months then P′'s (a year earlier), from the earliest.
        let months = period.months.map { $0.0 * 12 + $0.1 }
        let first = (months.min() ?? 0) - 12
        let span = (months.max() ?? first) - first + 1
        var monthKeys = [Int32](repeating: -1, count: isMonth ? 2 * span : 0)
        if isMonth {
            for (i, (y, m)) in period.months.enumerated() {
                keys.append("\(y)-\(m < 10 ? "0" : "")\(m)")
                monthKeys[y * 12 + m - first] = Int32(i)
                monthKeys[span + (y - 1) * 12 + m - first] = Int32(i)
            }
        }
        var keyOf: [String: Int32] = [:]
        func key(_ name: String) -> Int32 {
            if let k = keyOf[name] { return k }
            keys.append(name)
            keyOf[name] = Int32(keys.count - 1)
            return Int32(keys.count - 1)
        }
        func missing() -> Int32 {
            let k = key(CompiledBreakdown.missingName)
            missingKey = k
            return k
        }
        for k in b.kinds {
            let kind = catalog.kinds[k]
            if isMonth {
                readers[k] = .month(dateColumn: kind.date, yearColumn: kind.year, monthColumn: kind.month, first: first,
                                    keys: tables.keep(monthKeys))
                continue
            }
            if let (_, derived) = FieldReference.derivedNames.first(where: { $0.0 == b.by }), derived != .month {
                _ = key("是"); _ = key("否")
                readers[k] = derived == .rectified ? .rectified : .overdue
                continue
            }
            guard let column = catalog.column(kind: k, named: b.by) else { continue }
            let field = catalog.field(kind: k, column: column)
            let table = dataset.tables[k]
            switch field.type {
            case .list:
                let strings = dataset.dictionaries[field.dictionary].strings
                var items: [[Int32]] = [[missing()]]
                for s in strings {
                    let parts = TextKey.items(s)
                    items.append(parts.isEmpty ? [missing()] : Array(Set(parts.map(key))).sorted())
                }
                var starts: [Int32] = [0]
                for keys in items { starts.append(starts[starts.count - 1] + Int32(keys.count)) }
                readers[k] = .items(column: column, starts: tables.keep(starts), items: tables.keep(items.flatMap { $0 }))
            case _ where field.type.isCoded:
                let strings = dataset.dictionaries[field.dictionary].strings
                // Only values the kind's records hold become keys (a shared dictionary such as
                // 行业领域 also holds other kinds' values).
                var used = [Bool](repeating: false, count: strings.count + 1)
                for i in 0..<table.count { used[Int(table.columns[column].code(i)) + 1] = true }
                var codes: [Int32] = [used[0] ? missing() : -1]
                for (i, s) in strings.enumerated() { codes.append(used[i + 1] ? key(s) : -1) }
                readers[k] = .code(column: column, keys: tables.keep(codes))
            case .level:
                var codes = [Int32](repeating: -1, count: 256)
                for level in AccidentLevel.allCases { codes[Int(level.rawValue)] = key(level.name) }
                codes[Int(Column.noLevel)] = missing()
                readers[k] = .byte(column: column, keys: tables.keep(codes))
            case .bool:
                var codes = [Int32](repeating: -1, count: 256)
                codes[1] = key("是"); codes[0] = key("否")
                readers[k] = .byte(column: column, keys: tables.keep(codes))
            case .status:
                var codes = [Int32](repeating: -1, count: 256)
                codes[1] = key("已整改"); codes[2] = key("未整改"); codes[0] = missing()
                readers[k] = .byte(column: column, keys: tables.keep(codes))
            case .count, .year:
                var values: [Int64: Int32] = [:]
                for i in 0..<table.count {
                    let v = table.columns[column].integer(i)
                    if values[v] == nil { values[v] = key(String(v)) }
                }
                let ascending = values.keys.sorted()
                readers[k] = .integer(column: column, values: tables.keep(ascending), keys: tables.keep(ascending.map { values[$0]! }))
            default:
                continue
            }
        }
        rankKeys()
    }

    var keyCount: Int { keys.count }

    /// Calls `body` with each key record `r` of kind `kind` falls under in slot `prior` (0: P, 1: P′).
    func forEachKey(kind: Int, _ table: RecordTable, _ r: Int, prior: Int, asOf: Day, rule: RectificationRule?,
                    _ body: (Int32) -> Void) {
        readers[kind]?.forEachKey(table, r, prior: prior, asOf: asOf, rule: rule, body)
    }

    /// Key indexes in the order rows are listed (CATALOG.md): the canonical list where one
    /// exists (行业领域, levels, months in order), else by `counts` descending, then name; 未填写 last.
    func order(counts: [Int64]) -> [Int] {
        if isMonth { return Array(keys.indices) }
        let canonical = canonicalRanks
        return keys.indices.sorted { a, b in
            let ma = Int32(a) == missingKey, mb = Int32(b) == missingKey
            if ma != mb { return mb }
            if let canonical {
                if canonical[a] != canonical[b] { return canonical[a] < canonical[b] }
            } else if counts[a] != counts[b] {
                return counts[a] > counts[b]
            }
            return nameRank[a] < nameRank[b]
        }
    }

    /// Per key: its place in the canonical list (行业领域, levels), nil when the field has none;
    /// and its place in Unicode order of the names. Worked out once, not per scope: a breakdown of
    /// 3 000 keys is ordered for every scope.
    private var canonicalRanks: [Int]?
    private var nameRank: [Int] = []

    private func rankKeys() {
        let levelNames = AccidentLevel.allCases.map(\.name)
        if declaration.by == "行业领域" {
            canonicalRanks = keys.map(IndustryList.rank)
        } else if !keys.isEmpty, keys.allSatisfy({ levelNames.contains($0) || $0 == CompiledBreakdown.missingName }) {
            canonicalRanks = keys.map { levelNames.firstIndex(of: $0) ?? levelNames.count }
        }
        nameRank = [Int](repeating: 0, count: keys.count)
        for (place, k) in keys.indices.sorted(by: { keys[$0].unicodeScalars.lexicographicallyPrecedes(keys[$1].unicodeScalars) }).enumerated() {
            nameRank[k] = place
        }
    }
}
