import Metrics
import Model

/// The reference of the names a template may use, in Markdown, made from the catalog: every
/// metric by group, label and name, every breakdown list and every list of records with their
/// members, the named periods — and the names every document has, which `ReportContext` sets.
///
/// README's「Template variables」section between its markers is this text for the built-in
/// catalog (a test keeps the two equal; `scripts/update-readme-variables` rewrites it), and
/// `safetystats variables` prints it for the catalog of an inputs folder, with its config.toml's
/// declarations and its 填报指标 indicators.
public enum TemplateVariables {
    /// Names every scope's context has besides the catalog's, with what they are (`ReportContext.scope`).
    static let scopeNames: [(names: [String], meaning: String)] = [
        (["地区", "区域"], "this scope's name (示例市 or 东城区); the region's name"),
        (["全称"], "全市 / 全区 / 全县 / 全镇 … as the scope calls itself"),
        (["是否全域"], "true in the region's document, false in a part's"),
        (["级别", "下级名称", "下级类别", "各下级"], "市/区/县; 区县 or 镇街 (twice, as either reads better); 各区县 or 各镇街"),
        (["期间", "上年同期"], "`2025年` or `2022年1-11月`; the same months a year earlier"),
        (["年度", "截至月份", "是否全年"], "2025; 12; true"),
        (["双下降", "火灾双下降"], "true when 事故起数 and 事故死亡人数 (火灾起数 and 火灾死亡人数) both fell"),
        (["连年双下降", "连年双下降年数"], "true when both fell in two or more consecutive years ending with this one; how many years (figures.json `double_decline_years`)"),
        (["目标"], "list of targets: `项.指标 .目标值 .实际值 .完成率 .单位`, `项.超额` (超额完成), `项.完成` (reached)"),
        (["下辖", "各区县", "各镇街"], "the region's parts (empty in a part's document): `区.地区`, `区.全称`, `区.双下降`, `区.有数据`, every figure by name and the groups"),
        (["未报送数据", "未报送说明"], "data parts did not send for the period (`--allow-missing`): list of `项.地区 .类型 .期间` (a part's document: its own only); one sentence naming them (empty when every part reported). The shipped templates show it under their title (统计表: a sheet 未报送数据)"),
        (["未计入文件", "未计入说明"], "files the run could not read and left out (`--skip-unreadable`): list of `文件.路径 .原因`; one sentence naming them all (empty when every file was read)"),
    ]

    /// What each member of a figure gives (`TemplateFigure.members`, in that order).
    static let figureMembers: [(member: String, meaning: String)] = [
        ("数值", "a number, for `{% if 事故.较大及以上起数.数值 > 0 %}`; nil without a value (未报送, or a column no register has)"),
        ("名称", "the metric's name"),
        ("单位", "its unit (起, 人, 条, 家次, 万元, %)"),
        ("上年", "the prior period's value (— without one)"),
        ("变化", "value − prior"),
        ("增减", "下降/上升/持平, 增加 from a zero base, 持平/基本持平 for a change that rounds to nothing"),
        ("幅度", "`38.5%`, `1.2个百分点`, or `1人` from a zero base (empty when 持平)"),
        ("同比", "`同比下降38.5%`, `同比增加1人`, `同比持平`; 上年同期无数据 without prior data"),
        ("同比百分比", "`-38.5%` (empty without a percentage)"),
        ("有同比", "true when there is a percentage change"),
        ("下降", "true when it fell"),
        ("上升", "true when it rose"),
        ("持平", "true when it stayed"),
        ("占比", "in a breakdown row: its share of the scope's figure (`百分比:2` for 2 decimals); — without a base"),
        ("分子", "a rate's numerator (a completion rate's actual value)"),
        ("分母", "a rate's denominator (a completion rate's target)"),
        ("未报送", "true when the part did not send this register for the period (the figure prints 未报送)"),
        ("不含", "「（不含临川县）」 when the region's figure leaves out parts that did not report, else empty"),
        ("上年无数据", "true when there is no prior-period data to compare with"),
        ("历年", "list of every year from the first in the data: `年.年度 .数值 .有数据`"),
        ("同比表述", "the change as officials write it: `同比下降38.5%`; `由1人增至12人` for a rise of more than 100 % or from a count under 10; `同比增加1人` from zero; `同比持平` for a rate change that rounds to 0.0 points, `同比基本持平` for a count change that rounds to 0.0 %; 上年同期无数据 without prior data (thresholds in `PhraseRules`)"),
        ("按百分比", "true when `.同比表述` is a percentage — the condition for `同比分别下降38.5%、45.5%`"),
        ("降为零", "true when it fell to 0 — for 未发生火灾亡人事故 instead of 下降100.0%"),
        ("为零", "true when the value is 0 (false when there is no value: never 未发生 of what was not reported)"),
        ("非零", "true when there is a value and it is not 0 — for a clause said only when there is something to say (「受伤N人」); `not 为零` is also true when there is no value"),
        ("上年万元", "money of the prior period at the document's money precision (see `万元`)"),
        ("数字", "the figure as printed but without the （不含…） note, for a sentence that states the note once: `{{ 全称 }}{{ 事故.起数.不含 }}共发生…{{ 事故.起数.数字 }}起` (filters work on it: `{{ 事故.直接经济损失.数字|万元 }}`)"),
        ("居首", "in a breakdown row or a part: true for the one with the largest value of this figure (the first of equals; never 未填写 or 0) — to single out one industry"),
    ]

