@testable import Ingest
import Model
import Testing

/// config.toml's catalog sections (CATALOG.md): declared kinds, metrics, breakdowns, periods and
/// lists, read into the same `Catalog` the built-in declarations are, and every mistake named by
/// its line.
@Suite struct CatalogConfigTests {
    static let text = """
    [region]
    name = "示例市"

    [districts]
    "东城区" = ["东城"]
    "西城区" = []

    [[kinds]]
    name = "安全培训"
    date = "培训日期"
    hints = ["培训"]
    fields = [
      { name = "培训日期", type = "date", required = true, aliases = ["日期", "开班日期"] },
      "区县",
      { name = "培训类型", type = "text" },
      { name = "培训人数", type = "count", required = true, aliases = ["参训人数", "人数"] },
      { name = "经费", type = "money", unit = "万元" },
      { name = "培训对象", type = "list" },
    ]

    [[kinds]]
    name = "企业名录"
    year = "年度"
    fields = [
      { name = "企业名称", type = "text", required = true },
      "区县",
      { name = "年度", required = true },
      { name = "重大危险源", type = "bool", required = true },
      { name = "风险等级", type = "level" },
    ]

    [[kinds]]
    extends = "行政处罚"
    fields = [{ name = "执法部门", type = "text", aliases = ["处罚机关"] }]

    [[metrics]]
    id = "training.sessions"
    name = "安全培训场次"
    kind = "安全培训"
    unit = "场"

    [[metrics]]
    id = "training.people"
    name = "安全培训人数"
    kind = "安全培训"
    where = { 培训类型 = ["三项岗位", "特种作业*"], 培训对象 = "企业主要负责人" }
    measure = "sum:培训人数"
    unit = "人次"

    [[metrics]]
    id = "hazards.campaign.found"
    name = "专项整治排查隐患数"
    kind = "隐患"
    where = { "来源" = ["专项整治", "专项检查"], "隐患等级" = "一般", "排查日期" = ">=2025-07-01" }
    measure = "count"
    unit = "条"

    [[metrics]]
    id = "hazards.campaign.rectified"
    name = "专项整治已整改隐患数"
    kind = "隐患"
    where = { "来源" = ["专项整治", "专项检查"], 已整改 = "是" }
    unit = "条"

    [[metrics]]
    id = "hazards.campaign.rate"
    name = "专项整治隐患整改率"
    ratio = ["hazards.campaign.rectified", "hazards.campaign.found"]

    [[metrics]]
    id = "enterprises.major_hazard_sources"
    name = "重大危险源企业数"
    kind = "企业名录"
    where = { 重大危险源 = true, 风险等级 = ">=较大" }
    unit = "家"

    [[metrics]]
    id = "penalties.big"
    name = "大额罚款案件数"
    kind = "行政处罚"
    where = { 罚款金额 = ">=10000", 处罚种类 = "!=警告", 月份 = "<=6", 执法部门 = "*应急*" }
    unit = "起"

    [[breakdowns]]
    kind = "安全培训"
    by = "培训类型"

    [[periods]]
    name = "专项整治以来"
    from = 2019-12-01

    [[periods]]
    name = "下半年"
    from = "2025-07-01"
    to = 2025-12-31
    compare = true

    [[lists]]
    name = "重大危险源企业"
    kind = "企业名录"
    where = { 重大危险源 = "是" }
    fields = ["企业名称", "区县", "风险等级"]
    """

    static func load(_ text: String = text) throws -> ConfigFile.Loaded { try ConfigFile.load(text: text) }

