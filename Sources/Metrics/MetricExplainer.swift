import Model

/// `safetystats explain`: the input rows behind one figure, each with what it contributes.
///
/// The rows are selected again from the tables, record by record, by the definitions of
/// METRICS.md — not read back from the aggregation cube — so that the total is an independent
/// check of the figure (`Explanation.matchesFigure`).
///
/// What is listed: for counts, every record counted; for sums (死亡, 受伤, 损失, 罚款), every
/// record with a non-zero amount; for 隐患整改率, every hazard found (numerator 1 when rectified
/// by the as-of date, else 0); for 检查单位数, every inspection with a unit name, the first of each
/// unit (in source order) counting 1 and its repeats 0; for a completion rate, the rows of the
/// figure it measures.
public enum MetricExplainer {
    /// Explains `metric` (an id such as `accidents.deaths` or a name such as `事故死亡人数`,
    /// `检查单位数`, `隐患整改率`, `targets.事前处罚起数`, `事前处罚起数完成率`).
    ///
    /// - Parameters:
    ///   - part: a part name or alias (区县 at level 市, 镇街 otherwise); nil, the region's name or
    ///     `全市`/`全区`/`全县` mean the whole region.
    ///   - industry: a 行业领域 breakdown row (`未填写` for records without one).
    ///   - month: a 月份 breakdown row, 1…`period.through`.
    ///   - prior: explain the prior period's value (P′, with its own as-of date) instead.
    ///   - figures: the figures of `period` when already computed; computed here otherwise.
    public static func explain(_ metric: String, part: String? = nil, industry: String? = nil, month: Int? = nil,
                               prior: Bool = false, in dataset: Dataset, period: ReportPeriod,
                               figures: Figures? = nil) throws(MetricsError) -> Explanation {
        let scope = try resolveScope(part, in: dataset)
        let subject = try resolveSubject(metric, scope: scope, dataset: dataset, period: period)
        if industry != nil || month != nil {
            switch subject.kind {
            case .sum, .rate: break
            case .units, .target:
                throw .unknownMetric("「\(subject.name)」没有按行业领域或月份的分项")
            }
        }
        if prior, case .target = subject.kind { throw .unknownMetric("「\(subject.name)」没有同期值") }
        let industryCode = try industry.map { name throws(MetricsError) in try resolveIndustry(name, in: dataset) }
        if let month, !(1...period.through).contains(month) {
            throw .badPeriod("月份须在 1 到 \(period.through) 之间(\(period.label)),而不是 \(month)")
        }

        let selection = Selection(dataset: dataset, period: period, prior: prior, scope: scope, industry: industryCode,
                                  month: month)
        var target: Target?
        var measured = subject.kind
        if case .target(let t, let actual) = subject.kind {
            target = t
            measured = actual
        }
        var rows: [ExplainedRow] = []
        var denominator: ExactDecimal?
        var asOf: Day?
        switch measured {
        case .sum(let m):
            rows = sumRows(m, selection)
            if m.isHazard { asOf = selection.asOf }
        case .units:
            rows = unitRows(selection)
        case .rate:
            rows = rateRows(selection)
            denominator = sum(rows.compactMap(\.denominatorContribution))
            asOf = selection.asOf
        case .target:
            break    // a target always measures a plain figure (resolveSubject)
        }

        let all = figures ?? FiguresBuilder.compute(dataset, period: period)
        let shown = figure(for: subject, scope: scope, industry: industry.map { industryKey($0, code: industryCode, dataset) },
                           month: month, prior: prior, period: period, figures: all)
        var breakdown: String?
        if let industry, let code = industryCode { breakdown = "行业领域「\(industryKey(industry, code: code, dataset))」" }
        if let month { breakdown = "月份「\(monthKey(period.year, month))」" }
        return Explanation(id: subject.id, name: subject.name, unit: subject.unit, scope: scope.name ?? dataset.config.name,
                           breakdown: breakdown, periodLabel: prior ? period.priorLabel : period.label, prior: prior,
                           asOf: asOf, rows: rows, total: sum(rows.map(\.contribution)), denominator: denominator,
                           target: target, figure: shown)
    }

