import Foundation
import Model

/// One window the cube sums over: P, P′, a year of the series, a named period or its prior.
struct CubeSlot: Sendable {
    let range: ClosedRange<Day>
    /// The as-of date of rectification and overdue figures: the window's last day.
    var asOf: Day { range.upperBound }
    /// A window "as things stand" (P, a named period): snapshot rosters count in it.
    let isCurrent: Bool
    /// 0 for P, 1 for P′: the windows breakdowns and lists are computed for.
    let breakdown: Int?
}

/// Additive partial sums of every count and sum metric per window × part, and of every breakdown
/// per window (P, P′) × part × key — built in one pass over each kind's table with the metrics
/// compiled to column predicates. Every scope is then a sum over parts and ratios are computed last
/// from those sums, so the region is by construction the merge of its parts. Distinct metrics keep
/// their value sets per scope.
///
/// Storage follows the combinations that occur: totals are dense (windows × parts × metrics), and
/// a breakdown is dense only while parts × keys stays small; beyond that (a 3 000 × 3 000 CSV) its
/// cells live in a hash map, so memory grows with the records, not with the product of the axes.
struct MetricCube: Sendable {
    let slots: [CubeSlot]
    let partCount: Int
    /// Additive metrics (cube columns 0..<metrics.count), then one record counter per kind.
    let metrics: [CompiledMetric]
    let distinctMetrics: [CompiledMetric]
    let breakdowns: [CompiledBreakdown]
    let kindCount: Int
    var width: Int { metrics.count + kindCount }

    private(set) var totals: [Int64]
    private(set) var cells: [CellStore]
    /// [slot][distinct metric][part, then the region at index partCount] → values seen.
    private(set) var distinct: [[[Set<Int32>]]]
    /// Per list: (kind, row) of matching records in P, in table order.
    private(set) var listRows: [[Int]]
    /// The first sum that did not fit in 64 bits: which metric, which record.
    private(set) var overflow: (metric: String, provenance: Provenance)?
    /// What the lists' compiled conditions point into.
    private let listTables = LookupTables()

    static func build(_ dataset: Dataset, slots: [CubeSlot], partIndex: [Int32: Int], partCount: Int,
                      metrics: [CompiledMetric], distinct: [CompiledMetric], breakdowns: [CompiledBreakdown],
                      lists listDeclarations: [ListDeclaration], pieces forced: Int? = nil) -> MetricCube {
        let empty = MetricCube(slots: slots, partCount: partCount, metrics: metrics, distinctMetrics: distinct,
                               breakdowns: breakdowns, kindCount: dataset.catalog.kinds.count, lists: listDeclarations.count)
        let tables = empty.listTables
        let lists = listDeclarations.map { l in
            (kind: l.kind, conditions: tables.keep(l.conditions.map { CompiledCondition.compile($0, kind: l.kind, dataset: dataset, into: tables) }))
        }
        var cube = empty
        for k in dataset.catalog.kinds.indices where dataset.catalog.kinds[k].role != .targets {
            let rows = dataset.tables[k].count
            // `forced`: a test's number of pieces, whatever the size and the cores.
            let pieces = forced.map { min($0, rows) } ?? (rows >= MetricCube.parallelRows ? min(InParallel.cores, rows / (MetricCube.parallelRows / 2)) : 1)
            guard pieces > 1 else {
                cube.add(kind: k, rows: 0..<rows, dataset: dataset, partIndex: partIndex, lists: lists)
                continue
            }
            // A large register on every core: each piece of its rows into a cube of its own, joined in
            // row order (sums added, value sets united, list rows appended), the same as one pass.
            let partials = InParallel.map(pieces) { i in
                var partial = empty
                partial.add(kind: k, rows: rows * i / pieces..<rows * (i + 1) / pieces, dataset: dataset, partIndex: partIndex, lists: lists)
                return partial
            }
            var joined = cube
            var fits = true
            for partial in partials { fits = joined.absorb(partial) && fits }
            if fits && joined.overflow == nil {
                cube = joined
            } else {
                // Which record overflowed is only known in row order: count this kind again in one pass.
                cube.add(kind: k, rows: 0..<rows, dataset: dataset, partIndex: partIndex, lists: lists)
            }
        }
        return cube
    }

    /// Registers with at least this many rows are counted on every core.
    static let parallelRows = 65_536

    /// Part code → part index, as an array (codes are dense; −1: not a part of the run), so a loop
    /// over records looks a part up without hashing.
    static func partArray(_ partIndex: [Int32: Int]) -> [Int] {
        var partOf = [Int](repeating: -1, count: (partIndex.keys.max().map { Int($0) } ?? -1) + 1)
        for (code, index) in partIndex where code >= 0 { partOf[Int(code)] = index }
        return partOf
    }

