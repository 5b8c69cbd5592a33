import Model

/// `safetystats diff`: the figures that changed between two runs, old → new, per scope — what a
/// statistician checks after a district resubmits a corrected export.
///
/// Figures are matched by scope name, breakdown row (行业领域 / 月份 key) and metric id, named
/// periods by name. What is compared is what was counted: a metric's value and prior (for rates and
/// completion rates also their numerator and denominator), its series years before the prior year
/// (the report year and the prior year are the value and the prior already), the 双下降 flags and
/// years, and the records of each list. Derived fields (change, yoy, direction, phrase, share)
/// follow from those and are not listed again. Numbers compare exactly as decimals.
public struct FiguresDiff: Sendable {
    public enum Change: Sendable, Equatable {
        /// The two files cover different periods (or regions); figures are still matched by id.
        case period(old: String, new: String)
        case region(old: String, new: String)
        case scopeAdded(scope: String)
        case scopeRemoved(scope: String)
        /// A breakdown row (`行业领域「燃气」`) present in one run only.
        case rowAdded(scope: String, row: String)
        case rowRemoved(scope: String, row: String)
        case metricAdded(scope: String, row: String?, name: String, value: String)
        case metricRemoved(scope: String, row: String?, name: String, value: String)
        /// `field` is `value` or `prior`; the texts carry their unit (`8起`, `96.21%(6810/7078)`).
        case changed(scope: String, row: String?, name: String, field: Field, old: String, new: String)
        case doubleDecline(scope: String, what: String, old: Bool, new: Bool)
        /// `double_decline_years` (连年双下降); nil when absent.
        case doubleDeclineYears(scope: String, old: String?, new: String?)
        /// One year of a metric's `series` (years before the prior year).
        case series(scope: String, row: String?, name: String, year: Int, old: String, new: String)
        /// A record (its fields joined) in one run's list only.
        case listRecordAdded(scope: String, list: String, record: String)
        case listRecordRemoved(scope: String, list: String, record: String)
        /// A named period ([[periods]]) present in one run only.
        case namedPeriodAdded(name: String)
        case namedPeriodRemoved(name: String)

        public var scope: String? {
            switch self {
            case .period, .region, .namedPeriodAdded, .namedPeriodRemoved: return nil
            case .scopeAdded(let s), .scopeRemoved(let s), .rowAdded(let s, _), .rowRemoved(let s, _),
                 .metricAdded(let s, _, _, _), .metricRemoved(let s, _, _, _), .changed(let s, _, _, _, _, _),
                 .doubleDecline(let s, _, _, _), .doubleDeclineYears(let s, _, _), .series(let s, _, _, _, _, _),
                 .listRecordAdded(let s, _, _), .listRecordRemoved(let s, _, _):
                return s
            }
        }
    }

    public enum Field: String, Sendable { case value, prior }

    public let oldSource: String
    public let newSource: String
    public let priorLabel: String
    public let changes: [Change]

    /// No figure changed (the periods and regions may still differ).
    public var isEmpty: Bool {
        !changes.contains { if case .period = $0 { return false }; if case .region = $0 { return false }; return true }
    }

    /// Reads both runs (output folders or figures.json files, see `FiguresFile.locate`) and compares them.
    public static func compare(old: String, new: String) throws(MetricsError) -> FiguresDiff {
        compare(try FiguresFile(path: old), try FiguresFile(path: new))
    }

    public static func compare(_ old: FiguresFile, _ new: FiguresFile) -> FiguresDiff {
        var changes: [Change] = []
        if old.periodLabel != new.periodLabel { changes.append(.period(old: old.periodLabel, new: new.periodLabel)) }
        if old.region != new.region { changes.append(.region(old: old.region, new: new.region)) }
        let priorLabel = new.priorLabel
        // Series years up to the prior year's repeat the value and the prior.
        let seriesBefore = new.year.map { $0 - 1 } ?? Int.max
        compare(old.scopes, new.scopes, prefix: "", seriesBefore: seriesBefore, into: &changes)
        for period in new.namedPeriods {
            guard let before = old.namedPeriods.first(where: { $0.name == period.name }) else {
                changes.append(.namedPeriodAdded(name: period.name))
                continue
            }
            // A named period's scopes read 「自开展以来·示例市」; its series follow the same years.
            compare(before.scopes, period.scopes, prefix: "\(period.name)·", seriesBefore: seriesBefore, into: &changes)
        }
        for period in old.namedPeriods where !new.namedPeriods.contains(where: { $0.name == period.name }) {
            changes.append(.namedPeriodRemoved(name: period.name))
        }
        return FiguresDiff(oldSource: old.source, newSource: new.source, priorLabel: priorLabel, changes: changes)
    }

