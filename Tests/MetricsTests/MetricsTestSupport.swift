import Model

/// Builds small datasets by hand for metric tests.
struct DatasetBuilder {
    var dataset: Dataset

    init(level: RegionConfig.Level = .city, parts: [String] = ["东城区", "西湖区"]) {
        dataset = Dataset(config: RegionConfig(name: "示例市", level: level, parts: parts))
        dataset.files = ["t.xlsx"]
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

    var provenance: Provenance { Provenance(file: 0, sheet: -1, row: 2) }

    mutating func accident(_ district: String, _ date: Day, deaths: Int32 = 0, injuries: Int32 = 0, lossWan: String = "0",
                           industry: String? = nil, level: AccidentLevel = .ordinary) {
        var r = IncidentTable.Record(date: date, provenance: provenance)
        r.district = dataset.districts.code(for: district)
        if let industry { r.industry = dataset.industries.code(for: industry) }
        r.deaths = deaths
        r.injuries = injuries
        r.loss = Money(decimal: lossWan, unit: .wanYuan)!
        r.level = level
        dataset.accidents.append(r)
    }

    mutating func fire(_ district: String, _ date: Day, deaths: Int32 = 0) {
        var r = IncidentTable.Record(date: date, provenance: provenance)
        r.district = dataset.districts.code(for: district)
        r.deaths = deaths
        dataset.fires.append(r)
    }

    mutating func hazard(_ district: String, _ date: Day, rectifiedOn: Day? = nil, status: Bool = false,
                         deadline: Day? = nil, major: Bool = false, listed: Bool = false) {
        var r = HazardTable.Record(date: date, provenance: provenance)
        r.district = dataset.districts.code(for: district)
        r.rectifiedOn = rectifiedOn
        r.deadline = deadline
        var flags: HazardTable.Flags = []
        if status { flags.insert(.statusRectified) }
        if major { flags.insert(.major) }
        if listed { flags.insert(.listed) }
        r.flags = flags
        dataset.hazards.append(r)
    }

    mutating func inspection(_ district: String, _ date: Day, unit: String) {
        var r = InspectionTable.Record(date: date, provenance: provenance)
        r.district = dataset.districts.code(for: district)
        r.unit = dataset.units.code(for: unit)
        dataset.inspections.append(r)
    }

    mutating func penalty(_ district: String, _ date: Day, fineYuan: String = "0", industry: String? = nil,
                          pre: Bool = false, shutdown: Bool = false) {
        var r = PenaltyTable.Record(date: date, provenance: provenance)
        r.district = dataset.districts.code(for: district)
        if let industry { r.industry = dataset.industries.code(for: industry) }
        r.fine = Money(decimal: fineYuan, unit: .yuan)!
        var flags: PenaltyTable.Flags = []
        if pre { flags.insert(.beforeAccident) }
        if shutdown { flags.insert(.shutdown) }
        r.flags = flags
        dataset.penalties.append(r)
    }
}
