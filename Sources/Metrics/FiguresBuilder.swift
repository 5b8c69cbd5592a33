import Model

/// Computes `Figures` for a period from the catalog's declarations: the metrics compiled once to
/// column predicates, one pass over each kind's table into a `MetricCube`, then every scope,
/// breakdown, series, named period, rate, share and completion rate from its sums — with what the
/// data does not cover said, never filled in with 0.
public enum FiguresBuilder {
    public static func compute(_ dataset: Dataset, period: ReportPeriod) -> Figures {
        compute(dataset, period: period, cubePieces: nil)
    }

    /// `cubePieces`: each register counted in that many pieces joined in row order (tests: the
    /// figures must not depend on it); nil: large registers on every core.
    static func compute(_ dataset: Dataset, period: ReportPeriod, cubePieces: Int?) -> Figures {
        var run = FiguresRun(dataset: dataset, period: period, cubePieces: cubePieces)
        return run.figures()
    }

    /// Parts as the config lists them, then any other part in the data by first appearance.
    public static func partOrder(_ dataset: Dataset) -> [String] {
        var order = dataset.config.parts
        var seen = Set(order)
        for name in dataset.parts.strings where !seen.contains(name) {
            order.append(name)
            seen.insert(name)
        }
        return order
    }

    /// The metrics of a run: the catalog's, then one per 填报指标 indicator the data holds
    /// (`returns.宣讲场次`, summing 数值 over parts and months, unit the most frequent 单位).
    public static func declarations(_ dataset: Dataset) -> [MetricDeclaration] {
        let catalog = dataset.catalog
        var out = catalog.metrics
        for (k, kind) in catalog.kinds.enumerated() where kind.role == .returns {
            guard let ic = catalog.column(kind: k, named: "指标"), let vc = catalog.column(kind: k, named: "数值") else { continue }
            let uc = catalog.column(kind: k, named: "单位")
            let table = dataset.tables[k]
            let indicatorField = catalog.field(kind: k, column: ic)
            var order: [Int32] = []
            var units: [Int32: [Int32: Int]] = [:]
            for r in 0..<table.count {
                let code = table.columns[ic].code(r)
                if units[code] == nil { order.append(code); units[code] = [:] }
                if let uc { units[code]![table.columns[uc].code(r), default: 0] += 1 }
            }
            for code in order {
                guard let name = dataset.dictionaries[indicatorField.dictionary][code] else { continue }
                var unit = ""
                if let uc, let counts = units[code] {
                    let best = counts.filter { $0.key >= 0 }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first
                    unit = best.flatMap { dataset.dictionaries[catalog.field(kind: k, column: uc).dictionary][$0.key] } ?? ""
                }
                let condition = MetricCondition(field: .column(ic), fieldName: "指标", op: .equal, operands: [.text(TextKey.key(name))])
                out.append(MetricDeclaration(id: "returns.\(name)", name: name, kind: k, conditions: [condition],
                                             measure: .sum([vc]), unit: unit, group: kind.name, label: name,
                                             origin: "\(kind.name)数据"))
            }
        }
        return out
    }
}

/// One computation of figures: the compiled metrics, the cube and the coverage they are read from.
struct FiguresRun {
    let dataset: Dataset
    let period: ReportPeriod
    let catalog: Catalog
    let parts: [String]
    /// Parts the region expects to report: config.toml's [districts] (every part when it names
    /// none). A name only the data knows (kept under its own name, with a warning) reports what it
    /// sent; it neither stops the run nor leaves the region 不含 it for a register it never sent.
    let expected: [Bool]
    let declarations: [MetricDeclaration]
    /// Declaration index → index in `cube.metrics` (additive) or `cube.distinctMetrics`.
    var additive: [Int: Int] = [:]
    var distinct: [Int: Int] = [:]
    var unavailable: Set<Int> = []
    var cube: MetricCube
    /// Series: (year, slot) from the first year of the data to the report's.
    var seriesSlots: [(year: Int, slot: Int)] = []
    /// Named periods: (declaration, slot, prior slot).
    var namedSlots: [(PeriodDeclaration, Int, Int?)] = []
    /// [slot][part][kind]: the part has data of the kind for the window (records or an empty register).
    var covered: [[[Bool]]] = []
    /// [declaration] → [slot][part]: the part's register for the window lacks a column the metric
    /// reads (`lackingColumns`); only metrics with such a register are keys.
    var lacking: [Int: [[Bool]]] = [:]
    var notes: [String] = []

