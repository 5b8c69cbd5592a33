import Model

/// The records behind one figure (`safetystats explain`): each input row that counts towards it,
/// what it contributes, and the total — which equals the figure in figures.json.
public struct Explanation: Sendable {
    public let id: String
    public let name: String
    /// The unit of each row's contribution (起, 人, 万元, 处, 家次, 家).
    public let unit: String
    /// The region or part name.
    public let scope: String
    /// `行业领域「危险化学品」` or `月份「2020-03」` when a breakdown row was asked, else nil.
    public let breakdown: String?
    /// The metric's filter as declared: `来源 = 专项整治、专项检查`, `全部记录`.
    public let filter: String
    /// The label of the period explained: P's, or P′'s for the prior value.
    public let periodLabel: String
    public let prior: Bool
    /// The as-of date of rectification and overdue (hazard figures only).
    public let asOf: Day?
    /// In source order (file, sheet, row).
    public let rows: [ExplainedRow]
    /// Σ contributions. For a rate, its numerator; for a completion rate, the actual figure.
    public let total: ExactDecimal
    /// For a rate: Σ denominator contributions. For a completion rate of a rate: the rate's denominator.
    public let denominator: ExactDecimal?
    /// For a completion rate (`targets.*`): the target.
    public let target: Target?
    /// What figures.json says: the value (or prior) over 1 for counts and sums; the numerator and
    /// denominator for rates; actual and target for completion rates. Nil when figures.json has
    /// no such figure (an industry without records in either period, for example).
    public let figure: Fraction?

    /// The total (and denominator) equal what figures.json shows.
    public var matchesFigure: Bool {
        guard let figure else { return total.isZero && (denominator?.isZero ?? true) }
        if let target {
            // Completion rates show actual ÷ target; the actual of a rate is its percentage.
            let actual: ExactDecimal
            if let denominator {
                guard let ratio = Ratio(total, denominator) else { return figure.numerator.isZero }
                actual = ratio.percent(decimals: 2)
            } else {
                actual = total
            }
            return actual.isSameNumber(as: figure.numerator) && target.value.isSameNumber(as: figure.denominator)
        }
        if let denominator {
            return total.isSameNumber(as: figure.numerator) && denominator.isSameNumber(as: figure.denominator)
        }
        return total.isSameNumber(as: figure.numerator)
    }

    /// The listing people read: a heading, one line per row, the total and the check against figures.json.
    public var text: String {
        var lines: [String] = []
        var heading = "\(name)(\(id)) · \(scope)"
        if let breakdown { heading += " · \(breakdown)" }
        heading += " · \(periodLabel)"
        if prior { heading += "(同期)" }
        lines.append(heading)
        if filter != "全部记录" { lines.append("筛选条件:\(filter)") }
        if let asOf { lines.append("整改情况截至 \(asOf)(该期间的最后一天)") }
        if rows.isEmpty { lines.append("  (没有记录)") }
        for row in rows { lines.append("  " + row.line(unit: unit)) }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    var summary: String {
        var line = totalLine
        if figure == nil {
            line += matchesFigure ? ";figures.json 中无此项(即 0)。" : ";但 figures.json 中无此项——结果不一致,请报告此问题。"
        } else {
            line += matchesFigure ? ";与 figures.json 一致。" : ";与 figures.json 不一致(\(figureText)),请报告此问题。"
        }
        return line
    }

    /// The total (and rate, or completion), without any comparison.
    var totalLine: String {
        let count = "共 \(rows.count) 条记录"
        var line: String
        if let target {
            let actual: String
            if let denominator, let ratio = Ratio(total, denominator) {
                actual = "\(ratio.percentText(decimals: 2))%(\(total.text)\(unit) ÷ \(denominator.text)\(unit))"
            } else if denominator != nil {
                actual = "—(分母为 0)"
            } else {
                actual = total.text + unit
            }
            let rate = figure.flatMap { Ratio($0.numerator, $0.denominator) }?.percentText(decimals: 2)
            line = "实际 \(actual),\(count);目标 \(target.value.text)(\(target.origin));完成率 \(rate.map { $0 + "%" } ?? "—")"
        } else if let denominator {
            let rate = Ratio(total, denominator).map { $0.percentText(decimals: 2) + "%" } ?? "—(分母为 0)"
            line = "合计 \(total.text)\(unit) ÷ \(denominator.text)\(unit) = \(rate),\(count)"
        } else {
            line = "合计 \(total.text)\(unit),\(count)"
        }
        return line
    }

    var figureText: String {
        guard let figure else { return "—" }
        if target != nil || denominator != nil { return "\(figure.numerator.text)/\(figure.denominator.text)" }
        return figure.numerator.text + unit
    }
}

/// One input row behind a figure.
public struct ExplainedRow: Sendable {
    /// The kind's name (事故, 隐患, a declared kind).
    public let kind: String
    /// Where it is, as people find it: `2025/东城区/事故.xlsx 事故!第5行`.
    public let source: String
    public let provenance: Provenance
    /// 事故编号 / 隐患编号 / 案件编号 when the sheet has one.
    public let recordID: String?
    /// The record's period date (发生时间, 排查日期, 检查日期, 立案日期); nil for a roster.
    public let date: Day?
    public let part: String
    /// The industry, `未填写` when none was given.
    public let industry: String
    /// 单位名称, when given.
    public let unitName: String?
    /// What the row adds to the figure (to the numerator, for a rate).
    public let contribution: ExactDecimal
    /// What the row adds to a rate's denominator; nil for other figures.
    public let denominatorContribution: ExactDecimal?
    /// Why it counts (or, for a rate's row or a repeated unit, why it adds nothing): `死亡1人、失踪1人`,
    /// `整改完成日期 2022-03-09,不晚于 2022-11-30`.
    public let detail: String

    func line(unit: String) -> String {
        var fields = [source] + (date.map { [$0.description] } ?? []) + [part, industry]
        if let recordID { fields.append("编号 \(recordID)") }
        if let unitName { fields.append(unitName) }
        var counted = "计入 \(contribution.text)\(unit)"
        if let denominatorContribution { counted = "分子 \(contribution.text) / 分母 \(denominatorContribution.text)" }
        fields.append(detail.isEmpty ? counted : "\(counted)(\(detail))")
        return fields.joined(separator: " · ")
    }
}

extension ExactDecimal {
    var isZero: Bool { significand == 0 }

    /// Equal as numbers, whatever the exponents (1.50 and 1.5).
    func isSameNumber(as other: ExactDecimal) -> Bool { ExactDecimal.difference(self, other).significand == 0 }
}