    // MARK: - What is asked

    /// The scope: nil name = the region; a part's name and its code in `Dataset.parts` (nil when
    /// the config lists a part that has no records).
    struct Scope {
        let name: String?
        let code: Int32?
    }

    static func resolveScope(_ text: String?, in dataset: Dataset) throws(MetricsError) -> Scope {
        guard let raw = text?.trimmed, !raw.isEmpty else { return Scope(name: nil, code: nil) }
        let config = dataset.config
        if raw == config.name || raw == config.level.wholeWord || config.regionAliases.contains(raw) {
            return Scope(name: nil, code: nil)
        }
        let parts = FiguresBuilder.partOrder(dataset)
        let name = parts.contains(raw) ? raw : config.partAliases[raw]
        guard let name, parts.contains(name) else {
            let word = config.level.partsAreTowns ? "镇街" : "区县"
            throw .unknownScope("没有名为「\(raw)」的\(word)。可选:\(parts.joined(separator: "、"))(或 \(config.name) 表示全域)")
        }
        return Scope(name: name, code: dataset.parts.existingCode(for: name))
    }

    enum SubjectKind {
        case sum(Metric)
        case units
        case rate
        /// A completion rate and the figure whose actual value it measures.
        indirect case target(Target, actual: SubjectKind)
    }

    struct Subject {
        let id: String
        let name: String
        let unit: String
        let kind: SubjectKind
    }

    static let unitsID = "inspections.units", unitsName = "检查单位数"
    static let rateID = "hazards.rate", rateName = "隐患整改率"

    static func resolveSubject(_ text: String, scope: Scope, dataset: Dataset, period: ReportPeriod) throws(MetricsError) -> Subject {
        let raw = text.trimmed
        if let direct = plainSubject(raw) { return direct }
        // targets.<metric name> (the figures.json id) or <metric name>完成率 (its name).
        var metricName: String?
        if raw.hasPrefix("targets.") { metricName = String(raw.dropFirst("targets.".count)) }
        if raw.hasSuffix("完成率") { metricName = String(raw.dropLast("完成率".count)) }
        if let metricName, !metricName.isEmpty {
            let candidates = dataset.targets.filter { $0.year == period.year && $0.part == scope.name }
            // As written in the target, else the same metric by its other name (事前处罚起数 / penalties.pre).
            let sameMetric = plainSubject(metricName)?.id
            guard let target = candidates.first(where: { $0.metric == metricName })
                    ?? candidates.first(where: { sameMetric != nil && plainSubject($0.metric)?.id == sameMetric })
            else {
                let whose = scope.name ?? dataset.config.name
                throw .unknownMetric("\(whose) 没有 \(period.year) 年「\(metricName)」的目标")
            }
            guard let actual = plainSubject(target.metric) else {
                throw .unknownMetric("目标「\(target.metric)」(\(target.origin))不是可统计的指标")
            }
            return Subject(id: "targets.\(target.metric)", name: "\(target.metric)完成率", unit: actual.unit,
                           kind: .target(target, actual: actual.kind))
        }
        let known = Metric.allCases.map { "\($0.name)(\($0.id))" } + ["\(rateName)(\(rateID))", "\(unitsName)(\(unitsID))"]
        throw .unknownMetric("未知指标「\(raw)」。可用的指标:\(known.joined(separator: "、"));完成率写作 targets.<指标名称>")
    }

    /// A metric that is not a completion rate, by id or name.
    static func plainSubject(_ text: String) -> Subject? {
        if let m = Metric.named(text) { return Subject(id: m.id, name: m.name, unit: m.unit, kind: .sum(m)) }
        if text == unitsID || text == unitsName { return Subject(id: unitsID, name: unitsName, unit: "家", kind: .units) }
        if text == rateID || text == rateName { return Subject(id: rateID, name: rateName, unit: "处", kind: .rate) }
        return nil
    }

