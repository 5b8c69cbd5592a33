import Model

/// `safetystats explain`: the input rows behind one figure, each with what it contributes.
///
/// Any metric of the catalog works, by id or name, with its filter shown. Rows are selected from
/// the tables record by record with the same compiled predicates the cube uses, but summed here
/// row by row, so the total is a check of the cube's aggregation (`Explanation.matchesFigure`).
///
/// What is listed: for counts, every record counted; for sums, every record with a non-zero amount;
/// for a ratio, every record that adds to its numerator or denominator; for a distinct count, every
/// record with a value, the first of each value (in source order) counting 1 and its repeats 0; for
/// a completion rate, the rows of the figure it measures.
public enum MetricExplainer {
    /// Explains `metric` (an id such as `accidents.deaths` or a name such as `事故死亡人数`,
    /// `检查单位数`, `隐患整改率`, `targets.事前处罚起数`, `事前处罚起数完成率`).
    ///
    /// - Parameters:
    ///   - part: a part name or alias (区县 at level 市, 镇街 otherwise); nil, the region's name or
    ///     `全市`/`全区`/`全县` mean the whole region.
    ///   - industry: a 行业领域 breakdown row (`未填写` for records without one).
    ///   - month: a 月份 breakdown row, 1…12 within P.
    ///   - breakdown: any breakdown row, as (by, key): (`来源`, `专项整治`).
    ///   - prior: explain the prior period's value (P′, with its own as-of date) instead.
    ///   - figures: the figures of `period` when already computed (or read back); computed here otherwise.
    public static func explain(_ metric: String, part: String? = nil, industry: String? = nil, month: Int? = nil,
                               breakdown: (by: String, key: String)? = nil, prior: Bool = false,
                               in dataset: Dataset, period: ReportPeriod, figures: Figures? = nil) throws(MetricsError) -> Explanation {
        let scope = try resolveScope(part, in: dataset)
        let declarations = FiguresBuilder.declarations(dataset)
        let subject = try resolveSubject(metric, scope: scope, declarations: declarations, dataset: dataset, period: period)
        var row: (by: String, key: String)?
        if let industry { row = ("行业领域", try industryKey(industry, in: dataset)) }
        if let month {
            guard let (y, m) = period.months.first(where: { $0.month == month }) else {
                throw .badPeriod("月份须在 1 到 12 之间(\(period.label)),而不是 \(month)")
            }
            row = ("月份", "\(y)-\(m < 10 ? "0" : "")\(m)")
        }
        if let breakdown { row = breakdown }
        if row != nil {
            if subject.target != nil || subject.metric.isDistinct {
                throw .unknownMetric("「\(subject.name)」没有按\(row!.by)的分项")
            }
            guard dataset.catalog.breakdowns.contains(where: { $0.by == row!.by }) else {
                throw .unknownScope("没有「\(row!.by)」这一分项。可选:\(dataset.catalog.breakdowns.map(\.by).joined(separator: "、"))")
            }
        }
        if prior, subject.target != nil { throw .unknownMetric("「\(subject.name)」没有同期值") }

        let selection = Selection(dataset: dataset, period: period, prior: prior, scope: scope, row: row)
        let measured = subject.metric
        var rows: [ExplainedRow] = []
        var denominator: ExactDecimal?
        var asOf: Day?
        switch measured.measure {
        case .ratio(let n, let d):
            guard let num = declarations.first(where: { $0.id == n }), let den = declarations.first(where: { $0.id == d }) else {
                throw .unknownMetric("比率「\(measured.name)」的分子或分母不在本次数据中")
            }
            rows = ratioRows(num, den, selection)
            denominator = sum(rows.compactMap(\.denominatorContribution))
            asOf = selection.asOf
        case .distinct:
            rows = distinctRows(measured, selection)
        default:
            rows = additiveRows(measured, selection)
            if let k = measured.kind, dataset.catalog.kinds[k].rectification != nil { asOf = selection.asOf }
        }

        let all = figures ?? FiguresBuilder.compute(dataset, period: period)
        let shown = figure(for: subject, scope: scope, row: row, prior: prior, figures: all)
        return Explanation(id: subject.id, name: subject.name, unit: subject.unit, scope: scope.name ?? dataset.config.name,
                           breakdown: row.map { "\($0.by)「\($0.key)」" }, filter: filterText(measured, declarations),
                           periodLabel: prior ? period.priorLabel : period.label, prior: prior,
                           asOf: asOf, rows: rows, total: sum(rows.map(\.contribution)), denominator: denominator,
                           target: subject.target, figure: shown)
    }

