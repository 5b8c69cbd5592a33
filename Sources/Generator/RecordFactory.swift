/// Draws realistic records: plausible units, industries, accident types (GB 6441), fire causes,
/// hazard descriptions and penalty kinds, with the skew real years show (most accidents kill no
/// one or one person; a few are 较大).
struct RecordFactory {
    var random: SeededRandom

    static let industries = ["危险化学品", "建筑施工", "商贸", "工贸其他", "机械", "道路运输", "非煤矿山", "燃气",
                             "特种设备", "轻工", "建材", "冶金", "纺织", "烟花爆竹"]
    static let industryWeights = [14, 18, 16, 14, 8, 8, 4, 4, 4, 3, 3, 2, 1, 1]
    static let accidentTypes = ["物体打击", "车辆伤害", "机械伤害", "起重伤害", "触电", "淹溺", "灼烫", "火灾",
                                "高处坠落", "坍塌", "中毒和窒息", "其他爆炸", "其他伤害"]
    static let fireCauses = ["电气故障", "用火不慎", "吸烟", "生产作业", "自燃", "玩火", "放火", "原因不明"]
    static let firePlaces = ["住宅", "商铺", "厂房", "仓库", "餐饮场所", "车辆", "室外垃圾", "办公场所", "宾馆"]
    static let hazardDescriptions = [
        "消防通道堵塞", "安全出口指示灯损坏", "灭火器过期未检", "危化品储存未分区分类", "配电箱未接地",
        "特种作业人员无证上岗", "安全警示标志缺失", "有限空间作业未审批", "脚手架连墙件缺失", "气瓶未固定",
        "应急预案未演练", "安全培训记录不全", "防爆电气失效", "临边防护缺失", "粉尘清扫制度未落实",
    ]
    static let sources = ["执法检查", "专项整治", "暗访暗查", "企业自查", "交叉检查"]
    static let inspectionTypes = ["日常检查", "专项检查", "重点检查", "“双随机”抽查", "复查"]
    static let penaltyKinds = ["罚款", "罚款", "罚款", "警告；罚款", "罚款；责令停产停业整顿", "责令停产整顿", "罚款；没收违法所得"]
    static let unitStems = ["恒通", "华泰", "鑫源", "宏达", "金桥", "永盛", "瑞丰", "天成", "中联", "新宇", "博远", "利民",
                            "东方", "兴业", "长江", "广源", "润发", "安泰", "康达", "海纳"]
    static let unitKinds = ["化工有限公司", "建筑工程有限公司", "商贸有限公司", "机械制造有限公司", "物流有限公司",
                            "燃气有限公司", "建材有限公司", "纺织有限公司", "食品有限公司", "科技有限公司"]

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func date(year: Int) -> CivilDate {
        let month = random.int(1...12)
        return CivilDate(year: year, month: month, day: random.int(1...CivilDate.daysIn(month, year)))
    }

    mutating func industry() -> String {
        RecordFactory.industries[random.weighted(RecordFactory.industryWeights)]
    }

    mutating func unit(district: String) -> String {
        String(district.prefix(2)) + random.pick(RecordFactory.unitStems) + random.pick(RecordFactory.unitKinds)
    }

    mutating func accident(district: String, year: Int, serial: Int) -> IncidentRecord {
        let roll = random.below(100)
        let deaths = roll < 55 ? 0 : roll < 92 ? 1 : roll < 98 ? 2 : random.int(3...5)
        let serious = random.chance(0.3) ? random.int(1...3) : 0
        let injuries = serious + (random.chance(0.4) ? random.int(1...4) : 0)
        let loss = Int64(random.int(5...3_000)) * 100_000 / 10 * 10    // 0.5万–300万元, whole 10元
        return IncidentRecord(
            id: "SG\(year)-\(district.prefix(2))-\(String(format: "%04d", serial))",
            date: date(year: year), hour: random.int(0...23), minute: random.int(0...59),
            district: district, industry: industry(), category: random.pick(RecordFactory.accidentTypes),
            place: unit(district: district), deaths: deaths, missing: random.chance(0.03) ? 1 : 0,
            seriousInjuries: serious, injuries: injuries, lossFen: loss, statedLevel: nil)
    }

    mutating func fire(district: String, year: Int) -> IncidentRecord {
        let deaths = random.chance(0.04) ? 1 : 0
        let injuries = random.chance(0.1) ? random.int(1...2) : 0
        let loss = Int64(random.int(1...2_000)) * 1_000 * 100 / 10   // 0.01万–20万元
        return IncidentRecord(
            id: nil, date: date(year: year), hour: random.int(0...23), minute: random.int(0...59), district: district,
            industry: nil, category: random.pick(RecordFactory.fireCauses), place: random.pick(RecordFactory.firePlaces),
            deaths: deaths, missing: 0, seriousInjuries: 0, injuries: injuries, lossFen: loss, statedLevel: nil)
    }

    mutating func hazard(district: String, year: Int, serial: Int) -> HazardRecord {
        let found = date(year: year)
        let major = random.chance(0.03)
        let deadline = found.adding(days: major ? random.int(30...90) : random.int(7...45))
        let rectified = random.chance(0.93)
        var rectifiedOn: CivilDate?
        if rectified && random.chance(0.85) {
            rectifiedOn = found.adding(days: random.int(1...60))   // some cross into the next year
        }
        return HazardRecord(
            id: "YH\(year)\(district.prefix(2))\(String(format: "%06d", serial))", date: found, district: district,
            unit: unit(district: district), industry: industry(), major: major,
            description: random.pick(RecordFactory.hazardDescriptions), statusRectified: rectified,
            rectifiedOn: rectifiedOn, deadline: deadline, listed: major && random.chance(0.5) || random.chance(0.005),
            source: random.pick(RecordFactory.sources))
    }

    mutating func inspection(district: String, year: Int) -> InspectionRecord {
        InspectionRecord(date: date(year: year), district: district, unit: unit(district: district), industry: industry(),
                         type: random.pick(RecordFactory.inspectionTypes), hazardsFound: random.int(0...6))
    }

    mutating func penalty(district: String, year: Int, serial: Int) -> PenaltyRecord {
        PenaltyRecord(
            id: "\(district.prefix(2))应急罚〔\(year)〕\(serial)号", date: date(year: year), district: district,
            unit: unit(district: district), industry: industry(), kinds: random.pick(RecordFactory.penaltyKinds),
            fineFen: Int64(random.int(1...100)) * 500 * 100, pre: random.chance(0.6))
    }
}

import Foundation
