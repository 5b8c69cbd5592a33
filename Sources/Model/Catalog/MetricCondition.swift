/// One condition of a metric's `where` (CATALOG.md §Metrics): a field compared with values.
/// All conditions of a metric must hold.
public struct MetricCondition: Sendable, Equatable {
    public enum Operator: String, Sendable, Equatable, BitwiseCopyable {
        case equal = "=", notEqual = "!=", atLeast = ">=", greater = ">", atMost = "<=", less = "<"
    }

    /// A value as the condition states it, already normalised the way the field's cells are.
    public enum Operand: Sendable, Equatable, Hashable {
        /// Text (a canonical district or industry name, a text item); `*` is a wildcard.
        case text(String)
        case number(ExactDecimal)
        case day(Day)
        case bool(Bool)
        /// A level's rank: 0 一般 … 3 特别重大.
        case level(UInt8)
    }

    public var field: FieldReference
    /// The field's name as written in the condition (for messages and `explain`).
    public var fieldName: String
    public var op: Operator
    /// Any of these (a list in `where` means "any of").
    public var operands: [Operand]

    public init(field: FieldReference, fieldName: String, op: Operator, operands: [Operand]) {
        self.field = field
        self.fieldName = fieldName
        self.op = op
        self.operands = operands
    }

    /// `来源 = 专项整治、专项检查`, `事故等级 >= 较大` — as `explain` shows the filter.
    public var text: String {
        let values = operands.map { operand -> String in
            switch operand {
            case .text(let s): return s
            case .number(let d): return d.text
            case .day(let d): return d.description
            case .bool(let b): return b ? "是" : "否"
            case .level(let l): return AccidentLevel(rawValue: l)?.name ?? "\(l)"
            }
        }
        return "\(fieldName) \(op.rawValue) \(values.joined(separator: "、"))"
    }
}
