import Foundation
import Testing
import Generator
import Pipeline

/// The repository root, from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func temporaryFolder(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    try? FileManager.default.removeItem(at: url)
    return url
}

/// Every file below `root`, relative path → bytes.
func snapshot(_ root: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let base = root.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: base) else { return files }
    for case let path as String in walker {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = try Data(contentsOf: URL(fileURLWithPath: base + "/" + path))
        }
    }
    return files
}

@Suite(.serialized) struct ReportRunTests {
    func options(out: URL) -> RunOptions {
        RunOptions(inputs: repositoryRoot.appendingPathComponent("Inputs").path, output: out.path,
                   templates: repositoryRoot.appendingPathComponent("Templates").path)
    }

    @Test func theSampleRunWritesEveryOutput() throws {
        let out = temporaryFolder("run")
        defer { try? FileManager.default.removeItem(at: out) }
        let summary = try ReportRun.run(options(out: out))
        #expect(summary.figures.period.id == "2025")
        let files = Set(try snapshot(out.appendingPathComponent("2025")).keys)
        for scope in ["示例市", "东城区", "西湖区", "南山区", "北江区", "青峰县", "临川县"] {
            for ext in ["md", "html", "docx"] { #expect(files.contains("\(scope)/工作总结.\(ext)"), "\(scope) \(ext)") }
        }
        for name in ["figures.json", "figures.csv", "新闻发布会数据.md", "统计表.xlsx", "rejects.csv", "manifest.json"] {
            #expect(files.contains(name), "\(name)")
        }
        // Conservation: every data row is counted or listed in rejects.csv.
        let rejects = try String(contentsOf: out.appendingPathComponent("2025/rejects.csv"), encoding: .utf8)
        let rejectLines = rejects.split(separator: "\n").count - 1
        #expect(summary.ingest.read == summary.ingest.accepted + summary.ingest.rejected)
        #expect(rejectLines == summary.ingest.rejected)
        let figures = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("2025/figures.json"))) as! [String: Any]
        #expect(figures["schema"] as? Int == 1)
        #expect((figures["scopes"] as? [Any])?.count == 7)
    }

    @Test func twoRunsAreByteIdentical() throws {
        let a = temporaryFolder("run-a"), b = temporaryFolder("run-b")
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        _ = try ReportRun.run(options(out: a))
        _ = try ReportRun.run(options(out: b))
        let first = try snapshot(a), second = try snapshot(b)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs") }
    }

    @Test func aFailedRunLeavesThePreviousOutputs() throws {
        let out = temporaryFolder("run-fail")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try ReportRun.run(options(out: out))
        let before = try snapshot(out)
        let templates = temporaryFolder("bad-templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: templates) }
        try Data("{{ 没有这个变量 }}".utf8).write(to: templates.appendingPathComponent("坏模板.md"))
        var bad = options(out: out)
        bad.templates = templates.path
        #expect(throws: PipelineError.self) { try ReportRun.run(bad) }
        #expect(try snapshot(out) == before)
    }

    @Test func formatsSelectOutputs() throws {
        let out = temporaryFolder("run-formats")
        defer { try? FileManager.default.removeItem(at: out) }
        var o = options(out: out)
        o.formats = [.json]
        _ = try ReportRun.run(o)
        #expect(Set(try snapshot(out.appendingPathComponent("2025")).keys) == ["figures.json", "rejects.csv", "manifest.json"])
    }

    @Test func anExplicitPeriod() throws {
        let out = temporaryFolder("run-period")
        defer { try? FileManager.default.removeItem(at: out) }
        var o = options(out: out)
        o.year = 2025
        o.through = 11
        let summary = try ReportRun.run(o)
        #expect(summary.figures.period.label == "2025年1-11月")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("2025-01-11/figures.json").path))
    }
}

/// The shipped sample is exactly what the generator writes today.
@Suite struct SampleInputsTests {
    @Test func inputsFolderIsTheGeneratedSample() throws {
        let fresh = temporaryFolder("sample")
        defer { try? FileManager.default.removeItem(at: fresh) }
        _ = try ExportGenerator(scale: .sample).write(to: fresh.path)
        let shipped = try snapshot(repositoryRoot.appendingPathComponent("Inputs"))
        let generated = try snapshot(fresh)
        #expect(shipped.keys.sorted() == generated.keys.sorted(), "regenerate: safetystats generate --scale sample --out Inputs")
        for (path, data) in generated { #expect(shipped[path] == data, "\(path) is stale") }
        #expect(shipped.values.reduce(0) { $0 + $1.count } <= 2 << 20)
    }
}
