import Metrics
import Model

/// The variables templates see, named in Chinese after METRICS.md (README §模板变量).
///
/// One context per scope: the scope's own figures grouped by domain (`事故`, `火灾`, `隐患`, `执法`),
/// every metric also by its plain name (`{{ 事故起数 }}`, as a writer types it in Word), breakdowns
/// (`行业领域`, `月份`), targets (`目标`) and, for the region, its parts (`下辖`).
public enum ReportContext {
    /// Which metric fills which name in each group.
    static let groups: [(group: String, members: [(String, String)])] = [
        ("事故", [("起数", "accidents.count"), ("死亡人数", "accidents.deaths"), ("受伤人数", "accidents.injuries"),
                ("直接经济损失", "accidents.loss"), ("较大及以上起数", "accidents.major"),
                ("一般起数", "accidents.level.ordinary"), ("较大起数", "accidents.level.larger"),
                ("重大起数", "accidents.level.major"), ("特别重大起数", "accidents.level.especially_major")]),
        ("火灾", [("起数", "fires.count"), ("死亡人数", "fires.deaths"), ("受伤人数", "fires.injuries"),
                ("直接经济损失", "fires.loss")]),
        ("隐患", [("排查数", "hazards.found"), ("已整改数", "hazards.rectified"), ("整改率", "hazards.rate"),
                ("重大隐患数", "hazards.major.found"), ("重大隐患已整改数", "hazards.major.rectified"),
                ("挂牌督办数", "hazards.major.listed"), ("逾期未整改数", "hazards.overdue")]),
        ("执法", [("检查家次", "inspections.count"), ("检查单位数", "inspections.units"), ("处罚起数", "penalties.count"),
                ("罚款金额", "penalties.fines"), ("责令停产整顿数", "penalties.shutdowns"), ("事前处罚起数", "penalties.pre")]),
    ]

    /// The context of one scope.
    public static func scope(_ scope: ScopeFigures, in figures: Figures) -> [String: Any] {
        let level = figures.level
        var context = grouped(scope.metrics)
        for metric in scope.metrics where metric.kind != .completion {
            context[metric.name] = TemplateFigure(metric)
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
        context["目标"] = scope.metrics.filter { $0.kind == .completion }.map(target)
        context["行业领域"] = scope.industries.map { row -> [String: Any] in
            var item = grouped(row.metrics)
            item["名称"] = row.key
            item["有数据"] = hasRecords(row.metrics)
            return item
        }
        context["月份"] = scope.months.map { row -> [String: Any] in
            var item = grouped(row.metrics)
            item["有数据"] = hasRecords(row.metrics)
            item["键"] = row.key
            item["月份"] = "\(Int(row.key.suffix(2)) ?? 0)月"
            return item
        }
        let parts: [Any] = scope.kind == .region ? figures.parts.map { partContext($0, in: figures) } : []
        context["下辖"] = parts
        context[level.partsWord] = parts
        return context
    }

    /// A part as an element of `下辖`: its groups and names, without nested breakdowns.
    static func partContext(_ part: ScopeFigures, in figures: Figures) -> [String: Any] {
        var item = grouped(part.metrics)
        item["地区"] = part.scope
        item["全称"] = wholeWord(of: part.scope)
        item["双下降"] = part.accidentsDoubleDecline
        item["有数据"] = hasRecords(part.metrics)
        return item
    }

    /// `有数据`: some count or sum of the row is not zero, in this period or the prior one — so a
    /// template can leave out an industry, month or part with nothing to report (and 未填写 when
    /// every record names its industry).
    static func hasRecords(_ metrics: [MetricFigure]) -> Bool {
        metrics.contains { m in
            (m.kind == .count || m.kind == .money) && (m.value.significand != 0 || (m.prior?.significand ?? 0) != 0)
        }
    }

    /// Prototypes for lists that may be empty in a run, so templates are checked against the
    /// full shape (a region with no targets still accepts `{% for 项 in 目标 %}{{ 项.完成率 }}`).
    public static func listPrototypes(_ figures: Figures) -> [String: Any] {
        let region = figures.regionScope
        let completion = MetricFigure(id: "targets.x", name: "x", unit: "%", kind: .completion, value: ExactDecimal(0), prior: nil)
        return [
            "目标": target(completion),
            "下辖": partContext(region, in: figures),
            figures.level.partsWord: partContext(region, in: figures),
            "行业领域": { var g = grouped(region.metrics); g["名称"] = ""; g["有数据"] = false; return g }(),
            "月份": { var g = grouped(region.metrics); g["键"] = ""; g["月份"] = ""; g["有数据"] = false; return g }(),
        ]
    }

    static func grouped(_ metrics: [MetricFigure]) -> [String: Any] {
        var byID: [String: MetricFigure] = [:]
        for m in metrics { byID[m.id] = m }
        var context: [String: Any] = [:]
        for (group, members) in groups {
            var values: [String: Any] = [:]
            var figures: [MetricFigure] = []
            for (name, id) in members {
                if let m = byID[id] { values[name] = TemplateFigure(m); figures.append(m) }
            }
            values["有数据"] = hasRecords(figures)   // `行业.执法.有数据`: this group has something to report
            context[group] = values
        }
        return context
    }

    static func target(_ m: MetricFigure) -> [String: Any] {
        [
            "指标": String(m.id.dropFirst("targets.".count)),
            "目标值": m.parts?.denominator.text ?? "",
            "实际值": m.parts?.numerator.text ?? "",
            "完成率": TemplatePercent(m.ratio),
            // 「超额完成」 when the actual passes the target, 「完成」 when it reaches it.
            "超额": m.ratio.map { ExactDecimal.difference($0.numerator, $0.denominator).significand > 0 } ?? false,
            "完成": m.ratio.map { ExactDecimal.difference($0.numerator, $0.denominator).significand >= 0 } ?? false,
            "单位": unit(ofTarget: String(m.id.dropFirst("targets.".count))),
        ]
    }

    static func unit(ofTarget name: String) -> String {
        if let metric = Metric.named(name) { return metric.unit }
        return name.hasSuffix("率") ? "%" : name == "检查单位数" ? "家" : ""
    }

    /// 东城区 → 全区, 临江县 → 全县, 溧阳市 → 全市, 湖塘镇 → 全镇, 南大街街道 → 全街道.
    static func wholeWord(of name: String) -> String {
        if name.hasSuffix("街道") { return "全街道" }
        if let last = name.last, "区县市镇乡旗".contains(last) { return "全" + String(last) }
        return "全区"
    }
}