    static func compare(_ oldScopes: [FiguresFile.Scope], _ newScopes: [FiguresFile.Scope], prefix: String,
                        seriesBefore: Int, into changes: inout [Change]) {
        for scope in newScopes {
            let name = prefix + scope.name
            guard let before = oldScopes.first(where: { $0.name == scope.name }) else {
                changes.append(.scopeAdded(scope: name))
                continue
            }
            for (what, flag) in scope.doubleDecline {
                if let was = before.doubleDecline.first(where: { $0.0 == what })?.1, was != flag {
                    changes.append(.doubleDecline(scope: name, what: what, old: was, new: flag))
                }
            }
            // 0 ↔ 1 year is what the accidents flag above already says.
            let flag = { (s: FiguresFile.Scope) in s.doubleDecline.first { $0.0 == "accidents" }?.1 }
            let flagChanged = flag(before) != flag(scope)
            let years = Set([before.doubleDeclineYears, scope.doubleDeclineYears])
            if before.doubleDeclineYears != scope.doubleDeclineYears && !(flagChanged && years == ["0", "1"]) {
                changes.append(.doubleDeclineYears(scope: name, old: before.doubleDeclineYears, new: scope.doubleDeclineYears))
            }
            compare(before.metrics, scope.metrics, scope: name, row: nil, seriesBefore: seriesBefore, into: &changes)
            for axis in scope.breakdowns {
                let beforeRows = before.breakdowns.first { $0.name == axis.name }?.rows ?? []
                for row in axis.rows {
                    let label = "\(axis.name)「\(row.key)」"
                    guard let was = beforeRows.first(where: { $0.key == row.key }) else {
                        changes.append(.rowAdded(scope: name, row: label))
                        continue
                    }
                    compare(was.metrics, row.metrics, scope: name, row: label, seriesBefore: seriesBefore, into: &changes)
                }
                for row in beforeRows where !axis.rows.contains(where: { $0.key == row.key }) {
                    changes.append(.rowRemoved(scope: name, row: "\(axis.name)「\(row.key)」"))
                }
            }
            for axis in before.breakdowns where !scope.breakdowns.contains(where: { $0.name == axis.name }) {
                for row in axis.rows { changes.append(.rowRemoved(scope: name, row: "\(axis.name)「\(row.key)」")) }
            }
            for list in scope.lists {
                // Records are compared as a multiset: the same accident twice is two records.
                var remaining = before.lists.first { $0.name == list.name }?.records ?? []
                for record in list.records {
                    if let i = remaining.firstIndex(of: record) { remaining.remove(at: i) } else {
                        changes.append(.listRecordAdded(scope: name, list: list.name, record: record))
                    }
                }
                for record in remaining { changes.append(.listRecordRemoved(scope: name, list: list.name, record: record)) }
            }
            for list in before.lists where !scope.lists.contains(where: { $0.name == list.name }) {
                for record in list.records { changes.append(.listRecordRemoved(scope: name, list: list.name, record: record)) }
            }
        }
        for scope in oldScopes where !newScopes.contains(where: { $0.name == scope.name }) {
            changes.append(.scopeRemoved(scope: prefix + scope.name))
        }
    }

    static func compare(_ old: [FiguresFile.Figure], _ new: [FiguresFile.Figure], scope: String, row: String?,
                        seriesBefore: Int, into changes: inout [Change]) {
        for figure in new {
            guard let was = old.first(where: { $0.id == figure.id }) else {
                changes.append(.metricAdded(scope: scope, row: row, name: figure.name, value: valueText(figure)))
                continue
            }
            let valueFields = ["value", "numerator", "denominator"]
            if valueFields.contains(where: { !sameNumber(was[$0], figure[$0]) }) {
                changes.append(.changed(scope: scope, row: row, name: figure.name, field: .value,
                                        old: valueText(was), new: valueText(figure)))
            }
            if !sameNumber(was["prior"], figure["prior"]) {
                changes.append(.changed(scope: scope, row: row, name: figure.name, field: .prior,
                                        old: priorText(was), new: priorText(figure)))
            }
            for (year, value) in figure.series where year < seriesBefore {
                let earlier = was.series.first { $0.year == year }?.value
                if !sameNumber(earlier, value) {
                    changes.append(.series(scope: scope, row: row, name: figure.name, year: year,
                                           old: amount(earlier, unit: figure.unit), new: amount(value, unit: figure.unit)))
                }
            }
            for (year, value) in was.series where year < seriesBefore && !figure.series.contains(where: { $0.year == year }) {
                changes.append(.series(scope: scope, row: row, name: figure.name, year: year,
                                       old: amount(value, unit: was.unit), new: "—"))
            }
        }
        for figure in old where !new.contains(where: { $0.id == figure.id }) {
            changes.append(.metricRemoved(scope: scope, row: row, name: figure.name, value: valueText(figure)))
        }
    }