    /// The reference for `catalog`; `metrics` are the run's declarations when known (with its
    /// 填报指标 indicators, `FiguresBuilder.declarations`), else the catalog's.
    public static func markdown(catalog: Catalog, metrics: [MetricDeclaration]? = nil) -> String {
        let metrics = metrics ?? catalog.metrics
        var out: [String] = []
        out.append("Names every document has:")
        out.append("")
        out.append("| variable | meaning |")
        out.append("|---|---|")
        for entry in scopeNames {
            out.append("| \(entry.names.map { "`\($0)`" }.joined(separator: ", ")) | \(escape(entry.meaning)) |")
        }
        out.append("")

        out.append("Figures, each by its group and label and by its name (the same figure); every group also has `.有数据` "
                   + "(some count or sum of it is not zero, this period or last):")
        out.append("")
        out.append("| variable | also | unit | what it counts |")
        out.append("|---|---|---|---|")
        for m in metrics {
            let grouped = m.group.map { "`\($0).\(m.label ?? m.name)`" } ?? "—"
            out.append("| \(grouped) | `\(m.name)` | \(m.isRatio ? "%" : m.unit) | \(escape(counts(m, catalog: catalog, metrics: metrics))) |")
        }
        out.append("")

        out.append("Breakdowns: lists of rows (`{% for 行 in 来源 %}`), one per value found in the period or the prior one; "
                   + "each row has `名称`, `有数据` and the groups of its registers, every count and sum with `.占比` "
                   + "(share of the scope's figure) and `.居首`:")
        out.append("")
        out.append("| list | rows | groups in a row |")
        out.append("|---|---|---|")
        for b in catalog.breakdowns {
            let kinds = b.kinds.map { catalog.kinds[$0].name }.joined(separator: "、")
            let rows = b.by == "月份"
                ? "each month of the period (`月.月份` 3月, `月.键` 2025-03), against the same month a year earlier; \(kinds)"
                : "each \(b.by) of \(kinds) records (未填写 for none)\(b.shares ? "" : ", no shares")"
            out.append("| `\(b.by)` | \(rows) | \(groups(of: b.kinds, catalog: catalog, metrics: metrics)) |")
        }
        out.append("")

        out.append("Lists of records, in date order:")
        out.append("")
        out.append("| list | records | members of each |")
        out.append("|---|---|---|")
        for l in catalog.lists {
            let kind = catalog.kinds[l.kind].name
            let filter = l.conditions.isEmpty ? "" : " where \(l.conditions.map(\.text).joined(separator: "；"))"
            let fields = l.fields.map { "`\(catalog.field(kind: l.kind, column: $0).name)`" }
            let members = (fields + ["`出处` (file, sheet and row)", "`日期简称` (3·19)", "`月日` (3月19日)"]).joined(separator: ", ")
            out.append("| `\(l.name)` | \(kind)\(escape(filter)) | \(members) |")
        }
        if catalog.lists.isEmpty { out.append("| — | | |") }
        out.append("")

        if catalog.periods.isEmpty {
            out.append("Named periods: none here; each `[[periods]]` of config.toml is reached by its name, with `期间`, "
                       + "`上年同期` and the groups (`{{ 专项整治以来.隐患.排查数 }}`).")
        } else {
            out.append("Named periods, each by its name with `期间`, `上年同期` and the groups:")
            out.append("")
            for p in catalog.periods {
                out.append("- `\(p.name)`: from \(p.from)\(p.to.map { " to \($0)" } ?? " to the end of the period")\(p.compare ? ", with a prior" : "") (\(p.origin))")
            }
        }
        out.append("")

        out.append("Members of every figure (`{{ 事故.起数.同比表述 }}`); the figure itself prints in the document's style — "
                   + "counts as integers (`5510`), money in 万元 exactly (`484.353`), rates with one decimal (`96.2%`), "
                   + "未报送 for a part that did not report, 「12（不含临川县）」 for a region total that leaves it out:")
        out.append("")
        out.append("| member | gives |")
        out.append("|---|---|")
        for m in figureMembers { out.append("| `.\(m.member)` | \(escape(m.meaning)) |") }
        return out.joined(separator: "\n") + "\n"
    }

    /// `事故 records where 事故等级 >= 较大`, `Σ 死亡人数 + 失踪人数 of 事故 records`, `已整改隐患数 ÷ 排查隐患数 × 100`.
    static func counts(_ m: MetricDeclaration, catalog: Catalog, metrics: [MetricDeclaration]) -> String {
        func name(_ id: String) -> String { metrics.first { $0.id == id }?.name ?? id }
        guard let k = m.kind else {
            if case .ratio(let n, let d) = m.measure { return "\(name(n)) ÷ \(name(d)) × 100" }
            return ""
        }
        let records = "\(catalog.kinds[k].name) records" + (m.conditions.isEmpty ? "" : " where \(m.filterText)")
        switch m.measure {
        case .count: return records
        case .sum(let columns): return "Σ \(columns.map { catalog.field(kind: k, column: $0).name }.joined(separator: " + ")) of \(records)"
        case .distinct(let c): return "distinct \(catalog.field(kind: k, column: c).name) of \(records) (per scope)"
        case .ratio: return records
        }
    }

    /// The groups whose metrics a breakdown of `kinds` carries (ratios whose parts are among them).
    static func groups(of kinds: [Int], catalog: Catalog, metrics: [MetricDeclaration]) -> String {
        var names: [String] = []
        for m in metrics {
            guard let group = m.group, !names.contains(group) else { continue }
            let covered: Bool
            if let k = m.kind { covered = kinds.contains(k) } else if case .ratio(let n, let d) = m.measure {
                covered = [n, d].allSatisfy { id in metrics.first { $0.id == id }?.kind.map(kinds.contains) ?? false }
            } else { covered = false }
            if covered { names.append(group) }
        }
        return names.isEmpty ? "—" : names.map { "`\($0)`" }.joined(separator: ", ")
    }

    /// A table cell: `|` would end it.
    static func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