    /// The industry code of a breakdown row; `StringDictionary.absent` for 未填写.
    static func resolveIndustry(_ text: String, in dataset: Dataset) throws(MetricsError) -> Int32 {
        let raw = text.trimmed
        if let code = dataset.industries.existingCode(for: raw) { return code }
        if let canonical = dataset.config.industryAliases[raw], let code = dataset.industries.existingCode(for: canonical) {
            return code
        }
        if raw == missingIndustry { return StringDictionary.absent }
        let known = dataset.industries.strings + [missingIndustry]
        throw .unknownScope("数据中没有行业领域「\(raw)」。可选:\(known.joined(separator: "、"))")
    }

    static let missingIndustry = "未填写"

    static func industryKey(_ text: String, code: Int32?, _ dataset: Dataset) -> String {
        guard let code else { return text }
        return dataset.industries[code] ?? missingIndustry
    }

    static func monthKey(_ year: Int, _ month: Int) -> String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    /// The figure as figures.json shows it, in the form `Explanation.figure` documents.
    static func figure(for subject: Subject, scope: Scope, industry: String?, month: Int?, prior: Bool,
                       period: ReportPeriod, figures: Figures) -> Fraction? {
        let scopeFigures = scope.name.map { name in figures.parts.first { $0.scope == name } } ?? figures.regionScope
        guard let scopeFigures else { return nil }
        let figure: MetricFigure?
        if let industry {
            figure = scopeFigures.industries.first { $0.key == industry }?.metric(subject.id)
        } else if let month {
            figure = scopeFigures.months.first { $0.key == monthKey(period.year, month) }?.metric(subject.id)
        } else {
            figure = scopeFigures.metric(subject.id)
        }
        guard let figure else { return nil }
        let one = ExactDecimal(1)
        switch subject.kind {
        case .sum, .units:
            guard let value = prior ? figure.prior : figure.value else { return nil }
            return Fraction(numerator: value, denominator: one)
        case .rate:
            if prior {
                guard let r = figure.priorRatio else { return Fraction(numerator: ExactDecimal(0), denominator: ExactDecimal(0)) }
                return Fraction(numerator: r.numerator, denominator: r.denominator)
            }
            return figure.parts
        case .target:
            return figure.parts
        }
    }

    // MARK: - Which records

    /// The records of one scope, period and breakdown row — the same cells the cube sums.
    struct Selection {
        let dataset: Dataset
        let range: ClosedRange<Day>
        let asOf: Day
        let byTowns: Bool
        let scope: Scope
        /// nil = every industry; `absent` = 未填写.
        let industry: Int32?
        let month: Int?
        private let partsCount: Int

        init(dataset: Dataset, period: ReportPeriod, prior: Bool, scope: Scope, industry: Int32?, month: Int?) {
            self.dataset = dataset
            range = period.range(prior: prior)
            asOf = period.asOf(prior: prior)
            byTowns = dataset.config.level.partsAreTowns
            self.scope = scope
            self.industry = industry
            self.month = month
            partsCount = dataset.parts.count
        }

        func contains(date: Day, district: Int32, town: Int32, industry code: Int32) -> Bool {
            guard range.contains(date) else { return false }
            // The region is every record that has a part; a record without one is in no scope.
            let partCode = byTowns ? town : district
            guard partCode >= 0, Int(partCode) < partsCount else { return false }
            if scope.name != nil, scope.code != partCode { return false }
            if let industry, (code >= 0 ? code : StringDictionary.absent) != industry { return false }
            if let month, date.month != month { return false }
            return true
        }

        func partName(district: Int32, town: Int32) -> String {
            dataset.parts[byTowns ? town : district] ?? "?"
        }
    }