    // MARK: - What is asked

    /// The scope: nil name = the region; a part's name and its code in `Dataset.parts` (nil when
    /// the config lists a part that has no records).
    struct Scope {
        let name: String?
        let code: Int32?
    }

    static func resolveScope(_ text: String?, in dataset: Dataset) throws(MetricsError) -> Scope {
        guard let raw = text.map(TextKey.trimmed), !raw.isEmpty else { return Scope(name: nil, code: nil) }
        let config = dataset.config
        if raw == config.name || raw == config.level.wholeWord || config.regionAliases.contains(raw) {
            return Scope(name: nil, code: nil)
        }
        let parts = FiguresBuilder.partOrder(dataset)
        let key = TextKey.key(raw)
        let name = parts.first { TextKey.key($0) == key }
            ?? config.partAliases.first { TextKey.key($0.key) == key }?.value
        guard let name, parts.contains(name) else {
            let word = config.level.partsAreTowns ? "镇街" : "区县"
            throw .unknownScope("没有名为「\(raw)」的\(word)。可选:\(parts.joined(separator: "、"))(或 \(config.name) 表示全域)")
        }
        return Scope(name: name, code: dataset.parts.existingCode(for: name))
    }

    struct Subject {
        let id: String
        let name: String
        let unit: String
        /// The metric whose rows are listed (for a completion rate: the one it measures).
        let metric: MetricDeclaration
        let target: Target?
    }

    static func resolveSubject(_ text: String, scope: Scope, declarations: [MetricDeclaration], dataset: Dataset,
                               period: ReportPeriod) throws(MetricsError) -> Subject {
        let raw = TextKey.trimmed(text)
        func plain(_ t: String) -> MetricDeclaration? { declarations.first { $0.id == t } ?? declarations.first { $0.name == t } }
        func unit(_ m: MetricDeclaration) -> String {
            if case .ratio(_, let d) = m.measure { return declarations.first { $0.id == d }?.unit ?? "" }
            return m.unit
        }
        if let m = plain(raw) { return Subject(id: m.id, name: m.name, unit: unit(m), metric: m, target: nil) }
        // targets.<metric name> (the figures.json id) or <metric name>完成率 (its name).
        var metricName: String?
        if raw.hasPrefix("targets.") { metricName = String(raw.dropFirst("targets.".count)) }
        if raw.hasSuffix("完成率") { metricName = String(raw.dropLast("完成率".count)) }
        if let metricName, !metricName.isEmpty {
            let candidates = dataset.targets.filter { $0.year == period.year && $0.part == scope.name }
            // As written in the target, else the same metric by its other name (事前处罚起数 / penalties.pre).
            let sameMetric = plain(metricName)?.id
            guard let target = candidates.first(where: { $0.metric == metricName })
                    ?? candidates.first(where: { sameMetric != nil && plain($0.metric)?.id == sameMetric })
            else {
                let whose = scope.name ?? dataset.config.name
                throw .unknownMetric("\(whose) 没有 \(period.year) 年「\(metricName)」的目标")
            }
            guard let actual = plain(target.metric) else {
                throw .unknownMetric("目标「\(target.metric)」(\(target.origin))不是可统计的指标")
            }
            return Subject(id: "targets.\(target.metric)", name: "\(target.metric)完成率", unit: unit(actual), metric: actual, target: target)
        }
        let known = declarations.map { "\($0.name)(\($0.id))" }
        throw .unknownMetric("未知指标「\(raw)」。可用的指标:\(known.joined(separator: "、"));完成率写作 targets.<指标名称>")
    }

    static let missingIndustry = CompiledBreakdown.missingName

    /// The 行业领域 row a name (or alias) stands for; `未填写` for records without one.
    static func industryKey(_ text: String, in dataset: Dataset) throws(MetricsError) -> String {
        let raw = TextKey.trimmed(text)
        if dataset.industries.existingCode(for: raw) != nil { return raw }
        if let canonical = dataset.config.industryAliases[raw], dataset.industries.existingCode(for: canonical) != nil { return canonical }
        if raw == missingIndustry { return raw }
        let known = dataset.industries.strings + [missingIndustry]
        throw .unknownScope("数据中没有行业领域「\(raw)」。可选:\(known.joined(separator: "、"))")
    }

