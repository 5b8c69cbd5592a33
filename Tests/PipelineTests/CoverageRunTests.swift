import Foundation
import Testing
import Ingest
import Metrics
import Pipeline
import Zip

/// Coverage, corrections and periods as a report writer meets them (issues 11 and 12): the real
/// executable on copies of the sample inputs, with a district's file deleted, a header-only
/// register, a year without its prior, an id-less correction beside its original, date ranges,
/// breakdown rows and a declared metric that moves between two runs.
@Suite(.serialized) struct CoverageRunTests {
    let fm = FileManager.default
    static let county = "2025/临川县/临川县2025年安全生产统计.xlsx"     // its 事故, 执法检查 and 行政处罚 of 2025

    func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// The metric objects of a scope of figures.json, by id.
    func metrics(_ figures: [String: Any], scope: String) throws -> [String: [String: Any]] {
        let scopes = try #require(figures["scopes"] as? [[String: Any]])
        let found = try #require(scopes.first { $0["scope"] as? String == scope })
        var out: [String: [String: Any]] = [:]
        for m in try #require(found["metrics"] as? [[String: Any]]) { out[m["id"] as! String] = m }
        return out
    }

    func text(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    /// A district's file deleted: the run stops naming every part and kind it held and what to
    /// send; the previous outputs stay. `--quiet` does not hide it.
    @Test func aDeletedDistrictFileStopsTheRun() throws {
        let work = try sampleInputsCopy("deleted")
        defer { try? fm.removeItem(at: work) }
        #expect(try safetystats(["run", "--out", "out", "--quiet"], in: work).status == 0)
        let before = try snapshot(work.appendingPathComponent("out/2025"))
        try fm.removeItem(at: work.appendingPathComponent("Inputs/" + Self.county))

        let run = try safetystats(["run", "--out", "out"], in: work)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("3 项数据未报送，未生成报告（之前的输出保持不变）：\n"
            + "  临川县未报送2025年事故数据\n  临川县未报送2025年执法检查数据\n  临川县未报送2025年行政处罚数据\n"), "\(run.stderr)")
        #expect(run.stderr.contains("空表") && run.stderr.contains("--allow-missing"))
        #expect(try snapshot(work.appendingPathComponent("out/2025")) == before, "the previous outputs are kept")
        let quiet = try safetystats(["run", "--out", "out", "--quiet"], in: work)
        #expect(quiet.status == 1 && quiet.stderr == run.stderr)

        // check shows it in the table: the county's row has nothing of those kinds for 2025.
        let check = try safetystats(["check"], in: work)
        #expect(check.status == 0)
        let row = try #require(coverageRow(check.stdout, part: "临川县"))
        let columns = try #require(coverageColumns(check.stdout))
        for kind in ["事故", "执法检查", "行政处罚"] {
            #expect(row[try #require(columns.firstIndex { $0 == (kind, "2025") })] == "未报送", "\(kind)")
            #expect(row[try #require(columns.firstIndex { $0 == (kind, "2024") })] != "未报送", "\(kind)")
        }
        #expect(row[try #require(columns.firstIndex { $0 == ("火灾", "2025") })] != "未报送")
    }

