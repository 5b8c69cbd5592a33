import Metrics
import Model

/// The variables templates see, named in Chinese after the catalog (README "Template variables",
/// generated from the catalog by `TemplateVariables`).
///
/// One context per scope: every metric by its name (`{{ 事故起数 }}`, as a writer types it in Word)
/// and in its declared group (`{{ 事故.起数 }}`); every breakdown as a list named after the field it
/// groups by (`行业领域`, `月份`, `来源` …); every list of records (`较大及以上事故`); every named
/// period by its name (`{{ 专项整治以来.隐患.排查数 }}`); targets (`目标`) and, for the region, its
/// parts (`下辖`). Nothing here names a metric: the declarations in `Figures` do.
public enum ReportContext {
    /// The context of one scope.
    public static func scope(_ scope: ScopeFigures, in figures: Figures, moneyDecimals money: Int? = nil) -> [String: Any] {
        let level = figures.level
        var context = grouped(scope.metrics, figures: figures, money: money)
        for metric in scope.metrics where metric.kind != .completion {
            context[metric.name] = figure(metric, leading: [], money: money)
        }
        context["地区"] = scope.scope
        context["区域"] = figures.region
        context["级别"] = level.rawValue
        context["是否全域"] = scope.kind == .region
        context["全称"] = scope.kind == .region ? level.wholeWord : wholeWord(of: scope.scope)
        context["下级名称"] = level.partKindWord
        context["下级类别"] = level.partKindWord
        context["各下级"] = level.partsWord
        context["期间"] = figures.period.label
        context["上年同期"] = figures.period.priorLabel
        context["年度"] = figures.period.year
        context["截至月份"] = figures.period.through
        context["是否全年"] = figures.period.isFullYear
        context["双下降"] = scope.accidentsDoubleDecline
        context["火灾双下降"] = scope.firesDoubleDecline
        context["连年双下降年数"] = scope.doubleDeclineYears
        context["连年双下降"] = scope.doubleDeclineYears >= 2
        context["目标"] = scope.metrics.filter { $0.kind == .completion }.map { target($0, figures: figures) }
        for (by, rows) in scope.breakdowns {
            let leading = leadingRows(rows.map { ($0.key, $0.metrics) })
            context[by] = rows.indices.map { breakdownRow(rows[$0], by: by, figures: figures, leading: leading[$0], money: money) }
        }
        for (name, entries) in scope.lists { context[name] = entries.map(listEntry) }
        for named in figures.namedPeriods {
            guard let s = named.scopes.first(where: { $0.scope == scope.scope }) else { continue }
            context[named.name] = namedPeriod(s, named, figures: figures, money: money)
        }
        var parts: [Any] = []
        if scope.kind == .region {
            let leading = leadingRows(figures.parts.map { ($0.scope, $0.metrics) })
            parts = figures.parts.indices.map { partContext(figures.parts[$0], in: figures, leading: leading[$0 - figures.parts.startIndex], money: money) }
        }
        context["下辖"] = parts
        context[level.partsWord] = parts
        return context
    }

    /// A part as an element of `下辖`: its groups and names, without nested breakdowns.
    static func partContext(_ part: ScopeFigures, in figures: Figures, leading: Set<String> = [], money: Int? = nil) -> TemplateObject {
        var item = grouped(part.metrics, figures: figures, leading: leading, money: money)
        for metric in part.metrics where metric.kind != .completion { item[metric.name] = figure(metric, leading: leading, money: money) }
        item["地区"] = part.scope
        item["全称"] = wholeWord(of: part.scope)
        item["双下降"] = part.accidentsDoubleDecline
        item["有数据"] = hasRecords(part.metrics)
        return TemplateObject(item)
    }

    static func breakdownRow(_ row: Breakdown, by: String, figures: Figures, leading: Set<String> = [], money: Int? = nil) -> TemplateObject {
        var item = grouped(row.metrics, figures: figures, leading: leading, money: money)
        for metric in row.metrics { item[metric.name] = figure(metric, leading: leading, money: money) }
        item["名称"] = row.key
        item["有数据"] = hasRecords(row.metrics)
        if by == "月份" {
            item["键"] = row.key
            item["月份"] = "\(Int(row.key.suffix(2)) ?? 0)月"
        }
        return TemplateObject(item)
    }

    /// A record of a list: its fields by name, where it is, and the date as documents name an
    /// event (「3·19」).
    static func listEntry(_ e: ListEntry) -> TemplateObject {
        var item: [String: Any] = [:]
        for (name, value) in e.fields { item[name] = value }
        item["出处"] = e.source
        if let d = e.date {
            let c = d.components
            item["日期简称"] = "\(c.month)·\(c.day)"
            item["月日"] = "\(c.month)月\(c.day)日"
        } else {
            item["日期简称"] = ""
            item["月日"] = ""
        }
        return TemplateObject(item)
    }

    static func namedPeriod(_ scope: ScopeFigures, _ named: NamedPeriodFigures, figures: Figures, money: Int? = nil) -> TemplateObject {
        var item = grouped(scope.metrics, figures: figures, money: money)
        for metric in scope.metrics { item[metric.name] = figure(metric, leading: [], money: money) }
        item["期间"] = named.label
        item["上年同期"] = named.priorLabel ?? ""
        return TemplateObject(item)
    }

