import Foundation
import Testing
import Render
import Zip

/// Issue 16 in the run and the command line: names from data that look like paths, markup or
/// terminal commands, and output places that belong to the user. Each with a generated input and
/// the real executable.
@Suite(.serialized) struct HostileDataTests {
    let fm = FileManager.default

    /// An inputs folder with one 事故 CSV naming these districts (2025 and 2024 rows each).
    func inputs(districts: [String], unit: String = "单位", config: String? = nil, file: String = "事故.csv") throws -> URL {
        let work = temporaryFolder("hostile")
        let folder = work.appendingPathComponent("Inputs")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        if let config { try Data(config.utf8).write(to: folder.appendingPathComponent("config.toml")) }
        var csv = "发生时间,区县,行业领域,死亡人数,单位名称\n"
        for (i, name) in districts.enumerated() {
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            csv += "2025-03-\(10 + i % 18),\(quoted),商贸,1,\(unit)\(i)\n2024-03-\(10 + i % 18),\(quoted),商贸,0,\(unit)\(i)\n"
        }
        try Data(csv.utf8).write(to: folder.appendingPathComponent(file))
        return work
    }

    /// Every regular file under `root`, relative.
    func files(_ root: URL) -> [String] {
        (fm.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).filter { path in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    @Test func namesFromDataStayInsideThePeriodFolder() throws {
        let long = "东城区" + String(repeating: "长", count: 300)
        // (Without ASCII letters where the test compares names: ingest upper-cases them, issue 16 §Names.)
        let names = ["../../逃逸", "/tmp/绝对路径", "甲/乙", "甲_乙", "figures.json", ".隐藏", "..", long, "CON", "正常区"]
        let work = try inputs(districts: names)
        defer { try? fm.removeItem(at: work) }
        let run = try safetystats(["run", "--out", "out/deep", "--quiet"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        // Nothing outside out/deep/<period>/, and nothing at the places the names point to.
        #expect(Set(try fm.contentsOfDirectory(atPath: work.path)) == ["Inputs", "out"])
        #expect(try fm.contentsOfDirectory(atPath: work.appendingPathComponent("out").path) == ["deep"])
        #expect(try fm.contentsOfDirectory(atPath: work.appendingPathComponent("out/deep").path) == ["2025-01-03"])
        #expect(!fm.fileExists(atPath: "/tmp/绝对路径") && !fm.fileExists(atPath: "/TMP/绝对路径"))
        let period = work.appendingPathComponent("out/deep/2025-01-03")
        let written = files(period)
        let folders = Set(written.compactMap { $0.contains("/") ? String($0.split(separator: "/")[0]) : nil })
        #expect(folders.count == names.count + 1, "one folder per scope, the region included: \(folders.sorted())")
        for folder in folders {
            #expect(!folder.hasPrefix(".") && !folder.contains("\\") && folder.utf8.count <= 255, "\(folder)")
        }
        #expect(folders.contains("正常区"), "an ordinary name is its own folder")
        // The documents keep each name as written.
        let figures = String(decoding: try Data(contentsOf: period.appendingPathComponent("figures.json")), as: UTF8.self)
        for name in ["../../逃逸", "甲/乙", "甲_乙", long] {
            #expect(figures.contains("\"scope\": \"\(name)\""), "\(name)")
        }
        let escaped = try #require(folders.first { $0.hasPrefix("_.._.._逃逸") })
        let title = try String(contentsOf: period.appendingPathComponent(escaped).appendingPathComponent("工作总结.md"), encoding: .utf8)
        #expect(title.hasPrefix("# ../../逃逸2025年1-3月安全生产工作总结\n"))
    }

    @Test func outputNamesAreSafeAndDistinct() throws {
        #expect(OutputName.folder("东城区") == "东城区")
        #expect(OutputName.folder("../x").hasPrefix("_.._x~"))
        #expect(OutputName.folder("/etc/passwd").hasPrefix("_etc_passwd~"))
        #expect(OutputName.folder("..").hasPrefix("_..~") || OutputName.folder("..").hasPrefix("_~"))
        #expect(OutputName.folder("a\u{1B}[2Jb\u{202E}").hasPrefix("a_[2Jb_~"))
        #expect(OutputName.folder(String(repeating: "区", count: 200)).utf8.count <= OutputName.maxBytes)
        #expect(OutputName.folder("x") == OutputName.folder("x"), "stable")
        let folders = try OutputName.folders(["a/b", "a_b", "A_B", "figures.json"], besides: ["figures.json"])
        #expect(Set(folders.values).count == 4)
        #expect(Set(folders.values.map { $0.lowercased() }).count == 4, "distinct where case is ignored too")
        #expect(folders["a_b"] == "a_b")
    }

    @Test func theOutputFolderNeverWritesOutsideItsStaging() throws {
        let root = temporaryFolder("staging")
        defer { try? fm.removeItem(at: root) }
        let folder = try OutputFolder(parent: root.path, name: "2025")
        for path in ["../x.md", "/tmp/x.md", "a/../../x.md", "a//b.md", "./x.md"] {
            #expect(throws: OutputFolderError.self, "\(path)") { try folder.write([1], to: path) }
        }
        try folder.write([1], to: "东城区/工作总结.md")
        try folder.commit()
        #expect(files(root) == ["2025/东城区/工作总结.md"])
    }

    /// OUT/<period> as the user's own file or folder is refused, and left as it was.
    @Test func aUsersFileAtThePeriodFolderIsNotReplaced() throws {
        let work = try sampleInputsCopy("users-file")
        defer { try? fm.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("我的表格".utf8).write(to: out.appendingPathComponent("2025"))
        let run = try safetystats(["run", "--out", "out"], in: work)
        #expect(run.status == 1)
        #expect(run.stderr.contains("/out/2025 已存在，但不是文件夹") && run.stderr.contains("--out"))
        #expect(try Data(contentsOf: out.appendingPathComponent("2025")) == Data("我的表格".utf8))

        try fm.removeItem(at: out.appendingPathComponent("2025"))
        try fm.createDirectory(at: out.appendingPathComponent("2025"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: out.appendingPathComponent("2025/我的笔记.txt"))
        let folder = try safetystats(["run", "--out", "out"], in: work)
        #expect(folder.status == 1 && folder.stderr.contains("不是 safetystats 的输出"))
        #expect(try fm.contentsOfDirectory(atPath: out.appendingPathComponent("2025").path) == ["我的笔记.txt"])

        // A folder of our outputs is replaced as always.
        try fm.removeItem(at: out.appendingPathComponent("2025"))
        #expect(try safetystats(["run", "--out", "out", "--quiet"], in: work).status == 0)
        #expect(try safetystats(["run", "--out", "out", "--quiet"], in: work).status == 0)
    }

    /// `<SCRIPT>` in a district name is text in every format: escaped in Markdown, HTML and XML.
    @Test func markupInDataIsTextInEveryDocument() throws {
        let work = try inputs(districts: ["<SCRIPT>alert(1)</SCRIPT>区", "表|格区", "正常区"])
        defer { try? fm.removeItem(at: work) }
        #expect(try safetystats(["run", "--out", "out", "--quiet"], in: work).status == 0)
        let region = work.appendingPathComponent("out/2025-01-03/本市")
        let markdown = try String(contentsOf: region.appendingPathComponent("工作总结.md"), encoding: .utf8)
        #expect(!markdown.contains("<SCRIPT>") && !markdown.contains("</SCRIPT>"))
        #expect(markdown.contains("| \\<SCRIPT\\>alert(1)\\</SCRIPT\\>区 |"))
        #expect(markdown.contains("| 表\\|格区 |"), "a | in a name stays in its cell")
        let html = try String(contentsOf: region.appendingPathComponent("工作总结.html"), encoding: .utf8)
        #expect(html.contains("<td>&lt;SCRIPT&gt;alert(1)&lt;/SCRIPT&gt;区</td>") && !html.contains("<SCRIPT>"))
        #expect(html.contains("<td>表|格区</td>"))
        let word = try wordTexts(region.appendingPathComponent("工作总结.docx"))
        #expect(word.contains { $0.hasPrefix("<SCRIPT>alert(1)</SCRIPT>区|") }, "\(word)")
        #expect(word.contains { $0.hasPrefix("表|格区|") })
    }

    /// ESC, BEL, BS, CR and U+202E from cells reach the terminal escaped, in check, explain, diff
    /// and errors alike.
    @Test func controlCharactersFromDataAreEscapedOnTheTerminal() throws {
        let name = "东\u{1B}]0;owned\u{7}城\u{8}\u{8}区\u{202E}\r"
        // The config lists only 正常区, so check warns about the other name; the file's name holds controls too.
        let work = try inputs(districts: [name, "正常区"], config: "[districts]\n\"正常区\" = []\n",
                              file: "事故\u{1B}[1A\u{1B}[2K.csv")
        defer { try? fm.removeItem(at: work) }
        func raw(_ text: String) -> Bool {
            text.unicodeScalars.contains { [0x1B, 0x07, 0x08, 0x0D, 0x202E].contains($0.value) }
        }
        let check = try safetystats(["check", "--verbose"], in: work)
        #expect(check.status == 0)
        #expect(!raw(check.stdout) && !raw(check.stderr))
        #expect(check.stdout.contains("\\u{1B}") && check.stdout.contains("\\u{7}城\\u{8}\\u{8}区\\u{202E}"), "\(check.stdout)")
        #expect(check.stdout.contains("事故\\u{1B}[1A\\u{1B}[2K.csv"))

        #expect(try safetystats(["run", "--out", "a", "--quiet"], in: work).status == 0)
        let explain = try safetystats(["explain", "事故起数", "--out", "a"], in: work)
        #expect(explain.status == 0 && explain.stdout.contains("\\u{202E}") && !raw(explain.stdout))

        let csv = work.appendingPathComponent("Inputs/事故\u{1B}[1A\u{1B}[2K.csv")
        try Data((try String(contentsOf: csv, encoding: .utf8) + "2025-03-20,正常区,商贸,2,单位9\n").utf8).write(to: csv)
        #expect(try safetystats(["run", "--out", "b", "--quiet"], in: work).status == 0)
        let diff = try safetystats(["diff", "a", "b"], in: work)
        #expect(diff.status == 1 && !raw(diff.stdout))

        let explainError = try safetystats(["explain", "事故起数", "--district", "西\u{1B}[2J区"], in: work)
        #expect(explainError.status == 1 && explainError.stderr.contains("\\u{1B}[2J") && !raw(explainError.stderr))
    }

    /// A templates folder holding one Markdown template with this body.
    func templates(_ name: String, _ body: String) throws -> URL {
        let folder = temporaryFolder("limits")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(("{# 范围: 全域; 输出: md #}\n# {{ 地区 }}\n" + body).utf8).write(to: folder.appendingPathComponent(name))
        return folder
    }

    /// Nesting, loops and size are bounded before the template engine sees the template: 5 000
    /// nested for (a stack overflow in the engine), 100 000 nested if (never finished), 50 MB.
    @Test func templateLimitsStopTheRunBeforeRendering() throws {
        let work = try sampleInputsCopy("template-limits")
        defer { try? fm.removeItem(at: work) }
        func run(_ name: String, _ body: String, _ extra: [String] = []) throws -> Invocation {
            let folder = try templates(name, body)
            defer { try? fm.removeItem(at: folder) }
            return try safetystats(["run", "--out", "out", "--templates", folder.path, "--quiet"] + extra, in: work)
        }
        let deepFor = try run("深.md", String(repeating: "{% for 项 in 目标 %}", count: 5000) + "x" + String(repeating: "{% endfor %}", count: 5000))
        #expect(deepFor.status == 1)
        #expect(deepFor.stderr.hasPrefix("模板 深.md 第3行第") && deepFor.stderr.contains("嵌套超过 20 层（用 --template-max-depth 调高"))

        let deepIf = try run("深.md", String(repeating: "{% if 是否全年 %}", count: 100_000) + "x" + String(repeating: "{% endif %}", count: 100_000))
        #expect(deepIf.status == 1 && deepIf.stderr.contains("超过模板大小上限 1 MB") && deepIf.stderr.contains("--template-max-mb"))
        let deepIfSmall = try run("深.md", String(repeating: "{% if 是否全年 %}", count: 10_000) + "x" + String(repeating: "{% endif %}", count: 10_000))
        #expect(deepIfSmall.status == 1 && deepIfSmall.stderr.contains("嵌套超过 20 层"))

        let loops = try run("循环.md", String(repeating: "{% for 区 in 下辖 %}", count: 10) + "x" + String(repeating: "{% endfor %}", count: 10))
        #expect(loops.status == 1 && loops.stderr.contains("重复约 1679616 次，超过上限 1000000 次"), "6⁸ at the eighth loop")

        let big = try run("大.md", String(repeating: "全市共发生事故{{ 事故.起数 }}起。\n", count: 1_200_000))
        #expect(big.status == 1 && big.stderr.contains("模板有 ") && big.stderr.contains("MB，超过模板大小上限 1 MB"))
        #expect(!fm.fileExists(atPath: work.appendingPathComponent("out").path), "nothing written")

        // Within raised limits a deep template renders.
        let deepOK = try run("深.md", String(repeating: "{% if 是否全年 %}", count: 199) + "深{{ 地区 }}" + String(repeating: "{% endif %}", count: 199),
                             ["--template-max-depth", "200"])
        #expect(deepOK.status == 0, "\(deepOK.stderr)")
        #expect(try String(contentsOf: work.appendingPathComponent("out/2025/深.md"), encoding: .utf8).contains("深示例市"))
        #expect(try safetystats(["run", "--template-max-depth", "5000"], in: work).status == 2)
    }

    /// A Word template whose body would inflate to 1.9 GB is refused from the size its archive
    /// declares, before inflating anything.
    @Test func aWordTemplateThatWouldInflateTooFarIsRefused() throws {
        var bytes = WordTemplateRunTests.regionTemplate
        // Declare word/document.xml as 1.9 GB in its local header and in the central directory.
        let name = Array("word/document.xml".utf8)
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func put(_ value: UInt32, at: Int) { for k in 0..<4 { bytes[at + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) } }
        var patched = 0
        for i in 0..<(bytes.count - 46) {
            if u32(i) == 0x04034b50, u16(i + 26) == name.count, Array(bytes[(i + 30)..<(i + 30 + name.count)]) == name {
                put(1_900_000_000, at: i + 22); patched += 1
            }
            if u32(i) == 0x02014b50, u16(i + 28) == name.count, Array(bytes[(i + 46)..<(i + 46 + name.count)]) == name {
                put(1_900_000_000, at: i + 24); patched += 1
            }
        }
        #expect(patched == 2)
        let work = try sampleInputsCopy("word-bomb")
        defer { try? fm.removeItem(at: work) }
        let folder = temporaryFolder("word-bomb-templates")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: folder) }
        try Data(bytes).write(to: folder.appendingPathComponent("通报.docx"))
        let run = try safetystats(["run", "--out", "out", "--templates", folder.path], in: work)
        #expect(run.status == 1)
        #expect(run.stderr.contains("word/document.xml 解压后有 1812 MB，超过 Word 模板每个部件 32 MB 的上限（用 --word-template-max-mb 调高）"),
                "\(run.stderr)")
    }
}
