/// 执法检查 records: one inspection of one unit (家次) per record.
public struct InspectionTable: Sendable {
    public private(set) var count = 0
    public private(set) var date: [Day] = []
    public private(set) var district: [Int32] = []
    public private(set) var town: [Int32] = []
    public private(set) var industry: [Int32] = []
    /// 单位名称 code in `Dataset.units` (required for this kind).
    public private(set) var unit: [Int32] = []
    /// 检查类型 code in `Dataset.labels`.
    public private(set) var inspectionType: [Int32] = []
    /// 发现隐患数.
    public private(set) var hazardsFound: [Int32] = []
    public private(set) var provenance: [Provenance] = []

    public init() {}

    public struct Record: Sendable {
        public var date: Day
        public var district: Int32 = StringDictionary.absent
        public var town: Int32 = StringDictionary.absent
        public var industry: Int32 = StringDictionary.absent
        public var unit: Int32 = StringDictionary.absent
        public var inspectionType: Int32 = StringDictionary.absent
        public var hazardsFound: Int32 = 0
        public var provenance: Provenance

        public init(date: Day, provenance: Provenance) {
            self.date = date
            self.provenance = provenance
        }
    }

    public mutating func append(_ r: Record) {
        date.append(r.date); district.append(r.district); town.append(r.town); industry.append(r.industry)
        unit.append(r.unit); inspectionType.append(r.inspectionType); hazardsFound.append(r.hazardsFound)
        provenance.append(r.provenance)
        count += 1
    }

    public func record(at i: Int) -> Record {
        var r = Record(date: date[i], provenance: provenance[i])
        r.district = district[i]; r.town = town[i]; r.industry = industry[i]; r.unit = unit[i]
        r.inspectionType = inspectionType[i]; r.hazardsFound = hazardsFound[i]
        return r
    }
}