    /// Adds another cube of the same shape (the next rows of a register) to this one; false when a
    /// total no longer fits (which record made it is unknown here: `build` then counts again).
    private mutating func absorb(_ other: MetricCube) -> Bool {
        var fits = true
        for i in totals.indices {
            let (sum, o) = totals[i].addingReportingOverflow(other.totals[i])
            if o { fits = false }
            totals[i] = sum
        }
        if overflow == nil, let o = other.overflow { overflow = o }
        for b in cells.indices { cells[b].absorb(other.cells[b]) }
        for s in distinct.indices {
            for d in distinct[s].indices {
                for p in distinct[s][d].indices { distinct[s][d][p].formUnion(other.distinct[s][d][p]) }
            }
        }
        for l in listRows.indices { listRows[l] += other.listRows[l] }
        return fits
    }

    private init(slots: [CubeSlot], partCount: Int, metrics: [CompiledMetric], distinctMetrics: [CompiledMetric],
                 breakdowns: [CompiledBreakdown], kindCount: Int, lists: Int) {
        self.slots = slots
        self.partCount = partCount
        self.metrics = metrics
        self.distinctMetrics = distinctMetrics
        self.breakdowns = breakdowns
        self.kindCount = kindCount
        let width = metrics.count + kindCount
        totals = Array(repeating: 0, count: slots.count * partCount * width)
        cells = breakdowns.map { CellStore(cells: 2 * partCount * $0.keyCount, width: width) }
        distinct = Array(repeating: Array(repeating: Array(repeating: [], count: partCount + 1), count: distinctMetrics.count),
                         count: slots.count)
        listRows = Array(repeating: [], count: lists)
    }

    /// Which windows a record belongs to: by its date; a 填报指标 row by its whole month (or
    /// year); a year roster by its year; a snapshot roster in every current window.
    static func isMember(_ kind: KindDeclaration, _ table: RecordTable, _ r: Int, _ s: CubeSlot) -> Bool {
        if let d = kind.date {
            guard let day = table.columns[d].day(r) else { return false }
            return s.range.contains(day)
        }
        if kind.role == .returns, let yc = kind.year {
            let y = Int(table.columns[yc].int32(r))
            let m = kind.month.map { Int(table.columns[$0].int32(r)) } ?? 0
            guard let from = Day(year: y, month: m >= 1 ? m : 1, day: 1), let to = Day.endOf(year: y, month: m >= 1 ? m : 12) else {
                return false
            }
            return s.range.contains(from) && s.range.contains(to)
        }
        if let yc = kind.year { return Int(table.columns[yc].int32(r)) == s.range.upperBound.year }
        return s.isCurrent
    }

    private mutating func add(kind k: Int, rows: Range<Int>, dataset: Dataset, partIndex: [Int32: Int],
                              lists: [(kind: Int, conditions: UnsafeBufferPointer<CompiledCondition>)]) {
        let table = dataset.tables[k]
        guard table.count > 0 else { return }
        let declaration = dataset.catalog.kinds[k]
        // The loop runs per record and window on every core, so it reads only plain values: the
        // metrics' programs and the breakdowns' key readers, copied out here, and its sums held in
        // local arrays. Reading the shared compiled objects themselves retained them per record,
        // and the cores contending for those reference counts took half of a province run's cube.
        let own = metrics.indices.filter { metrics[$0].kind == k }.map { (index: $0, program: metrics[$0].program) }
        let ownDistinct = distinctMetrics.indices.filter { distinctMetrics[$0].kind == k }
            .map { (index: $0, program: distinctMetrics[$0].program) }
        let ownBreakdowns = breakdowns.indices.compactMap { b in
            breakdowns[b].readers[k].map { (index: b, reader: $0, keyCount: breakdowns[b].keyCount) }
        }
        let ownLists = lists.indices.filter { lists[$0].kind == k }.map { (index: $0, conditions: lists[$0].conditions) }
        let slots = self.slots, partCount = self.partCount
        let counter = metrics.count + k
        let width = self.width
        let rule = declaration.rectification, dateColumn = declaration.date
        var amounts = [Int64](repeating: 0, count: metrics.count)
        let partOf = MetricCube.partArray(partIndex)
        var totals = self.totals, cells = self.cells, distinct = self.distinct, listRows = self.listRows
        var overflow = self.overflow
        // Taken out so that the local copies are the only references (no copy on write below).
        self.totals = []; self.cells = []; self.distinct = []; self.listRows = []
        defer {
            self.totals = totals; self.cells = cells; self.distinct = distinct; self.listRows = listRows
            self.overflow = overflow
        }
        for r in rows {
            let code = Int(table.part[r])
            guard code >= 0, code < partOf.count, partOf[code] >= 0 else { continue }
            let p = partOf[code]
            for (s, slot) in slots.enumerated() where MetricCube.isMember(declaration, table, r, slot) {
                let base = (s * partCount + p) * width
                totals[base + counter] += 1
                for (m, program) in own {
                    guard let c = program.contribution(table, r, asOf: slot.asOf) else {
                        if overflow == nil { overflow = (metrics[m].declaration.name, table.provenance[r]) }
                        amounts[m] = 0
                        continue
                    }
                    amounts[m] = c
                    let (sum, o) = totals[base + m].addingReportingOverflow(c)
                    if o, overflow == nil { overflow = (metrics[m].declaration.name, table.provenance[r]) }
                    totals[base + m] = sum
                }
                for (d, program) in ownDistinct {
                    guard program.holds(table, r, asOf: slot.asOf), case .distinct(let column) = program.measure else { continue }
                    let value = table.columns[column].code(r)
                    guard value >= 0 else { continue }
                    distinct[s][d][p].insert(value)
                    distinct[s][d][partCount].insert(value)
                }
                guard let prior = slot.breakdown else { continue }
                for (b, reader, keyCount) in ownBreakdowns {
                    reader.forEachKey(table, r, prior: prior, asOf: slot.asOf, rule: rule) { key in
                        let cell = (prior * partCount + p) * keyCount + Int(key)
                        cells[b].add(cell: cell, column: counter, 1)
                        for (m, _) in own where amounts[m] != 0 { cells[b].add(cell: cell, column: m, amounts[m]) }
                    }
                }
                if prior == 0 {
                    for (l, conditions) in ownLists where conditions.allSatisfy({
                        $0.holds(table, r, asOf: slot.asOf, rule: rule, dateColumn: dateColumn)
                    }) {
                        listRows[l].append(r)
                    }
                }
            }
        }
    }