    struct Candidate {
        let kind: RecordKind
        let provenance: Provenance
        let id: Int32
        let date: Day
        let district: Int32
        let town: Int32
        let industry: Int32
        let unit: Int32
    }

    static func row(_ c: Candidate, _ s: Selection, contribution: ExactDecimal, denominator: ExactDecimal? = nil,
                    detail: String) -> ExplainedRow {
        let d = s.dataset
        return ExplainedRow(kind: c.kind, source: d.describe(c.provenance), provenance: c.provenance,
                            recordID: d.identifiers[c.id], date: c.date, part: s.partName(district: c.district, town: c.town),
                            industry: d.industries[c.industry] ?? missingIndustry, unitName: d.units[c.unit],
                            contribution: contribution, denominatorContribution: denominator, detail: detail)
    }

    static func sourceOrder(_ a: ExplainedRow, _ b: ExplainedRow) -> Bool {
        let x = a.provenance, y = b.provenance
        if x.file != y.file { return x.file < y.file }
        if x.sheet != y.sheet { return x.sheet < y.sheet }
        return x.row < y.row
    }

    /// Rows of an additive metric: each record's amount, records adding nothing left out.
    static func sumRows(_ m: Metric, _ s: Selection) -> [ExplainedRow] {
        var rows: [ExplainedRow] = []
        let d = s.dataset
        switch m {
        case .accidentsCount, .accidentsDeaths, .accidentsInjuries, .accidentsLoss, .accidentsMajor,
             .accidentsOrdinary, .accidentsLarger, .accidentsMajorLevel, .accidentsEspeciallyMajor,
             .firesCount, .firesDeaths, .firesInjuries, .firesLoss:
            let isFire = [.firesCount, .firesDeaths, .firesInjuries, .firesLoss].contains(m)
            let t = isFire ? d.fires : d.accidents
            for r in 0..<t.count where s.contains(date: t.date[r], district: t.district[r], town: t.town[r], industry: t.industry[r]) {
                guard let (amount, detail) = incidentAmount(m, t, r) else { continue }
                let c = Candidate(kind: isFire ? .fire : .accident, provenance: t.provenance[r], id: t.id[r], date: t.date[r],
                                  district: t.district[r], town: t.town[r], industry: t.industry[r], unit: t.unit[r])
                rows.append(row(c, s, contribution: m.exact(amount), detail: detail))
            }
        case .hazardsFound, .hazardsRectified, .hazardsMajorFound, .hazardsMajorRectified, .hazardsListed, .hazardsOverdue:
            let t = d.hazards
            for r in 0..<t.count where s.contains(date: t.date[r], district: t.district[r], town: t.town[r], industry: t.industry[r]) {
                guard let detail = hazardReason(m, t, r, asOf: s.asOf) else { continue }
                let c = Candidate(kind: .hazard, provenance: t.provenance[r], id: t.id[r], date: t.date[r],
                                  district: t.district[r], town: t.town[r], industry: t.industry[r], unit: t.unit[r])
                rows.append(row(c, s, contribution: ExactDecimal(1), detail: detail))
            }
        case .inspectionsCount:
            let t = d.inspections
            for r in 0..<t.count where s.contains(date: t.date[r], district: t.district[r], town: t.town[r], industry: t.industry[r]) {
                let c = Candidate(kind: .inspection, provenance: t.provenance[r], id: StringDictionary.absent, date: t.date[r],
                                  district: t.district[r], town: t.town[r], industry: t.industry[r], unit: t.unit[r])
                rows.append(row(c, s, contribution: ExactDecimal(1), detail: d.labels[t.inspectionType[r]] ?? ""))
            }
        case .penaltiesCount, .penaltiesFines, .penaltiesShutdowns, .penaltiesPre:
            let t = d.penalties
            for r in 0..<t.count where s.contains(date: t.date[r], district: t.district[r], town: t.town[r], industry: t.industry[r]) {
                let kinds = d.labels[t.penaltyKinds[r]]
                let amount: Int64
                let detail: String
                switch m {
                case .penaltiesCount:
                    amount = 1; detail = kinds.map { "处罚种类 \($0)" } ?? ""
                case .penaltiesFines:
                    amount = t.fine[r].fen; detail = "罚款 \(t.fine[r].yuanText)元"
                case .penaltiesShutdowns:
                    amount = t.flags[r].contains(.shutdown) ? 1 : 0; detail = "处罚种类 \(kinds ?? "责令停产(停业)整顿")"
                default:
                    amount = t.flags[r].contains(.beforeAccident) ? 1 : 0; detail = "事前处罚"
                }
                guard amount != 0 else { continue }
                let c = Candidate(kind: .penalty, provenance: t.provenance[r], id: t.id[r], date: t.date[r],
                                  district: t.district[r], town: t.town[r], industry: t.industry[r], unit: t.unit[r])
                rows.append(row(c, s, contribution: m.exact(amount), detail: detail))
            }
        }
        return rows.sorted(by: sourceOrder)
    }