    init(dataset: Dataset, period: ReportPeriod, cubePieces: Int? = nil) {
        self.dataset = dataset
        self.period = period
        catalog = dataset.catalog
        parts = FiguresBuilder.partOrder(dataset)
        let configured = dataset.config.parts.count
        expected = parts.indices.map { configured == 0 || $0 < configured }
        var partIndex: [Int32: Int] = [:]
        for (i, part) in parts.enumerated() {
            if let code = dataset.parts.existingCode(for: part) { partIndex[code] = i }
        }
        declarations = FiguresBuilder.declarations(dataset)

        var additiveMetrics: [CompiledMetric] = []
        var distinctMetrics: [CompiledMetric] = []
        var additive: [Int: Int] = [:], distinct: [Int: Int] = [:]
        for (i, m) in declarations.enumerated() {
            guard let k = m.kind else { continue }
            let compiled = CompiledMetric(m, kind: k, dataset: dataset)
            if compiled.isDistinct {
                distinct[i] = distinctMetrics.count
                distinctMetrics.append(compiled)
            } else {
                additive[i] = additiveMetrics.count
                additiveMetrics.append(compiled)
            }
        }
        self.additive = additive
        self.distinct = distinct
        unavailable = FiguresRun.unavailableMetrics(declarations, dataset: dataset)

        // Windows: P, P′, the earlier years of the series, the named periods and their priors.
        var slots = [CubeSlot(range: period.range(prior: false), isCurrent: true, breakdown: 0),
                     CubeSlot(range: period.range(prior: true), isCurrent: false, breakdown: 1)]
        let firstYear = min(DataExtent.firstYear(dataset) ?? period.year, period.year)
        var series: [(Int, Int)] = []
        for year in firstYear...period.year {
            let k = period.year - year
            if k <= 1 { series.append((year, k)); continue }
            series.append((year, slots.count))
            slots.append(CubeSlot(range: period.shifted(years: k), isCurrent: false, breakdown: nil))
        }
        seriesSlots = series
        for p in catalog.periods {
            let range = p.range(in: period)
            let slot = slots.count
            slots.append(CubeSlot(range: range, isCurrent: true, breakdown: nil))
            var prior: Int?
            if p.compare {
                prior = slots.count
                slots.append(CubeSlot(range: ReportPeriod.shift(range, years: 1, wholeMonths: FiguresRun.isWholeMonths(range)),
                                      isCurrent: false, breakdown: nil))
            }
            namedSlots.append((p, slot, prior))
        }
        let breakdowns = catalog.breakdowns.map { CompiledBreakdown($0, dataset: dataset, period: period) }
        cube = MetricCube.build(dataset, slots: slots, partIndex: partIndex, partCount: parts.count,
                                metrics: additiveMetrics, distinct: distinctMetrics, breakdowns: breakdowns, lists: catalog.lists,
                                pieces: cubePieces)

        // Coverage: a part sent its register of a dated kind for a year when it sent records of
        // that year or a register whose name states the year (`RegisterYear`) — a yearly register
        // covers every window inside its year, also months in which nothing happened; an empty
        // register counts the same. Other kinds: records in the window.
        let sent = FiguresRun.registerYears(dataset, partIndex: partIndex)
        covered = slots.indices.map { s in
            let years = slots[s].range.lowerBound.year...slots[s].range.upperBound.year
            return (0..<parts.count).map { p in
                catalog.kinds.indices.map { k in
                    catalog.kinds[k].date != nil ? years.contains { sent[k][p].contains($0) } : cube.records(slot: s, part: p, kind: k) > 0
                }
            }
        }
        for register in dataset.emptyRegisters {
            guard let p = partIndex[register.part] else { continue }
            for (s, slot) in slots.enumerated() {
                let years = slot.range.lowerBound.year...slot.range.upperBound.year
                // A register whose name states no year is taken as sent for the report's year.
                let year = register.year ?? period.year
                if years.contains(year), register.year != nil || slot.range.upperBound.year == period.year {
                    covered[s][p][register.kind] = true
                }
            }
        }
        lacking = FiguresRun.lackingColumns(declarations, dataset: dataset, slots: slots, partIndex: partIndex, partCount: parts.count)
        notes = FiguresRun.returnNotes(dataset, period: period)
    }