    /// Equal as decimals (`1.50` = `1.5`); text that is not a plain decimal compares as text.
    static func sameNumber(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        if a == b { return true }
        guard let x = ExactDecimal(a), let y = ExactDecimal(b) else { return false }
        return x.isSameNumber(as: y)
    }

    /// `8起`, `484.353万元`, `96.21%(6810/7078)`, `—`.
    static func valueText(_ f: FiguresFile.Figure) -> String {
        var text = amount(f["value"], unit: f.unit)
        if let n = f["numerator"], let d = f["denominator"] { text += "(\(n)/\(d))" }
        return text
    }

    static func priorText(_ f: FiguresFile.Figure) -> String { amount(f["prior"], unit: f.unit) }

    static func amount(_ number: String?, unit: String) -> String {
        guard let number else { return "—" }
        return number + unit
    }

    /// The lines a statistician reads: a heading, then per scope its changes, then a count.
    public var lines: [String] {
        var out = ["旧:\(oldSource)", "新:\(newSource)"]
        var currentScope: String?
        var scopeCount = 0
        for change in changes {
            switch change {
            case .period(let old, let new):
                out.append("注意:两次输出的期间不同(\(old) → \(new)),以下按指标逐项比较。")
                continue
            case .region(let old, let new):
                out.append("注意:两次输出的地区不同(\(old) → \(new))。")
                continue
            case .scopeAdded(let scope):
                out.append("【\(scope)】新增(旧输出中没有)")
                currentScope = nil
                scopeCount += 1
                continue
            case .scopeRemoved(let scope):
                out.append("【\(scope)】已删除(新输出中没有)")
                currentScope = nil
                scopeCount += 1
                continue
            case .namedPeriodAdded(let name):
                out.append("期间「\(name)」新增(旧输出中没有)")
                currentScope = nil
                continue
            case .namedPeriodRemoved(let name):
                out.append("期间「\(name)」已删除(新输出中没有)")
                currentScope = nil
                continue
            default:
                break
            }
            if let scope = change.scope, scope != currentScope {
                out.append("【\(scope)】")
                currentScope = scope
                scopeCount += 1
            }
            out.append("  " + line(change))
        }
        let count = changes.filter { if case .period = $0 { return false }; if case .region = $0 { return false }; return true }.count
        out.append(count == 0 ? "两次输出的全部指标相同。" : "共 \(count) 项变化,涉及 \(scopeCount) 个范围。")
        return out
    }

    public var text: String { lines.joined(separator: "\n") + "\n" }

    func line(_ change: Change) -> String {
        func place(_ row: String?, _ name: String) -> String { row.map { "\($0) \(name)" } ?? name }
        switch change {
        case .rowAdded(_, let row): return "新增分项 \(row)"
        case .rowRemoved(_, let row): return "删除分项 \(row)"
        case .metricAdded(_, let row, let name, let value): return "新增指标 \(place(row, name)):\(value)"
        case .metricRemoved(_, let row, let name, let value): return "删除指标 \(place(row, name)):\(value)"
        case .changed(_, let row, let name, let field, let old, let new):
            // A month row's prior is the same month a year earlier, not the whole prior period.
            let priorWord = row?.hasPrefix("月份") == true ? "上年同月" : "同期(\(priorLabel))"
            let label = field == .prior ? "\(place(row, name)) \(priorWord)" : place(row, name)
            return "\(label):\(old) → \(new)"
        case .doubleDecline(_, let what, let old, let new):
            let subject = what == "fires" ? "火灾起数和死亡人数" : what == "accidents" ? "事故起数和死亡人数" : what
            return "\(subject)“双下降”:\(old ? "是" : "否") → \(new ? "是" : "否")"
        case .doubleDeclineYears(_, let old, let new):
            return "连续“双下降”年数:\(old.map { "\($0)年" } ?? "—") → \(new.map { "\($0)年" } ?? "—")"
        case .series(_, let row, let name, let year, let old, let new):
            return "\(place(row, name)) \(year)年同期:\(old) → \(new)"
        case .listRecordAdded(_, let list, let record): return "\(list) 新增:\(record)"
        case .listRecordRemoved(_, let list, let record): return "\(list) 删除:\(record)"
        case .period, .region, .scopeAdded, .scopeRemoved, .namedPeriodAdded, .namedPeriodRemoved:
            return ""
        }
    }
}
