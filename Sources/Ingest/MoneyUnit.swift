/// The unit a money column or cell is written in.
enum MoneyUnit: Sendable, Equatable {
    case yuan       // 元
    case wanYuan    // 万元
    case yiYuan     // 亿元

    /// Power of ten from the unit to 分.
    var fenExponent: Int {
        switch self {
        case .yuan: return 2
        case .wanYuan: return 6
        case .yiYuan: return 10
        }
    }

    var name: String {
        switch self {
        case .yuan: return "元"
        case .wanYuan: return "万元"
        case .yiYuan: return "亿元"
        }
    }

    /// `元`, `万元`, `万`, `亿元`, `人民币元` … as written after a number or in a header.
    init?(word: String) {
        switch word {
        case "元", "人民币元", "元人民币", "RMB", "圆": self = .yuan
        case "万元", "万", "万元人民币", "人民币万元": self = .wanYuan
        case "亿元", "亿": self = .yiYuan
        default: return nil
        }
    }

    /// The money unit a unit line names: `单位:万元`, `金额单位：元`, `(单位：万元)`; nil when the
    /// text is no unit line (`填报单位：…` names an office, not a unit).
    static func fromUnitLine(_ text: String) -> MoneyUnit? {
        let t = HeaderText(text).key          // no spaces, full-width folded
        for r in t.ranges(of: "单位:") {
            let before = t[..<r.lowerBound]
            if before.hasSuffix("填报") || before.hasSuffix("报送") || before.hasSuffix("制表")
                || before.hasSuffix("统计") || before.hasSuffix("上报") || before.hasSuffix("填表") { continue }
            let rest = t[r.upperBound...]
            for (word, unit) in [("亿元", MoneyUnit.yiYuan), ("万元", .wanYuan), ("元", .yuan)] where rest.hasPrefix(word) {
                return unit
            }
        }
        return nil
    }
}