    /// [kind][part axis] → the years for which the part sent the kind: its records' years and the
    /// years its registers' names state (`RegisterYear`).
    static func registerYears(_ dataset: Dataset, partIndex: [Int32: Int]) -> [[Set<Int>]] {
        let catalog = dataset.catalog
        let partCount = partIndex.values.max().map { $0 + 1 } ?? 0
        var out = Array(repeating: Array(repeating: Set<Int>(), count: partCount), count: catalog.kinds.count)
        var registerYear = RegisterYear(dataset)
        // Parts by array, years by day range, and a year inserted only when part or year differ
        // from the record before: a province's two million records cost a hash lookup, a date
        // conversion and two set insertions each.
        let partOf = MetricCube.partArray(partIndex)
        var years = YearsByDay<Int>()
        for (k, kind) in catalog.kinds.enumerated() {
            guard let d = kind.date else { continue }
            let table = dataset.tables[k]
            // Records of one sheet are consecutive: name the year once per sheet, not per record.
            var last: (file: Int32, sheet: Int32, year: Int?) = (-2, -2, nil)
            var inserted: (part: Int, year: Int, stated: Int?) = (-1, 0, nil)
            for r in 0..<table.count {
                let code = Int(table.part[r])
                guard code >= 0, code < partOf.count, partOf[code] >= 0, let day = table.columns[d].day(r) else { continue }
                let p = partOf[code]
                let prov = table.provenance[r]
                if prov.file != last.file || prov.sheet != last.sheet { last = (prov.file, prov.sheet, registerYear.stated(prov)) }
                let year = years.value(for: day) { $0 }
                guard p != inserted.part || year != inserted.year || last.year != inserted.stated else { continue }
                inserted = (p, year, last.year)
                out[k][p].insert(year)
                if let y = last.year { out[k][p].insert(y) }
            }
        }
        return out
    }

    static func isWholeMonths(_ r: ClosedRange<Day>) -> Bool {
        r.lowerBound.components.day == 1 && Day.endOf(year: r.upperBound.year, month: r.upperBound.month) == r.upperBound
    }

    /// Metrics that read a column no sheet of their kind has (a built-in 事故立案数 when no
    /// register carries 是否立案): unavailable, never 0.
    static func unavailableMetrics(_ declarations: [MetricDeclaration], dataset: Dataset) -> Set<Int> {
        var out = Set<Int>()
        for (i, m) in declarations.enumerated() {
            guard let k = m.kind, dataset.tables[k].count > 0 else { continue }
            if !readable(m, kind: k, mapped: dataset.mappedColumns[k], catalog: dataset.catalog) { out.insert(i) }
        }
        return out
    }

    /// Whether a register with the columns `mapped` of kind `k` gives metric `m` its value: every
    /// column a condition or a distinct count reads, and one of the columns a sum adds (死亡人数 +
    /// 失踪人数 needs one of them). A level is derived when not stated; a field with a fallback
    /// reads the fallback's column.
    static func readable(_ m: MetricDeclaration, kind k: Int, mapped: [Bool], catalog: Catalog) -> Bool {
        let kind = catalog.kinds[k]
        func has(_ c: Int) -> Bool {
            if mapped[c] || kind.level?.field == c { return true }
            if let fb = catalog.field(kind: k, column: c).fallback, let f = catalog.column(kind: k, named: fb) { return mapped[f] }
            return false
        }
        var columns: [Int] = []
        for c in m.conditions {
            switch c.field {
            case .column(let col): columns.append(col)
            case .overdue: if let d = kind.rectification?.deadline { columns.append(d) }
            case .rectified, .month: break
            }
        }
        var summed: [Int] = []
        switch m.measure {
        case .sum(let cs): summed = cs
        case .distinct(let c): columns.append(c)
        default: break
        }
        return columns.allSatisfy(has) && (summed.isEmpty || summed.contains(where: has))
    }

