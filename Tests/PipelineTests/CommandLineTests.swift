import Foundation
import Testing
import Render
import Zip

/// The command line as a report writer meets it (issue 12): the real executable, run from a folder
/// of its own on a copy of the sample inputs, with the inputs broken the ways a bureau's are.
@Suite(.serialized) struct CommandLineTests {
    let fm = FileManager.default

    /// Every text a run wrote that a person reads: Markdown and HTML as text, DOCX and XLSX by
    /// their XML parts (document, shared strings, sheets).
    func documentTexts(_ folder: URL) throws -> [String: String] {
        var texts: [String: String] = [:]
        for (path, data) in try snapshot(folder) {
            if path.hasSuffix(".md") || path.hasSuffix(".html") {
                texts[path] = String(decoding: data, as: UTF8.self)
            } else if path.hasSuffix(".docx") || path.hasSuffix(".xlsx") {
                let archive = try ZipArchive(bytes: [UInt8](data))
                texts[path] = try archive.entries.filter { $0.path.hasSuffix(".xml") }
                    .map { String(decoding: try archive.read($0), as: UTF8.self) }.joined(separator: "\n")
            }
        }
        return texts
    }

    @Test func versionIsPrinted() throws {
        let folder = temporaryFolder("version")
        defer { try? fm.removeItem(at: folder) }
        let run = try safetystats(["--version"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout == "safetystats 0.1.0\n")
    }

    /// A first run anywhere: no Templates/ in the working folder, so the built-in templates are
    /// used, and they give the same outputs as the repository's Templates/.
    @Test func aRunFromAnotherFolderUsesTheBuiltInTemplates() throws {
        let work = try sampleInputsCopy("elsewhere")
        defer { try? fm.removeItem(at: work) }
        let here = try safetystats(["run", "--inputs", "Inputs", "--out", "out", "--quiet"], in: work)
        #expect(here.status == 0, "\(here.stderr)")
        let repository = try safetystats(["run", "--inputs", "Inputs", "--out", "repo",
                                          "--templates", repositoryRoot.appendingPathComponent("Templates").path, "--quiet"], in: work)
        #expect(repository.status == 0)
        let a = try snapshot(work.appendingPathComponent("out/2025")), b = try snapshot(work.appendingPathComponent("repo/2025"))
        #expect(a.count == 27 && a == b)

        // ./Templates overrides the built-in set as a whole.
        let own = work.appendingPathComponent("Templates")
        try fm.createDirectory(at: own, withIntermediateDirectories: true)
        try Data("# {{ 地区 }}通报\n\n全市事故{{ 事故.起数 }}起。\n".utf8).write(to: own.appendingPathComponent("通报.md"))
        #expect(try safetystats(["run", "--out", "own", "--quiet"], in: work).status == 0)
        let files = Set(try snapshot(work.appendingPathComponent("own/2025")).keys)
        #expect(files == ["通报.md", "figures.json", "figures.csv", "rejects.csv", "manifest.json"])
    }

    @Test func pathErrorsNameTheAbsolutePathAndTheOption() throws {
        let work = try sampleInputsCopy("paths")
        defer { try? fm.removeItem(at: work) }
        let root = work.resolvingSymlinksInPath().path
        let noInputs = try safetystats(["run", "--inputs", "missing"], in: work)
        #expect(noInputs.status == 1)
        #expect(noInputs.stderr.contains("\(root)/missing") && noInputs.stderr.contains("--inputs"))
        let noTemplates = try safetystats(["run", "--templates", "nope"], in: work)
        #expect(noTemplates.status == 1)
        #expect(noTemplates.stderr.contains("\(root)/nope") && noTemplates.stderr.contains("--templates"))
        let check = try safetystats(["check"], in: work.appendingPathComponent("Inputs"))
        #expect(check.status == 1 && check.stderr.contains("\(root)/Inputs/Inputs") && check.stderr.contains("--inputs"))
    }

    /// A truncated download, garbage saved as .xlsx and a broken .xls: the run stops naming every
    /// one and why, the previous outputs stay; check also exits 1.
    @Test func unreadableInputsStopTheRunAndKeepThePreviousOutputs() throws {
        let work = try sampleInputsCopy("unreadable")
        defer { try? fm.removeItem(at: work) }
        #expect(try safetystats(["run", "--out", "out", "--quiet"], in: work).status == 0)
        let before = try snapshot(work.appendingPathComponent("out/2025"))
        try breakThreeFiles(work.appendingPathComponent("Inputs"))

        let run = try safetystats(["run", "--out", "out"], in: work)
        #expect(run.status == 1)
        #expect(run.stderr.contains("3 个输入文件无法读取，未生成报告"))
        for name in ["2025/东城区/东城区2025年安全生产统计.xlsx：", "2025/南山区/南山区补报.xlsx：", "2025/西湖区/西湖区2024年事故.xls："] {
            #expect(run.stderr.contains(name), "\(name) in \(run.stderr)")
        }
        #expect(run.stderr.contains("--skip-unreadable"))
        #expect(try snapshot(work.appendingPathComponent("out/2025")) == before, "the previous outputs are kept")
        let quiet = try safetystats(["run", "--out", "out", "--quiet"], in: work)
        #expect(quiet.status == 1 && quiet.stderr == run.stderr, "--quiet never hides it")
        let check = try safetystats(["check"], in: work)
        #expect(check.status == 1 && check.stdout.contains("无法读取的文件 3"))
    }

    /// `--skip-unreadable` writes the outputs, and every document — the shipped templates' md,
    /// html, docx and xlsx, and a writer's own Word template — names the files not counted. The
    /// data those files held is then missing, which stops the run on its own unless `--allow-missing`.
    @Test func skipUnreadableNamesTheFilesInEveryDocument() throws {
        let work = try sampleInputsCopy("skip")
        defer { try? fm.removeItem(at: work) }
        try breakThreeFiles(work.appendingPathComponent("Inputs"))
        let templates = work.appendingPathComponent("Templates")
        try fm.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: templates)
        try Data(WordTemplateRunTests.regionTemplate).write(to: templates.appendingPathComponent("情况通报.docx"))
        // A writer's own Markdown template that does not place the note gets it under its title.
        try Data("{# 输出: md, html #}\n# {{ 地区 }}简报\n\n全市事故{{ 事故.起数 }}起。\n".utf8).write(to: templates.appendingPathComponent("简报.md"))

        let stopped = try safetystats(["run", "--out", "out", "--skip-unreadable", "--quiet"], in: work)
        #expect(stopped.status == 1)
        #expect(stopped.stderr.contains("东城区未报送2025年事故数据") && stopped.stderr.contains("--allow-missing"))
        #expect(stopped.stderr.contains("跳过（--skip-unreadable）的文件中的数据：2025/东城区/东城区2025年安全生产统计.xlsx"))
        let run = try safetystats(["run", "--out", "out", "--skip-unreadable", "--allow-missing", "--quiet"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("注意:3 个输入文件无法读取,未计入任何数字"), "--quiet does not hide the note")
        let texts = try documentTexts(work.appendingPathComponent("out/2025"))
        #expect(texts.count == 7 * 3 + 5)       // 工作总结 md/html/docx × 7 scopes, 新闻发布会数据.md, 统计表.xlsx, 情况通报.docx, 简报.md/.html
        for (path, text) in texts {
            for file in ["2025/东城区/东城区2025年安全生产统计.xlsx", "2025/南山区/南山区补报.xlsx", "2025/西湖区/西湖区2024年事故.xls"] {
                #expect(text.contains(file), "\(path) names \(file)")
            }
        }
        #expect(texts["简报.md"]?.hasPrefix("# 示例市简报\n\n> 注意：以下3个输入文件无法读取") == true, "\(texts["简报.md"] ?? "")")
        let word = try wordTexts(work.appendingPathComponent("out/2025/情况通报.docx"))
        #expect(word.first?.hasPrefix("注意：以下3个输入文件无法读取") == true, "the note is the Word template's first paragraph")
        let workbook = try ZipArchive(path: work.appendingPathComponent("out/2025/统计表.xlsx").path)
        let sheets = String(decoding: try workbook.read(try #require(workbook.entry("xl/workbook.xml"))), as: UTF8.self)
        #expect(sheets.contains("name=\"未计入文件\" sheetId=\"1\""), "its own sheet, the first")
        let manifest = String(decoding: try Data(contentsOf: work.appendingPathComponent("out/2025/manifest.json")), as: UTF8.self)
        #expect(manifest.contains("\"skip_unreadable\": true"))
        #expect(manifest.contains("\"uncounted\": [\"2025/东城区/东城区2025年安全生产统计.xlsx\", \"2025/南山区/南山区补报.xlsx\", \"2025/西湖区/西湖区2024年事故.xls\"]"))

        // Without unreadable files the note is nowhere.
        let clean = try sampleInputsCopy("clean")
        defer { try? fm.removeItem(at: clean) }
        #expect(try safetystats(["run", "--out", "out", "--skip-unreadable", "--quiet",
                                 "--templates", templates.path], in: clean).status == 0)
        for (path, text) in try documentTexts(clean.appendingPathComponent("out/2025")) {
            #expect(!text.contains("无法读取"), "\(path)")
        }
    }

