@testable import Ingest
import Model
import Testing

@Suite struct SheetShapeTests {
    /// Title, 填报 and unit lines, a 序号 column, blank rows, a 合计 row and a 填报人 line: only the
    /// data rows are read.
    @Test func onlyDataRowsAreRead() throws {
        let rows = [
            row(1, "2020年度东城区生产安全事故统计表"),
            row(2, "填报单位：东城区应急管理局", "", "", "", "填报日期：2021年1月5日"),
            row(3, "单位：万元"),
            row(4, "序号", "发生时间", "区县", "行业领域", "死亡人数", "直接经济损失"),
            row(5, "1", "2020-03-19", "东城区", "建筑施工", "1", "12.5"),
            row(6),
            row(7, "2", "2020-04-01", "东城区", "商贸", "2", "3"),
            row(8, "", "", "", "", "", ""),
            row(9, "合计", "", "", "", "3", "15.5"),
            row(10, "填报人：张三", "", "审核人：李四"),
        ]
        let result = ingest([.xlsx("东城区.xlsx", [("事故", rows)])], config: sampleConfig)
        let sheet = try #require(result.sheet("东城区.xlsx", "事故"))
        #expect(sheet.kind == "事故")
        #expect(sheet.headerRow == 4)
        #expect(sheet.read == 2)
        #expect(sheet.accepted == 2)
        #expect(sheet.rejected == 0)
        #expect(sheet.unitLine == "万元")
        #expect(result.warnings.isEmpty, "the 合计 row adds up: \(result.warnings)")
        let a = result.dataset.accidents
        #expect(a.count == 2)
        #expect(a.loss[0] == Money(fen: 12_500_000))
        #expect(a.provenance[1].row == 7)
        #expect(result.dataset.describe(a.provenance[0]) == "东城区.xlsx 事故!第5行")
        expectConservation(result)
    }

    @Test func totalRowsAreCrossCheckedAndOnlyWarn() throws {
        let rows = [
            row(1, "发生时间", "区县", "行业领域", "死亡人数", "受伤人数", "直接经济损失(元)"),
            row(2, "2020-03-19", "东城区", "商贸", "1", "0", "1,000"),
            row(3, "2020-03-20", "东城区", "商贸", "2", "1", "500"),
            row(4, "小计", "", "", "3", "1", "1500"),
            row(5, "2020-05-20", "东城区", "商贸", "1", "", "100"),
            row(6, "合 计", "", "", "5", "1", "—"),           // deaths wrong; loss not a number: not compared
        ]
        let result = ingest([.csv("东城区事故.csv", rows)], config: sampleConfig)
        let sheet = try #require(result.sheet("东城区事故.csv"))
        #expect(sheet.read == 3)
        #expect(sheet.accepted == 3)
        #expect(result.warnings.count == 1)
        let w = try #require(result.warnings.first)
        #expect(w.location == "D6")
        #expect(w.message.contains("死亡人数"))
        #expect(w.message.contains("5"))
        #expect(w.message.contains("4"))
        #expect(sheet.warnings == 1)
        // The records are what they are: the total never changes them.
        #expect(result.dataset.accidents.deaths.reduce(0, +) == 4)
        expectConservation(result)
    }

    @Test func totalLabels() {
        #expect(TotalsCheck.kind(of: "合计") == .grand)
        #expect(TotalsCheck.kind(of: "总  计") == .grand)
        #expect(TotalsCheck.kind(of: "全区合计：") == .grand)
        #expect(TotalsCheck.kind(of: "本页小计") == .sub)
        #expect(TotalsCheck.kind(of: "会计") == nil)
        #expect(TotalsCheck.kind(of: "某某设计研究院有限公司合计") == nil)   // too long for a label
        #expect(TotalsCheck.kind(of: "东城区") == nil)
    }

    @Test func blankSheetAndTextSheetAreSkippedNotMerged() throws {
        let instructions = [row(1, "填表说明"), row(2, "1. 发生时间填写事故发生日期"), row(3, "2. 死亡人数填写整数")]
        let data = [row(1, "发生时间", "区县", "行业领域", "死亡人数"), row(2, "2020-01-02", "西城区", "商贸", "0")]
        let result = ingest([.xlsx("a.xlsx", [("填表说明", instructions), ("空白", []), ("事故", data)])], config: sampleConfig)
        let file = try #require(result.files.first)
        #expect(file.sheets.map(\.name) == ["填表说明", "空白", "事故"])
        #expect(file.sheets[0].skipped != nil)
        #expect(file.sheets[0].kind == nil)
        #expect(file.sheets[0].read == 0)
        #expect(file.sheets[1].skipped == "空表")
        #expect(file.sheets[2].accepted == 1)
        #expect(result.rejects.isEmpty)
        expectConservation(result)
    }

