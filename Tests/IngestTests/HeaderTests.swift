@testable import Ingest
import Model
import Testing

@Suite struct HeaderTextTests {
    @Test func ignoresSpacesLineBreaksAndBracketWidth() {
        #expect(HeaderText(" 死亡\n人数 ").key == "死亡人数")
        #expect(HeaderText("直接经济损失（万元）").key == "直接经济损失(万元)")
        #expect(HeaderText("直接经济损失（万元）").stem == "直接经济损失")
        #expect(HeaderText("直接经济损失（万元）").unit == "万元")
        #expect(HeaderText("罚款金额(单位：元)").unit == "元")
        #expect(HeaderText("罚款金额/元").stem == "罚款金额")
        #expect(HeaderText("*发生时间").key == "发生时间")
        #expect(HeaderText("事故ｉｄ").key == "事故ID")
    }

    @Test func catalogMatchesCanonicalAliasAndStem() {
        let catalog = HeaderCatalog()
        func field(_ text: String, _ schema: KindSchema) -> String? { catalog.fieldName(text, schema) }
        #expect(field("死亡人数", .accident) == "死亡人数")
        #expect(field("死亡(人)", .accident) == "死亡人数")
        #expect(field("死亡人数（人）", .accident) == "死亡人数")
        #expect(field("县(市、区)", .accident) == "区县")
        #expect(field("县（市、区）", .hazard) == "区县")
        #expect(field("直接经济损失(万元)", .accident) == "直接经济损失")
        #expect(catalog.match(HeaderText("直接经济损失(万元)"), in: .accident)?.unit == "万元")
        #expect(field("序号", .accident) == nil)
    }

    /// INPUTS.md clarification: an alias belongs to a field, in every kind that has the field.
    @Test func aliasesBelongToFieldsNotKinds() {
        let catalog = HeaderCatalog()
        func field(_ text: String, _ schema: KindSchema) -> String? { catalog.fieldName(text, schema) }
        // 被处罚单位 is listed under 行政处罚, 企业名称 under 事故 and 隐患: all are 单位名称 everywhere.
        #expect(field("被处罚单位", .inspection) == "单位名称")
        #expect(field("企业名称", .penalty) == "单位名称")
        // 所属区县 is listed under 事故 only.
        #expect(field("所属区县", .penalty) == "区县")
        #expect(field("乡镇(街道)", .inspection) == "镇街")
        // One text, different fields per kind: 编号, 日期, 检查日期, 检查类型.
        #expect(field("编号", .accident) == "事故编号")
        #expect(field("编号", .hazard) == "隐患编号")
        #expect(field("编号", .penalty) == "案件编号")
        #expect(field("日期", .penalty) == "立案日期")
        #expect(field("检查日期", .hazard) == "排查日期")
        #expect(field("检查日期", .inspection) == "检查日期")
        #expect(field("检查类型", .hazard) == "来源")
        #expect(field("检查类型", .inspection) == "检查类型")
    }

    @Test func configAliasesAdd() {
        let catalog = HeaderCatalog(extra: ["死亡人数": ["亡"]])
        #expect(catalog.fieldName("亡", .accident) == "死亡人数")
        #expect(HeaderCatalog().match(HeaderText("亡"), in: .accident) == nil)
    }
}

@Suite struct HeaderDetectorTests {
    let detector = HeaderDetector()
    func names(sheet: String? = nil, file: String = "数据") -> HeaderDetector.Names {
        HeaderDetector.Names(sheet: sheet, file: file, folders: [])
    }

    @Test func findsHeaderBelowTitleUnitAndFillerLines() throws {
        let rows = [
            row(1, "2020年度金坛区生产安全事故统计表"),
            row(2, "填报单位：金坛区应急管理局", "", "", "填报日期：2021-01-05"),
            row(3, "单位：万元"),
            row(4, "序号", "发生时间", "区县", "行业领域", "死亡人数", "直接经济损失"),
            row(5, "1", "2020-03-19", "金坛区", "建筑施工", "1", "12.5"),
        ]
        let layout = try #require(detector.detect(rows: rows, names: names()))
        #expect(layout.kindName == "事故")
        #expect(layout.headerRow == 4)
        #expect(layout.headerRowCount == 1)
        #expect(layout.unitLine == .wanYuan)
        #expect(layout.column(named: "发生时间") == 1)
        #expect(layout.column(named: "直接经济损失") == 5)
        #expect(layout.ignored == ["序号"])
        #expect(layout.missing.isEmpty)
    }

    @Test func fillerLineIsNoUnitLine() {
        #expect(MoneyUnit.fromUnitLine("填报单位：金坛区应急管理局") == nil)
        #expect(MoneyUnit.fromUnitLine("单位:万元") == .wanYuan)
        #expect(MoneyUnit.fromUnitLine("金额单位：元") == .yuan)
        #expect(MoneyUnit.fromUnitLine("填报单位：某局　　单位：万元") == .wanYuan)
    }

    @Test func twoRowHeaderWithMergedParents() throws {
        // 伤亡情况 spans 死亡/受伤 (its right cell is empty, as a merged area reads); the other
        // headers are merged vertically, so the second row is empty under them.
        let rows = [
            row(1, "事故统计表"),
            row(2, "发生时间", "区县", "行业领域", "伤亡情况", "", "直接经济损失（万元）"),
            row(3, "", "", "", "死亡", "受伤", ""),
            row(4, "2020-03-19", "东城区", "商贸", "1", "2", "3"),
        ]
        let layout = try #require(detector.detect(rows: rows, names: names()))
        #expect(layout.headerRow == 2)
        #expect(layout.headerRowCount == 2)
        #expect(layout.lastHeaderRow == 3)
        #expect(layout.column(named: "死亡人数") == 3)
        #expect(layout.column(named: "受伤人数") == 4)
        #expect(layout.column(named: "直接经济损失") == 5)
        #expect(layout.moneyUnit(named: "直接经济损失") == .wanYuan)
    }