    /// [declaration] → [slot][part axis]: true where a register of the part that holds records of
    /// the slot's window lacks a column the metric reads (東城区's 火灾 register without 受伤人数):
    /// that part's figure for the window is not known. Empty when every register has every column.
    static func lackingColumns(_ declarations: [MetricDeclaration], dataset: Dataset, slots: [CubeSlot],
                               partIndex: [Int32: Int], partCount: Int) -> [Int: [[Bool]]] {
        let catalog = dataset.catalog
        var out: [Int: [[Bool]]] = [:]
        for k in catalog.kinds.indices {
            let registers = dataset.registersLackingColumns.filter { $0.kind == k }
            guard !registers.isEmpty else { continue }
            // Per register: the metrics it cannot give.
            var unreadable: [[Int]] = []
            var byKey: [Int64: Int] = [:]
            for (r, register) in registers.enumerated() {
                unreadable.append(declarations.indices.filter { i in
                    declarations[i].kind == k && !readable(declarations[i], kind: k, mapped: register.mapped, catalog: catalog)
                })
                byKey[Int64(register.file) << 32 | Int64(UInt32(bitPattern: register.sheet))] = r
            }
            guard unreadable.contains(where: { !$0.isEmpty }) else { continue }
            let table = dataset.tables[k]
            let date = catalog.kinds[k].date
            // The years each register covers for each part, by the same rule as coverage (its
            // records' years and the year its name states), so a window the register covers
            // without records in it is not known either. Records of one sheet are consecutive:
            // the register is looked up once per run of rows.
            var years: [Int: [Int: Set<Int>]] = [:]     // register → part → years (nil date: every year)
            var registerYear = RegisterYear(dataset)
            var last: (file: Int32, sheet: Int32, register: Int?, stated: Int?) = (-2, -2, nil, nil)
            for row in 0..<table.count {
                let prov = table.provenance[row]
                if prov.file != last.file || prov.sheet != last.sheet {
                    let r = byKey[Int64(prov.file) << 32 | Int64(UInt32(bitPattern: prov.sheet))]
                    last = (prov.file, prov.sheet, r, r == nil ? nil : registerYear.stated(prov))
                }
                guard let r = last.register, !unreadable[r].isEmpty, let p = partIndex[table.part[row]] else { continue }
                var set = years[r, default: [:]][p, default: []]
                if let d = date { if let day = table.columns[d].day(row) { set.insert(day.year) } } else { set.insert(Int.min) }
                if let y = last.stated { set.insert(y) }
                years[r, default: [:]][p] = set
            }
            for (r, byPart) in years {
                for (p, covered) in byPart {
                    for (s, slot) in slots.enumerated()
                    where covered.contains(Int.min) || (slot.range.lowerBound.year...slot.range.upperBound.year).contains(where: covered.contains) {
                        for i in unreadable[r] {
                            if out[i] == nil { out[i] = Array(repeating: Array(repeating: false, count: partCount), count: slots.count) }
                            out[i]![s][p] = true
                        }
                    }
                }
            }
        }
        return out
    }

    /// 填报指标 rows that lie partly outside P are left out; a writer is told which.
    static func returnNotes(_ dataset: Dataset, period: ReportPeriod) -> [String] {
        var notes: [String] = []
        let catalog = dataset.catalog
        let p = period.range(prior: false)
        for (k, kind) in catalog.kinds.enumerated() where kind.role == .returns {
            guard let yc = kind.year, let ic = catalog.column(kind: k, named: "指标") else { continue }
            let table = dataset.tables[k]
            var left: [String] = []
            for r in 0..<table.count {
                let y = Int(table.columns[yc].int32(r))
                let m = kind.month.map { Int(table.columns[$0].int32(r)) } ?? 0
                guard let from = Day(year: y, month: m >= 1 ? m : 1, day: 1), let to = Day.endOf(year: y, month: m >= 1 ? m : 12) else { continue }
                let overlaps = from <= p.upperBound && to >= p.lowerBound
                if overlaps && !(p.contains(from) && p.contains(to)) {
                    left.append("\(dataset.describe(table.provenance[r]))「\(dataset.text(kind: k, column: ic, row: r) ?? "")」")
                }
            }
            if !left.isEmpty {
                let shown = left.prefix(10).joined(separator: "、")
                notes.append("\(kind.name)中有 \(left.count) 行的时段不完全在\(period.label)内（全年或整月数值不能拆分），未计入：\(shown)\(left.count > 10 ? " 等" : "")")
            }
        }
        return notes
    }

    // MARK: - Assembly