    /// What one 事故/火灾 record adds to `m` (nil when nothing), and why.
    static func incidentAmount(_ m: Metric, _ t: IncidentTable, _ r: Int) -> (Int64, String)? {
        let level = t.level[r]
        let levelText = "等级 \(level.name)"
        switch m {
        case .accidentsCount, .firesCount:
            return (1, levelText)
        case .accidentsDeaths, .firesDeaths:
            let deaths = Int64(t.deaths[r]), missing = Int64(t.missing[r])
            guard deaths + missing != 0 else { return nil }
            return (deaths + missing, missing != 0 ? "死亡\(deaths)人、失踪\(missing)人" : "死亡\(deaths)人")
        case .accidentsInjuries, .firesInjuries:
            let injured = Int64(t.injuries[r])
            guard injured != 0 else { return nil }
            return (injured, "受伤\(injured)人")
        case .accidentsLoss, .firesLoss:
            let loss = t.loss[r]
            guard loss.fen != 0 else { return nil }
            return (loss.fen, "直接经济损失 \(loss.wanYuanText)万元")
        case .accidentsMajor:
            return level >= .larger ? (1, levelText) : nil
        case .accidentsOrdinary:
            return level == .ordinary ? (1, levelText) : nil
        case .accidentsLarger:
            return level == .larger ? (1, levelText) : nil
        case .accidentsMajorLevel:
            return level == .major ? (1, levelText) : nil
        case .accidentsEspeciallyMajor:
            return level == .especiallyMajor ? (1, levelText) : nil
        default:
            return nil
        }
    }

    /// Why a hazard counts in `m` as of `asOf`, or nil when it does not.
    static func hazardReason(_ m: Metric, _ t: HazardTable, _ r: Int, asOf: Day) -> String? {
        let flags = t.flags[r]
        let rectified = t.isRectified(r, asOf: asOf)
        switch m {
        case .hazardsFound:
            var words = [flags.contains(.major) ? "重大隐患" : "一般隐患"]
            if flags.contains(.listed) { words.append("挂牌督办") }
            words.append(rectificationText(t, r, asOf: asOf))
            return words.joined(separator: "、")
        case .hazardsRectified:
            return rectified ? rectificationText(t, r, asOf: asOf) : nil
        case .hazardsMajorFound:
            return flags.contains(.major) ? "重大隐患" : nil
        case .hazardsMajorRectified:
            return flags.contains(.major) && rectified ? "重大隐患、" + rectificationText(t, r, asOf: asOf) : nil
        case .hazardsListed:
            return flags.contains(.listed) ? (flags.contains(.major) ? "挂牌督办(重大隐患)" : "挂牌督办") : nil
        case .hazardsOverdue:
            guard let due = t.deadline[r], due < asOf, !rectified else { return nil }
            return "整改期限 \(due) 早于 \(asOf)," + rectificationText(t, r, asOf: asOf)
        default:
            return nil
        }
    }

