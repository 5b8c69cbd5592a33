import Model

/// A dataset written record by record for explain, diff and rule tests: every record gets its
/// own row in a named file and sheet, so provenance can be checked.
struct TestData {
    var dataset: Dataset
    private var rows: [String: Int32] = [:]

    init(name: String = "示例市", level: RegionConfig.Level = .city, parts: [String] = ["东城区", "西湖区"],
         partAliases: [String: String] = [:]) {
        var aliases = partAliases
        for p in parts { aliases[p] = p }
        dataset = Dataset(config: RegionConfig(name: name, level: level, parts: parts, partAliases: aliases))
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

    /// The next row of `file` (sheet named after the kind, rows from 2 as under a header row).
    mutating func provenance(_ file: String, sheet: String?) -> Provenance {
        var index = dataset.files.firstIndex(of: file)
        if index == nil {
            dataset.files.append(file)
            index = dataset.files.count - 1
        }
        let key = file + "|" + (sheet ?? "")
        let row = (rows[key] ?? 1) + 1
        rows[key] = row
        let sheetCode = sheet.map { dataset.sheetNames.code(for: $0) } ?? StringDictionary.absent
        return Provenance(file: Int32(index!), sheet: sheetCode, row: row)
    }

    /// An empty name: a record without a part.
    mutating func partCodes(_ part: String) -> (district: Int32, town: Int32) {
        if part.isEmpty { return (StringDictionary.absent, StringDictionary.absent) }
        return dataset.config.level.partsAreTowns
            ? (StringDictionary.absent, dataset.towns.code(for: part))
            : (dataset.districts.code(for: part), StringDictionary.absent)
    }

    mutating func code(_ value: String?, in keyPath: WritableKeyPath<Dataset, StringDictionary>) -> Int32 {
        guard let value else { return StringDictionary.absent }
        return dataset[keyPath: keyPath].code(for: value)
    }

    mutating func accident(_ part: String, _ date: Day, deaths: Int32 = 0, missing: Int32 = 0, injuries: Int32 = 0,
                           lossWan: String = "0", industry: String? = nil, level: AccidentLevel = .ordinary,
                           id: String? = nil, file: String = "事故.xlsx") {
        var r = IncidentTable.Record(date: date, provenance: provenance(file, sheet: "事故"))
        (r.district, r.town) = partCodes(part)
        r.industry = code(industry, in: \.industries)
        r.id = code(id, in: \.identifiers)
        r.deaths = deaths
        r.missing = missing
        r.injuries = injuries
        r.loss = Money(decimal: lossWan, unit: .wanYuan)!
        r.level = level
        dataset.accidents.append(r)
    }

    mutating func fire(_ part: String, _ date: Day, deaths: Int32 = 0, injuries: Int32 = 0, lossWan: String = "0",
                       industry: String? = nil, file: String = "火灾.csv") {
        var r = IncidentTable.Record(date: date, provenance: provenance(file, sheet: nil))
        (r.district, r.town) = partCodes(part)
        r.industry = code(industry, in: \.industries)
        r.deaths = deaths
        r.injuries = injuries
        r.loss = Money(decimal: lossWan, unit: .wanYuan)!
        dataset.fires.append(r)
    }

    mutating func hazard(_ part: String, _ date: Day, rectifiedOn: Day? = nil, status: Bool = false, deadline: Day? = nil,
                         major: Bool = false, listed: Bool = false, industry: String? = nil, id: String? = nil,
                         file: String = "隐患.xlsx") {
        var r = HazardTable.Record(date: date, provenance: provenance(file, sheet: "隐患"))
        (r.district, r.town) = partCodes(part)
        r.industry = code(industry, in: \.industries)
        r.id = code(id, in: \.identifiers)
        r.rectifiedOn = rectifiedOn
        r.deadline = deadline
        var flags: HazardTable.Flags = []
        if status { flags.insert(.statusRectified) }
        if major { flags.insert(.major) }
        if listed { flags.insert(.listed) }
        r.flags = flags
        dataset.hazards.append(r)
    }

    mutating func inspection(_ part: String, _ date: Day, unit: String?, industry: String? = nil, file: String = "检查.xlsx") {
        var r = InspectionTable.Record(date: date, provenance: provenance(file, sheet: "执法检查"))
        (r.district, r.town) = partCodes(part)
        r.industry = code(industry, in: \.industries)
        r.unit = code(unit, in: \.units)
        dataset.inspections.append(r)
    }

    mutating func penalty(_ part: String, _ date: Day, fineYuan: String = "0", industry: String? = nil, pre: Bool = false,
                          shutdown: Bool = false, kinds: String? = nil, id: String? = nil, file: String = "处罚.xlsx") {
        var r = PenaltyTable.Record(date: date, provenance: provenance(file, sheet: "行政处罚"))
        (r.district, r.town) = partCodes(part)
        r.industry = code(industry, in: \.industries)
        r.id = code(id, in: \.identifiers)
        r.penaltyKinds = code(kinds, in: \.labels)
        r.fine = Money(decimal: fineYuan, unit: .yuan)!
        var flags: PenaltyTable.Flags = []
        if pre { flags.insert(.beforeAccident) }
        if shutdown { flags.insert(.shutdown) }
        r.flags = flags
        dataset.penalties.append(r)
    }

    mutating func target(_ year: Int, _ metric: String, _ value: String, part: String? = nil) {
        dataset.targets.append(Target(year: year, part: part, metric: metric, value: ExactDecimal(value)!, origin: "config.toml 第9行"))
    }
}

/// A deterministic pseudo-random source (LCG), so property tests are reproducible.
struct Dice {
    var state: UInt64

    mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }

    mutating func chance(_ oneIn: Int) -> Bool { next(oneIn) == 0 }

    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
}

extension TestData {
    /// A random dataset over 2020–2022 with every kind, several parts, industries (and none), units
    /// seen in several parts, hazards rectified before, within and after periods, and records
    /// without a part (which count in no scope).
    static func random(seed: UInt64, records: Int = 400, level: RegionConfig.Level = .city) -> TestData {
        var dice = Dice(state: seed)
        let parts = level.partsAreTowns ? ["城关镇", "东街道", "西乡"] : ["甲区", "乙区", "丙县"]
        var data = TestData(level: level, parts: Array(parts.prefix(2)))    // the third part only appears in the data
        let industries: [String?] = ["危险化学品", "建筑施工", "商贸", nil]
        let units = ["甲公司", "乙公司", "丙厂", "丁店", "戊场"]
        func day(_ dice: inout Dice) -> Day { TestData.day(2020 + dice.next(3), 1 + dice.next(12), 1 + dice.next(28)) }
        for _ in 0..<records {
            let part = dice.chance(40) ? "" : dice.pick(parts)
            let date = day(&dice)
            let industry = dice.pick(industries)
            switch dice.next(5) {
            case 0:
                data.accident(part, date, deaths: Int32(dice.next(3)), missing: Int32(dice.chance(5) ? 1 : 0),
                              injuries: Int32(dice.next(4)), lossWan: "\(dice.next(1500)).\(dice.next(100))", industry: industry,
                              level: AccidentLevel(rawValue: UInt8(dice.chance(3) ? dice.next(4) : 0))!)
            case 1:
                let rectified: Day? = dice.chance(2) ? day(&dice) : nil
                data.hazard(part, date, rectifiedOn: rectified, status: dice.chance(4), deadline: dice.chance(3) ? nil : day(&dice),
                            major: dice.chance(4), listed: dice.chance(5), industry: industry)
            case 2:
                data.penalty(part, date, fineYuan: "\(dice.next(99999)).\(dice.next(100))", industry: industry,
                             pre: dice.chance(2), shutdown: dice.chance(4), kinds: "罚款")
            case 3:
                data.inspection(part, date, unit: dice.chance(10) ? nil : dice.pick(units), industry: industry)
            default:
                data.fire(part, date, deaths: Int32(dice.next(2)), injuries: Int32(dice.next(3)), lossWan: "\(dice.next(90)).5",
                          industry: industry)
            }
        }
        data.target(2021, "事前处罚起数", "30")
        data.target(2021, "隐患整改率", "95")
        data.target(2021, "检查单位数", "4", part: parts[0])
        data.target(2021, "penalties.fines", "12.5", part: parts[1])
        return data
    }
}