    @Test func headerOnlySheetReadsNothing() throws {
        let result = ingest([.csv("x.csv", [row(1, "发生时间", "区县", "行业领域", "死亡人数")])], config: sampleConfig)
        let sheet = try #require(result.sheet("x.csv"))
        #expect(sheet.kind == "事故")
        #expect(sheet.read == 0)
        #expect(sheet.skipped == nil)
    }

    @Test func repeatedHeaderRowIsNotData() throws {
        let header = row(1, "发生时间", "区县", "行业领域", "死亡人数")
        let result = ingest([.csv("x.csv", [header, row(2, "2020-01-02", "东城区", "商贸", "1"),
                                            row(3, "发生时间", "区县", "行业领域", "死亡人数"),
                                            row(4, "2020-01-03", "东城区", "商贸", "1")])], config: sampleConfig)
        #expect(result.sheet("x.csv")?.read == 2)
        #expect(result.rejects.isEmpty)
    }

    /// A header found after more than a few rows of the sheet's top still works, and the buffered
    /// rows below it are data.
    @Test func headerDeepInTheBufferAndManyRows() throws {
        var rows = (1...5).map { row($0, "说明第\($0)行") }
        rows.append(row(6, "检查日期", "区县", "单位名称", "发现隐患数"))
        for i in 0..<100 { rows.append(row(7 + i, "2021-02-0\(i % 9 + 1)", "南湖县", "企业\(i)", "\(i % 4)")) }
        let result = ingest([.csv("检查.csv", rows)], config: sampleConfig)
        let sheet = try #require(result.sheet("检查.csv"))
        #expect(sheet.headerRow == 6)
        #expect(sheet.read == 100)
        #expect(sheet.accepted == 100)
        #expect(result.dataset.inspections.hazardsFound.reduce(0, +) == Int32((0..<100).map { $0 % 4 }.reduce(0, +)))
        expectConservation(result)
    }
}

@Suite struct RowValidationTests {
    let header = row(1, "事故编号", "发生时间", "区县", "行业领域", "死亡人数", "受伤人数", "直接经济损失")

    func accidents(_ rows: [RawRow], config: RegionConfig = sampleConfig, strict: Bool = false) -> IngestResult {
        ingest([.csv("事故.csv", [header] + rows)], config: config, strict: strict)
    }

    @Test func rejectsNameColumnValueAndReason() throws {
        let result = accidents([
            row(2, "A1", "2025-02-30", "东城区", "商贸", "1", "0", "1"),
            row(3, "A2", "2020-01-05", "东城区", "商贸", "-1", "0", "1"),
            row(4, "A3", "2020-01-05", "东城区", "商贸", "三", "0", "1"),
            row(5, "A4", "", "东城区", "商贸", "1", "0", "1"),
            row(6, "A5", "2020-01-05", "东城区", "", "1", "0", "1"),
            row(7, "A6", "2020-01-05", "东城区", "商贸", "1", "0", "-3"),
            row(8, "A7", "2020-01-05", "东城区", "商贸", "", "", ""),
        ])
        #expect(result.rejects.map(\.row) == [2, 3, 4, 5, 6, 7])
        #expect(result.rejects[0].reason == "发生时间「2025-02-30」不是有效日期")
        #expect(result.rejects[0].column == "发生时间")
        #expect(result.rejects[0].value == "2025-02-30")
        #expect(result.rejects[1].reason == "死亡人数「-1」不能为负数")
        #expect(result.rejects[2].reason == "死亡人数「三」不是数字")
        #expect(result.rejects[3].reason == "发生时间为空")
        #expect(result.rejects[4].reason == "行业领域为空")
        #expect(result.rejects[5].reason == "直接经济损失「-3」不能为负数")
        // Empty count cells are 0 (clarification), so row 8 is accepted.
        #expect(result.dataset.accidents.count == 1)
        #expect(result.dataset.accidents.deaths == [0])
        expectConservation(result)
    }