    /// `整改完成 2022-03-09`, `整改完成 2022-12-02,晚于 2022-11-30,本期未整改`, `已整改(无完成日期)`, `截至 2022-11-30 未整改`.
    static func rectificationText(_ t: HazardTable, _ r: Int, asOf: Day) -> String {
        if let done = t.rectifiedOn[r] {
            return done <= asOf ? "整改完成 \(done)" : "整改完成 \(done),晚于 \(asOf),本期未整改"
        }
        if t.flags[r].contains(.statusRectified) { return "已整改(无完成日期)" }
        return "截至 \(asOf) 未整改"
    }

    /// 隐患整改率: every hazard found, numerator 1 when rectified as of the as-of date.
    static func rateRows(_ s: Selection) -> [ExplainedRow] {
        let t = s.dataset.hazards
        var rows: [ExplainedRow] = []
        for r in 0..<t.count where s.contains(date: t.date[r], district: t.district[r], town: t.town[r], industry: t.industry[r]) {
            let c = Candidate(kind: .hazard, provenance: t.provenance[r], id: t.id[r], date: t.date[r],
                              district: t.district[r], town: t.town[r], industry: t.industry[r], unit: t.unit[r])
            rows.append(row(c, s, contribution: ExactDecimal(t.isRectified(r, asOf: s.asOf) ? 1 : 0), denominator: ExactDecimal(1),
                            detail: rectificationText(t, r, asOf: s.asOf)))
        }
        return rows.sorted(by: sourceOrder)
    }

    /// 检查单位数: every inspection with a unit name; the first of each unit counts.
    static func unitRows(_ s: Selection) -> [ExplainedRow] {
        let t = s.dataset.inspections
        var candidates: [(row: ExplainedRow, unit: Int32)] = []
        for r in 0..<t.count where t.unit[r] >= 0
            && s.contains(date: t.date[r], district: t.district[r], town: t.town[r], industry: t.industry[r]) {
            let c = Candidate(kind: .inspection, provenance: t.provenance[r], id: StringDictionary.absent, date: t.date[r],
                              district: t.district[r], town: t.town[r], industry: t.industry[r], unit: t.unit[r])
            candidates.append((row(c, s, contribution: ExactDecimal(0), detail: ""), t.unit[r]))
        }
        candidates.sort { sourceOrder($0.row, $1.row) }
        var firstSeen: [Int32: String] = [:]
        return candidates.map { candidate in
            let r = candidate.row
            let first = firstSeen[candidate.unit]
            if first == nil { firstSeen[candidate.unit] = r.source }
            return ExplainedRow(kind: r.kind, source: r.source, provenance: r.provenance, recordID: r.recordID, date: r.date,
                                part: r.part, industry: r.industry, unitName: r.unitName,
                                contribution: ExactDecimal(first == nil ? 1 : 0), denominatorContribution: nil,
                                detail: first.map { "同一单位已在 \($0) 计入" } ?? "首次出现")
        }
    }

    /// Σ of exact decimals.
    static func sum(_ values: [ExactDecimal]) -> ExactDecimal {
        values.reduce(ExactDecimal(0)) { ExactDecimal.difference($0, ExactDecimal(significand: -$1.significand, exponent: $1.exponent)) }
    }
}

extension Metric {
    var isHazard: Bool {
        switch self {
        case .hazardsFound, .hazardsRectified, .hazardsMajorFound, .hazardsMajorRectified, .hazardsListed, .hazardsOverdue: return true
        default: return false
        }
    }
}

extension String {
    /// Without surrounding spaces (ASCII and the full-width space people type in Chinese text).
    var trimmed: String {
        var s = Substring(self)
        while let first = s.first, first == " " || first == "\u{3000}" || first == "\t" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\u{3000}" || last == "\t" { s.removeLast() }
        return String(s)
    }
}