    // MARK: Reading

    /// Σ of cube column `column` over `parts` in slot `s`; nil when it does not fit.
    func total(slot s: Int, parts: [Int], column: Int) -> Int64? {
        var sum: Int64 = 0
        for p in parts {
            let (v, o) = sum.addingReportingOverflow(totals[(s * partCount + p) * width + column])
            if o { return nil }
            sum = v
        }
        return sum
    }

    func records(slot s: Int, part p: Int, kind k: Int) -> Int64 { totals[(s * partCount + p) * width + metrics.count + k] }

    /// Σ of a breakdown cell's column over `parts`, in P (`prior` 0) or P′ (1).
    func cell(_ b: Int, prior: Int, parts: [Int], key: Int, column: Int) -> Int64? {
        let keyCount = breakdowns[b].keyCount
        var sum: Int64 = 0
        for p in parts {
            let (v, o) = sum.addingReportingOverflow(cells[b].value(cell: (prior * partCount + p) * keyCount + key, column: column))
            if o { return nil }
            sum = v
        }
        return sum
    }

    /// Distinct values of distinct metric `d` in slot `s` for `parts` (all parts: the region's own set).
    func distinctCount(slot s: Int, metric d: Int, parts: [Int]) -> Int {
        if parts.count == partCount { return distinct[s][d][partCount].count }
        if parts.count == 1 { return distinct[s][d][parts[0]].count }
        var union = Set<Int32>()
        for p in parts { union.formUnion(distinct[s][d][p]) }
        return union.count
    }
}

/// The cells of one breakdown: a dense array while cells × width is small, else a hash map from
/// cell to its row of sums, so that only the combinations that occur take memory.
struct CellStore: Sendable {
    static let denseLimit = 1 << 22
    let width: Int
    private var dense: [Int64]
    private var index: [Int: Int] = [:]
    private var pool: [Int64] = []
    private let isDense: Bool

    init(cells: Int, width: Int) {
        self.width = width
        isDense = cells.multipliedReportingOverflow(by: width).partialValue <= CellStore.denseLimit
            && !cells.multipliedReportingOverflow(by: width).overflow
        dense = isDense ? Array(repeating: 0, count: cells * width) : []
    }

    @inline(__always)
    mutating func add(cell: Int, column: Int, _ amount: Int64) {
        if isDense {
            dense[cell * width + column] &+= amount
            return
        }
        let row: Int
        if let r = index[cell] {
            row = r
        } else {
            row = pool.count
            index[cell] = row
            pool.append(contentsOf: repeatElement(0, count: width))
        }
        pool[row + column] &+= amount
    }

    /// Adds another store of the same shape (wrapping as `add` does; totals carry the overflow checks).
    mutating func absorb(_ other: CellStore) {
        if isDense {
            for i in other.dense.indices where other.dense[i] != 0 { dense[i] &+= other.dense[i] }
            return
        }
        for (cell, row) in other.index.sorted(by: { $0.key < $1.key }) {
            for column in 0..<width where other.pool[row + column] != 0 { add(cell: cell, column: column, other.pool[row + column]) }
        }
    }

    func value(cell: Int, column: Int) -> Int64 {
        if isDense { return dense[cell * width + column] }
        guard let row = index[cell] else { return 0 }
        return pool[row + column]
    }
}
