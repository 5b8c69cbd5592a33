import Model

/// Every additive figure of METRICS.md §Core metrics: a slot in the aggregation cube.
///
/// All of them are counts or sums (money in 分), so any scope is the plain sum of its parts;
/// the rate, shares and completion rates are computed afterwards from these sums.
public enum Metric: Int, CaseIterable, Sendable {
    case accidentsCount, accidentsDeaths, accidentsInjuries, accidentsLoss, accidentsMajor
    case accidentsOrdinary, accidentsLarger, accidentsMajorLevel, accidentsEspeciallyMajor
    case firesCount, firesDeaths, firesInjuries, firesLoss
    case hazardsFound, hazardsRectified, hazardsMajorFound, hazardsMajorRectified, hazardsListed, hazardsOverdue
    case inspectionsCount
    case penaltiesCount, penaltiesFines, penaltiesShutdowns, penaltiesPre

    public enum Kind: Sendable { case count, money }

    public var id: String {
        switch self {
        case .accidentsCount: return "accidents.count"
        case .accidentsDeaths: return "accidents.deaths"
        case .accidentsInjuries: return "accidents.injuries"
        case .accidentsLoss: return "accidents.loss"
        case .accidentsMajor: return "accidents.major"
        case .accidentsOrdinary: return "accidents.level.ordinary"
        case .accidentsLarger: return "accidents.level.larger"
        case .accidentsMajorLevel: return "accidents.level.major"
        case .accidentsEspeciallyMajor: return "accidents.level.especially_major"
        case .firesCount: return "fires.count"
        case .firesDeaths: return "fires.deaths"
        case .firesInjuries: return "fires.injuries"
        case .firesLoss: return "fires.loss"
        case .hazardsFound: return "hazards.found"
        case .hazardsRectified: return "hazards.rectified"
        case .hazardsMajorFound: return "hazards.major.found"
        case .hazardsMajorRectified: return "hazards.major.rectified"
        case .hazardsListed: return "hazards.major.listed"
        case .hazardsOverdue: return "hazards.overdue"
        case .inspectionsCount: return "inspections.count"
        case .penaltiesCount: return "penalties.count"
        case .penaltiesFines: return "penalties.fines"
        case .penaltiesShutdowns: return "penalties.shutdowns"
        case .penaltiesPre: return "penalties.pre"
        }
    }

    /// The name used in templates, figures and `explain` (METRICS.md).
    public var name: String {
        switch self {
        case .accidentsCount: return "事故起数"
        case .accidentsDeaths: return "事故死亡人数"
        case .accidentsInjuries: return "事故受伤人数"
        case .accidentsLoss: return "直接经济损失"
        case .accidentsMajor: return "较大及以上事故起数"
        case .accidentsOrdinary: return "一般事故起数"
        case .accidentsLarger: return "较大事故起数"
        case .accidentsMajorLevel: return "重大事故起数"
        case .accidentsEspeciallyMajor: return "特别重大事故起数"
        case .firesCount: return "火灾起数"
        case .firesDeaths: return "火灾死亡人数"
        case .firesInjuries: return "火灾受伤人数"
        case .firesLoss: return "火灾直接经济损失"
        case .hazardsFound: return "排查隐患数"
        case .hazardsRectified: return "已整改隐患数"
        case .hazardsMajorFound: return "重大隐患数"
        case .hazardsMajorRectified: return "重大隐患已整改数"
        case .hazardsListed: return "挂牌督办数"
        case .hazardsOverdue: return "逾期未整改隐患数"
        case .inspectionsCount: return "执法检查家次"
        case .penaltiesCount: return "行政处罚起数"
        case .penaltiesFines: return "罚款金额"
        case .penaltiesShutdowns: return "责令停产整顿数"
        case .penaltiesPre: return "事前处罚起数"
        }
    }

    public var unit: String {
        switch self {
        case .accidentsCount, .accidentsMajor, .accidentsOrdinary, .accidentsLarger, .accidentsMajorLevel,
             .accidentsEspeciallyMajor, .firesCount, .penaltiesCount, .penaltiesPre: return "起"
        case .accidentsDeaths, .accidentsInjuries, .firesDeaths, .firesInjuries: return "人"
        case .accidentsLoss, .firesLoss, .penaltiesFines: return "万元"
        case .hazardsFound, .hazardsRectified, .hazardsMajorFound, .hazardsMajorRectified, .hazardsListed,
             .hazardsOverdue: return "处"
        case .inspectionsCount: return "家次"
        case .penaltiesShutdowns: return "家"
        }
    }

    /// Money is summed in 分 and shown in 万元.
    public var kind: Kind {
        switch self {
        case .accidentsLoss, .firesLoss, .penaltiesFines: return .money
        default: return .count
        }
    }

    /// The exact value of a sum held in this slot (分 → 万元 for money).
    public func exact(_ sum: Int64) -> ExactDecimal {
        kind == .money ? ExactDecimal(significand: sum, exponent: -6) : ExactDecimal(significand: sum, exponent: 0)
    }

    public static func named(_ text: String) -> Metric? {
        allCases.first { $0.name == text || $0.id == text }
    }
}