    mutating func figures() -> Figures {
        let all = Array(parts.indices)
        // Each part's figures read the cube only: on every core, in part order.
        let builder = self
        let scopes = [scope(name: dataset.config.name, kind: .region, parts: all)]
            + InParallel.map(parts.count) { i in builder.scope(name: builder.parts[i], kind: .part, parts: [i]) }
        var figures = Figures(region: dataset.config.name, level: dataset.config.level, period: period, scopes: scopes)
        figures.declarations = declarations
        figures.listFields = catalog.lists.map { l in (l.name, l.fields.map { catalog.field(kind: l.kind, column: $0).name }) }
        figures.notes = notes
        if let overflow = cube.overflow {
            figures.notes.append("「\(overflow.metric)」的合计超出可计算范围（\(dataset.describe(overflow.provenance)) 起），请检查该列的数值和单位")
            figures.overflow = "「\(overflow.metric)」的合计超出可精确计算的范围，累加到 \(dataset.describe(overflow.provenance)) 时溢出；请检查该列的数值和单位（元/万元）"
        }
        for (declaration, slot, prior) in namedSlots {
            let range = cube.slots[slot].range
            let builder = self
            let named = [namedScope(name: dataset.config.name, kind: .region, parts: all, slot: slot, prior: prior)]
                + InParallel.map(parts.count) { i in builder.namedScope(name: builder.parts[i], kind: .part, parts: [i], slot: slot, prior: prior) }
            figures.namedPeriods.append(NamedPeriodFigures(name: declaration.name, from: range.lowerBound, to: range.upperBound,
                                                           label: ReportPeriod.label(range),
                                                           priorLabel: prior.map { ReportPeriod.label(cube.slots[$0].range) },
                                                           scopes: named))
        }
        // The (part, kind) pairs without data: expected are every part × every kind any part supplied.
        for k in catalog.kinds.indices where catalog.kinds[k].role != .targets {
            guard parts.indices.contains(where: { covered[0][$0][k] }) else { continue }
            for (p, name) in parts.enumerated() where expected[p] {
                if !covered[0][p][k] {
                    figures.missing.append(MissingData(part: name, kind: catalog.kinds[k].name, period: period.label))
                } else if hasPrior(k) && !covered[1][p][k] {
                    figures.priorMissing.append(MissingData(part: name, kind: catalog.kinds[k].name, period: period.priorLabel))
                }
            }
        }
        return figures
    }

    private func scope(name: String, kind: ScopeFigures.Kind, parts scopeParts: [Int]) -> ScopeFigures {
        var metrics = self.metrics(parts: scopeParts, slot: 0, prior: 1, series: true)
        if period.isWithinYear { metrics += targets(scope: kind == .region ? nil : name, metrics: metrics) }
        var figures = ScopeFigures(scope: name, kind: kind, metrics: metrics,
                                   breakdowns: cube.breakdowns.indices.map { (cube.breakdowns[$0].declaration.by, rows($0, parts: scopeParts, scopeMetrics: metrics)) })
        figures.lists = catalog.lists.indices.map { (catalog.lists[$0].name, entries($0, parts: scopeParts)) }
        figures.doubleDeclineYears = doubleDeclineYears(metrics)
        return figures
    }

    private func namedScope(name: String, kind: ScopeFigures.Kind, parts scopeParts: [Int], slot: Int, prior: Int?) -> ScopeFigures {
        let metrics = self.metrics(parts: scopeParts, slot: slot, prior: prior, series: false)
        return ScopeFigures(scope: name, kind: kind, metrics: metrics, breakdowns: [])
    }

    /// What a scope's figure is made of, before it becomes a `MetricFigure`.
    struct Amount {
        var value: ExactDecimal?
        var prior: ExactDecimal?
        var missing = false
        var incomplete: [String] = []
        var priorMissing = false
        var priorIncomplete: [String] = []
        var unavailable = false
        /// The parts whose data the value sums (every part of the scope that reported).
        var reporting: [Int] = []
        var priorOK = false
    }

    private func names(_ ps: [Int]) -> [String] { ps.map { parts[$0] } }

    /// Whether part `p` gives metric `i` a value for the window: it sent the kind, and its
    /// register has the columns the metric reads.
    private func reports(_ i: Int, slot s: Int, part p: Int, kind k: Int) -> Bool {
        covered[s][p][k] && !(lacking[i]?[s][p] ?? false)
    }

    /// Whether part `p` not reporting matters to a scope: always to its own; to the region only
    /// when the region expects it (`expected`).
    private func counts(_ p: Int, in scopeParts: [Int]) -> Bool { scopeParts.count == 1 || expected[p] }

    /// A kind has a prior period unless it is a snapshot roster.
    private func hasPrior(_ k: Int) -> Bool { !catalog.kinds[k].isRoster || catalog.kinds[k].year != nil }

