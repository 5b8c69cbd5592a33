import Foundation
import Testing
import Pipeline
import Render
import Zip

/// Every Word document and workbook a run writes passes openxml-audit's schema and semantic
/// checks (the Open XML SDK's rules behind Word's and Excel's repair prompt): the shipped
/// templates' 工作总结.docx of every scope with their native charts and embedded chart workbooks,
/// 统计表.xlsx, and a writer's own .docx template once filled. Skipped where openxml-audit is not
/// installed (`pip install openxml-audit`; .ci/run installs it).
@Suite(.serialized) struct OOXMLAuditTests {
    /// Runs scripts/audit-ooxml; nil when openxml-audit (or python3) is missing.
    static func audit(_ path: String) throws -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("scripts/audit-ooxml").path, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 3 || process.terminationStatus == 127 { return nil }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    static let available: Bool = (try? audit("/dev/null")) != nil

    /// A writer's own Word document with a chart of its own, to be filled by the run.
    static let wordTemplate = DocxWriter.bytes(ReportDocument(blocks: [
        .title("{{地区}}{{期间}}安全生产情况"),
        .paragraph("{{全称}}共发生生产安全事故{{事故.起数}}起，{{事故.起数.同比}}。"),
        .table([["{{下级名称}}", "事故起数"], ["{{#下辖}}{{地区}}", "{{事故.起数}}"]]),
        .chart("样图"),
    ]), charts: ["样图": Chart(title: "样图", unit: "起", categories: ["甲", "乙"],
                               series: [Chart.Series(name: "本期", values: [1, 2], labels: ["1", "2"])])])

    @Test(.enabled(if: available)) func everyOutputOfTheSampleRunIsSchemaValid() throws {
        let templates = temporaryFolder("audit-templates")
        let out = temporaryFolder("audit-run")
        defer { try? FileManager.default.removeItem(at: templates); try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let shipped = repositoryRoot.appendingPathComponent("Templates")
        for name in try FileManager.default.contentsOfDirectory(atPath: shipped.path) where name.hasSuffix(".md") {
            try FileManager.default.copyItem(at: shipped.appendingPathComponent(name), to: templates.appendingPathComponent(name))
        }
        try Data(Self.wordTemplate).write(to: templates.appendingPathComponent("情况通报.docx"))

        let summary = try ReportRun.run(RunOptions(inputs: repositoryRoot.appendingPathComponent("Inputs").path,
                                                   output: out.path, templates: templates.path))
        let period = out.appendingPathComponent(summary.figures.period.id)
        let written = try snapshot(period).keys
        #expect(written.contains("统计表.xlsx"))
        #expect(written.contains("情况通报.docx"))
        #expect(written.filter { $0.hasSuffix("/工作总结.docx") }.count == summary.figures.scopes.count)

        let result = try #require(try Self.audit(period.path))
        #expect(result.status == 0, "\(result.output)")
        // Every document and every embedded chart workbook was looked at.
        let charts = 3 + summary.figures.parts.count   // the region's three charts, one per part
        #expect(result.output.contains("\(summary.figures.scopes.count + 2 + charts + 1) documents checked, 0 problems"),
                "\(result.output)")
    }

    @Test(.enabled(if: available)) func theAuditFindsAProblemWhereThereIsOne() throws {
        // A workbook part out of schema order must be reported, or the test above proves nothing.
        let folder = temporaryFolder("audit-bad")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var zip = ZipWriter()
        zip.add(path: "[Content_Types].xml", text: """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """)
        zip.add(path: "_rels/.rels", text: """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """)
        zip.add(path: "word/document.xml", text: """
            <?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:body><w:p><w:pPr><w:jc w:val="center"/><w:spacing w:line="240"/></w:pPr></w:p></w:body></w:document>
            """)
        let path = folder.appendingPathComponent("乱序.docx")
        try Data(zip.finish()).write(to: path)
        let result = try #require(try Self.audit(path.path))
        #expect(result.status == 1)
        #expect(result.output.contains("spacing"), "\(result.output)")
    }
}
