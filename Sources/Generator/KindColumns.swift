/// The columns each kind of sheet may have, with their header aliases (INPUTS.md §Record kinds),
/// and how a record fills them under a sheet's style.
struct KindColumns {
    var style: SheetStyle
    var random: SeededRandom
    var districtAliases: [String: String]   // canonical → alias written when the style asks
    var industryAliases: [String: String]

    mutating func header(_ names: [String]) -> String {
        style.useAliases ? random.pick(names) : names[0]
    }

    func district(_ name: String) -> GeneratedCell {
        .text(style.districtAliases ? (districtAliases[name] ?? name) : name)
    }

    func industry(_ name: String) -> GeneratedCell {
        .text(style.industryAliases ? (industryAliases[name] ?? name) : name)
    }

    /// The money column: header with or without unit, and the cell text, per the style.
    /// `defaultWan`: the unit a bare header means (直接经济损失 万元, 罚款金额 元).
    mutating func money<R>(_ names: [String], defaultWan: Bool, _ fen: @escaping (R) -> Int64) -> (ExportColumn<R>, String?) {
        let base = header(names)
        let s = style
        func cell(_ value: Int64, wan: Bool) -> GeneratedCell { .decimal(moneyText(value, wan: wan)) }
        switch s.moneyStyle {
        case .wanInHeader:
            return (ExportColumn(header: base + s.unit("万元"), cell: { cell(fen($0), wan: true) },
                                 total: fen, totalText: { cell($0, wan: true) }), nil)
        case .yuanInHeader:
            return (ExportColumn(header: base + s.unit("元"), cell: { cell(fen($0), wan: false) },
                                 total: fen, totalText: { cell($0, wan: false) }), nil)
        case .unitLine:
            return (ExportColumn(header: base, cell: { cell(fen($0), wan: true) },
                                 total: fen, totalText: { cell($0, wan: true) }), "单位:万元")
        case .noUnit:
            return (ExportColumn(header: base, cell: { cell(fen($0), wan: defaultWan) },
                                 total: fen, totalText: { cell($0, wan: defaultWan) }), nil)
        case .yuanWithSeparators:
            return (ExportColumn(header: base + s.unit("元"), cell: { .text(withSeparators(moneyText(fen($0), wan: false))) },
                                 total: fen, totalText: { cell($0, wan: false) }), nil)
        case .wanInCell:
            // A unit in the cell overrides the header's: "12.5万元" under a 元 header.
            return (ExportColumn(header: base + s.unit("元"), cell: { .text(moneyText(fen($0), wan: true) + "万元") },
                                 total: fen, totalText: { cell($0, wan: false) }), nil)
        }
    }

    func count<R>(_ header: String, group: String? = nil, unit: String, _ value: @escaping (R) -> Int) -> ExportColumn<R> {
        let s = style
        return ExportColumn(header: header, group: group, cell: { s.countCell(value($0), unit: unit) },
                            total: { Int64(value($0)) }, totalText: { .integer(Int($0)) })
    }

    /// Which optional incident columns a sheet has.
    struct IncidentShape {
        var id = true, type = true, unit = true, missing = false, serious = false, injuries = true, loss = true
        var level = false, district = true
    }

    mutating func accident(_ shape: IncidentShape) -> ([ExportColumn<IncidentRecord>], String?) {
        var c: [ExportColumn<IncidentRecord>] = []
        let s = style
        if shape.id { c.append(ExportColumn(header: header(["事故编号", "编号"]), cell: { .text($0.id ?? "") })) }
        c.append(ExportColumn(header: header(["发生时间", "事故发生时间", "发生日期", "事故日期"]),
                              cell: { s.dateCell($0.date, hour: $0.hour, minute: $0.minute) }))
        if shape.district { c.append(ExportColumn(header: header(["区县", "所属区县", "县(市、区)", "辖区"]), cell: { [self] in district($0.district) })) }
        c.append(ExportColumn(header: header(["行业领域", "行业", "所属行业", "行业类别"]), cell: { [self] in industry($0.industry ?? "") }))
        if shape.type { c.append(ExportColumn(header: header(["事故类型", "事故类别"]), cell: { .text($0.category) })) }
        if shape.unit { c.append(ExportColumn(header: header(["单位名称", "事故单位", "企业名称", "发生单位"]), cell: { .text($0.place) })) }
        let group = "伤亡情况"
        c.append(count(header(["死亡人数", "死亡"]), group: group, unit: "人") { $0.deaths })
        if shape.missing { c.append(count(header(["失踪人数", "失踪"]), group: group, unit: "人") { $0.missing }) }
        if shape.serious { c.append(count(header(["重伤人数", "重伤"]), group: group, unit: "人") { $0.seriousInjuries }) }
        if shape.injuries { c.append(count(header(["受伤人数", "受伤"]), group: group, unit: "人") { $0.injuries }) }
        var unitLine: String?
        if shape.loss {
            let (column, line) = money(["直接经济损失", "经济损失", "损失金额"], defaultWan: true) { (r: IncidentRecord) in r.lossFen }
            c.append(column)
            unitLine = line
        }
        if shape.level { c.append(ExportColumn(header: header(["事故等级", "事故级别"]), cell: { .text($0.statedLevel ?? $0.derivedLevel) })) }
        return (c, unitLine)
    }

