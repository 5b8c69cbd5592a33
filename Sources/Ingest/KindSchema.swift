import Model

/// The columns one record kind has, which of them are required, and which identify it.
struct KindSchema: Sendable {
    let kind: RecordKind
    /// Every field the kind knows, in INPUTS.md order.
    let fields: [Field]
    /// Columns that must exist in the header (INPUTS.md "R"; 区县 is R* and not listed: it may come
    /// from the folder or file name).
    let required: [Field]
    /// The date that places a record in a period.
    let dateField: Field
    let idField: Field?
    /// Membership by `Field.rawValue`.
    let has: [Bool]

    init(kind: RecordKind, fields: [Field], required: [Field], dateField: Field, idField: Field?) {
        self.kind = kind
        self.fields = fields
        self.required = required
        self.dateField = dateField
        self.idField = idField
        var has = [Bool](repeating: false, count: Field.count)
        for f in fields { has[f.rawValue] = true }
        self.has = has
    }

    func contains(_ field: Field) -> Bool { has[field.rawValue] }

    static let accident = KindSchema(
        kind: .accident,
        fields: [.incidentID, .occurredOn, .district, .town, .industry, .accidentType, .unitName,
                 .deaths, .missing, .seriousInjuries, .injuries, .loss, .level],
        required: [.occurredOn, .industry, .deaths], dateField: .occurredOn, idField: .incidentID)

    /// 火灾: the fields of 事故 plus 起火场所, 起火原因, 火灾等级; 行业领域 optional.
    static let fire = KindSchema(
        kind: .fire,
        fields: [.incidentID, .occurredOn, .district, .town, .industry, .accidentType, .unitName,
                 .firePlace, .fireCause, .deaths, .missing, .seriousInjuries, .injuries, .loss,
                 .fireLevel, .level],
        required: [.occurredOn, .deaths], dateField: .occurredOn, idField: .incidentID)

    static let hazard = KindSchema(
        kind: .hazard,
        fields: [.hazardID, .foundOn, .district, .town, .unitName, .industry, .hazardLevel,
                 .hazardDescription, .rectificationStatus, .rectificationDeadline, .rectifiedOn,
                 .listed, .source],
        required: [.foundOn], dateField: .foundOn, idField: .hazardID)

    static let inspection = KindSchema(
        kind: .inspection,
        fields: [.inspectedOn, .district, .town, .unitName, .industry, .inspectionType, .hazardsFound],
        required: [.inspectedOn, .unitName], dateField: .inspectedOn, idField: nil)

    static let penalty = KindSchema(
        kind: .penalty,
        fields: [.caseID, .filedOn, .district, .town, .unitName, .industry, .penaltyKinds, .fine,
                 .preAccident],
        required: [.filedOn], dateField: .filedOn, idField: .caseID)

    static let target = KindSchema(
        kind: .target,
        fields: [.year, .district, .town, .metric, .targetValue],
        required: [.year, .metric, .targetValue], dateField: .year, idField: nil)

    /// In the order used for the last tie-break (事故 before 火灾: a sheet that fits both and whose
    /// names do not tell stays 事故).
    static let all: [KindSchema] = [.accident, .fire, .hazard, .inspection, .penalty, .target]

    static func of(_ kind: RecordKind) -> KindSchema {
        switch kind {
        case .accident: return .accident
        case .fire: return .fire
        case .hazard: return .hazard
        case .inspection: return .inspection
        case .penalty: return .penalty
        case .target: return .target
        }
    }

    /// Fields no other kind has: they tell kinds apart when both fit (起火原因 makes a sheet 火灾).
    static let specific: [[Bool]] = all.map { schema in
        (0..<Field.count).map { i in
            schema.has[i] && !all.contains { $0.kind != schema.kind && $0.has[i] }
        }
    }

    /// Words in a sheet or file name that hint at a kind.
    static func nameHints(_ name: String) -> Set<RecordKind> {
        var hints = Set<RecordKind>()
        let fire = name.contains("火灾") || name.contains("火情")
        let accident = name.contains("事故")
        if fire && (!accident || name.contains("火灾事故")) { hints.insert(.fire) }
        if accident && !fire { hints.insert(.accident) }
        if name.contains("隐患") { hints.insert(.hazard) }
        if name.contains("检查") || name.contains("执法") { hints.insert(.inspection) }
        if name.contains("处罚") || name.contains("罚款") || name.contains("案件") { hints.insert(.penalty) }
        if name.contains("目标") { hints.insert(.target) }
        return hints
    }
}
