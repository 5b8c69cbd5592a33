/// The kinds of record districts send (INPUTS.md §Record kinds).
public enum RecordKind: String, CaseIterable, Sendable, Codable {
    case accident = "事故"
    case fire = "火灾"
    case hazard = "隐患"
    case inspection = "执法检查"
    case penalty = "行政处罚"
    case target = "目标"

    /// The field whose date places a record in a period (METRICS.md §Periods).
    public var periodField: String {
        switch self {
        case .accident, .fire: return "发生时间"
        case .hazard: return "排查日期"
        case .inspection: return "检查日期"
        case .penalty: return "立案日期"
        case .target: return "年度"
        }
    }
}