    /// The figure as figures.json shows it, in the form `Explanation.figure` documents.
    static func figure(for subject: Subject, scope: Scope, row: (by: String, key: String)?, prior: Bool,
                       figures: Figures) -> Fraction? {
        let scopeFigures = scope.name.map { name in figures.parts.first { $0.scope == name } } ?? figures.regionScope
        guard let scopeFigures else { return nil }
        let figure: MetricFigure?
        if let row {
            figure = scopeFigures.breakdown(row.by).first { $0.key == row.key }?.metric(subject.id)
        } else {
            figure = scopeFigures.metric(subject.id)
        }
        guard let figure, figure.hasValue else { return nil }
        let one = ExactDecimal(1)
        switch figure.kind {
        case .count, .money:
            guard let value = prior ? figure.prior : figure.value else { return nil }
            return Fraction(numerator: value, denominator: one)
        case .rate:
            if prior {
                guard let r = figure.priorRatio else { return Fraction(numerator: ExactDecimal(0), denominator: ExactDecimal(0)) }
                return Fraction(numerator: r.numerator, denominator: r.denominator)
            }
            return figure.parts
        case .completion:
            return figure.parts
        }
    }

    static func filterText(_ m: MetricDeclaration, _ declarations: [MetricDeclaration]) -> String {
        if case .ratio(let n, let d) = m.measure {
            let name = { (id: String) in declarations.first { $0.id == id }.map { "\($0.name)（\($0.filterText)）" } ?? id }
            return "\(name(n)) ÷ \(name(d))"
        }
        return m.filterText
    }

    // MARK: - Which records

    /// The records of one scope, period and breakdown row — the same cells the cube sums.
    struct Selection {
        let dataset: Dataset
        let range: ClosedRange<Day>
        let asOf: Day
        let prior: Bool
        let period: ReportPeriod
        let scope: Scope
        let row: (by: String, key: String)?
        /// Part codes of the region's parts (a record without one is in no scope).
        let regionParts: Set<Int32>

        init(dataset: Dataset, period: ReportPeriod, prior: Bool, scope: Scope, row: (by: String, key: String)?) {
            self.dataset = dataset
            self.period = period
            range = period.range(prior: prior)
            asOf = period.asOf(prior: prior)
            self.prior = prior
            self.scope = scope
            self.row = row
            regionParts = Set(FiguresBuilder.partOrder(dataset).compactMap { dataset.parts.existingCode(for: $0) })
        }

        /// The breakdown reader of `row`, compiled for this dataset and period.
        func breakdown() -> CompiledBreakdown? {
            guard let row, let b = dataset.catalog.breakdowns.first(where: { $0.by == row.by }) else { return nil }
            return CompiledBreakdown(b, dataset: dataset, period: period)
        }

        /// Rows of `kind` in the window, the scope and the breakdown row.
        func records(kind k: Int) -> [Int] {
            let table = dataset.tables[k]
            let kind = dataset.catalog.kinds[k]
            let slot = CubeSlot(range: range, isCurrent: !prior, breakdown: prior ? 1 : 0)
            let reader = breakdown()
            let key = reader.flatMap { b in row.flatMap { r in b.keys.firstIndex(of: r.key).map(Int32.init) } }
            if row != nil && (key == nil || reader?.readers[k] == nil) { return [] }
            return (0..<table.count).filter { r in
                let part = table.part[r]
                guard regionParts.contains(part) else { return false }
                if scope.name != nil, scope.code != part { return false }
                guard MetricCube.isMember(kind, table, r, slot) else { return false }
                guard let reader, let key else { return true }
                var found = false
                reader.forEachKey(kind: k, table, r, prior: prior ? 1 : 0, asOf: asOf, rule: kind.rectification) { if $0 == key { found = true } }
                return found
            }
        }
    }

