import Foundation
import Testing
@testable import Metrics
import Model

private typealias T = TestData

@Suite struct FiguresDiffTests {
    static func accidents() -> TestData {
        var d = T()
        d.onlyBreakdowns = ["行业领域", "月份"]
        d.accident("东城区", T.day(2020, 1, 5), deaths: 1)
        d.accident("西湖区", T.day(2020, 3, 2))
        d.accident("东城区", T.day(2019, 2, 1), deaths: 2)
        d.accident("西湖区", T.day(2019, 3, 3), deaths: 1)
        return d
    }

    static func file(_ data: TestData, _ period: ReportPeriod, source: String) throws -> FiguresFile {
        try FiguresFile(text: FiguresJSON.text(FiguresBuilder.compute(data.dataset, period: period)), source: source)
    }

    /// A resubmitted export adds a 西湖区 accident in March (with a death, industry 燃气) and a
    /// forgotten 东城区 accident of January last year: every figure that moves is listed, per
    /// scope, value and prior separately, breakdown rows included; nothing else is.
    @Test func aResubmissionListsExactlyTheFiguresThatMoved() throws {
        let period = try ReportPeriod(year: 2020, through: 3)
        let old = Self.accidents()
        var new = Self.accidents()
        new.accident("西湖区", T.day(2020, 3, 20), deaths: 1, industry: "燃气")
        new.accident("东城区", T.day(2019, 1, 10))
        let diff = FiguresDiff.compare(try Self.file(old, period, source: "旧/2020-01-03/figures.json"),
                                       try Self.file(new, period, source: "新/2020-01-03/figures.json"))
        #expect(!diff.isEmpty)
        #expect(diff.text == """
            旧:旧/2020-01-03/figures.json
            新:新/2020-01-03/figures.json
            【示例市】
              事故起数:2起 → 3起
              事故起数 同期(2019年1-3月):2起 → 3起
              事故死亡人数:1人 → 2人
              一般事故起数:2起 → 3起
              一般事故起数 同期(2019年1-3月):2起 → 3起
              新增分项 行业领域「燃气」
              行业领域「未填写」 事故起数 同期(2019年1-3月):2起 → 3起
              行业领域「未填写」 一般事故起数 同期(2019年1-3月):2起 → 3起
              月份「2020-01」 事故起数 上年同月:0起 → 1起
              月份「2020-01」 一般事故起数 上年同月:0起 → 1起
              月份「2020-03」 事故起数:1起 → 2起
              月份「2020-03」 事故死亡人数:0人 → 1人
              月份「2020-03」 一般事故起数:1起 → 2起
            【东城区】
              事故起数和死亡人数“双下降”:否 → 是
              事故起数 同期(2019年1-3月):1起 → 2起
              一般事故起数 同期(2019年1-3月):1起 → 2起
              行业领域「未填写」 事故起数 同期(2019年1-3月):1起 → 2起
              行业领域「未填写」 一般事故起数 同期(2019年1-3月):1起 → 2起
              月份「2020-01」 事故起数 上年同月:0起 → 1起
              月份「2020-01」 一般事故起数 上年同月:0起 → 1起
            【西湖区】
              事故起数:1起 → 2起
              事故死亡人数:0人 → 1人
              一般事故起数:1起 → 2起
              新增分项 行业领域「燃气」
              月份「2020-03」 事故起数:1起 → 2起
              月份「2020-03」 事故死亡人数:0人 → 1人
              月份「2020-03」 一般事故起数:1起 → 2起
            共 27 项变化,涉及 3 个范围。

            """)
        #expect(diff.changes.contains(.changed(scope: "西湖区", row: nil, name: "事故死亡人数", field: .value, old: "0人", new: "1人")))
    }

    /// An earlier year's accident (2018), a 较大 accident in February and the named period
    /// 「二月以来」: the series year, the list record and the named period's figures are listed; the
    /// series years 2019 and 2020 are not (they are the prior and the value, listed once).
    @Test func seriesListsAndNamedPeriodsAreCompared() throws {
        let period = try ReportPeriod(year: 2020, through: 3)
        var old = Self.accidents()
        old.accident("东城区", T.day(2018, 2, 1))
        old.records.catalog.periods = [PeriodDeclaration(name: "二月以来", from: T.day(2020, 2, 1))]
        var new = old
        new.accident("东城区", T.day(2018, 3, 9))
        new.accident("西湖区", T.day(2020, 2, 15), deaths: 3, level: .larger)
        let diff = FiguresDiff.compare(try Self.file(old, period, source: "旧"), try Self.file(new, period, source: "新"))
        let lines = diff.lines
        #expect(diff.changes.contains(.series(scope: "示例市", row: nil, name: "事故起数", year: 2018, old: "1起", new: "2起")))
        #expect(diff.changes.contains(.series(scope: "东城区", row: nil, name: "事故起数", year: 2018, old: "1起", new: "2起")))
        #expect(!diff.changes.contains { if case .series(_, _, _, let year, _, _) = $0 { return year >= 2019 }; return false })
        #expect(lines.contains("  事故起数 2018年同期:1起 → 2起"))
        let record = try #require(diff.changes.first { if case .listRecordAdded = $0 { return true }; return false })
        guard case .listRecordAdded(let scope, let list, let text) = record else { return }
        #expect(scope == "示例市" && list == "较大及以上事故" && text.hasPrefix("2020-02-15 西湖区") && text.contains("较大"))
        #expect(lines.contains("  较大及以上事故 新增:\(text)"))
        // 二月以来: the region's accidents 1 → 2 (西湖区 3-02 before, 2-15 added), deaths 0 → 3.
        #expect(diff.changes.contains(.changed(scope: "二月以来·示例市", row: nil, name: "事故起数", field: .value, old: "1起", new: "2起")))
        #expect(diff.changes.contains(.changed(scope: "二月以来·西湖区", row: nil, name: "事故死亡人数", field: .value, old: "0人", new: "3人")))
        #expect(lines.contains("【二月以来·示例市】"))
        #expect(!diff.changes.contains { $0.scope == "二月以来·东城区" })
        // A named period in one run only.
        var plain = Self.accidents()
        plain.accident("东城区", T.day(2018, 2, 1))
        let added = FiguresDiff.compare(try Self.file(plain, period, source: "旧"), try Self.file(old, period, source: "新"))
        #expect(added.changes == [.namedPeriodAdded(name: "二月以来")])
        #expect(added.lines.dropFirst(2) == ["期间「二月以来」新增(旧输出中没有)", "共 1 项变化,涉及 0 个范围。"])
    }

    @Test func identicalRunsHaveNoChanges() throws {
        let period = try ReportPeriod(year: 2020, through: 3)
        let a = try Self.file(Self.accidents(), period, source: "a")
        let diff = FiguresDiff.compare(a, a)
        #expect(diff.isEmpty && diff.changes.isEmpty)
        #expect(diff.lines == ["旧:a", "新:a", "两次输出的全部指标相同。"])
    }

    static let oldText = """
        {"schema": 1, "region": "示例市", "level": "市",
         "period": {"year": 2020, "through": 12, "label": "2020年", "prior_label": "2019年"},
         "scopes": [
          {"scope": "示例市", "kind": "region", "double_decline": {"accidents": true, "fires": false},
           "metrics": [
            {"id": "penalties.fines", "name": "罚款金额", "unit": "万元", "value": 1.50, "prior": 2},
            {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": 50, "prior": null, "numerator": 1, "denominator": 2},
            {"id": "fires.count", "name": "火灾起数", "unit": "起", "value": 0, "prior": 0}],
           "breakdowns": {"行业领域": [{"key": "商贸", "metrics": []}], "月份": []}},
          {"scope": "西湖区", "kind": "part", "metrics": [], "breakdowns": {}}]}
        """

    static let newText = """
        {"schema": 1, "region": "示例市", "level": "市",
         "period": {"year": 2021, "through": 12, "label": "2021年", "prior_label": "2020年"},
         "scopes": [
          {"scope": "示例市", "kind": "region", "double_decline": {"accidents": true, "fires": false},
           "metrics": [
            {"id": "penalties.fines", "name": "罚款金额", "unit": "万元", "value": 1.5, "prior": 2.000},
            {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": 50, "prior": null, "numerator": 2, "denominator": 4},
            {"id": "targets.事前处罚起数", "name": "事前处罚起数完成率", "unit": "%", "value": 86.25, "numerator": 69, "denominator": 80}],
           "breakdowns": {"行业领域": [{"key": "燃气", "metrics": []}], "月份": []}},
          {"scope": "东城区", "kind": "part", "metrics": [], "breakdowns": {}}]}
        """

    /// Scopes, rows and metrics present in one run only; numbers compared as decimals (1.50 = 1.5);
    /// a rate whose parts changed is listed even when its percentage did not.
    @Test func addedAndRemovedScopesRowsAndMetrics() throws {
        let diff = FiguresDiff.compare(try FiguresFile(text: Self.oldText, source: "old.json"),
                                       try FiguresFile(text: Self.newText, source: "new.json"))
        #expect(diff.lines == [
            "旧:old.json",
            "新:new.json",
            "注意:两次输出的期间不同(2020年 → 2021年),以下按指标逐项比较。",
            "【示例市】",
            "  隐患整改率:50%(1/2) → 50%(2/4)",
            "  新增指标 事前处罚起数完成率:86.25%(69/80)",
            "  删除指标 火灾起数:0起",
            "  新增分项 行业领域「燃气」",
            "  删除分项 行业领域「商贸」",
            "【东城区】新增(旧输出中没有)",
            "【西湖区】已删除(新输出中没有)",
            "共 7 项变化,涉及 3 个范围。",
        ])
        #expect(diff.changes.first == .period(old: "2020年", new: "2021年"))
    }

    @Test func readingKeepsNumbersAsWritten() throws {
        let file = try FiguresFile(text: Self.newText, source: "new.json")
        #expect(file.year == 2021 && file.through == 12 && file.periodLabel == "2021年" && file.priorLabel == "2020年")
        #expect(file.scopes.map(\.name) == ["示例市", "东城区"])
        let fines = file.scopes[0].metrics[0]
        #expect(fines.id == "penalties.fines" && fines.unit == "万元")
        #expect(fines["value"] == "1.5" && fines["prior"] == "2.000")
        #expect(file.scopes[0].metrics[1]["prior"] == nil)
        #expect(file.scopes[0].doubleDecline.map(\.0) == ["accidents", "fires"])
        // What FiguresJSON writes reads back figure for figure.
        var d = T()
        d.penalty("东城区", T.day(2020, 1, 1), fineYuan: "4843530", industry: "危险化学品")
        let figures = FiguresBuilder.compute(d.dataset, period: try ReportPeriod(year: 2020, through: 12))
        let back = try FiguresFile(text: FiguresJSON.text(figures), source: "x")
        #expect(back.scopes.count == figures.scopes.count)
        #expect(back.scopes[0].metrics.map(\.id) == figures.regionScope.metrics.map(\.id))
        #expect(back.scopes[0].metrics.first { $0.id == "penalties.fines" }?["value"] == "484.353")
        #expect(back.scopes[0].breakdowns.map(\.name) == figures.regionScope.breakdowns.map(\.by))
        #expect(back.scopes[0].breakdowns.prefix(2).map(\.name) == ["行业领域", "月份"])
        #expect(back.scopes[0].breakdowns[1].rows.count == 12)
    }

    @Test func unreadableFilesAreNamed() {
        #expect(throws: MetricsError.unreadableFigures("a.json 的 schema 为 2,本程序只能读取 schema 1")) {
            try FiguresFile(text: #"{"schema": 2, "scopes": []}"#, source: "a.json")
        }
        #expect(throws: MetricsError.unreadableFigures("a.json 不是有效的 JSON:第4行第1列:此处应为 JSON 值")) {
            try FiguresFile(text: "{\n  \"schema\": 1,\n  \"scopes\": [\n}", source: "a.json")
        }
        #expect(throws: MetricsError.unreadableFigures("a.json 不是 figures.json:缺少 scopes 数组")) {
            try FiguresFile(text: #"{"schema": 1}"#, source: "a.json")
        }
        #expect(throws: MetricsError.unreadableFigures("a.json 不是 figures.json:示例市 有一项指标缺少 id")) {
            try FiguresFile(text: #"{"schema": 1, "scopes": [{"scope": "示例市", "metrics": [{"value": 1}]}]}"#, source: "a.json")
        }
    }

    @Test func foldersAreResolvedToTheirFiguresFile() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("metrics-diff-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? fm.removeItem(atPath: root) }
        let period = try ReportPeriod(year: 2020, through: 3)
        let text = FiguresJSON.text(FiguresBuilder.compute(Self.accidents().dataset, period: period))
        for folder in ["old/2020-01-03", "new/2020-01-03", "many/2020", "many/2021", "empty"] {
            try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for file in ["old/2020-01-03", "new/2020-01-03", "many/2020", "many/2021"] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + file + "/figures.json"))
        }
        #expect(try FiguresFile.locate(root + "/old") == root + "/old/2020-01-03/figures.json")
        #expect(try FiguresFile.locate(root + "/old/2020-01-03") == root + "/old/2020-01-03/figures.json")
        #expect(try FiguresFile.locate(root + "/many/2021/figures.json") == root + "/many/2021/figures.json")
        #expect(throws: MetricsError.unreadableFigures(
            "\(root)/many 中有多个期间的输出(2020、2021),请指明其中一个,例如 \(root)/many/2020")) {
            try FiguresFile.locate(root + "/many")
        }
        #expect(throws: MetricsError.unreadableFigures("\(root)/empty 中没有 figures.json(生成时须包含 json 格式)")) {
            try FiguresFile.locate(root + "/empty")
        }
        #expect(throws: MetricsError.unreadableFigures("找不到 \(root)/nowhere")) { try FiguresFile.locate(root + "/nowhere") }
        let diff = try FiguresDiff.compare(old: root + "/old", new: root + "/new")
        #expect(diff.isEmpty && diff.oldSource == root + "/old/2020-01-03/figures.json")
    }
}

@Suite struct JSONValueTests {
    @Test func valuesEscapesAndOrder() throws {
        let v = try JSONValue.parse(#"{"b": [1, -0.5, 2e3, true, false, null], "a": "\u4e2d\"\\\/\n\ud83d\ude00", "c": {}}"#)
        #expect(v.members?.map(\.0) == ["b", "a", "c"])
        #expect(v["b"] == .array([.number("1"), .number("-0.5"), .number("2e3"), .bool(true), .bool(false), .null]))
        #expect(v["a"]?.string == "中\"\\/\n😀")
        #expect(v["c"] == .object([]))
        #expect(try JSONValue.parse("\u{FEFF}[]") == .array([]))    // a byte order mark is tolerated
    }

    @Test func malformedTextSaysWhere() {
        func failure(_ text: String) -> String? {
            do { _ = try JSONValue.parse(text); return nil } catch { return error.description }
        }
        #expect(failure("[1,]") == "第1行第4列:此处应为 JSON 值")
        #expect(failure("[01]") == "第1行第2列:数字不能以 0 开头")
        #expect(failure("{\"a\" 1}") == "第1行第6列:键名之后应为冒号")
        #expect(failure("[1] x") == "第1行第5列:JSON 值之后还有多余的内容")
        #expect(failure("\"\\x\"") == "第1行第4列:无效的转义 \\x")
        #expect(failure("\"\\ud800\"") == "第1行第8列:代理对缺少低位部分")
        #expect(failure("\"中\n\"") == "第1行第3列:字符串中有未转义的控制字符")
        #expect(failure("[1.]") == "第1行第4列:小数点之后应有数字")
        #expect(failure("") == "第1行第1列:内容意外结束,缺少 JSON 值")
        #expect(failure(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)) == "第1行第65列:嵌套超过 64 层")
        #expect(failure(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) == nil)
    }
}