    @Test func missingRequiredColumnRejectsEveryRow() throws {
        let result = ingest([.csv("事故.csv", [row(1, "发生时间", "区县", "死亡人数", "受伤人数"),
                                               row(2, "2020-01-01", "东城区", "1", "0"),
                                               row(3, "2020-01-02", "东城区", "0", "1")])], config: sampleConfig)
        let sheet = try #require(result.sheet("事故.csv"))
        #expect(sheet.missingColumns == ["行业领域"])
        #expect(sheet.rejected == 2)
        #expect(result.rejects.allSatisfy { $0.reason == "表头缺少必填列「行业领域」" })
        expectConservation(result)
    }

    @Test func unitsInCellsAndHeaders() throws {
        let result = ingest([.csv("事故.csv", [
            row(1, "发生时间", "区县", "行业领域", "死亡人数（人）", "重伤", "直接经济损失(元)"),
            row(2, "2020-01-01", "东城区", "商贸", "3人", "１", "12.5万元"),
            row(3, "2020-01-02", "东城区", "商贸", "1", "0", "1,234.5"),
        ])], config: sampleConfig)
        let a = result.dataset.accidents
        #expect(a.deaths == [3, 1])
        #expect(a.ints("重伤人数") == [1, 0])
        // 受伤 per record: 重伤 when 受伤 is not given (METRICS.md clarification).
        #expect(a.injuries == [1, 0])
        #expect(a.loss == [Money(fen: 12_500_000), Money(fen: 123_450)])
        #expect(result.sheet("事故.csv")?.columns.first { $0.field == "直接经济损失" }?.unit == "元")
    }

    @Test func defaultMoneyUnitsAndUnitLine() throws {
        // 事故 loss defaults to 万元, 罚款 to 元; a unit line sets columns whose header names none.
        let result = ingest([
            .csv("a.csv", [row(1, "发生时间", "区县", "行业领域", "死亡人数", "经济损失"), row(2, "2020-01-01", "东城区", "商贸", "0", "2")]),
            .csv("b.csv", [row(1, "立案日期", "区县", "罚款金额", "处罚种类"), row(2, "2020-01-01", "东城区", "2", "罚款")]),
            .csv("c.csv", [row(1, "单位:万元"), row(2, "立案日期", "区县", "罚款金额", "处罚种类"), row(3, "2020-01-01", "东城区", "2", "罚款")]),
            .csv("d.csv", [row(1, "单位:万元"), row(2, "立案日期", "区县", "罚款金额(元)", "处罚种类"), row(3, "2020-01-02", "东城区", "2", "罚款")]),
        ], config: sampleConfig)
        #expect(result.dataset.accidents.loss == [Money(fen: 2_000_000)])
        #expect(result.dataset.penalties.fine == [Money(fen: 200), Money(fen: 2_000_000), Money(fen: 200)])
    }

