import Foundation
import Testing
@testable import Render
import Metrics

/// Word templates in the templates folder: what the file name asks for, how the renderer loads,
/// checks and writes them beside the Markdown templates.
@Suite struct DocxTemplateFileTests {
    static let body = "<w:p><w:r><w:t>{{地区}}事故{{事故.起数}}起</w:t></w:r></w:p>"

    static func word(_ fileName: String, body: String = body) throws -> DocxTemplateFile {
        try DocxTemplateFile(fileName: fileName, bytes: docxPackage(body: body))
    }

    @Test func theFileNameGivesTheScopeAndTheOutputName() throws {
        let figures = try sampleFigures()
        let part = try #require(figures.parts.first)
        let every = try Self.word("区县简报.每个地区.docx")
        #expect(every.scope == .everyScope && every.name == "区县简报")
        #expect(every.outputPath(for: part) == "\(part.scope)/区县简报.docx")
        let region = try Self.word("通报.全域.docx")
        #expect(region.scope == .region && region.name == "通报")
        let dotted = try Self.word("2025.通报.DOCX")
        #expect(dotted.scope == .region && dotted.name == "2025.通报")
        #expect(dotted.outputPath(for: figures.regionScope) == "2025.通报.docx")
        #expect(throws: DocxTemplateError.self) { try Self.word(".每个地区.docx") }
        #expect(DocxTemplateFile.isTemplate("通报.docx") && DocxTemplateFile.isTemplate("通报.Docx"))
        #expect(!DocxTemplateFile.isTemplate("~$通报.docx") && !DocxTemplateFile.isTemplate(".通报.docx") && !DocxTemplateFile.isTemplate("通报.md"))
    }

    @Test func everyScopeGetsItsOwnFiguresAndDocxIsTheOnlyFormat() throws {
        let figures = try sampleFigures()
        let renderer = ReportRenderer(templates: [], wordTemplates: [try Self.word("简报.每个地区.docx")])
        #expect(try renderer.render(figures, formats: [.md, .html, .xlsx]).isEmpty)
        let files = try renderer.render(figures, formats: [.docx])
        #expect(files.map(\.path) == figures.scopes.map { "\($0.scope)/简报.docx" })
        for (file, scope) in zip(files, figures.scopes) {
            #expect(try docxTexts(file.bytes) == ["\(scope.scope)事故\(scope.metric("accidents.count")!.value.text)起"])
        }
    }

    @Test func problemsOfMarkdownAndWordTemplatesComeTogetherAndNothingIsRendered() throws {
        let markdown = try template("{{ 事故.起树 }}", name: "甲")
        let word = try Self.word("乙.docx", body: "<w:p><w:r><w:t>{{火灾.起数x}}</w:t></w:r></w:p>")
        let renderer = ReportRenderer(templates: [markdown], wordTemplates: [word, try Self.word("丙.docx")])
        do {
            _ = try renderer.render(try sampleFigures(), formats: [.md, .docx])
            Issue.record("expected problems")
        } catch {
            guard case .invalid(let problems, let wordProblems) = error as? RenderError else { Issue.record("\(error)"); return }
            #expect(problems.map(\.template) == ["甲.md"])
            guard case .invalid(let name, let located)? = wordProblems.first else { Issue.record("\(wordProblems)"); return }
            #expect(wordProblems.count == 1 && name == "乙.docx")
            #expect(located.map(\.placeholder) == ["{{火灾.起数x}}"])
            #expect(located.map(\.location) == ["正文第1段「{{火灾.起数x}}」"])
            let lines = "\(error)".split(separator: "\n")
            #expect(lines.count == 2 && lines[0].hasPrefix("模板 甲.md 第1行") && lines[1].hasPrefix("Word 模板 乙.docx 正文第1段"))
        }
    }

    @Test func twoTemplatesForOneFileAreRefused() throws {
        let markdown = try template("{# 范围: 每个地区; 输出: md, docx #}\n# 标题", name: "工作总结")
        let clash = ReportRenderer(templates: [markdown], wordTemplates: [try Self.word("工作总结.每个地区.docx")])
        #expect(clash.outputClashes() == ["模板 工作总结.md 与 工作总结.每个地区.docx 都会写出 各地区文件夹中的 工作总结.docx,请给其中一个改名"])
        #expect(throws: RenderError.self) { try clash.render(try sampleFigures(), formats: [.md]) }
        // The region's 工作总结.docx is another file than each scope's.
        #expect(ReportRenderer(templates: [markdown], wordTemplates: [try Self.word("工作总结.docx")]).outputClashes().isEmpty)
        let twice = ReportRenderer(templates: [], wordTemplates: [try Self.word("通报.docx"), try Self.word("通报.全域.docx")])
        #expect(twice.outputClashes() == ["模板 通报.docx 与 通报.全域.docx 都会写出 通报.docx,请给其中一个改名"])
    }

    @Test func theFolderIsReadWithLockFilesLeftOutAndOldWordFilesRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("word-templates-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(docxPackage(body: Self.body)).write(to: folder.appendingPathComponent("通报.docx"))
        try Data("lock".utf8).write(to: folder.appendingPathComponent("~$通报.docx"))
        try Data("# {{ 地区 }}".utf8).write(to: folder.appendingPathComponent("摘要.md"))
        let renderer = try ReportRenderer(templatesDirectory: folder.path)
        #expect(renderer.wordTemplates.map(\.fileName) == ["通报.docx"])
        #expect(renderer.templates.map(\.name) == ["摘要"])

        try Data("not a zip".utf8).write(to: folder.appendingPathComponent("坏.docx"))
        do {
            _ = try ReportRenderer(templatesDirectory: folder.path)
            Issue.record("an unreadable .docx was accepted")
        } catch {
            #expect("\(error)".hasPrefix("Word 模板 坏.docx 无法读取"))
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("坏.docx"))
        try Data("old".utf8).write(to: folder.appendingPathComponent("旧稿.doc"))
        #expect(throws: RenderError.self) { try ReportRenderer(templatesDirectory: folder.path) }
    }
}
