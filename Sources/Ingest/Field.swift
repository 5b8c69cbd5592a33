import Model

/// A canonical column of INPUTS.md §Record kinds. Aliases belong to the field, not to a kind
/// (INPUTS.md clarification): an alias listed once works for that field in every kind that has it.
enum Field: Int, CaseIterable, Sendable {
    case incidentID, occurredOn, district, town, industry, accidentType, unitName
    case deaths, missing, seriousInjuries, injuries, loss, level
    case firePlace, fireCause, fireLevel
    case hazardID, foundOn, hazardLevel, hazardDescription, rectificationStatus
    case rectificationDeadline, rectifiedOn, listed, source
    case inspectedOn, inspectionType, hazardsFound
    case caseID, filedOn, penaltyKinds, fine, preAccident
    case year, metric, targetValue

    static let count = Field.allCases.count

    /// What a cell of this field holds.
    enum ValueType: Sendable, Equatable {
        case identifier, date, district, town, industry, text, count, money, level, hazardLevel
        case rectificationStatus, boolean, year, decimal
    }

    /// The canonical header, as INPUTS.md writes it.
    var name: String {
        switch self {
        case .incidentID: return "事故编号"
        case .occurredOn: return "发生时间"
        case .district: return "区县"
        case .town: return "镇街"
        case .industry: return "行业领域"
        case .accidentType: return "事故类型"
        case .unitName: return "单位名称"
        case .deaths: return "死亡人数"
        case .missing: return "失踪人数"
        case .seriousInjuries: return "重伤人数"
        case .injuries: return "受伤人数"
        case .loss: return "直接经济损失"
        case .level: return "事故等级"
        case .firePlace: return "起火场所"
        case .fireCause: return "起火原因"
        case .fireLevel: return "火灾等级"
        case .hazardID: return "隐患编号"
        case .foundOn: return "排查日期"
        case .hazardLevel: return "隐患等级"
        case .hazardDescription: return "隐患描述"
        case .rectificationStatus: return "整改状态"
        case .rectificationDeadline: return "整改期限"
        case .rectifiedOn: return "整改完成日期"
        case .listed: return "挂牌督办"
        case .source: return "来源"
        case .inspectedOn: return "检查日期"
        case .inspectionType: return "检查类型"
        case .hazardsFound: return "发现隐患数"
        case .caseID: return "案件编号"
        case .filedOn: return "立案日期"
        case .penaltyKinds: return "处罚种类"
        case .fine: return "罚款金额"
        case .preAccident: return "事前处罚"
        case .year: return "年度"
        case .metric: return "指标"
        case .targetValue: return "目标值"
        }
    }

    /// Built-in aliases: those of INPUTS.md, plus a few spellings seen in real exports.
    var aliases: [String] {
        switch self {
        case .incidentID: return ["编号", "事故ID", "火灾编号"]
        case .occurredOn: return ["事故发生时间", "发生日期", "事故日期", "日期", "时间", "事故时间",
                                  "火灾发生时间", "起火时间", "起火日期", "发生时间日期"]
        case .district: return ["所属区县", "县(市、区)", "区(县)", "行政区划", "属地", "地区", "辖区",
                                "县(市,区)", "县市区", "区县名称", "县区", "所在区县", "区(县、市)", "区县(市)"]
        case .town: return ["乡镇(街道)", "镇(街道)", "街道", "乡镇", "镇街名称", "所属镇街", "乡镇街道",
                            "所属乡镇", "所在镇街", "镇(街)"]
        case .industry: return ["行业", "所属行业", "行业类别", "领域", "行业分类", "所属领域", "行业(领域)"]
        case .accidentType: return ["事故类别"]
        case .unitName: return ["事故单位", "企业名称", "发生单位", "被检查单位", "当事人", "被处罚单位",
                                "单位", "被检查单位名称", "当事人名称", "事故单位名称"]
        case .deaths: return ["死亡", "亡人数", "死亡(人)", "死亡人员"]
        case .missing: return ["失踪"]
        case .seriousInjuries: return ["重伤"]
        case .injuries: return ["受伤", "伤人数", "受伤人员"]
        case .loss: return ["经济损失", "损失金额", "直接损失"]
        case .level: return ["等级", "事故级别"]
        case .firePlace: return ["起火部位", "火灾场所"]
        case .fireCause: return ["火灾原因"]
        case .fireLevel: return ["火灾级别"]
        case .hazardID: return ["编号"]
        case .foundOn: return ["发现日期", "检查日期", "排查时间", "发现时间"]
        case .hazardLevel: return ["隐患级别"]
        case .hazardDescription: return ["隐患内容", "问题描述", "隐患情况"]
        case .rectificationStatus: return ["是否整改", "整改情况", "是否已整改"]
        case .rectificationDeadline: return ["整改时限", "整改期限日期"]
        case .rectifiedOn: return ["整改日期", "销号日期", "整改完成时间", "完成整改日期"]
        case .listed: return ["是否挂牌督办"]
        case .source: return ["检查类型", "排查方式", "隐患来源"]
        case .inspectedOn: return ["日期", "排查日期", "检查时间"]
        case .inspectionType: return ["检查方式"]
        case .hazardsFound: return ["发现隐患", "隐患数", "查出隐患数", "发现隐患数量"]
        case .caseID: return ["文书编号", "编号", "决定书编号"]
        case .filedOn: return ["处罚日期", "决定日期", "日期", "立案时间"]
        case .penaltyKinds: return ["处罚类型", "处罚决定", "处罚内容"]
        case .fine: return ["罚款", "罚没金额", "罚款数额"]
        case .preAccident: return ["是否事前处罚"]
        case .year: return ["年份"]
        case .metric: return ["指标名称"]
        case .targetValue: return ["目标", "目标数"]
        }
    }

    var valueType: ValueType {
        switch self {
        case .incidentID, .hazardID, .caseID: return .identifier
        case .occurredOn, .foundOn, .inspectedOn, .filedOn, .rectificationDeadline, .rectifiedOn: return .date
        case .district: return .district
        case .town: return .town
        case .industry: return .industry
        case .accidentType, .unitName, .firePlace, .fireCause, .hazardDescription, .source,
             .inspectionType, .penaltyKinds, .metric: return .text
        case .deaths, .missing, .seriousInjuries, .injuries, .hazardsFound: return .count
        case .loss, .fine: return .money
        case .level, .fireLevel: return .level
        case .hazardLevel: return .hazardLevel
        case .rectificationStatus: return .rectificationStatus
        case .listed, .preAccident: return .boolean
        case .year: return .year
        case .targetValue: return .decimal
        }
    }

    /// The unit of a money column whose header and unit line name none (INPUTS.md: 事故/火灾 loss in
    /// 万元, 罚款 in 元).
    var defaultMoneyUnit: MoneyUnit { self == .fine ? .yuan : .wanYuan }

    static func named(_ canonical: String) -> Field? {
        Field.allCases.first { $0.name == canonical }
    }
}