    /// Fire sheets always carry the same fields, so an id-less fire sent in two files is the same
    /// record in both (INPUTS.md: identical in every mapped field).
    mutating func fire() -> ([ExportColumn<IncidentRecord>], String?) {
        var c: [ExportColumn<IncidentRecord>] = []
        let s = style
        c.append(ExportColumn(header: header(["发生时间", "发生日期"]), cell: { s.dateCell($0.date, hour: $0.hour, minute: $0.minute) }))
        c.append(ExportColumn(header: header(["区县", "所属区县", "辖区"]), cell: { [self] in district($0.district) }))
        c.append(ExportColumn(header: "起火场所", cell: { .text($0.place) }))
        c.append(ExportColumn(header: "起火原因", cell: { .text($0.category) }))
        c.append(count(header(["死亡人数", "死亡"]), group: "伤亡情况", unit: "人") { $0.deaths })
        c.append(count(header(["受伤人数", "受伤"]), group: "伤亡情况", unit: "人") { $0.injuries })
        let (column, line) = money(["直接经济损失", "经济损失"], defaultWan: true) { (r: IncidentRecord) in r.lossFen }
        c.append(column)
        return (c, line)
    }

    mutating func hazard() -> [ExportColumn<HazardRecord>] {
        let s = style
        let rectifiedWords = ["已整改", "已完成", "是", "√"]
        let openWords = ["未整改", "整改中", "否", ""]
        let pickDone = random.below(rectifiedWords.count), pickOpen = random.below(openWords.count)
        return [
            ExportColumn(header: header(["隐患编号", "编号"]), cell: { .text($0.id) }),
            ExportColumn(header: header(["排查日期", "发现日期", "排查时间"]), cell: { s.dateCell($0.date) }),
            ExportColumn(header: header(["区县", "所属区县", "辖区"]), cell: { [self] in district($0.district) }),
            ExportColumn(header: header(["单位名称", "企业名称", "被检查单位"]), cell: { .text($0.unit) }),
            ExportColumn(header: header(["行业领域", "行业"]), cell: { [self] in industry($0.industry) }),
            ExportColumn(header: header(["隐患等级", "隐患级别"]), cell: { .text($0.major ? "重大" : "一般") }),
            ExportColumn(header: header(["隐患描述", "隐患内容", "问题描述"]), cell: { .text($0.description) }),
            ExportColumn(header: header(["整改状态", "是否整改", "整改情况"]),
                         cell: { .text($0.statusRectified ? rectifiedWords[pickDone] : openWords[pickOpen]) }),
            ExportColumn(header: header(["整改期限", "整改时限"]), cell: { s.dateCell($0.deadline) }),
            ExportColumn(header: header(["整改完成日期", "整改日期", "销号日期"]), cell: { $0.rectifiedOn.map { s.dateCell($0) } ?? .empty }),
            ExportColumn(header: header(["挂牌督办", "是否挂牌督办"]), cell: { s.booleanCell($0.listed) }),
            ExportColumn(header: header(["来源", "排查方式"]), cell: { .text($0.source) }),
        ]
    }

    mutating func inspection(withDistrict: Bool) -> [ExportColumn<InspectionRecord>] {
        let s = style
        var c: [ExportColumn<InspectionRecord>] = [
            ExportColumn(header: header(["检查日期", "日期"]), cell: { s.dateCell($0.date) }),
        ]
        if withDistrict { c.append(ExportColumn(header: header(["区县", "所属区县"]), cell: { [self] in district($0.district) })) }
        c.append(ExportColumn(header: header(["单位名称", "被检查单位", "企业名称"]), cell: { .text($0.unit) }))
        c.append(ExportColumn(header: header(["行业领域", "行业"]), cell: { [self] in industry($0.industry) }))
        c.append(ExportColumn(header: "检查类型", cell: { .text($0.type) }))
        c.append(count("发现隐患数", unit: "处") { $0.hazardsFound })
        return c
    }

    mutating func penalty() -> ([ExportColumn<PenaltyRecord>], String?) {
        let s = style
        var c: [ExportColumn<PenaltyRecord>] = [
            ExportColumn(header: header(["案件编号", "文书编号"]), cell: { .text($0.id) }),
            ExportColumn(header: header(["立案日期", "处罚日期", "决定日期"]), cell: { s.dateCell($0.date) }),
            ExportColumn(header: header(["区县", "所属区县"]), cell: { [self] in district($0.district) }),
            ExportColumn(header: header(["单位名称", "当事人", "被处罚单位"]), cell: { .text($0.unit) }),
            ExportColumn(header: header(["行业领域", "行业"]), cell: { [self] in industry($0.industry) }),
            ExportColumn(header: header(["处罚种类", "处罚类型", "处罚决定"]), cell: { .text($0.kinds) }),
        ]
        let (fine, line) = money(["罚款金额", "罚款", "罚没金额"], defaultWan: false) { (p: PenaltyRecord) in p.fineFen }
        c.append(fine)
        c.append(ExportColumn(header: header(["事前处罚", "是否事前处罚"]), cell: { s.booleanCell($0.pre) }))
        return (c, line)
    }
}