    /// Half a workbook (a download cut off), text saved as .xlsx, and an .xls that is not one.
    func breakThreeFiles(_ inputs: URL) throws {
        let workbook = inputs.appendingPathComponent("2025/东城区/东城区2025年安全生产统计.xlsx")
        let bytes = try Data(contentsOf: workbook)
        try bytes.prefix(bytes.count / 2).write(to: workbook)
        try Data("区县,发生时间\n南山区,2025-01-01\n".utf8).write(to: inputs.appendingPathComponent("2025/南山区/南山区补报.xlsx"))
        var xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])       // a CFB signature, then nothing valid
        xls.append(Data(repeating: 0xFF, count: 600))
        try xls.write(to: inputs.appendingPathComponent("2025/西湖区/西湖区2024年事故.xls"))
    }

    /// A misspelt section stops the run, naming the line and the section meant; outputs are kept.
    @Test func aConfigTypoStopsTheRun() throws {
        let work = try sampleInputsCopy("config")
        defer { try? fm.removeItem(at: work) }
        #expect(try safetystats(["run", "--out", "out", "--quiet"], in: work).status == 0)
        let before = try snapshot(work.appendingPathComponent("out/2025"))
        let config = work.appendingPathComponent("Inputs/config.toml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "[region]", with: "[regoin]").utf8).write(to: config)
        let run = try safetystats(["run", "--out", "out"], in: work)
        #expect(run.status == 1)
        #expect(run.stderr == "config.toml 第2行：未知的配置节 [regoin]，是否应为 [region]？\n")
        #expect(try snapshot(work.appendingPathComponent("out/2025")) == before)
        try Data(text.replacingOccurrences(of: "name = \"示例市\"", with: "name = \"示例市").utf8).write(to: config)
        let check = try safetystats(["check"], in: work)
        #expect(check.status == 1 && check.stderr == "config.toml 第3行：字符串缺少结束引号\n")
    }

    /// 0 when no figure changed, 1 when some did (the changes listed), 2 when a side cannot be read.
    @Test func diffExitsLikeDiff() throws {
        let work = try sampleInputsCopy("diff")
        defer { try? fm.removeItem(at: work) }
        #expect(try safetystats(["run", "--out", "a", "--quiet"], in: work).status == 0)
        #expect(try safetystats(["run", "--out", "b", "--quiet"], in: work).status == 0)
        let same = try safetystats(["diff", "a", "b"], in: work)
        #expect(same.status == 0 && same.stdout.hasSuffix("两次输出的全部指标相同。\n"))
        try fm.removeItem(at: work.appendingPathComponent("Inputs/2025/西湖区/西湖区2025年火灾情况.csv"))
        #expect(try safetystats(["run", "--out", "b", "--quiet"], in: work).status == 0)
        let changed = try safetystats(["diff", "a", "b"], in: work)
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("【西湖区】") && changed.stdout.contains("火灾起数"))
        let missing = try safetystats(["diff", "a", "nowhere"], in: work)
        #expect(missing.status == 2 && missing.stderr.contains("nowhere"))
    }

    /// explain says 「与 …figures.json 一致」 only after reading that file, and says when it differs.
    @Test func explainChecksTheFiguresOfTheOutputFolder() throws {
        let work = try sampleInputsCopy("explain")
        defer { try? fm.removeItem(at: work) }
        let root = work.resolvingSymlinksInPath().path
        let unchecked = try safetystats(["explain", "事故起数"], in: work)
        #expect(unchecked.status == 0)
        #expect(unchecked.stdout.contains("合计 42起,共 42 条记录。\n"))
        #expect(unchecked.stdout.contains("未与 figures.json 核对") && !unchecked.stdout.contains("一致"))

        #expect(try safetystats(["run", "--out", "out", "--quiet"], in: work).status == 0)
        let checked = try safetystats(["explain", "事故起数", "--out", "out"], in: work)
        #expect(checked.stdout.contains("合计 42起,共 42 条记录;与 \(root)/out/2025/figures.json 一致。"))
        let rate = try safetystats(["explain", "隐患整改率", "--district", "东城区", "--prior", "--out", "out"], in: work)
        #expect(rate.stdout.contains("一致。") && !rate.stdout.contains("不一致"))

        let figures = work.appendingPathComponent("out/2025/figures.json")
        let text = try String(contentsOf: figures, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"id\": \"accidents.count\", \"name\": \"事故起数\", \"unit\": \"起\", \"value\": 42",
                                           with: "\"id\": \"accidents.count\", \"name\": \"事故起数\", \"unit\": \"起\", \"value\": 41").utf8)
            .write(to: figures)
        let differs = try safetystats(["explain", "事故起数", "--out", "out"], in: work)
        #expect(differs.stdout.contains("与 \(root)/out/2025/figures.json 不一致(其中为 41起)"))
        #expect(try safetystats(["explain", "事故起数", "--out", "nowhere"], in: work).status == 1)
    }

    /// A named period ([[periods]] 下半年 of the catalog fixture) is explained by name and checked
    /// against the named period's figures in figures.json; diff lists its scopes after a change.
    @Test func namedPeriodsReachExplainAndDiff() throws {
        let work = temporaryFolder("named-period")
        defer { try? fm.removeItem(at: work) }
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        try fm.copyItem(at: repositoryRoot.appendingPathComponent("Tests/PipelineTests/Fixtures/catalog/Inputs"),
                        to: work.appendingPathComponent("Inputs"))
        let root = work.resolvingSymlinksInPath().path
        #expect(try safetystats(["run", "--out", "old", "--quiet"], in: work).status == 0)
        // 东城 30 + 120, 西城 22 + 60 from July; 2024: 东城 100 (CatalogRunTests counts them by hand).
        let half = try safetystats(["explain", "安全培训人数", "--period", "下半年", "--out", "old"], in: work)
        #expect(half.status == 0 && half.stdout.hasPrefix("安全培训人数(training.people) · 示例市 · 2025年7-12月\n"))
        #expect(half.stdout.contains("合计 232人次,共 4 条记录;与 \(root)/old/2025/figures.json 一致。"), "\(half.stdout)")
        let prior = try safetystats(["explain", "安全培训人数", "--period", "下半年", "--prior", "--out", "old"], in: work)
        #expect(prior.stdout.contains("合计 100人次,共 1 条记录;与 \(root)/old/2025/figures.json 一致。"), "\(prior.stdout)")
        let unknown = try safetystats(["explain", "安全培训人数", "--period", "上半年"], in: work)
        #expect(unknown.status == 1 && unknown.stderr.contains("没有名为「上半年」的期间,已声明的期间:「下半年」"))

        // 西城区's December training: 60 → 61 people.
        let csv = work.appendingPathComponent("Inputs/2025/西城区/西城区2025年安全培训.csv")
        // The file is GB18030; ",60" is ASCII in it and occurs once.
        var bytes = [UInt8](try Data(contentsOf: csv))
        let needle = Array(",60".utf8)
        let at = try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle })
        bytes[at + 2] = UInt8(ascii: "1")
        try Data(bytes).write(to: csv)
        #expect(try safetystats(["run", "--out", "new", "--quiet"], in: work).status == 0)
        let diff = try safetystats(["diff", "old", "new"], in: work)
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("【下半年·示例市】\n  安全培训人数:232人次 → 233人次\n"), "\(diff.stdout)")
        #expect(diff.stdout.contains("【下半年·西城区】\n  安全培训人数:82人次 → 83人次\n"))
        #expect(!diff.stdout.contains("下半年·东城区"))
    }

    /// The shipped work summary says 「自开展以来…」 when a bureau declares CATALOG.md's 专项整治
    /// metrics and period, with the figures of figures.json; without them the sentence is absent
    /// (the golden outputs) and the template still passes its check.
    @Test func theCampaignSentenceFollowsItsDeclarations() throws {
        let work = try sampleInputsCopy("campaign")
        defer { try? fm.removeItem(at: work) }
        let config = work.appendingPathComponent("Inputs/config.toml")
        let declarations = """

            [[metrics]]
            id = "hazards.campaign.found"
            name = "专项整治排查隐患数"
            kind = "隐患"
            where = { "来源" = ["专项整治", "专项检查"] }
            unit = "条"

            [[metrics]]
            id = "hazards.campaign.rectified"
            name = "专项整治已整改隐患数"
            kind = "隐患"
            where = { "来源" = ["专项整治", "专项检查"], "已整改" = "是" }
            unit = "条"

            [[periods]]
            name = "专项整治以来"
            from = 2025-07-01

            """
        try Data((try String(contentsOf: config, encoding: .utf8) + declarations).utf8).write(to: config)
        #expect(try safetystats(["run", "--out", "out", "--quiet", "--format", "md,json"], in: work).status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: work.appendingPathComponent("out/2025/figures.json"))) as? [String: Any]
        func value(_ scopes: Any?, _ id: String) -> Int? {
            let region = (scopes as? [[String: Any]])?.first
            let metric = (region?["metrics"] as? [[String: Any]])?.first { $0["id"] as? String == id }
            return (metric?["value"] as? NSNumber)?.intValue
        }
        let named = (json?["named_periods"] as? [[String: Any]])?.first
        let since = try #require(value(named?["scopes"], "hazards.campaign.found"))
        let rectified = try #require(value(named?["scopes"], "hazards.campaign.rectified"))
        let year = try #require(value(json?["scopes"], "hazards.campaign.found"))
        #expect(since > 0 && since < year)
        let summary = try String(contentsOf: work.appendingPathComponent("out/2025/示例市/工作总结.md"), encoding: .utf8)
        #expect(summary.contains("自开展以来，全市累计排查专项整治隐患\(since)条，已整改\(rectified)条；2025年排查\(year)条，同比"), "\(summary)")
    }

    /// Progress shows on a terminal (files and rows read so far), never in a file, and not with --quiet.
    @Test func progressShowsOnATerminalOnly() throws {
        let work = try sampleInputsCopy("progress")
        defer { try? fm.removeItem(at: work) }
        let terminal = try safetystats(["run", "--out", "out"], in: work, terminal: true)
        #expect(terminal.status == 0)
        #expect(terminal.stderr.contains("读取输入：39/39 个文件，8261 行"), "\(terminal.stderr)")
        let quiet = try safetystats(["run", "--out", "out", "--quiet"], in: work, terminal: true)
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
        let file = try safetystats(["run", "--out", "out"], in: work)
        #expect(file.status == 0 && file.stderr.isEmpty)
        let check = try safetystats(["check"], in: work, terminal: true)
        #expect(check.stderr.contains("读取输入：39/39 个文件"))
        let generate = try safetystats(["generate", "--out", "gen"], in: work, terminal: true)
        #expect(generate.status == 0 && generate.stderr.contains("写入 "))
    }
}