    func amount(_ i: Int, parts scopeParts: [Int], slot s: Int, prior s2: Int?) -> Amount {
        let m = declarations[i]
        var a = Amount()
        if unavailable.contains(i) { a.unavailable = true; return a }
        guard let k = m.kind else { return a }
        a.reporting = scopeParts.filter { reports(i, slot: s, part: $0, kind: k) }
        let absent = scopeParts.filter { !reports(i, slot: s, part: $0, kind: k) && counts($0, in: scopeParts) }
        if a.reporting.isEmpty {
            a.missing = true
            a.incomplete = scopeParts.count > 1 ? names(absent) : []
            return a
        }
        if scopeParts.count > 1 { a.incomplete = names(absent) }
        func value(_ slot: Int, _ ps: [Int]) -> ExactDecimal? {
            if let c = additive[i] {
                return cube.total(slot: slot, parts: ps, column: c).map { cube.metrics[c].exact($0) }
            }
            if let d = distinct[i] { return ExactDecimal(cube.distinctCount(slot: slot, metric: d, parts: ps)) }
            return nil
        }
        a.value = value(s, a.reporting)
        if let s2, hasPrior(k) {
            let priorAbsent = a.reporting.filter { !reports(i, slot: s2, part: $0, kind: k) && counts($0, in: scopeParts) }
            if !priorAbsent.isEmpty {
                a.priorMissing = true
                if scopeParts.count > 1 { a.priorIncomplete = names(priorAbsent) }
            } else {
                a.prior = value(s2, a.reporting)
                a.priorOK = true
            }
        }
        return a
    }

    func metrics(parts scopeParts: [Int], slot s: Int, prior s2: Int?, series: Bool) -> [MetricFigure] {
        var amounts: [String: Amount] = [:]
        var out: [MetricFigure] = []
        for (i, m) in declarations.enumerated() {
            if case .ratio(let n, let d) = m.measure {
                guard let num = amountByID(n, &amounts, parts: scopeParts, slot: s, prior: s2),
                      let den = amountByID(d, &amounts, parts: scopeParts, slot: s, prior: s2) else {
                    var f = MetricFigure(id: m.id, name: m.name, unit: "%", kind: .rate, value: ExactDecimal(0), prior: nil)
                    f.unavailable = true
                    out.append(f)
                    continue
                }
                out.append(rateFigure(m, num, den))
                continue
            }
            let a = amounts[m.id] ?? amount(i, parts: scopeParts, slot: s, prior: s2)
            amounts[m.id] = a
            var f = figure(m, a, index: i)
            if series, additive[i] != nil, let k = m.kind, !(catalog.kinds[k].isRoster && catalog.kinds[k].year == nil), !a.unavailable {
                f.series = seriesSlots.map { year, slot in
                    let reporting = scopeParts.filter { reports(i, slot: slot, part: $0, kind: k) }
                    guard !reporting.isEmpty, let c = additive[i], let v = cube.total(slot: slot, parts: reporting, column: c) else {
                        return SeriesPoint(year: year, value: nil)
                    }
                    return SeriesPoint(year: year, value: cube.metrics[c].exact(v),
                                       incomplete: scopeParts.count > 1 ? names(scopeParts.filter { !reports(i, slot: slot, part: $0, kind: k) && counts($0, in: scopeParts) }) : [])
                }
            }
            out.append(f)
        }
        return out
    }

    private func amountByID(_ id: String, _ amounts: inout [String: Amount], parts: [Int], slot: Int, prior: Int?) -> Amount? {
        if let a = amounts[id] { return a }
        guard let i = declarations.firstIndex(where: { $0.id == id }), !declarations[i].isRatio else { return nil }
        let a = amount(i, parts: parts, slot: slot, prior: prior)
        amounts[id] = a
        return a
    }

    private func figure(_ m: MetricDeclaration, _ a: Amount, index i: Int) -> MetricFigure {
        let isMoney = additive[i].map { cube.metrics[$0].exponent == -6 && m.unit == "万元" } ?? false
        var f = MetricFigure(id: m.id, name: m.name, unit: m.unit, kind: isMoney ? .money : .count,
                             value: a.value ?? ExactDecimal(0), prior: a.priorOK ? a.prior : nil)
        f.missing = a.missing
        f.incomplete = a.incomplete
        f.priorMissing = a.priorMissing
        f.priorIncomplete = a.priorIncomplete
        f.unavailable = a.unavailable
        return f
    }

