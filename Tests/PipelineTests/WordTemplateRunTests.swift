import Foundation
import Testing
import Metrics
import Pipeline
import Render
import Zip
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Paragraph texts and table rows (cells joined by "|") of a Word document, in order, read with
/// Foundation's XML parser.
func wordTexts(_ url: URL) throws -> [String] {
    let archive = try ZipArchive(path: url.path)
    let body = try archive.read(try #require(archive.entry("word/document.xml")))
    let document = try XMLDocument(data: Data(body))
    func text(_ node: XMLNode) -> String {
        guard let element = node as? XMLElement else { return "" }
        if element.localName == "t" { return element.stringValue ?? "" }
        return (element.children ?? []).map(text).joined()
    }
    var lines: [String] = []
    func walk(_ node: XMLNode) {
        guard let element = node as? XMLElement else { return }
        switch element.localName {
        case "p": lines.append(text(element))
        case "tr":
            let cells = (element.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == "tc" }
            lines.append(cells.map(text).joined(separator: "|"))
        default: (element.children ?? []).forEach(walk)
        }
    }
    if let root = document.rootElement() { walk(root) }
    return lines
}

/// A writer's own .docx in the templates folder, filled by `safetystats run` on the shipped sample.
@Suite(.serialized) struct WordTemplateRunTests {
    /// A region report with a row per part (our own Word layout, placeholders typed into it).
    static let regionTemplate = DocxWriter.bytes(ReportDocument(blocks: [
        .title("{{地区}}{{期间}}安全生产情况"),
        .paragraph("{{全称}}共发生生产安全事故{{事故.起数}}起、死亡{{事故.死亡人数}}人，事故起数{{事故.起数.同比}}；"
                   + "隐患整改率{{隐患.整改率}}，罚款{{执法.罚款金额}}万元。"),
        .table([["{{下级名称}}", "事故起数", "死亡人数"], ["{{#下辖}}{{地区}}", "{{事故.起数}}", "{{事故.死亡人数}}"],
                ["合计", "{{事故.起数}}", "{{事故.死亡人数}}"]]),
    ]))

    /// One page per scope, by the file-name convention.
    static let everyScopeTemplate = DocxWriter.bytes(ReportDocument(blocks: [
        .paragraph("{{地区}}：事故{{事故起数}}起，{{事故.起数.同比}}；火灾{{火灾.起数}}起。"),
    ]))

    func options(out: URL, templates: URL) -> RunOptions {
        RunOptions(inputs: repositoryRoot.appendingPathComponent("Inputs").path, output: out.path, templates: templates.path)
    }

    func templatesFolder(_ files: [String: [UInt8]]) throws -> URL {
        let folder = temporaryFolder("word-templates")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func aWordTemplateIsFilledWithTheFiguresOfTheRun() throws {
        let templates = try templatesFolder([
            "情况通报.docx": Self.regionTemplate,
            "各地简报.每个地区.docx": Self.everyScopeTemplate,
            "~$情况通报.docx": Array("Word's lock file, not a template".utf8),
        ])
        let out = temporaryFolder("word-run")
        defer { try? FileManager.default.removeItem(at: templates); try? FileManager.default.removeItem(at: out) }
        let summary = try ReportRun.run(options(out: out, templates: templates))
        let figures = summary.figures
        let period = out.appendingPathComponent(figures.period.id)
        let region = figures.regionScope

        func count(_ scope: ScopeFigures, _ id: String) -> String { scope.metric(id)!.value.text }
        let rate = region.metric("hazards.rate")!.ratio!.percentText(decimals: 1) + "%"
        let rows = figures.parts.map { "\($0.scope)|\(count($0, "accidents.count"))|\(count($0, "accidents.deaths"))" }
        #expect(rows.count == 6)
        #expect(try wordTexts(period.appendingPathComponent("情况通报.docx")) == [
            "\(region.scope)\(figures.period.label)安全生产情况", "",
            "\(figures.level.wholeWord)共发生生产安全事故\(count(region, "accidents.count"))起、死亡\(count(region, "accidents.deaths"))人，"
                + "事故起数\(region.metric("accidents.count")!.comparison!.phrase())；隐患整改率\(rate)，罚款\(count(region, "penalties.fines"))万元。",
            "\(figures.level.partKindWord)|事故起数|死亡人数",
        ] + rows + ["合计|\(count(region, "accidents.count"))|\(count(region, "accidents.deaths"))", ""])

        for scope in figures.scopes {
            let phrase = scope.metric("accidents.count")!.comparison!.phrase()
            #expect(try wordTexts(period.appendingPathComponent("\(scope.scope)/各地简报.docx")) == [
                "\(scope.scope)：事故\(count(scope, "accidents.count"))起，\(phrase)；火灾\(count(scope, "fires.count"))起。",
            ], "\(scope.scope)")
        }
        // Only the templates' own outputs (no Markdown templates in this folder), listed in the manifest.
        let written = Set(try snapshot(period).keys)
        #expect(written.filter { $0.hasSuffix(".docx") } == Set(["情况通报.docx"] + figures.scopes.map { "\($0.scope)/各地简报.docx" }))
        #expect(summary.files.contains("情况通报.docx"))

        // Reruns give the same bytes.
        let again = temporaryFolder("word-run-again")
        defer { try? FileManager.default.removeItem(at: again) }
        _ = try ReportRun.run(options(out: again, templates: templates))
        #expect(try snapshot(again) == snapshot(out))
    }

    @Test func aWordTemplateGivesDocxOnlyWhenDocxIsAskedFor() throws {
        let templates = try templatesFolder(["情况通报.docx": Self.regionTemplate])
        let out = temporaryFolder("word-formats")
        defer { try? FileManager.default.removeItem(at: templates); try? FileManager.default.removeItem(at: out) }
        var o = options(out: out, templates: templates)
        o.formats = [.md, .html, .json]
        let summary = try ReportRun.run(o)
        #expect(Set(try snapshot(out.appendingPathComponent(summary.figures.period.id)).keys) == ["figures.json", "rejects.csv", "manifest.json"])
    }

    @Test func aBadPlaceholderStopsTheRunWithItsPlaceAndWritesNothing() throws {
        let out = temporaryFolder("word-bad")
        let good = try templatesFolder(["情况通报.docx": Self.regionTemplate])
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: good) }
        _ = try ReportRun.run(options(out: out, templates: good))
        let before = try snapshot(out)

        let misspelt = DocxWriter.bytes(ReportDocument(blocks: [
            .title("{{地区}}简报"), .paragraph("全市发生事故{{事故.起树}}起，{{ 隐患.整改率|百分比:1 }}。"),
        ]))
        let bad = try templatesFolder(["情况通报.docx": Self.regionTemplate, "简报.docx": misspelt])
        defer { try? FileManager.default.removeItem(at: bad) }
        do {
            _ = try ReportRun.run(options(out: out, templates: bad))
            Issue.record("the run should have stopped")
        } catch {
            guard case .template(let message) = error else { Issue.record("\(error)"); return }
            // The template, the paragraph (the title is the first, a blank line the second, a long
            // paragraph is quoted by its start) and the placeholder; the valid one is not mentioned.
            #expect(message == "Word 模板 简报.docx 正文第3段「全市发生事故{{事故.起树}}起，{{ 隐患.整改率|百分比…」 {{事故.起树}}:「事故.起树」中没有「起树」这一项")
        }
        #expect(try snapshot(out) == before)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("2025/简报.docx").path))
    }
}