    @Test func parentPlusChildMatchesWhenChildAloneDoesNot() throws {
        let catalog = HeaderCatalog(extra: ["整改完成日期": ["整改完成情况日期"]])
        let rows = [
            row(1, "排查日期", "区县", "整改完成情况", ""),
            row(2, "", "", "是否整改", "日期"),
        ]
        let layout = try #require(HeaderDetector(headers: catalog).detect(rows: rows, names: names()))
        #expect(layout.headerRowCount == 2)
        #expect(layout.column(named: "整改状态") == 2)
        #expect(layout.column(named: "整改完成日期") == 3)
    }

    @Test func kindsByHeader() throws {
        func kind(_ headers: [String], sheet: String? = nil, file: String = "数据") -> String? {
            detector.detect(rows: [RawRow(number: 1, texts: headers)], names: names(sheet: sheet, file: file))?.kindName
        }
        #expect(kind(["隐患编号", "排查日期", "区县", "隐患等级", "整改状态"]) == "隐患")
        #expect(kind(["检查日期", "区县", "单位名称", "检查类型", "发现隐患数"]) == "执法检查")
        #expect(kind(["案件编号", "立案日期", "区县", "处罚种类", "罚款金额(元)", "事前处罚"]) == "行政处罚")
        #expect(kind(["年度", "区县", "指标", "目标值"]) == "目标")
        #expect(kind(["发生时间", "区县", "起火场所", "起火原因", "死亡人数"]) == "火灾")
        #expect(kind(["发生时间", "区县", "行业领域", "死亡人数"]) == "事故")
    }

    /// INPUTS.md clarification: names only break ties, and a name holding both words is no hint.
    @Test func namesBreakTiesOnly() {
        func kind(_ headers: [String], sheet: String?, file: String) -> String? {
            detector.detect(rows: [RawRow(number: 1, texts: headers)], names: names(sheet: sheet, file: file))?.kindName
        }
        let shared = ["发生时间", "区县", "行业领域", "死亡人数", "受伤人数", "直接经济损失"]
        #expect(kind(shared, sheet: "事故", file: "事故火灾统计") == "事故")
        #expect(kind(shared, sheet: "火灾", file: "事故火灾统计") == "火灾")
        #expect(kind(shared, sheet: "Sheet1", file: "事故火灾统计") == "事故")
        #expect(kind(shared, sheet: "Sheet1", file: "火灾统计") == "火灾")
        #expect(kind(shared, sheet: "事故", file: "火灾统计") == "事故")
        // A fire column decides against any name.
        #expect(kind(shared + ["起火原因"], sheet: "事故", file: "事故") == "火灾")
        // A hazard header in a file named 事故 stays a hazard sheet.
        #expect(kind(["排查日期", "区县", "整改状态", "隐患等级"], sheet: "事故", file: "事故") == "隐患")
    }

    @Test func unrecognisableSheetsGiveNoLayout() {
        let instructions = [row(1, "填表说明"), row(2, "1. 发生时间：填写事故发生的日期"), row(3, "2. 区县：填写所属区县")]
        #expect(detector.detect(rows: instructions, names: names(sheet: "填表说明")) == nil)
        let lookup = [row(1, "行业领域"), row(2, "危险化学品"), row(3, "建筑施工")]
        #expect(detector.detect(rows: lookup, names: names(sheet: "行业列表")) == nil)
    }

    @Test func missingRequiredColumnIsReported() throws {
        let layout = try #require(detector.detect(rows: [row(1, "发生时间", "区县", "死亡人数", "受伤人数")],
                                                  names: names(sheet: "事故")))
        #expect(layout.kindName == "事故")
        #expect(layout.missingNames == ["行业领域"])
    }

    @Test func firstColumnOfTwoForOneFieldWinsUnlessTheOtherIsCanonical() throws {
        let layout = try #require(detector.detect(rows: [row(1, "日期", "发生时间", "区县", "行业领域", "死亡人数")], names: names()))
        #expect(layout.column(named: "发生时间") == 1)      // canonical beats alias
        #expect(layout.ignored == ["日期"])
    }

    /// A header of 200 000 columns (a hostile or broken export) is read in linear time: the two-row
    /// reading looks each row's cells up once.
    @Test func aVeryWideHeaderIsLinear() throws {
        let wide = ["排查日期", "区县", "整改状态"] + (0..<200_000).map { "列\($0)" }
        let rows = [RawRow(number: 1, texts: wide), RawRow(number: 2, texts: ["2025-01-01", "东城区", "已整改"])]
        let layout = try #require(detector.detect(rows: rows, names: names()))
        #expect(layout.kindName == "隐患" && layout.ignored.count == 200_000)
    }

    @Test func columnLetters() {
        #expect(ColumnName.letters(0) == "A")
        #expect(ColumnName.letters(25) == "Z")
        #expect(ColumnName.letters(26) == "AA")
        #expect(ColumnName.letters(701) == "ZZ")
        #expect(ColumnName.letters(702) == "AAA")
        #expect(ColumnName.cell(column: 3, row: 25) == "D25")
    }
}