    private func rateFigure(_ m: MetricDeclaration, _ num: Amount, _ den: Amount) -> MetricFigure {
        let bothPrior = num.priorOK && den.priorOK
        var f = MetricFigure.rate(id: m.id, name: m.name, numerator: num.value ?? ExactDecimal(0),
                                  denominator: den.value ?? ExactDecimal(0),
                                  priorNumerator: bothPrior ? num.prior : nil, priorDenominator: bothPrior ? den.prior : nil)
        f.missing = num.missing || den.missing
        f.unavailable = num.unavailable || den.unavailable
        f.incomplete = Array(Set(num.incomplete + den.incomplete)).sorted { parts.firstIndex(of: $0)! < parts.firstIndex(of: $1)! }
        f.priorMissing = num.priorMissing || den.priorMissing
        f.priorIncomplete = Array(Set(num.priorIncomplete + den.priorIncomplete)).sorted { parts.firstIndex(of: $0)! < parts.firstIndex(of: $1)! }
        return f
    }

    /// 完成率 for each target of this scope in P's year: actual ÷ target × 100.
    private func targets(scope: String?, metrics: [MetricFigure]) -> [MetricFigure] {
        dataset.targets
            .filter { $0.year == period.year && $0.part == scope }
            .sorted { $0.metric.unicodeScalars.lexicographicallyPrecedes($1.metric.unicodeScalars) }
            .compactMap { target in
                guard let actual = metrics.first(where: { $0.name == target.metric || $0.id == target.metric }), actual.hasValue else { return nil }
                let numerator: ExactDecimal
                let denominator: ExactDecimal
                if actual.kind == .rate {
                    // (n/d × 100) ÷ t = n × 100 ÷ (d × t), kept exact.
                    guard let r = actual.ratio,
                          let n = ExactDecimal.product(r.numerator, ExactDecimal(100)),
                          let d = ExactDecimal.product(r.denominator, target.value) else { return nil }
                    numerator = n; denominator = d
                } else {
                    numerator = actual.value; denominator = target.value
                }
                let ratio = Ratio(numerator, denominator)
                var f = MetricFigure(id: "targets.\(target.metric)", name: "\(target.metric)完成率", unit: "%", kind: .completion,
                                     value: ratio?.percent(decimals: 2) ?? ExactDecimal(0), prior: nil,
                                     ratio: ratio, parts: Fraction(numerator: actual.value, denominator: target.value))
                f.incomplete = actual.incomplete
                return f
            }
    }

    // MARK: Breakdowns, lists, series

    private func rows(_ b: Int, parts scopeParts: [Int], scopeMetrics: [MetricFigure]) -> [Breakdown] {
        let breakdown = cube.breakdowns[b]
        let kinds = breakdown.declaration.kinds
        let counters = kinds.map { cube.metrics.count + $0 }
        func records(_ key: Int, prior: Int) -> Int64 {
            counters.reduce(0) { $0 + (cube.cell(b, prior: prior, parts: scopeParts, key: key, column: $1) ?? 0) }
        }
        let counts = (0..<breakdown.keyCount).map { records($0, prior: 0) }
        var keys = breakdown.order(counts: counts)
        if !breakdown.isMonth { keys = keys.filter { counts[$0] > 0 || records($0, prior: 1) > 0 } }
        // The metrics of the breakdown's kinds, in declaration order; ratios whose parts are among them.
        let included = declarations.indices.filter { i in
            let m = declarations[i]
            if let k = m.kind { return additive[i] != nil && kinds.contains(k) }
            if case .ratio(let n, let d) = m.measure {
                return [n, d].allSatisfy { id in declarations.first { $0.id == id }.flatMap(\.kind).map(kinds.contains) ?? false }
            }
            return false
        }
        var amounts: [Int: Amount] = [:]
        for i in included where additive[i] != nil { amounts[i] = amount(i, parts: scopeParts, slot: 0, prior: 1) }
        return keys.map { key in
            var values: [String: (ExactDecimal?, ExactDecimal?)] = [:]
            var metrics: [MetricFigure] = []
            for i in included {
                let m = declarations[i]
                let scope = scopeMetrics.first { $0.id == m.id }
                if case .ratio(let n, let d) = m.measure {
                    let num = values[n], den = values[d]
                    let bothPrior = num?.1 != nil && den?.1 != nil
                    var f = MetricFigure.rate(id: m.id, name: m.name, numerator: num?.0 ?? ExactDecimal(0), denominator: den?.0 ?? ExactDecimal(0),
                                              priorNumerator: bothPrior ? num?.1 : nil, priorDenominator: bothPrior ? den?.1 : nil)
                    f.missing = scope?.missing ?? false
                    f.unavailable = scope?.unavailable ?? false
                    f.priorMissing = scope?.priorMissing ?? false
                    metrics.append(f)
                    continue
                }
                guard let c = additive[i], let scope, let a = amounts[i] else { continue }
                let now = a.value == nil ? nil : cube.cell(b, prior: 0, parts: a.reporting, key: key, column: c).map { cube.metrics[c].exact($0) }
                let before = a.priorOK ? cube.cell(b, prior: 1, parts: a.reporting, key: key, column: c).map { cube.metrics[c].exact($0) } : nil
                values[m.id] = (now, before)
                let whole = breakdown.declaration.shares && scope.hasValue ? scope.value : nil
                var f = MetricFigure(id: m.id, name: m.name, unit: m.unit, kind: scope.kind, value: now ?? ExactDecimal(0), prior: before,
                                     share: whole.flatMap { w in w.significand > 0 ? now.flatMap { Ratio($0, w) } : nil }, shareOf: whole)
                f.missing = scope.missing
                f.unavailable = scope.unavailable
                f.priorMissing = scope.priorMissing
                f.incomplete = scope.incomplete
                metrics.append(f)
            }
            return Breakdown(key: breakdown.keys[key], metrics: metrics)
        }
    }