    static func row(_ k: Int, _ r: Int, _ s: Selection, contribution: ExactDecimal, denominator: ExactDecimal? = nil,
                    detail: String) -> ExplainedRow {
        let d = s.dataset
        let catalog = d.catalog
        let table = d.tables[k]
        let kind = catalog.kinds[k]
        let id = kind.id.flatMap { d.text(kind: k, column: $0, row: r) }
        let date = kind.date.flatMap { table.columns[$0].day(r) }
        let industry = catalog.column(kind: k, named: "行业领域").flatMap { d.text(kind: k, column: $0, row: r) }
        let unitName = catalog.column(kind: k, named: "单位名称").flatMap { d.text(kind: k, column: $0, row: r) }
        return ExplainedRow(kind: kind.name, source: d.describe(table.provenance[r]), provenance: table.provenance[r],
                            recordID: id, date: date, part: d.parts[table.part[r]] ?? "?",
                            industry: industry ?? missingIndustry, unitName: unitName,
                            contribution: contribution, denominatorContribution: denominator, detail: detail)
    }

    static func sourceOrder(_ a: ExplainedRow, _ b: ExplainedRow) -> Bool {
        let x = a.provenance, y = b.provenance
        if x.file != y.file { return x.file < y.file }
        if x.sheet != y.sheet { return x.sheet < y.sheet }
        return x.row < y.row
    }

    /// Rows of a count or sum: each record's amount, records adding nothing left out.
    static func additiveRows(_ m: MetricDeclaration, _ s: Selection) -> [ExplainedRow] {
        guard let k = m.kind else { return [] }
        let compiled = CompiledMetric(m, kind: k, dataset: s.dataset)
        let table = s.dataset.tables[k]
        var rows: [ExplainedRow] = []
        for r in s.records(kind: k) {
            guard let amount = compiled.contribution(table, r, asOf: s.asOf), amount != 0 else { continue }
            rows.append(row(k, r, s, contribution: compiled.exact(amount), detail: detail(m, compiled, r, s)))
        }
        return rows.sorted(by: sourceOrder)
    }

    /// A ratio: every record that adds to its numerator or its denominator.
    static func ratioRows(_ n: MetricDeclaration, _ d: MetricDeclaration, _ s: Selection) -> [ExplainedRow] {
        guard let kn = n.kind, let kd = d.kind else { return [] }
        let num = CompiledMetric(n, kind: kn, dataset: s.dataset)
        let den = CompiledMetric(d, kind: kd, dataset: s.dataset)
        var rows: [ExplainedRow] = []
        for k in Set([kn, kd]).sorted() {
            let table = s.dataset.tables[k]
            for r in s.records(kind: k) {
                let a = k == kn ? num.contribution(table, r, asOf: s.asOf) ?? 0 : 0
                let b = k == kd ? den.contribution(table, r, asOf: s.asOf) ?? 0 : 0
                guard a != 0 || b != 0 else { continue }
                rows.append(row(k, r, s, contribution: num.exact(a), denominator: den.exact(b),
                                detail: detail(n.conditions.isEmpty ? d : n, k == kn ? num : den, r, s)))
            }
        }
        return rows.sorted(by: sourceOrder)
    }

    /// A distinct count: every record with a value; the first of each value counts.
    static func distinctRows(_ m: MetricDeclaration, _ s: Selection) -> [ExplainedRow] {
        guard let k = m.kind, case .distinct(let column) = m.measure else { return [] }
        let compiled = CompiledMetric(m, kind: k, dataset: s.dataset)
        let table = s.dataset.tables[k]
        let field = s.dataset.catalog.field(kind: k, column: column)
        var candidates: [(row: ExplainedRow, value: Int32)] = []
        for r in s.records(kind: k) where table.columns[column].code(r) >= 0 && compiled.holds(table, r, asOf: s.asOf) {
            candidates.append((row(k, r, s, contribution: ExactDecimal(0), detail: ""), table.columns[column].code(r)))
        }
        candidates.sort { sourceOrder($0.row, $1.row) }
        var firstSeen: [Int32: String] = [:]
        let noun = field.name.hasSuffix("名称") ? String(field.name.dropLast(2)) : field.name
        return candidates.map { candidate in
            let r = candidate.row
            let first = firstSeen[candidate.value]
            if first == nil { firstSeen[candidate.value] = r.source }
            return ExplainedRow(kind: r.kind, source: r.source, provenance: r.provenance, recordID: r.recordID, date: r.date,
                                part: r.part, industry: r.industry, unitName: r.unitName,
                                contribution: ExactDecimal(first == nil ? 1 : 0), denominatorContribution: nil,
                                detail: first.map { "同一\(noun)已在 \($0) 计入" } ?? "首次出现")
        }
    }

