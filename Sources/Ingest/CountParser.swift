import Model

/// Count cells (死亡人数, 发现隐患数): non-negative integers; empty means 0 (INPUTS.md clarification);
/// a unit word after the number is allowed (`3人`).
enum CountParser {
    /// Unit words a count may carry.
    static let units: Set<String> = ["人", "名", "起", "个", "处", "家", "次", "条", "项", "宗", "件", "家次", "人次", "户"]

    static func parse(_ cell: RawCell) -> Result<Int32, ValueProblem> {
        switch cell {
        case .empty: return .success(0)
        case .number(let d):
            guard d.isFinite else { return .failure(.notNumber) }
            if d < 0 { return .failure(.negative) }
            guard d == d.rounded() else { return .failure(.notInteger) }
            guard d <= Double(Int32.max) else { return .failure(.tooLarge) }
            return .success(Int32(d))
        case .text(let s):
            if RawCell.isBlankText(s) { return .success(0) }
            return parse(text: s)
        case .utf8(let b):
            if RawCell.isBlankText(b.buffer) { return .success(0) }
            return parse(NumberText.parse(bytes: b.buffer))
        case .bool, .date, .error: return .failure(.notNumber)
        }
    }

    static func parse(text: String) -> Result<Int32, ValueProblem> { parse(NumberText.parse(text)) }

    private static func parse(_ parsed: ParsedNumber?) -> Result<Int32, ValueProblem> {
        guard let p = parsed else { return .failure(.notNumber) }
        if p.percent { return .failure(.percent) }
        if !p.suffix.isEmpty && !units.contains(p.suffix) { return .failure(.notNumber) }
        if p.value.significand < 0 { return .failure(.negative) }
        guard let integer = exactInteger(p.value) else {
            return .failure(p.value.exponent >= 0 ? .tooLarge : .notInteger)
        }
        guard integer <= Int64(Int32.max) else { return .failure(.tooLarge) }
        return .success(Int32(integer))
    }

    /// The value as an integer when it has no fractional part (`3.0` → 3), else nil.
    static func exactInteger(_ d: ExactDecimal) -> Int64? {
        if d.significand == 0 { return 0 }
        if d.exponent >= 0 { return d.rescaled(toExponent: 0) }
        if -d.exponent > 18 { return nil }
        var divisor: Int64 = 1
        for _ in 0 ..< -d.exponent { divisor *= 10 }
        guard d.significand % divisor == 0 else { return nil }
        return d.significand / divisor
    }
}
