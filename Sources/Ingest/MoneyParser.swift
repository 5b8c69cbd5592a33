import Model

/// Money cells (直接经济损失, 罚款金额) into exact 分: the column's unit applies unless the cell
/// names its own (`12.5万元` in a 元 column is 125000元). Empty means 0; negative is refused.
enum MoneyParser {
    static func parse(_ cell: RawCell, unit: MoneyUnit) -> Result<Money, ValueProblem> {
        switch cell {
        case .empty: return .success(.zero)
        case .number(let d):
            guard let exact = NumberText.decimal(d) else { return .failure(.notNumber) }
            return money(exact, unit: unit)
        case .text(let s):
            if RawCell.isBlankText(s) { return .success(.zero) }
            return parse(text: s, unit: unit)
        case .utf8(let b):
            if RawCell.isBlankText(b.buffer) { return .success(.zero) }
            return parse(NumberText.parse(bytes: b.buffer), unit: unit)
        case .bool, .date, .error: return .failure(.notNumber)
        }
    }

    static func parse(text: String, unit: MoneyUnit) -> Result<Money, ValueProblem> {
        parse(NumberText.parse(text), unit: unit)
    }

    private static func parse(_ parsed: ParsedNumber?, unit: MoneyUnit) -> Result<Money, ValueProblem> {
        guard let p = parsed else { return .failure(.notNumber) }
        if p.percent { return .failure(.percent) }
        var cellUnit = unit
        if !p.suffix.isEmpty {
            guard let u = MoneyUnit(word: p.suffix) else { return .failure(.notNumber) }
            cellUnit = u
        }
        return money(p.value, unit: cellUnit)
    }

    /// Exact 分, rounded half-up below 1 分 (a 万元 figure with more than 6 decimals).
    static func money(_ value: ExactDecimal, unit: MoneyUnit) -> Result<Money, ValueProblem> {
        if value.significand < 0 { return .failure(.negative) }
        guard let fen = value.rescaled(toExponent: -unit.fenExponent),
              fen <= 9_000_000_000_000_000 else { return .failure(.tooLarge) }
        return .success(Money(fen: fen))
    }
}
