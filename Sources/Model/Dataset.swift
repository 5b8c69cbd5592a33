/// Everything ingest accepted: one columnar table per kind, the shared dictionaries their codes
/// point into, and the files the records came from.
public struct Dataset: Sendable {
    public var config: RegionConfig

    public var accidents = IncidentTable()
    public var fires = IncidentTable()
    public var hazards = HazardTable()
    public var inspections = InspectionTable()
    public var penalties = PenaltyTable()
    /// Targets from config.toml and from 目标 sheets.
    public var targets: [Target] = []

    /// Canonical 区县 names (codes in the tables' `district` columns).
    public var districts = StringDictionary()
    /// Canonical 镇街 names.
    public var towns = StringDictionary()
    /// Canonical industry names (or the value as written when unknown).
    public var industries = StringDictionary()
    /// 单位名称.
    public var units = StringDictionary()
    /// Other text values: 事故类型, 起火原因, 起火场所, 来源, 检查类型, 处罚种类.
    public var labels = StringDictionary()
    /// Record ids (事故编号, 隐患编号, 案件编号).
    public var identifiers = StringDictionary()
    /// Input files, relative to the inputs folder, in the order they were read (sorted).
    public var files: [String] = []
    public var sheetNames = StringDictionary()

    public init(config: RegionConfig) { self.config = config }

    /// The part (区县 at level 市, 镇街 at level 区/县) dictionary.
    public var parts: StringDictionary { config.level.partsAreTowns ? towns : districts }

    /// A provenance as people read it: `2025/东城区/事故.xlsx 事故!第5行` or `东城区火灾.csv 第12行`.
    public func describe(_ p: Provenance) -> String {
        let file = Int(p.file) < files.count && p.file >= 0 ? files[Int(p.file)] : "?"
        if let sheet = sheetNames[p.sheet] { return "\(file) \(sheet)!第\(p.row)行" }
        return "\(file) 第\(p.row)行"
    }
}