    // MARK: - Why a row counts

    /// What a row adds, in words: the summed columns (`死亡1人、失踪1人`, `罚款 3103750元`), or the
    /// values the metric's conditions read (`事故等级 较大`, the rectification as of the as-of date).
    static func detail(_ m: MetricDeclaration, _ compiled: CompiledMetric, _ r: Int, _ s: Selection) -> String {
        guard let k = compiled.kind as Int? else { return "" }
        let d = s.dataset
        let catalog = d.catalog
        let table = d.tables[k]
        let kind = catalog.kinds[k]
        if case .sum(let columns) = m.measure {
            let parts = columns.compactMap { c -> String? in
                let field = catalog.field(kind: k, column: c)
                let label = field.name.hasSuffix("人数") ? String(field.name.dropLast(2))
                    : field.name.hasSuffix("金额") ? String(field.name.dropLast(2)) : field.name
                let col = table.columns[c]
                switch field.type {
                case .money:
                    let money = Money(fen: col.int64(r))
                    return field.defaultUnit == .yuan ? "\(label) \(money.yuanText)元" : "\(label) \(money.wanYuanText)万元"
                case .number:
                    return "\(label) \(col.decimal(r).text)\(m.unit)"
                default:
                    let v = col.integer(r)
                    return v == 0 && columns.count > 1 ? nil : "\(label)\(v)\(m.unit)"
                }
            }
            return parts.joined(separator: "、")
        }
        var words: [String] = []
        let conditions = m.conditions
        if conditions.isEmpty {
            // A plain count: what tells the record apart.
            if let level = kind.level {
                words.append("\(catalog.field(kind: k, column: level.field).name) \(FiguresRun.cellText(d, k, level.field, r))")
            } else if kind.rectification != nil {
                if let c = catalog.column(kind: k, named: "隐患等级") { words.append("\(catalog.field(kind: k, column: c).name) \(FiguresRun.cellText(d, k, c, r))") }
                words.append(rectificationText(table, r, asOf: s.asOf, rule: kind.rectification))
            } else if let c = kind.fields.indices.first(where: { c in
                let f = catalog.field(kind: k, column: c)
                return (f.type == .text || f.type == .list) && f.name != "单位名称" && table.columns[c].code(r) >= 0
            }) {
                words.append("\(catalog.field(kind: k, column: c).name) \(FiguresRun.cellText(d, k, c, r))")
            }
            return words.joined(separator: "、")
        }
        for c in conditions {
            switch c.field {
            case .rectified:
                words.append(rectificationText(table, r, asOf: s.asOf, rule: kind.rectification))
            case .overdue:
                if let dc = kind.rectification?.deadline, let due = table.columns[dc].day(r) {
                    words.append("整改期限 \(due) 早于 \(s.asOf),\(rectificationText(table, r, asOf: s.asOf, rule: kind.rectification))")
                }
            case .month:
                if let dc = kind.date, let day = table.columns[dc].day(r) { words.append("月份 \(day.month)") }
            case .column(let col):
                words.append("\(c.fieldName) \(FiguresRun.cellText(d, k, col, r))")
            }
        }
        return words.joined(separator: "、")
    }

    /// `整改完成 2022-03-09`, `整改完成 2022-12-02,晚于 2022-11-30,本期未整改`, `已整改(无完成日期)`, `截至 2022-11-30 未整改`.
    static func rectificationText(_ t: RecordTable, _ r: Int, asOf: Day, rule: RectificationRule?) -> String {
        if let c = rule?.completed, let done = t.columns[c].day(r) {
            return done <= asOf ? "整改完成 \(done)" : "整改完成 \(done),晚于 \(asOf),本期未整改"
        }
        if let s = rule?.status, t.columns[s].byte(r) == 1 { return "已整改(无完成日期)" }
        return "截至 \(asOf) 未整改"
    }

    /// Σ of exact decimals.
    static func sum(_ values: [ExactDecimal]) -> ExactDecimal {
        values.reduce(ExactDecimal(0)) { ExactDecimal.difference($0, ExactDecimal(significand: -$1.significand, exponent: $1.exponent)) }
    }
}
