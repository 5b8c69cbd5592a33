/// 事故等级 (and 火灾等级, which uses the same thresholds).
public enum AccidentLevel: UInt8, CaseIterable, Sendable, Comparable, Codable {
    case ordinary = 0       // 一般
    case larger = 1         // 较大
    case major = 2          // 重大
    case especiallyMajor = 3 // 特别重大

    public var name: String {
        switch self {
        case .ordinary: return "一般"
        case .larger: return "较大"
        case .major: return "重大"
        case .especiallyMajor: return "特别重大"
        }
    }

    public init?(name: String) {
        switch name {
        case "一般": self = .ordinary
        case "较大": self = .larger
        case "重大": self = .major
        case "特别重大": self = .especiallyMajor
        default: return nil
        }
    }

    /// The level by 《生产安全事故报告和调查处理条例》第三条: the highest level any criterion
    /// reaches. "以上" includes the bound, "以下" excludes it. `deaths` includes the missing.
    public static func derived(deaths: Int, seriousInjuries: Int, loss: Money) -> AccidentLevel {
        func atLeastWan(_ w: Int64) -> Bool { loss.fen >= w * 1_000_000 }   // 1万元 = 1 000 000 分
        if deaths >= 30 || seriousInjuries >= 100 || atLeastWan(10_000) { return .especiallyMajor }
        if deaths >= 10 || seriousInjuries >= 50 || atLeastWan(5_000) { return .major }
        if deaths >= 3 || seriousInjuries >= 10 || atLeastWan(1_000) { return .larger }
        return .ordinary
    }

    public static func < (a: AccidentLevel, b: AccidentLevel) -> Bool { a.rawValue < b.rawValue }
}
