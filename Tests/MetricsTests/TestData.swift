import Ingest
import Model

/// A dataset written record by record for explain, diff and rule tests: every record gets its
/// own row in a named file and sheet, so provenance can be checked.
///
/// `dataset` is the data as if every part had sent every register for every year the records
/// span (an empty register where it sent nothing), with every column present — so a figure
/// without records is a real 0, as in the tests written before coverage existed. Tests of
/// coverage build on `records`, which holds only what was added.
struct TestData {
    var records: Dataset
    private var rows: [String: Int32] = [:]
    /// Every part sent every register (see above); false: only what the records show.
    var covered = true
    /// Keep only these breakdowns of the catalog (tests written before the others existed).
    var onlyBreakdowns: [String]?

    init(name: String = "示例市", level: RegionConfig.Level = .city, parts: [String] = ["东城区", "西湖区"],
         partAliases: [String: String] = [:]) {
        var aliases = partAliases
        for p in parts { aliases[p] = p }
        let config = RegionConfig(name: name, level: level, parts: parts, partAliases: aliases)
        records = Dataset(config: config, catalog: CatalogLoader.builtin(region: config))
    }

    var dataset: Dataset {
        var d = records
        if let only = onlyBreakdowns { d.catalog.breakdowns.removeAll { !only.contains($0.by) } }
        guard covered else { return d }
        var years = Set<Int>()
        DataYears.forEach(d) { years.insert($0) }
        if let last = years.max() { years.insert(last + 1) }
        if let first = years.min() { years.insert(first - 1) }
        for k in d.catalog.kinds.indices where d.catalog.kinds[k].role != .targets {
            for c in d.mappedColumns[k].indices { d.mappedColumns[k][c] = true }
            for part in d.config.parts {
                let code = d.dictionaries[d.partDictionary].code(for: part)
                for y in years.sorted() {
                    d.emptyRegisters.append(EmptyRegister(kind: k, part: code, year: y, months: nil,
                                                          provenance: Provenance(file: 0, sheet: -1, row: 1)))
                }
            }
        }
        return d
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

    /// Every count and sum metric of the built-in catalog.
    static let additiveMetrics = CatalogLoader.builtin().metrics.filter(\.isAdditive)

    /// The next row of `file` (sheet named after the kind, rows from 2 as under a header row).
    mutating func provenance(_ file: String, sheet: String?) -> Provenance {
        var index = records.files.firstIndex(of: file)
        if index == nil {
            records.files.append(file)
            index = records.files.count - 1
        }
        let key = file + "|" + (sheet ?? "")
        let row = (rows[key] ?? 1) + 1
        rows[key] = row
        let sheetCode = sheet.map { records.sheetNames.code(for: $0) } ?? StringDictionary.absent
        return Provenance(file: Int32(index!), sheet: sheetCode, row: row)
    }

    mutating func accident(_ part: String, _ date: Day, deaths: Int32 = 0, missing: Int32 = 0, injuries: Int32 = 0,
                           lossWan: String = "0", industry: String? = nil, level: AccidentLevel = .ordinary,
                           id: String? = nil, file: String = "事故.xlsx") {
        var v: [String: RecordValue] = ["发生时间": .day(date), "死亡人数": .count(Int64(deaths)), "失踪人数": .count(Int64(missing)),
                                        "受伤人数": .count(Int64(injuries)), "直接经济损失": .money(Money(decimal: lossWan, unit: .wanYuan)!),
                                        "事故等级": .level(level)]
        if let industry { v["行业领域"] = .text(industry) }
        if let id { v["事故编号"] = .text(id) }
        records.append(kind: "事故", part: part, v, provenance: provenance(file, sheet: "事故"))
    }

    mutating func fire(_ part: String, _ date: Day, deaths: Int32 = 0, injuries: Int32 = 0, lossWan: String = "0",
                       industry: String? = nil, file: String = "火灾.csv") {
        var v: [String: RecordValue] = ["发生时间": .day(date), "死亡人数": .count(Int64(deaths)), "受伤人数": .count(Int64(injuries)),
                                        "直接经济损失": .money(Money(decimal: lossWan, unit: .wanYuan)!)]
        if let industry { v["行业领域"] = .text(industry) }
        records.append(kind: "火灾", part: part, v, provenance: provenance(file, sheet: nil))
    }

    mutating func hazard(_ part: String, _ date: Day, rectifiedOn: Day? = nil, status: Bool = false, deadline: Day? = nil,
                         major: Bool = false, listed: Bool = false, industry: String? = nil, id: String? = nil,
                         source: String? = nil, file: String = "隐患.xlsx") {
        var v: [String: RecordValue] = ["排查日期": .day(date), "隐患等级": .level(major ? .major : .ordinary), "挂牌督办": .bool(listed)]
        if let rectifiedOn { v["整改完成日期"] = .day(rectifiedOn) }
        if let deadline { v["整改期限"] = .day(deadline) }
        if status { v["整改状态"] = .status(true) }
        if let industry { v["行业领域"] = .text(industry) }
        if let id { v["隐患编号"] = .text(id) }
        if let source { v["来源"] = .text(source) }
        records.append(kind: "隐患", part: part, v, provenance: provenance(file, sheet: "隐患"))
    }

    mutating func inspection(_ part: String, _ date: Day, unit: String?, industry: String? = nil, file: String = "检查.xlsx") {
        var v: [String: RecordValue] = ["检查日期": .day(date)]
        if let unit { v["单位名称"] = .text(unit) }
        if let industry { v["行业领域"] = .text(industry) }
        records.append(kind: "执法检查", part: part, v, provenance: provenance(file, sheet: "执法检查"))
    }

    mutating func penalty(_ part: String, _ date: Day, fineYuan: String = "0", industry: String? = nil, pre: Bool = false,
                          shutdown: Bool = false, kinds: String? = nil, id: String? = nil, file: String = "处罚.xlsx") {
        var v: [String: RecordValue] = ["立案日期": .day(date), "罚款金额": .money(Money(decimal: fineYuan, unit: .yuan)!), "事前处罚": .bool(pre)]
        let written = [kinds, shutdown && !(kinds ?? "").contains("停产") ? "责令停产整顿" : nil].compactMap { $0 }
        if !written.isEmpty { v["处罚种类"] = .text(written.joined(separator: ";")) }
        if let industry { v["行业领域"] = .text(industry) }
        if let id { v["案件编号"] = .text(id) }
        records.append(kind: "行政处罚", part: part, v, provenance: provenance(file, sheet: "行政处罚"))
    }

    mutating func target(_ year: Int, _ metric: String, _ value: String, part: String? = nil) {
        records.targets.append(Target(year: year, part: part, metric: metric, value: ExactDecimal(value)!, origin: "config.toml 第9行"))
    }
}

/// The years records are dated in.
enum DataYears {
    static func forEach(_ d: Dataset, _ body: (Int) -> Void) {
        for (k, kind) in d.catalog.kinds.enumerated() {
            guard let c = kind.date else { continue }
            let t = d.tables[k]
            for i in 0..<t.count { if let day = t.columns[c].day(i) { body(day.year) } }
        }
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
