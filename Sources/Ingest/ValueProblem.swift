/// Why a cell's value cannot be used; `reason(field:value:)` words it for rejects.csv.
enum ValueProblem: Error, Sendable, Equatable {
    case empty
    case notNumber
    case negative
    case notInteger
    case tooLarge
    case wrongUnit(String)
    case percent
    case notDate
    case yearOutOfRange
    case timeOnly
    case notBoolean
    case notLevel
    case notStatus
    case notYear
    /// Not one of the values a field accepts (隐患等级: 一般/重大).
    case notOneOf([String])

    var text: String {
        switch self {
        case .empty: return "为空"
        case .notNumber: return "不是数字"
        case .negative: return "不能为负数"
        case .notInteger: return "不是整数"
        case .tooLarge: return "数值过大"
        case .wrongUnit(let u): return "的单位「\(u)」不适用于此列"
        case .percent: return "是百分数，不是个数"
        case .notDate: return "不是有效日期"
        case .yearOutOfRange: return "的年份不在1900—2099年之间"
        case .timeOnly: return "只有时间，没有日期"
        case .notBoolean: return "不是是/否"
        case .notLevel: return "不是一般/较大/重大/特别重大"
        case .notStatus: return "不是已整改/未整改"
        case .notYear: return "不是年份"
        case .notOneOf(let values): return "不是\(values.joined(separator: "/"))"
        }
    }

    /// `发生时间「2025-02-30」不是有效日期`, `发生时间为空`.
    func reason(field: String, value: String) -> String {
        if self == .empty || value.isEmpty { return "\(field)为空" }
        return "\(field)「\(value)」\(text)"
    }
}