    @Test func statedLevelKeptDerivedWhenAbsentConflictWarns() throws {
        let result = ingest([.csv("事故.csv", [
            row(1, "发生时间", "区县", "行业领域", "死亡人数", "失踪人数", "重伤人数", "直接经济损失", "事故等级"),
            row(2, "2020-01-01", "东城区", "商贸", "2", "1", "0", "0", ""),          // 3 dead incl. missing → 较大
            row(3, "2020-01-02", "东城区", "商贸", "0", "0", "0", "1000", ""),       // 1000万元 → 较大
            row(4, "2020-01-03", "东城区", "商贸", "0", "0", "50", "0", ""),         // 50 serious → 重大
            row(5, "2020-01-04", "东城区", "商贸", "1", "0", "0", "0", "较大"),      // contradicts: kept, warned
            row(6, "2020-01-05", "东城区", "商贸", "1", "0", "0", "999.99", "一般"),
            row(7, "2020-01-06", "东城区", "商贸", "1", "0", "0", "0", "轻微"),      // not a level: rejected
        ])], config: sampleConfig)
        #expect(result.dataset.accidents.level == [.larger, .larger, .major, .larger, .ordinary])
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.location == "H5")
        #expect(result.rejects.map(\.row) == [7])
        expectConservation(result)
    }

    @Test func hazardsStatusDateAndContradiction() throws {
        let result = ingest([.csv("隐患.csv", [
            row(1, "隐患编号", "排查日期", "区县", "隐患等级", "整改状态", "整改期限", "整改完成日期", "挂牌督办"),
            row(2, "H1", "2020-01-01", "东城区", "重大", "已整改", "2020-02-01", "2020-01-20", "是"),
            row(3, "H2", "2020-01-01", "东城区", "一般", "", "", "2020-01-15", ""),         // date ⇒ rectified
            row(4, "H3", "2020-01-01", "东城区", "", "", "2020-03-01", "", "N"),            // empty ⇒ not, valid
            row(5, "H4", "2020-01-01", "东城区", "", "未整改", "", "2020-01-15", ""),       // contradiction
            row(6, "H5", "2020-01-01", "东城区", "", "√", "", "", "√"),                     // status without date
            row(7, "H6", "2020-01-01", "东城区", "", "整改中", "2020-01-10", "", "×"),
        ])], config: sampleConfig)
        let h = result.dataset.hazards
        #expect(h.count == 5)
        #expect(h.hazardFlags[0] == ["重大", "挂牌督办", "已整改"])
        #expect(h.rectifiedOn[1] == Day(year: 2020, month: 1, day: 15))
        #expect(h.hazardFlags[2].isEmpty)
        #expect(h.hazardFlags[3] == ["挂牌督办", "已整改"])
        let asOf = Day(year: 2020, month: 1, day: 31)!
        #expect((0..<h.count).filter { h.isRectified($0, asOf: asOf) }.count == 3)
        #expect((0..<h.count).filter { h.isOverdue($0, asOf: asOf) }.count == 1)     // H6
        let reject = try #require(result.rejects.first)
        #expect(reject.row == 5)
        #expect(reject.reason == "整改状态「未整改」与整改完成日期「2020-01-15」矛盾")
        expectConservation(result)
    }

    @Test func hazardNeedsStatusOrDateColumn() throws {
        let result = ingest([.csv("隐患.csv", [row(1, "排查日期", "区县", "隐患等级", "隐患描述"),
                                               row(2, "2020-01-01", "东城区", "一般", "消防通道堵塞")])], config: sampleConfig)
        #expect(result.sheet("隐患.csv")?.kind == "隐患")
        #expect(result.rejects.first?.reason == "表头缺少「整改状态」或「整改完成日期」列")
    }

    @Test func penaltiesShutdownFlagAndBooleans() throws {
        let result = ingest([.csv("处罚.csv", [
            row(1, "案件编号", "立案日期", "区县", "行业领域", "处罚种类", "罚款金额（万元）", "是否事前处罚"),
            row(2, "P1", "2020-01-01", "东城区", "危化品", "罚款；责令停产（停业）整顿", "4.5", "是"),
            row(3, "P2", "2020-01-02", "东城区", "建筑", "罚款", "1", "否"),
            row(4, "P3", "2020-01-03", "东城区", "烟花爆竹", "警告", "", "Y"),
            row(5, "P4", "2020-01-03", "东城区", "烟花爆竹", "警告", "", "也许"),
        ])], config: sampleConfig)
        let p = result.dataset.penalties
        #expect(p.count == 3)
        #expect(p.penaltyFlags == [["停产整顿", "事前"], [], ["事前"]])
        #expect(p.fine == [Money(fen: 4_500_000), Money(fen: 1_000_000), .zero])
        #expect(p.industries == ["危险化学品", "建筑施工", "烟花爆竹"])
        #expect(result.rejects.first?.reason == "事前处罚「也许」不是是/否")
    }

    @Test func inspectionsNeedAUnit() throws {
        let result = ingest([.csv("检查.csv", [row(1, "检查日期", "区县", "单位名称", "检查类型", "发现隐患数"),
                                               row(2, "2020-01-01", "东城区", "甲公司", "执法检查", "2"),
                                               row(3, "2020-01-01", "东城区", "", "执法检查", "2")])], config: sampleConfig)
        #expect(result.dataset.inspections.count == 1)
        #expect(result.rejects.first?.reason == "单位名称为空")
    }

    @Test func targetsSheet() throws {
        let result = ingest([.xlsx("目标.xlsx", [("目标", [
            row(1, "年度", "区县", "指标", "目标值"),
            row(2, "2020", "", "事前处罚起数", "80"),
            row(3, "2020年", "东城", "隐患整改率", "95%"),
            row(4, "二〇二〇", "", "事前处罚起数", "80"),
        ])])], config: sampleConfig)
        let t = result.dataset.targets
        #expect(t.count == 2)
        #expect(t[0] == Target(year: 2020, part: nil, metric: "事前处罚起数", value: ExactDecimal(80), origin: "目标.xlsx 目标!第2行"))
        #expect(t[1].part == "东城区")
        #expect(t[1].value == ExactDecimal(95))
        #expect(result.rejects.first?.reason == "年度「二〇二〇」不是年份")
        expectConservation(result)
    }

    @Test func booleansAndNumbersFromTypedCells() throws {
        let result = ingest([.xlsx("处罚.xlsx", [("处罚", [
            row(1, "立案日期", "区县", "罚款金额", "事前处罚"),
            cells(2, .date(43909, timeOnly: false), .text("东城区"), .number(2500), .bool(true)),
            cells(3, .number(43910), .text("东城区"), .number(0.5), .number(0)),
        ])])], config: sampleConfig)
        let p = result.dataset.penalties
        #expect(p.date == [Day(year: 2020, month: 3, day: 19)!, Day(year: 2020, month: 3, day: 20)!])
        #expect(p.fine == [Money(fen: 250_000), Money(fen: 50)])
        #expect(p.penaltyFlags == [["事前"], []])
    }
}