    /// `--allow-missing` writes the outputs: figures.json marks the part's figures missing and the
    /// region's incomplete, the documents say 未报送 and （不含临川县）, never 0 or 「未发生」.
    @Test func allowMissingMarksWhatIsMissing() throws {
        let work = try sampleInputsCopy("allow")
        defer { try? fm.removeItem(at: work) }
        #expect(try safetystats(["run", "--out", "full", "--quiet"], in: work).status == 0)
        try fm.removeItem(at: work.appendingPathComponent("Inputs/" + Self.county))
        let run = try safetystats(["run", "--out", "out", "--allow-missing", "--quiet"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("注意:3 项数据未报送") && run.stderr.contains("  临川县未报送2025年事故数据"), "--quiet does not hide it")
        let out = work.appendingPathComponent("out/2025")

        let figures = try json(out.appendingPathComponent("figures.json"))
        let county = try metrics(figures, scope: "临川县"), region = try metrics(figures, scope: "示例市")
        #expect(county["accidents.count"]?["missing"] as? Bool == true && county["accidents.count"]?["value"] is NSNull)
        #expect(county["inspections.count"]?["missing"] as? Bool == true)
        #expect(county["fires.count"]?["missing"] == nil, "its fires were sent")
        #expect(region["accidents.count"]?["incomplete"] as? [String] == ["临川县"])
        // The region's total is the other parts' sum, compared with their own prior.
        let full = try metrics(try json(work.appendingPathComponent("full/2025/figures.json")), scope: "临川县")
        let fullRegion = try metrics(try json(work.appendingPathComponent("full/2025/figures.json")), scope: "示例市")
        let value = { (m: [String: Any]?, key: String) in (m?[key] as? NSNumber)?.intValue }
        #expect(value(region["accidents.count"], "value") == value(fullRegion["accidents.count"], "value")! - value(full["accidents.count"], "value")!)
        #expect(value(region["accidents.count"], "prior") == value(fullRegion["accidents.count"], "prior")! - value(full["accidents.count"], "prior")!)
        let missing = try #require(figures["missing"] as? [[String: String]])
        #expect(missing.map { $0["kind"]! } == ["事故", "执法检查", "行政处罚"] && missing.allSatisfy { $0["part"] == "临川县" })

        let texts = try CommandLineTests().documentTexts(out)
        let summary = try #require(texts["示例市/工作总结.md"]), part = try #require(texts["临川县/工作总结.md"])
        #expect(summary.contains("> 注意：临川县未报送2025年事故、执法检查、行政处罚数据；文中相应数字标为“未报送”，合计不含这些数据。"))
        // The note once per sentence, on the scope: 「全市（不含临川县）共发生…37起」.
        #expect(summary.contains("全市（不含临川县）共发生各类生产安全事故") && summary.contains("| 临川县 | 未报送 | 未报送 |"))
        #expect(summary.contains("全市（不含临川县）累计检查生产经营单位"), "every sentence over figures that leave it out says it")
        #expect(summary.contains("事前处罚起数完成年度目标") && summary.contains("%（不含临川县）。"), "and the completion rate")
        #expect(part.contains("> 注意：临川县未报送2025年事故、执法检查、行政处罚数据；文中相应数字标为“未报送”。"))
        #expect(part.contains("临川县未报送生产安全事故数据") && !part.contains("未发生生产安全事故"), "\(part)")
        // The prior beside it is over the same parts (the value says which are left out).
        let press = try #require(texts["新闻发布会数据.md"])
        #expect(press.contains("| 生产安全事故起数（起） | \(value(region["accidents.count"], "value")!)（不含临川县） | \(value(region["accidents.count"], "prior")!) |"), "\(press)")
        #expect(try #require(texts["示例市/工作总结.docx"]).contains("（不含临川县）"))
        #expect(try #require(texts["临川县/工作总结.html"]).contains("未报送"))
        let workbook = try ZipArchive(path: out.appendingPathComponent("统计表.xlsx").path)
        let sheets = String(decoding: try workbook.read(try #require(workbook.entry("xl/workbook.xml"))), as: UTF8.self)
        #expect(sheets.contains("name=\"未报送数据\" sheetId=\"1\""))
        #expect(try #require(texts["统计表.xlsx"]).contains("37（不含临川县）"))

        let manifest = try json(out.appendingPathComponent("manifest.json"))
        #expect((manifest["options"] as? [String: Any])?["allow_missing"] as? Bool == true)
        #expect((manifest["missing"] as? [[String: String]])?.count == 3)
        let coverage = try #require(manifest["coverage"] as? [[String: Any]])
        let cell = coverage.first { $0["part"] as? String == "临川县" && $0["kind"] as? String == "事故" && $0["year"] as? Int == 2025 }
        #expect(cell?["supplied"] as? String == "none" && cell?["records"] as? Int == 0)
        let east = coverage.first { $0["part"] as? String == "东城区" && $0["kind"] as? String == "事故" && $0["year"] as? Int == 2025 }
        #expect(east?["supplied"] as? String == "records")
    }

    /// A register without a column (东城区's 2025 fire register has no 受伤人数): that part's figure
    /// is not known — missing, never 0 or 「同比下降100.0%」 — and the region's total says it leaves
    /// the part out; the documents say 受伤人数未报送 and 「受伤N人（不含东城区）」. Its other figures stay.
    @Test func aRegisterWithoutAColumnLeavesThatFigureUnknown() throws {
        let work = try sampleInputsCopy("nocolumn")
        defer { try? fm.removeItem(at: work) }
        let file = work.appendingPathComponent("Inputs/2025/东城区/东城区2025年火灾情况.csv")
        let lines = try text(file).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        let column = try #require(header.firstIndex { $0 == "受伤人数" })
        // The data rows have no quoted commas before that column (checked: the same field count).
        let cut = lines.map { line -> String in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > column else { return line }
            return (fields[..<column] + fields[(column + 1)...]).joined(separator: ",")
        }
        try Data(cut.joined(separator: "\n").utf8).write(to: file)

        let run = try safetystats(["run", "--out", "out", "--quiet"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        let figures = try json(work.appendingPathComponent("out/2025/figures.json"))
        let east = try metrics(figures, scope: "东城区"), region = try metrics(figures, scope: "示例市")
        let west = try metrics(figures, scope: "西湖区")
        #expect(east["fires.injuries"]?["missing"] as? Bool == true && east["fires.injuries"]?["value"] is NSNull)
        #expect((east["fires.count"]?["value"] as? NSNumber)?.intValue ?? 0 > 0 && east["fires.count"]?["missing"] == nil)
        #expect(region["fires.injuries"]?["incomplete"] as? [String] == ["东城区"])
        #expect(region["fires.count"]?["incomplete"] == nil)
        // The region's total is the other parts' sum, compared with their own prior.
        var sum = 0, prior = 0
        for part in ["西湖区", "南山区", "北江区", "青峰县", "临川县"] {
            let m = try metrics(figures, scope: part)["fires.injuries"]
            sum += (m?["value"] as? NSNumber)?.intValue ?? -1000
            prior += (m?["prior"] as? NSNumber)?.intValue ?? -1000
        }
        #expect((region["fires.injuries"]?["value"] as? NSNumber)?.intValue == sum)
        #expect((region["fires.injuries"]?["prior"] as? NSNumber)?.intValue == prior)
        #expect(west["fires.injuries"]?["missing"] == nil)
        let part = try text(work.appendingPathComponent("out/2025/东城区/工作总结.md"))
        #expect(part.contains("受伤人数未报送") && !part.contains("受伤0人"))
        let whole = try text(work.appendingPathComponent("out/2025/示例市/工作总结.md"))
        #expect(whole.contains("受伤\(sum)人（不含东城区）"))
    }

    /// A register with its header and no rows is a real zero: no stop, the figures are 0 and
    /// compared with the prior year; check shows 空表.
    @Test func aHeaderOnlyRegisterIsAZero() throws {
        let work = try sampleInputsCopy("empty")
        defer { try? fm.removeItem(at: work) }
        let inputs = work.appendingPathComponent("Inputs")
        try fm.removeItem(at: inputs.appendingPathComponent(Self.county))
        let headers = ["事故": "事故编号,发生时间,区县,行业领域,事故类型,单位名称,死亡人数,受伤人数,直接经济损失（元）",
                       "执法检查": "检查日期,区县,单位名称,行业领域,检查类型,发现隐患数",
                       "行政处罚": "案件编号,立案日期,区县,单位名称,行业领域,处罚种类,罚款金额,事前处罚"]
        for (kind, header) in headers {
            try Data((header + "\r\n").utf8).write(to: inputs.appendingPathComponent("2025/临川县/临川县2025年\(kind).csv"))
        }
        let run = try safetystats(["run", "--out", "out", "--quiet"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        let county = try metrics(try json(work.appendingPathComponent("out/2025/figures.json")), scope: "临川县")
        #expect((county["accidents.count"]?["value"] as? NSNumber)?.intValue == 0)
        #expect((county["accidents.count"]?["prior"] as? NSNumber)?.intValue ?? 0 > 0, "compared with 2024")
        #expect((county["penalties.count"]?["value"] as? NSNumber)?.intValue == 0 && county["penalties.count"]?["missing"] == nil)
        let part = try text(work.appendingPathComponent("out/2025/临川县/工作总结.md"))
        #expect(part.contains("全县未发生生产安全事故") && !part.contains("未报送"))

        let check = try safetystats(["check"], in: work)
        let row = try #require(coverageRow(check.stdout, part: "临川县"))
        let columns = try #require(coverageColumns(check.stdout))
        for kind in headers.keys {
            #expect(row[try #require(columns.firstIndex { $0 == (kind, "2025") })] == "空表", "\(kind)")
        }
    }

    /// `--year 2024`: the sample has no 2023 registers, so nothing is compared — figures.json says
    /// prior null and prior_missing, the documents 上年同期无数据, none 「同比增加…」; stderr names each
    /// part and kind (not with --quiet), manifest.json lists them; the run is not stopped.
    @Test func aYearWithoutItsPriorIsNotCompared() throws {
        let work = try sampleInputsCopy("noprior")
        defer { try? fm.removeItem(at: work) }
        let run = try safetystats(["run", "--out", "out", "--year", "2024"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("上年同期无数据:东城区未报送2023年事故数据,相应指标不作同比\n"))
        #expect(try safetystats(["run", "--out", "out", "--year", "2024", "--quiet"], in: work).stderr.isEmpty)
        let out = work.appendingPathComponent("out/2024")
        let figures = try json(out.appendingPathComponent("figures.json"))
        for scope in ["示例市", "东城区", "临川县"] {
            let m = try #require(try metrics(figures, scope: scope)["accidents.count"])
            #expect(m["prior"] is NSNull && m["yoy"] is NSNull && m["prior_missing"] as? Bool == true, "\(scope)")
            #expect(m["phrase"] as? String == "上年同期无数据" && m["change"] == nil)
        }
        let listed = try #require(figures["prior_missing"] as? [[String: String]])
        #expect(listed.contains { $0 == ["part": "临川县", "kind": "事故", "period": "2023年"] })
        #expect((try json(out.appendingPathComponent("manifest.json"))["prior_missing"] as? [Any])?.count == listed.count)

        let texts = try CommandLineTests().documentTexts(out)
        for (path, text) in texts { #expect(!text.contains("同比增加"), "\(path)") }
        for path in ["示例市/工作总结.md", "新闻发布会数据.md", "东城区/工作总结.md"] {
            let text = try #require(texts[path])
            #expect(text.contains("事故起数上年同期无数据") || text.contains("上年同期无数据"), "\(path)")
            #expect(!text.contains("同比分别") && !text.contains("事故起数同比") && !text.contains("双下降"), "\(path)")
        }
        // The month chart has no prior-year line (no zeros drawn for data never supplied).
        let docx = try ZipArchive(path: out.appendingPathComponent("示例市/工作总结.docx").path)
        let chart = String(decoding: try docx.read(try #require(docx.entry("word/charts/chart1.xml"))), as: UTF8.self)
        #expect(chart.contains("事故起数") && !chart.contains("上年同期起数") && !chart.contains("对比"))
    }

    /// An id-less correction beside its original replaces it entirely: a fire deleted in the
    /// correction no longer counts, a changed one counts as changed; check says 整份替换 with counts
    /// and rejects.csv lists every superseded row. The sample's own correction has ids: 按编号替换.
    @Test func corrections() throws {
        let work = try sampleInputsCopy("correct")
        defer { try? fm.removeItem(at: work) }
        #expect(try safetystats(["run", "--out", "before", "--quiet"], in: work).status == 0)
        let original = work.appendingPathComponent("Inputs/2025/南山区/南山区2025年火灾情况.csv")
        var lines = try text(original).components(separatedBy: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("序号,") })
        let deaths = try #require(lines[header].split(separator: ",").firstIndex(of: "死亡人数"))
        let rows = lines[(header + 1)...].filter { !$0.isEmpty }.count
        let deleted = lines[header + 1].split(separator: ",", omittingEmptySubsequences: false)
        var changed = lines[header + 2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let deathsBefore = Int(deleted[deaths])! + Int(changed[deaths])!
        changed[deaths] = "3"
        lines[header + 2] = changed.joined(separator: ",")
        lines.remove(at: header + 1)
        try Data(lines.joined(separator: "\n").utf8)
            .write(to: work.appendingPathComponent("Inputs/2025/南山区/南山区2025年火灾情况（更正）.csv"))
        #expect(try safetystats(["run", "--out", "after", "--quiet"], in: work).status == 0)

        let old = try metrics(try json(work.appendingPathComponent("before/2025/figures.json")), scope: "南山区")
        let new = try metrics(try json(work.appendingPathComponent("after/2025/figures.json")), scope: "南山区")
        let int = { (m: [String: Any]?) in (m?["value"] as? NSNumber)?.intValue }
        #expect(int(new["fires.count"]) == int(old["fires.count"])! - 1)
        #expect(int(new["fires.deaths"]) == int(old["fires.deaths"])! - deathsBefore + 3)
        let explain = try safetystats(["explain", "火灾起数", "--district", "南山区", "--out", "after"], in: work)
        #expect(!explain.stdout.contains("南山区2025年火灾情况.csv 第"), "no row of the original counts")
        #expect(explain.stdout.contains("南山区2025年火灾情况（更正）.csv 第") && explain.stdout.contains("一致"))

        let check = try safetystats(["check"], in: work)
        #expect(check.stdout.contains("  更正文件:更正 2025/南山区/南山区2025年火灾情况.csv(火灾整份替换)\n"))
        #expect(check.stdout.contains("  已被更正:2025/南山区/南山区2025年火灾情况（更正）.csv 整份替换了本文件的火灾记录(\(rows) 条不再计入,见 rejects.csv)\n"))
        #expect(check.stdout.contains("被更正文件替换 \(rows)"))
        #expect(check.stdout.contains("  更正文件:更正 2025/东城区/东城区2025年隐患排查治理台账.xlsx(隐患按编号替换)\n"))
        let rejects = try text(work.appendingPathComponent("after/2025/rejects.csv"))
        let superseded = rejects.split(separator: "\n").filter { $0.hasPrefix("2025/南山区/南山区2025年火灾情况.csv,") && $0.contains("整份替换") }
        #expect(superseded.count == rows)
    }

    /// `--from/--to`: a date range with its label, id and prior; the same figure as the months of
    /// the full-year run add up to; explain reads the same range and agrees with figures.json.
    @Test func dateRanges() throws {
        let work = try sampleInputsCopy("range")
        defer { try? fm.removeItem(at: work) }
        #expect(try safetystats(["run", "--out", "out", "--quiet"], in: work).status == 0)
        let run = try safetystats(["run", "--out", "out", "--from", "2025-07-01", "--to", "2025-11-30", "--quiet"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        let range = try json(work.appendingPathComponent("out/2025-07-01_2025-11-30/figures.json"))
        let period = try #require(range["period"] as? [String: Any])
        #expect(period["label"] as? String == "2025年7-11月" && period["prior_label"] as? String == "2024年7-11月")
        #expect(period["from"] as? String == "2025-07-01" && period["to"] as? String == "2025-11-30")
        // Months 7–11 of the year's 月份 breakdown.
        let year = try json(work.appendingPathComponent("out/2025/figures.json"))
        let region = try #require((year["scopes"] as? [[String: Any]])?.first)
        let months = try #require((region["breakdowns"] as? [String: Any])?["月份"] as? [[String: Any]])
        var fires = 0
        for row in months where ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11"].contains(row["key"] as? String) {
            fires += ((row["metrics"] as? [[String: Any]])?.first { $0["id"] as? String == "fires.count" }?["value"] as? NSNumber)?.intValue ?? 0
        }
        #expect((try metrics(range, scope: "示例市")["fires.count"]?["value"] as? NSNumber)?.intValue == fires)
        #expect(try text(work.appendingPathComponent("out/2025-07-01_2025-11-30/示例市/工作总结.md")).hasPrefix("# 示例市2025年7-11月安全生产工作总结"))
        let explain = try safetystats(["explain", "火灾起数", "--from", "2025-07-01", "--to", "2025-11-30", "--out", "out"], in: work)
        #expect(explain.status == 0 && explain.stdout.contains("合计 \(fires)起") && explain.stdout.contains("2025-07-01_2025-11-30/figures.json 一致"))

        // Not whole months: the label says the days.
        #expect(try safetystats(["run", "--out", "out", "--from", "2025-07-15", "--to", "2025-11-30", "--quiet"], in: work).status == 0)
        let days = try json(work.appendingPathComponent("out/2025-07-15_2025-11-30/figures.json"))
        #expect((days["period"] as? [String: Any])?["label"] as? String == "2025年7月15日至11月30日")
        #expect((try json(work.appendingPathComponent("out/2025-07-15_2025-11-30/manifest.json"))["options"] as? [String: Any])?["from"] as? String == "2025-07-15")

        // Usage errors exit 2, the same in run and explain.
        for arguments in [["--from", "2025-13-01"], ["--to", "2025-11-30"], ["--from", "2025-07-01", "--year", "2025"],
                          ["--from", "2025-08-01", "--to", "2025-07-01"], ["--year", "1900"], ["--through", "13"], ["--from", "7/1"]] {
            let r = try safetystats(["run", "--out", "out"] + arguments, in: work)
            #expect(r.status == 2, "run \(arguments): \(r.stderr)")
            let e = try safetystats(["explain", "事故起数"] + arguments, in: work)
            #expect(e.status == 2 && e.stderr == r.stderr.replacingOccurrences(of: "safetystats run <options>", with: "safetystats explain [<options>] <metric>")
                        .replacingOccurrences(of: "safetystats run --help", with: "safetystats explain --help"), "explain \(arguments): \(e.stderr)")
        }
    }

    /// explain --breakdown: any breakdown row, checked against figures.json's row.
    @Test func explainABreakdownRow() throws {
        let work = try sampleInputsCopy("breakdown")
        defer { try? fm.removeItem(at: work) }
        #expect(try safetystats(["run", "--out", "out", "--quiet"], in: work).status == 0)
        let figures = try json(work.appendingPathComponent("out/2025/figures.json"))
        let region = try #require((figures["scopes"] as? [[String: Any]])?.first)
        let rows = try #require((region["breakdowns"] as? [String: Any])?["来源"] as? [[String: Any]])
        let row = try #require(rows.first { $0["key"] as? String == "专项整治" })
        let found = try #require(((row["metrics"] as? [[String: Any]])?.first { $0["id"] as? String == "hazards.found" }?["value"] as? NSNumber)?.intValue)
        let e = try safetystats(["explain", "排查隐患数", "--breakdown", "来源=专项整治", "--out", "out"], in: work)
        #expect(e.status == 0)
        #expect(e.stdout.contains("合计 \(found)条,共 \(found) 条记录;与 ") && e.stdout.contains("一致。"), "\(e.stdout.suffix(300))")
        let unknown = try safetystats(["explain", "排查隐患数", "--breakdown", "来由=专项整治"], in: work)
        #expect(unknown.status == 1 && unknown.stderr.contains("没有「来由」这一分项") && unknown.stderr.contains("来源"))
        #expect(try safetystats(["explain", "排查隐患数", "--breakdown", "专项整治"], in: work).status == 2)
        #expect(try safetystats(["explain", "排查隐患数", "--breakdown", "来源=专项整治", "--industry", "燃气"], in: work).status == 2)
    }

    /// A metric declared in config.toml moves between two runs: diff lists it, old → new.
    @Test func diffListsADeclaredMetric() throws {
        let work = try sampleInputsCopy("declared")
        defer { try? fm.removeItem(at: work) }
        let config = work.appendingPathComponent("Inputs/config.toml")
        let base = try text(config)
        func declare(_ sources: String) throws {
            try Data((base + "\n[[metrics]]\nid = \"hazards.campaign.found\"\nname = \"专项整治排查隐患数\"\nkind = \"隐患\"\n"
                + "where = { \"来源\" = \(sources) }\nmeasure = \"count\"\nunit = \"条\"\n").utf8).write(to: config)
        }
        try declare("\"专项整治\"")
        #expect(try safetystats(["run", "--out", "a", "--quiet"], in: work).status == 0)
        try declare("[\"专项整治\", \"暗访暗查\"]")
        #expect(try safetystats(["run", "--out", "b", "--quiet"], in: work).status == 0)
        // The built-in 来源 breakdown counts the same hazards another way.
        let region = try #require((try json(work.appendingPathComponent("a/2025/figures.json"))["scopes"] as? [[String: Any]])?.first)
        let rows = try #require((region["breakdowns"] as? [String: Any])?["来源"] as? [[String: Any]])
        func found(_ key: String) -> Int {
            ((rows.first { $0["key"] as? String == key }?["metrics"] as? [[String: Any]])?.first { $0["id"] as? String == "hazards.found" }?["value"] as? NSNumber)?.intValue ?? -1
        }
        let diff = try safetystats(["diff", "a", "b"], in: work)
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("【示例市】\n  专项整治排查隐患数:\(found("专项整治"))条 → \(found("专项整治") + found("暗访暗查"))条\n"), "\(diff.stdout)")
    }

    /// figures.json with every new field — series, missing and incomplete, prior_missing, named
    /// periods — reads back for diff and explain, and diff compares what was counted.
    @Test func figuresFileReadsTheNewFields() throws {
        let work = try sampleInputsCopy("newfields")
        defer { try? fm.removeItem(at: work) }
        let config = work.appendingPathComponent("Inputs/config.toml")
        try Data((try text(config) + "\n[[periods]]\nname = \"下半年\"\nfrom = 2025-07-01\ncompare = true\n").utf8).write(to: config)
        var options = RunOptions(inputs: work.appendingPathComponent("Inputs").path, output: work.appendingPathComponent("full").path)
        options.formats = [.json]
        _ = try ReportRun.run(options)
        try fm.removeItem(at: work.appendingPathComponent("Inputs/" + Self.county))
        options.output = work.appendingPathComponent("missing").path
        options.allowMissing = true
        _ = try ReportRun.run(options)

        let text = try text(work.appendingPathComponent("missing/2025/figures.json"))
        for field in ["\"series\": [", "\"missing\": true", "\"incomplete\": [\"临川县\"]", "\"named_periods\": [", "\"missing\": [{"] {
            #expect(text.contains(field), "\(field)")
        }
        let file = try FiguresFile(path: work.appendingPathComponent("missing").path)
        #expect(file.scopes.map(\.name) == ["示例市", "东城区", "西湖区", "南山区", "北江区", "青峰县", "临川县"])
        let county = try #require(file.scopes.last?.metrics.first { $0.id == "accidents.count" })
        #expect(county["missing"] == "true" && county["value"] == nil)
        #expect(file.scopes[0].breakdowns.map(\.name).starts(with: ["行业领域", "月份", "来源"]))
        #expect(FiguresDiff.compare(file, file).isEmpty)
        let diff = try FiguresDiff.compare(old: work.appendingPathComponent("full").path, new: work.appendingPathComponent("missing").path)
        let before = try #require(try FiguresFile(path: work.appendingPathComponent("full").path).scopes.last?.metrics.first { $0.id == "accidents.count" }?["value"])
        #expect(!diff.isEmpty && diff.text.contains("【临川县】\n"))
        #expect(diff.text.contains("\n  事故起数:\(before)起 → —\n"), "\(diff.text)")
    }

    /// A sum that does not fit in exact arithmetic stops the run, naming the metric and the row
    /// where it overflowed: 9×10¹³ 元 is 9×10¹⁵ 分, and Int64 holds 1024 of them, not 1025.
    @Test func anOverflowStopsTheRun() throws {
        let work = temporaryFolder("overflow")
        defer { try? fm.removeItem(at: work) }
        let inputs = work.appendingPathComponent("Inputs")
        try fm.createDirectory(at: inputs, withIntermediateDirectories: true)
        var csv = "案件编号,立案日期,区县,单位名称,行业领域,处罚种类,罚款金额,事前处罚\n"
        for i in 0..<1100 { csv += "A\(i),2025-03-01,东城区,单位\(i),燃气,罚款,90000000000000,否\n" }
        try Data(csv.utf8).write(to: inputs.appendingPathComponent("东城区2025年行政处罚.csv"))
        let fits = Int(Int64.max / 9_000_000_000_000_000)
        let run = try safetystats(["run", "--out", "out"], in: work)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("无法精确计算，未生成报告（之前的输出保持不变）：「罚款金额」的合计超出可精确计算的范围，"
            + "累加到 东城区2025年行政处罚.csv 第\(fits + 2)行 时溢出"), "\(run.stderr)")
        #expect(!fm.fileExists(atPath: work.appendingPathComponent("out/2025").path))
    }

    /// Coverage against ingest's own count: each district's 事故, 执法检查 and 行政处罚 rows of a year
    /// are the rows its workbook of that year accepted (the sheet reports), and the table has only
    /// the kind × year pairs some part sent.
    @Test func coverageCountsWhatEachPartSent() throws {
        let result = try Ingest.run(inputs: repositoryRoot.appendingPathComponent("Inputs").path)
        let coverage = Coverage(result.dataset, undatedYear: 2025)
        #expect(coverage.parts == ["东城区", "西湖区", "南山区", "北江区", "青峰县", "临川县"])
        #expect(!coverage.columns.contains { $0.kind == "目标" } && !coverage.columns.contains { $0.year == 2026 })
        for file in result.files {
            let pieces = file.path.split(separator: "/").map(String.init)
            guard pieces.count == 3, let year = Int(pieces[0]) else { continue }
            for sheet in file.sheets {
                guard let kind = sheet.kind, ["事故", "执法检查", "行政处罚"].contains(kind) else { continue }
                #expect(coverage.supplied(part: pieces[1], kind: kind, year: year) == .records(sheet.accepted), "\(file.path) \(kind)")
            }
        }
        #expect(coverage.supplied(part: "东城区", kind: "事故", year: 2023) == .nothing)
    }

    /// Counted in pieces (on every core, for a large register), the table is the one a single pass
    /// gives: each piece's counts added up by year.
    @Test func coverageInPiecesIsTheSameTable() throws {
        let result = try Ingest.run(inputs: repositoryRoot.appendingPathComponent("Inputs").path)
        let whole = Coverage(result.dataset, undatedYear: 2025, pieces: 1)
        #expect(whole.cells.joined().contains { if case .records = $0 { true } else { false } })
        for pieces in [2, 3, 7, 1000] {
            let split = Coverage(result.dataset, undatedYear: 2025, pieces: pieces)
            #expect(split.parts == whole.parts)
            #expect(split.columns.map { "\($0.kind) \(String(describing: $0.year))" } == whole.columns.map { "\($0.kind) \(String(describing: $0.year))" })
            #expect(split.cells == whole.cells, "\(pieces) pieces")
        }
    }

    // MARK: - Reading check's coverage table

    /// The (kind, year) of each column of check's table: kinds stand over their years.
    func coverageColumns(_ stdout: String) -> [(String, String)]? {
        let lines = stdout.components(separatedBy: "\n")
        guard let title = lines.firstIndex(where: { $0.hasPrefix("报送情况") }), title + 2 < lines.count else { return nil }
        let kinds = lines[title + 1], years = lines[title + 2]
        // Each year token ends at a column; its kind is the last kind name starting at or before it.
        var kindStarts: [(Int, String)] = []
        var column = 0
        var token = ""
        var tokenStart = 0
        for character in kinds + " " {
            if character == " " {
                if !token.isEmpty { kindStarts.append((tokenStart, token)); token = "" }
            } else {
                if token.isEmpty { tokenStart = column }
                token.append(character)
            }
            column += character.isASCII ? 1 : 2
        }
        let yearTokens = years.split(separator: " ").dropFirst().map(String.init)
        var out: [(String, String)] = []
        var position = 0
        var searchFrom = years.startIndex
        for year in yearTokens {
            guard let found = years.range(of: year, range: searchFrom..<years.endIndex) else { return nil }
            position = years[..<found.upperBound].reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
            searchFrom = found.upperBound
            guard let kind = kindStarts.last(where: { $0.0 < position })?.1 else { return nil }
            out.append((kind, year))
        }
        return out
    }

    /// The cells of a part's row of check's table.
    func coverageRow(_ stdout: String, part: String) -> [String]? {
        let lines = stdout.components(separatedBy: "\n")
        guard let title = lines.firstIndex(where: { $0.hasPrefix("报送情况") }) else { return nil }
        for line in lines[title...] {
            let tokens = line.split(separator: " ").map(String.init)
            if tokens.first == part { return Array(tokens.dropFirst()) }
        }
        return nil
    }
}