    @Test func declaredKindsMetricsBreakdownsPeriodsAndLists() throws {
        let loaded = try Self.load()
        let c = loaded.catalog
        let training = try #require(c.kind(named: "安全培训"))
        #expect(c.kinds[training].date == 0)
        #expect(c.kinds[training].required == [0, 3])
        #expect(c.kinds[training].fields.map { c.fields[$0].name } == ["培训日期", "区县", "培训类型", "培训人数", "经费", "培训对象"])
        #expect(c.fields[c.field(named: "经费")!].defaultUnit == .wanYuan)
        #expect(c.fields[c.field(named: "培训人数")!].aliases == ["参训人数", "人数"])
        // The shared 区县 field keeps its aliases in the new kind.
        #expect(c.fields[c.field(named: "区县")!].aliases.contains("所属区县"))

        let roster = try #require(c.kind(named: "企业名录"))
        #expect(c.kinds[roster].isRoster && c.kinds[roster].year == 2 && c.kinds[roster].date == nil)

        // extends adds a column to the built-in kind and changes nothing else of it.
        let penalty = try #require(c.kind(named: "行政处罚"))
        let builtin = CatalogLoader.builtin().kinds[penalty]
        #expect(c.kinds[penalty].fields == builtin.fields + [c.field(named: "执法部门")!])
        #expect(c.kinds[penalty].date == builtin.date && c.kinds[penalty].required == builtin.required)

        // Config metrics come after the built-in ones, in file order.
        #expect(c.metrics.suffix(7).map(\.id) == ["training.sessions", "training.people", "hazards.campaign.found",
                                                  "hazards.campaign.rectified", "hazards.campaign.rate",
                                                  "enterprises.major_hazard_sources", "penalties.big"])
        #expect(c.metric("安全培训场次")?.measure == .count)
        #expect(c.metric("training.people")?.measure == .sum([3]))
        #expect(c.metric("hazards.campaign.rate")?.measure == .ratio(numerator: "hazards.campaign.rectified",
                                                                     denominator: "hazards.campaign.found"))
        #expect(c.metric("hazards.campaign.rate")?.unit == "%")
        #expect(c.metric("training.sessions")?.origin == "config.toml 第36行")
        #expect(c.breakdowns.last?.by == "培训类型" && c.breakdowns.last?.kinds == [training])
        #expect(c.periods.map(\.name) == ["专项整治以来", "下半年"])
        #expect(c.periods[0].from == Day(year: 2019, month: 12, day: 1) && c.periods[0].to == nil && !c.periods[0].compare)
        #expect(c.periods[1].from == Day(year: 2025, month: 7, day: 1) && c.periods[1].to == Day(year: 2025, month: 12, day: 31)
                && c.periods[1].compare)
        let list = try #require(c.lists.last)
        #expect(list.name == "重大危险源企业" && list.kind == roster && list.fields == [0, 1, 4])
        #expect(loaded.warnings.isEmpty)
    }

    /// A breakdown is by the field of that name, not by another field that has the name as a header
    /// alias: 检查类型 is 执法检查's field and an alias of 隐患's 来源. Without `kind`, only the kinds
    /// that have the field; by an alias alone (排查方式), the field it names.
    @Test func aBreakdownIsByTheFieldOfItsNameBeforeAnAlias() throws {
        let builtin = try Self.load("").catalog
        let hazards = try #require(builtin.kind(named: "隐患")), inspections = try #require(builtin.kind(named: "执法检查"))
        #expect(builtin.breakdowns.first { $0.by == "来源" }?.kinds == [hazards])
        #expect(builtin.breakdowns.first { $0.by == "检查类型" }?.kinds == [inspections])
        let c = try Self.load("[[breakdowns]]\nby = \"检查类型\"\n[[breakdowns]]\nby = \"排查方式\"\n").catalog
        #expect(c.breakdowns.filter { $0.by == "检查类型" }.map(\.kinds) == [[inspections]])
        #expect(c.breakdowns.filter { $0.by == "来源" }.map(\.kinds) == [[hazards]])
    }

    /// `where`: a value, a list (any of), comparisons, wildcards, list-field membership and derived
    /// fields, each normalised the way the field's cells are.
    @Test func conditionsAreNormalisedLikeTheCells() throws {
        let c = try Self.load().catalog
        let people = try #require(c.metric("training.people"))
        #expect(people.conditions.map(\.fieldName) == ["培训类型", "培训对象"])     // as written
        #expect(people.conditions[0].operands == [.text("三项岗位"), .text("特种作业*")])
        #expect(people.conditions[1].operands == [.text("企业主要负责人")])
        let campaign = try #require(c.metric("hazards.campaign.found"))
        #expect(campaign.conditions.map(\.text) == ["来源 = 专项整治、专项检查", "隐患等级 = 一般", "排查日期 >= 2025-07-01"])
        #expect(campaign.conditions[1].operands == [.level(AccidentLevel.ordinary.rawValue)])
        #expect(campaign.filterText == "来源 = 专项整治、专项检查；隐患等级 = 一般；排查日期 >= 2025-07-01")
        let rectified = try #require(c.metric("hazards.campaign.rectified"))
        #expect(rectified.conditions[1].field == .rectified && rectified.conditions[1].operands == [.bool(true)])
        let sources = try #require(c.metric("enterprises.major_hazard_sources"))
        #expect(sources.conditions[0].operands == [.bool(true)])                    // TOML true reads as 是
        #expect(sources.conditions[1].op == .atLeast && sources.conditions[1].operands == [.level(AccidentLevel.larger.rawValue)])
        let big = try #require(c.metric("penalties.big"))
        #expect(big.conditions.map(\.op) == [.atLeast, .notEqual, .atMost, .equal])
        #expect(big.conditions[0].operands == [.number(ExactDecimal(1_000_000))])      // 10000 元 in 分
        #expect(big.conditions[2].field == .month)
        #expect(big.conditions[3].operands == [.text("*应急*")])
    }

    @Test func bareChineseKeysInInlineTablesReadAsQuotedOnes() throws {
        let bare = try Self.load().catalog.metric("training.people")!.conditions
        let quoted = try Self.load(Self.text.replacingOccurrences(of: "where = { 培训类型 = [\"三项岗位\", \"特种作业*\"], 培训对象",
                                                                   with: "where = { \"培训类型\" = [\"三项岗位\", \"特种作业*\"], \"培训对象\""))
            .catalog.metric("training.people")!.conditions
        #expect(bare == quoted)
    }

    @Test func aDeclarationWithABuiltinIdReplacesItWithAWarning() throws {
        let loaded = try Self.load("""
        [[metrics]]
        id = "hazards.found"
        name = "排查隐患条数"
        kind = "隐患"
        unit = "条"
        """)
        let builtin = CatalogLoader.builtin().metrics
        #expect(loaded.catalog.metrics.count == builtin.count)
        let i = try #require(builtin.firstIndex { $0.id == "hazards.found" })
        #expect(loaded.catalog.metrics[i].name == "排查隐患条数" && loaded.catalog.metrics[i].unit == "条")
        #expect(loaded.warnings.map(\.description) == ["config.toml 第1行：指标「排查隐患条数」（hazards.found）替换了内置指标「排查隐患数」（hazards.found）"])
    }

    /// Every mistake stops with the line and what is wrong, with the nearest known name.
    @Test(arguments: [
        ("[[metrics]]\nid = \"a\"\nname = \"甲\"\nkind = \"隐患\"\nwhere = { 整改状况 = \"已整改\" }\n",
         "config.toml 第5行：「隐患」没有字段「整改状况」，是否应为「整改状态」？"),
        ("[[metrics]]\nid = \"a\"\nname = \"甲\"\nkind = \"隐惠\"\n", "config.toml 第4行：未知的记录类型「隐惠」，是否应为「隐患」？"),
        ("[[metrics]]\nid = \"a\"\nname = \"甲\"\nkind = \"隐患\"\nmeasure = \"sum:来源\"\n",
         "config.toml 第5行：sum: 只能对数字字段求和，「来源」是 text"),
        ("[[metrics]]\nid = \"a\"\nname = \"甲\"\nratio = [\"hazards.found\", \"hazards.fund\"]\n",
         "config.toml 第1行：比率指标「甲」的「hazards.fund」不是已知的指标，是否应为「hazards.found」？"),
        ("[[metrics]]\nid = \"a\"\nname = \"甲\"\nratio = [\"hazards.rate\", \"hazards.found\"]\n",
         "config.toml 第1行：比率指标「甲」的「hazards.rate」本身是比率；分子和分母应为计数、求和或去重计数指标"),
        ("[[metrics]]\nid = \"a\"\nname = \"甲\"\nkind = \"隐患\"\nmesure = \"count\"\n",
         "config.toml 第5行：[[metrics]] 中未知的配置项「mesure」，是否应为「measure」？"),
        ("[[metrics]]\nid = \"a\"\nname = \"甲\"\nkind = \"隐患\"\nwhere = { 隐患等级 = \"很大\" }\n",
         "config.toml 第5行：「隐患等级」的条件「很大」应为 一般、较大、重大 或 特别重大"),
        ("[[metrics]]\nid = \"a\"\nname = \"甲\"\nkind = \"隐患\"\nwhere = { 来源 = [\"专项整治\", \">=暗访\"] }\n",
         "config.toml 第5行：「来源」的列表表示“其中任一”，列表里不能写 >=；比较请单独写一个条件"),
        ("[[kinds]]\nname = \"培训\"\nfields = [{ name = \"培训日期\", type = \"dat\", required = true }]\n",
         "config.toml 第3行：字段「培训日期」的类型「dat」未知，是否应为「date」？（可用：id、date、district、town、industry、text、list、count、number、money、bool、level）"),
        ("[[kinds]]\nname = \"培训\"\nfields = [{ name = \"培训人数\", type = \"count\" }]\n",
         "config.toml 第3行：kind「培训」至少要有一个 required = true 的字段，才能从表头认出它"),
        ("[[kinds]]\nname = \"培训\"\nfields = [\"区县\", \"培训日子\"]\n",
         "config.toml 第3行：kind「培训」的字段「培训日子」没有声明过：写成 { name = \"培训日子\", type = \"…\" }"),
        ("[[kinds]]\nname = \"培训\"\ndate = \"日期\"\nfields = [{ name = \"培训日期\", type = \"date\", required = true }]\n",
         "config.toml 第3行：kind「培训」的 date =「日期」不是它的字段，是否应为「培训日期」？"),
        ("[[kinds]]\nname = \"火灾\"\nfields = [{ name = \"起火时间\", type = \"count\", required = true }]\n",
         "config.toml 第3行：kind「火灾」替换内置记录类型时须保留它的全部字段（缺少「事故编号」「发生时间」「区县」「镇街」「行业领域」「事故类型」「单位名称」「起火场所」「起火原因」「死亡人数」「失踪人数」「重伤人数」「受伤人数」「直接经济损失」「火灾等级」「事故等级」）；只想增加字段请写 extends = \"火灾\""),
        ("[[kinds]]\nname = \"培训\"\nfields = [{ name = \"培训人数\", required = true }]\n",
         "config.toml 第3行：字段「培训人数」没有声明过，须写明 type"),
        ("[[kinds]]\nextends = \"行政处罚\"\ndate = \"处罚日期\"\nfields = [{ name = \"执法部门\", type = \"text\" }]\n",
         "config.toml 第3行：extends 只能增加字段（fields）和 hints；「date」沿用「行政处罚」的"),
        ("[[breakdowns]]\nkind = \"隐患\"\nby = \"来原\"\n", "config.toml 第3行：「隐患」没有字段「来原」，是否应为「来源」？"),
        ("[[periods]]\nname = \"下半年\"\nfrom = 2025-07-01\nto = 2025-06-30\n", "config.toml 第4行：时期「下半年」的 to（2025-06-30）早于 from（2025-07-01）"),
        ("[[lists]]\nname = \"甲\"\nkind = \"事故\"\nfields = [\"发生时间\", \"逾期\"]\n", "config.toml 第4行：「事故」没有「逾期」（只有隐患类记录有整改情况）"),
    ] as [(String, String)])
    func mistakesNameTheLine(text: String, message: String) {
        #expect(throws: IngestError.self) { try Self.load(text) }
        do {
            _ = try Self.load(text)
        } catch {
            #expect("\(error)" == message)
        }
    }
}