@Suite struct NameTests {
    let header = row(1, "检查日期", "区县", "镇街", "单位名称", "行业领域")

    @Test func districtAliasesAndUnknownKeptWithOneWarning() throws {
        let result = ingest([.csv("检查.csv", [header,
            row(2, "2020-01-01", "东城", "", "甲", "危化"),
            row(3, "2020-01-01", " 东城区 ", "", "乙", "建筑"),
            row(4, "2020-01-01", "北城区", "", "丙", "商贸"),
            row(5, "2020-01-01", "北城区", "", "丁", "养殖业"),
            row(6, "2020-01-01", "北城区", "", "戊", "养殖业"),
        ])], config: sampleConfig)
        let d = result.dataset
        #expect(d.inspections.districts == ["东城区", "东城区", "北城区", "北城区", "北城区"])
        #expect(d.inspections.industries == ["危险化学品", "建筑施工", "商贸", "养殖业", "养殖业"])
        #expect(result.warnings.map(\.location) == ["B4", "E5"], "\(result.warnings)")
        #expect(result.warnings[0].message.contains("北城区"))
        #expect(result.warnings[1].message.contains("养殖业"))
        #expect(result.rejects.isEmpty)
    }

    @Test func unknownDistrictWarnedOncePerValueAcrossFiles() throws {
        let result = ingest([
            .csv("1.csv", [header, row(2, "2020-01-01", "北城区", "", "甲", "商贸")]),
            .csv("2.csv", [header, row(2, "2020-01-02", "北城区", "", "乙", "商贸")]),
        ], config: sampleConfig)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.file == "1.csv")
        #expect(result.sheet("1.csv")?.warnings == 1)
        #expect(result.sheet("2.csv")?.warnings == 0)
    }

    @Test func strictRejectsUnknownDistricts() throws {
        let result = ingest([.csv("检查.csv", [header, row(2, "2020-01-01", "北城区", "", "甲", "商贸"),
                                               row(3, "2020-01-01", "东城区", "", "乙", "商贸")])],
                            config: sampleConfig, strict: true)
        #expect(result.dataset.inspections.count == 1)
        #expect(result.rejects.first?.reason.contains("北城区") == true)
        expectConservation(result)
    }

    /// Names are matched with case and width folded, but written as typed (issue 16 §Names):
    /// `abc区` is not printed as `ABC区`.
    @Test func namesKeepTheirCase() throws {
        let result = ingest([.csv("检查.csv", [header, row(2, "2020-01-01", "abc区", "", "甲", "商贸"),
                                               row(3, "2020-01-02", "ａｂｃ区", "", "乙", "商贸")])])
        #expect(result.dataset.inspections.districts == ["abc区", "abc区"])    // one part, as first written
        let config = RegionConfig(name: "示例市", level: .city, parts: ["Abc区"], partAliases: ["Abc区": "Abc区"])
        let listed = ingest([.csv("检查.csv", [header, row(2, "2020-01-01", "ABC区", "", "甲", "商贸")])], config: config)
        #expect(listed.dataset.inspections.districts == ["Abc区"])      // the config's spelling
    }

    @Test func withoutConfigEveryDistrictIsAPart() throws {
        let result = ingest([.csv("检查.csv", [header, row(2, "2020-01-01", "北城区", "", "甲", "商贸")])])
        #expect(result.warnings.isEmpty)
        #expect(result.dataset.dictionaries[Catalog.districtDictionary].strings == ["北城区"])
        #expect(result.dataset.config.name == "本市")
    }

    /// Clarification: the nearest folder, then the file name, then the sheet name that names a part.
    @Test func districtFallbackFromFolderFileSheet() throws {
        func noDistrict(_ unit: String) -> [RawRow] { [row(1, "检查日期", "单位名称"), row(2, "2020-01-01", unit)] }
        let result = ingest([
            .csv("2020/西城区/汇总/检查.csv", noDistrict("甲")),    // nearest folder naming a part: 西城区
            .csv("2020/南湖县检查.csv", noDistrict("乙")),          // file name
            .xlsx("2020/检查.xlsx", [("东城", noDistrict("丙"))]),  // sheet name (an alias)
            .csv("西城区/东城区检查.csv", noDistrict("丁")),        // folder before file name
            .csv("示例市/检查.csv", noDistrict("戊")),              // the region is no part: rejected
        ], config: sampleConfig)
        let d = result.dataset
        let byFile = Dictionary(uniqueKeysWithValues: (0..<d.inspections.count).map {
            (d.files[Int(d.inspections.provenance[$0].file)], d.inspections.districts[$0] ?? "")
        })
        #expect(byFile["2020/西城区/汇总/检查.csv"] == "西城区")
        #expect(byFile["2020/南湖县检查.csv"] == "南湖县")
        #expect(byFile["2020/检查.xlsx"] == "东城区")
        #expect(byFile["西城区/东城区检查.csv"] == "西城区")
        #expect(result.rejects.count == 1)
        #expect(result.rejects.first?.file == "示例市/检查.csv")
        #expect(result.rejects.first?.reason.contains("区县为空") == true)
        expectConservation(result)
    }

    @Test func emptyDistrictCellFallsBackToo() throws {
        let result = ingest([.csv("东城区/检查.csv", [header, row(2, "2020-01-01", "", "", "甲", "商贸"),
                                                       row(3, "2020-01-01", "示例市", "", "乙", "商贸")])], config: sampleConfig)
        #expect(result.dataset.inspections.districts == ["东城区", "东城区"])
    }

    /// At level 区/县 the part is the 镇街 (required), and a 区县 given must be the region.
    @Test func districtLevelUsesTowns() throws {
        let config = RegionConfig(name: "金坛区", level: .district, parts: ["金城镇", "儒林镇"],
                                  partAliases: ["金城镇": "金城镇", "金城": "金城镇", "儒林镇": "儒林镇"],
                                  regionAliases: ["金坛区", "金坛"])
        let result = ingest([.csv("检查.csv", [header,
            row(2, "2020-01-01", "金坛区", "金城", "甲", "商贸"),
            row(3, "2020-01-01", "", "儒林镇", "乙", "商贸"),
            row(4, "2020-01-01", "溧阳市", "儒林镇", "丙", "商贸"),
            row(5, "2020-01-01", "金坛", "", "丁", "商贸"),
        ])], config: config)
        let d = result.dataset
        #expect(d.inspections.towns == ["金城镇", "儒林镇"])
        #expect(d.parts.strings == ["金城镇", "儒林镇"])
        #expect(result.rejects.map(\.row) == [4, 5])
        #expect(result.rejects[0].reason.contains("溧阳市"))
        #expect(result.rejects[1].reason.contains("镇街为空"))
        expectConservation(result)
    }

    @Test func townsAreAFieldOfEveryKind() throws {
        let result = ingest([.csv("处罚.csv", [row(1, "立案日期", "区县", "乡镇（街道）", "罚款金额"),
                                               row(2, "2020-01-01", "东城区", "东华街道", "100")])], config: sampleConfig)
        #expect(result.dataset.penalties.towns == ["东华街道"])
    }
}
