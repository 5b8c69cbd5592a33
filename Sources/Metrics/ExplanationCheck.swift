import Model

/// An explanation's total held against the figure a run actually wrote: the figures.json of an
/// output folder, read back (`explain --out`). Only this comparison may say 「与 figures.json 一致」;
/// `Explanation.matchesFigure` compares with figures computed in the same process.
public struct ExplanationCheck: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The file shows the same figure (a missing breakdown row counts as 0).
        case matches
        /// The file shows another figure: what it says.
        case differs(written: String)
        /// The file is of another period: nothing was compared.
        case otherPeriod(String)
    }

    /// The figures.json read.
    public let source: String
    public let outcome: Outcome

    /// The sentence after the total.
    public var sentence: String {
        switch outcome {
        case .matches: return "与 \(source) 一致。"
        case .differs(let written):
            return "与 \(source) 不一致(其中为 \(written)):输入可能在那次运行之后有改动,请重新运行 safetystats run 后再核对。"
        case .otherPeriod(let label):
            return "未核对:\(source) 是 \(label) 的输出(用 --out 指定本期间的输出文件夹)。"
        }
    }
}

extension Explanation {
    /// Heading, rows and total, with no claim about any figures.json.
    public var listing: String { text(ending: totalLine + "。") }

    /// The listing with the check's sentence after the total.
    public func text(checkedAgainst check: ExplanationCheck) -> String {
        text(ending: totalLine + ";" + check.sentence)
    }

    /// This explanation's total against the same figure in `file` (scope, breakdown row, metric id,
    /// value or prior).
    public func check(against file: FiguresFile) -> ExplanationCheck {
        func result(_ outcome: ExplanationCheck.Outcome) -> ExplanationCheck { ExplanationCheck(source: file.source, outcome: outcome) }
        let label = prior ? file.priorLabel : file.periodLabel
        // The main period's figures, or a named period's (`explain --period 专项整治以来`).
        let named = file.namedPeriods.first { (prior ? $0.priorLabel : $0.label) == periodLabel }
        guard label == periodLabel || named != nil else { return result(.otherPeriod(label)) }
        let scopes = label == periodLabel ? file.scopes : named?.scopes ?? []
        let scopeFigures = scopes.first { $0.name == scope }
        var figures = scopeFigures?.metrics ?? []
        if let breakdown, let open = breakdown.firstIndex(of: "「"), breakdown.hasSuffix("」") {
            let axis = String(breakdown[..<open])
            let key = String(breakdown[breakdown.index(after: open)...].dropLast())
            figures = scopeFigures?.breakdowns.first { $0.name == axis }?.rows.first { $0.key == key }?.metrics ?? []
        }
        guard let figure = figures.first(where: { $0.id == id }) else {
            return result(total.isZero && (denominator?.isZero ?? true) ? .matches : .differs(written: "无此项"))
        }
        func same(_ field: String, _ value: ExactDecimal?) -> Bool {
            guard let text = figure[field] else { return value == nil }
            guard let value, let written = ExactDecimal(text) else { return false }
            return written.isSameNumber(as: value)
        }
        let ok: Bool
        let written: String
        if let target {
            var actual = total
            if let denominator {
                actual = Ratio(total, denominator)?.percent(decimals: 2) ?? ExactDecimal(0)
            }
            ok = same("numerator", actual) && same("denominator", target.value)
            written = "\(figure["numerator"] ?? "—")/\(figure["denominator"] ?? "—")"
        } else if let denominator {
            if prior {
                // figures.json keeps a rate's prior as its percentage (2 decimals), not its parts.
                ok = same("prior", Ratio(total, denominator)?.percent(decimals: 2))
                written = (figure["prior"] ?? "—") + "%"
            } else {
                ok = same("numerator", total) && same("denominator", denominator)
                written = "\(figure["numerator"] ?? "—")/\(figure["denominator"] ?? "—")"
            }
        } else {
            ok = same(prior ? "prior" : "value", total)
            written = (figure[prior ? "prior" : "value"] ?? "—") + unit
        }
        return result(ok ? .matches : .differs(written: written))
    }

    private func text(ending: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if !lines.isEmpty { lines.removeLast() }     // `summary`, replaced
        lines.append(ending)
        return lines.joined(separator: "\n") + "\n"
    }
}