    private func entries(_ l: Int, parts scopeParts: [Int]) -> [ListEntry] {
        let list = catalog.lists[l]
        let table = dataset.tables[list.kind]
        let dateColumn = catalog.kinds[list.kind].date
        let wanted = Set(scopeParts)
        var partIndex: [Int32: Int] = [:]
        for (i, part) in parts.enumerated() { if let code = dataset.parts.existingCode(for: part) { partIndex[code] = i } }
        let rows = cube.listRows[l].filter { partIndex[table.part[$0]].map(wanted.contains) ?? false }
        let sorted = rows.sorted { a, b in
            let da = dateColumn.flatMap { table.columns[$0].day(a) }, db = dateColumn.flatMap { table.columns[$0].day(b) }
            if da != db { return (da?.number ?? 0) < (db?.number ?? 0) }
            let pa = table.provenance[a], pb = table.provenance[b]
            return (pa.file, pa.sheet, pa.row) < (pb.file, pb.sheet, pb.row)
        }
        return sorted.map { r in
            ListEntry(fields: list.fields.map { c in (catalog.field(kind: list.kind, column: c).name, FiguresRun.cellText(dataset, list.kind, c, r)) },
                      source: dataset.describe(table.provenance[r]), date: dateColumn.flatMap { table.columns[$0].day(r) })
        }
    }

    /// A cell as a document prints it.
    static func cellText(_ dataset: Dataset, _ k: Int, _ c: Int, _ r: Int) -> String {
        let field = dataset.catalog.field(kind: k, column: c)
        let col = dataset.tables[k].columns[c]
        switch field.type {
        case .date: return col.day(r)?.description ?? ""
        case .money: return Money(fen: col.int64(r)).wanYuanText
        case .count, .year: return String(col.int32(r))
        case .number: return col.decimal(r).text
        case .bool: return col.byte(r) == 1 ? "是" : "否"
        case .level: return AccidentLevel(rawValue: col.byte(r))?.name ?? ""
        case .status: return col.byte(r) == 1 ? "已整改" : col.byte(r) == 2 ? "未整改" : ""
        default: return dataset.text(kind: k, column: c, row: r) ?? ""
        }
    }

    /// Consecutive years ending with the report's in which 事故起数 and 事故死亡人数 both fell.
    private func doubleDeclineYears(_ metrics: [MetricFigure]) -> Int {
        guard let count = metrics.first(where: { $0.id == "accidents.count" })?.series,
              let deaths = metrics.first(where: { $0.id == "accidents.deaths" })?.series,
              count.count == deaths.count else { return 0 }
        var years = 0
        var i = count.count - 1
        while i >= 1 {
            guard let c1 = count[i].value, let c0 = count[i - 1].value, let d1 = deaths[i].value, let d0 = deaths[i - 1].value,
                  count[i].incomplete.isEmpty, count[i - 1].incomplete.isEmpty,
                  ExactDecimal.difference(c1, c0).significand < 0, ExactDecimal.difference(d1, d0).significand < 0 else { break }
            years += 1
            i -= 1
        }
        return years
    }
}