    /// For each row, the ids of the count and money figures it leads: the largest value above zero
    /// among the rows, the first of equals, 未填写 never — what `.居首` says, so a template can single
    /// out one industry (「其中涉及…案件60起，占比50.85%」) instead of listing all of them.
    static func leadingRows(_ rows: [(key: String, metrics: [MetricFigure])]) -> [Set<String>] {
        var best: [String: (row: Int, value: ExactDecimal)] = [:]
        for (i, row) in rows.enumerated() where row.key != "未填写" {
            for m in row.metrics where (m.kind == .count || m.kind == .money) && m.hasValue && m.value.significand > 0 {
                if let current = best[m.id], ExactDecimal.difference(m.value, current.value).significand <= 0 { continue }
                best[m.id] = (i, m.value)
            }
        }
        var out = Array(repeating: Set<String>(), count: rows.count)
        for (id, b) in best { out[b.row].insert(id) }
        return out
    }

    static func figure(_ m: MetricFigure, leading: Set<String>, money: Int? = nil) -> TemplateFigure {
        let f = TemplateFigure(m)
        f.leading = leading.contains(m.id)
        if m.kind == .money { f.documentMoneyDecimals = money }
        return f
    }

    /// `有数据`: some count or sum of the row is not zero, in this period or the prior one — so a
    /// template can leave out an industry, month or part with nothing to report (and 未填写 when
    /// every record names its industry).
    static func hasRecords(_ metrics: [MetricFigure]) -> Bool {
        metrics.contains { m in
            (m.kind == .count || m.kind == .money) && m.hasValue && (m.value.significand != 0 || (m.prior?.significand ?? 0) != 0)
        }
    }

    /// Prototypes for lists that may be empty in a run, so templates are checked against the
    /// full shape (a region with no targets still accepts `{% for 项 in 目标 %}{{ 项.完成率 }}`).
    public static func listPrototypes(_ figures: Figures) -> [String: Any] {
        let region = figures.regionScope
        let completion = MetricFigure(id: "targets.x", name: "x", unit: "%", kind: .completion, value: ExactDecimal(0), prior: nil)
        var prototypes: [String: Any] = [
            "目标": target(completion, figures: figures),
            "下辖": partContext(region, in: figures),
            figures.level.partsWord: partContext(region, in: figures),
        ]
        for (by, rows) in region.breakdowns {
            let metrics = rows.first?.metrics ?? region.metrics
            prototypes[by] = breakdownRow(Breakdown(key: by == "月份" ? "0000-00" : "", metrics: metrics), by: by, figures: figures)
        }
        for list in figures.listFields {
            var item: [String: Any] = ["出处": "", "日期简称": "", "月日": ""]
            for field in list.fields { item[field] = "" }
            prototypes[list.name] = TemplateObject(item)
        }
        return prototypes
    }

    /// Each metric under its declared group and label: `{{ 隐患.整改率 }}`.
    static func grouped(_ metrics: [MetricFigure], figures: Figures, leading: Set<String> = [], money: Int? = nil) -> [String: Any] {
        var byID: [String: MetricFigure] = [:]
        for m in metrics { byID[m.id] = m }
        var context: [String: Any] = [:]
        var groups: [String: [String: Any]] = [:]
        var members: [String: [MetricFigure]] = [:]
        for d in figures.declarations {
            guard let group = d.group else { continue }
            if groups[group] == nil { groups[group] = [:]; members[group] = [] }
            if let m = byID[d.id] { groups[group]![d.label ?? d.name] = figure(m, leading: leading, money: money); members[group]!.append(m) }
        }
        for (group, var values) in groups {
            values["有数据"] = hasRecords(members[group] ?? [])   // `行业.执法.有数据`: this group has something to report
            context[group] = TemplateObject(values)
        }
        return context
    }

    static func target(_ m: MetricFigure, figures: Figures) -> TemplateObject {
        let name = String(m.id.dropFirst("targets.".count))
        return TemplateObject([
            "指标": name,
            "目标值": m.parts?.denominator.text ?? "",
            "实际值": m.parts?.numerator.text ?? "",
            // A figure, not a bare percentage: a total that leaves parts out says so (「95.24%（不含临川县）」).
            "完成率": TemplateFigure(m),
            // 「超额完成」 when the actual passes the target, 「完成」 when it reaches it.
            "超额": m.ratio.map { ExactDecimal.difference($0.numerator, $0.denominator).significand > 0 } ?? false,
            "完成": m.ratio.map { ExactDecimal.difference($0.numerator, $0.denominator).significand >= 0 } ?? false,
            "单位": unit(ofTarget: name, figures: figures),
        ])
    }

    static func unit(ofTarget name: String, figures: Figures) -> String {
        if let d = figures.declarations.first(where: { $0.name == name || $0.id == name }) {
            if case .ratio = d.measure { return "%" }
            return d.unit
        }
        return name.hasSuffix("率") ? "%" : ""
    }

    /// 东城区 → 全区, 临江县 → 全县, 溧阳市 → 全市, 湖塘镇 → 全镇, 南大街街道 → 全街道.
    static func wholeWord(of name: String) -> String {
        if name.hasSuffix("街道") { return "全街道" }
        if let last = name.last, "区县市镇乡旗".contains(last) { return "全" + String(last) }
        return "全区"
    }
}
