import Foundation
import Testing
@testable import Render
import Metrics
import Model
import XLSX
import Zip
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The package of a Word document with charts, read back independently of the writer: zip entries,
/// Foundation's XML parser, relationship targets resolved by hand, the embedded workbooks through
/// the XLSX reader.
struct DocxPackage {
    static let chartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

    let archive: ZipArchive

    init(_ bytes: [UInt8]) throws { archive = try ZipArchive(bytes: bytes) }

    func bytes(_ path: String) throws -> [UInt8] {
        try archive.read(try #require(archive.entry(path), "\(path) missing"))
    }

    func xml(_ path: String) throws -> XMLElement {
        let document = try XMLDocument(data: Data(try bytes(path)))
        return try #require(document.rootElement())
    }

    /// Relationship Id → (type, target as a package path), for the part at `path`.
    func relationships(of path: String) throws -> [String: (type: String, target: String)] {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? ""
        let file = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let rels = try xml((folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels")
        var result: [String: (String, String)] = [:]
        for element in descendants(rels, "Relationship") {
            let id = attributeText(element, "Id") ?? ""
            let type = attributeText(element, "Type") ?? ""
            var segments = folder.split(separator: "/").map(String.init)
            for segment in (attributeText(element, "Target") ?? "").split(separator: "/") {
                if segment == ".." { segments.removeLast() } else { segments.append(String(segment)) }
            }
            result[id] = (type, segments.joined(separator: "/"))
        }
        return result
    }

    /// Content types: `/path` → type for overrides, `ext` → type for defaults.
    func contentTypes() throws -> (overrides: [String: String], defaults: [String: String]) {
        let root = try xml("[Content_Types].xml")
        var overrides: [String: String] = [:], defaults: [String: String] = [:]
        for e in descendants(root, "Override") {
            overrides[attributeText(e, "PartName") ?? ""] = attributeText(e, "ContentType")
        }
        for e in descendants(root, "Default") {
            defaults[attributeText(e, "Extension") ?? ""] = attributeText(e, "ContentType")
        }
        return (overrides, defaults)
    }
}

/// Every element below `node` (itself included) with this local name, in document order.
func descendants(_ node: XMLElement, _ localName: String) -> [XMLElement] {
    var found: [XMLElement] = node.localName == localName ? [node] : []
    for child in node.children ?? [] {
        if let element = child as? XMLElement { found += descendants(element, localName) }
    }
    return found
}

/// An attribute without a namespace. (FoundationXML's `attribute(forName:)` misses it on an
/// element in a default namespace, as in `[Content_Types].xml` and relationship parts.)
func attributeText(_ element: XMLElement?, _ name: String) -> String? {
    element?.attributes?.first { $0.name == name }?.stringValue
}

/// The `val` attribute of the first such element below `node`.
func valAttribute(_ node: XMLElement, _ localName: String) -> String? {
    attributeText(descendants(node, localName).first, "val")
}

/// A cache (`c:strCache`/`c:numCache`) as index → text.
func cachePoints(_ cache: XMLElement) -> [Int: String] {
    var points: [Int: String] = [:]
    for pt in descendants(cache, "pt") {
        points[Int(attributeText(pt, "idx") ?? "") ?? -1] = descendants(pt, "v").first?.stringValue
    }
    return points
}

@Suite struct DocxChartTests {
    /// The region's three charts, and one name no chart has, in the order the shipped template uses.
    static func document() throws -> (ReportDocument, [String: Chart], Figures) {
        let figures = try sampleFigures()
        let charts = ReportCharts.charts(for: figures.regionScope, in: figures)
        let document = ReportDocument(blocks: [
            .title("示例市2020年工作总结"), .paragraph("全市发生事故2起。"), .chart("月度事故"), .table([["区县", "起数"], ["东城区", "1"]]),
            .chart("各地事故"), .chart("没有这个图表"), .paragraph("隐患整改率"), .chart("各地整改率"),
        ])
        return (document, charts, figures)
    }

    @Test func everyChartIsAPartWithItsContentTypeRelationshipAndInlineDrawing() throws {
        let (document, charts, _) = try Self.document()
        let package = try DocxPackage(DocxWriter.bytes(document, charts: charts))
        for entry in package.archive.entries where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
            #expect(XMLParser(data: Data(try package.bytes(entry.path))).parse(), "\(entry.path) is not well-formed")
        }

        // The body: one inline drawing per placed chart, in document order, each pointing at a chart part.
        let body = try package.xml("word/document.xml")
        let inlines = descendants(body, "inline").filter { $0.uri == DocxPackage.drawingNamespace }
        #expect(inlines.count == 3)   // the unknown name places nothing, as in HTML
        let ids = inlines.compactMap { attributeText(descendants($0, "docPr").first, "id") }
        #expect(Set(ids).count == 3, "drawing ids must be unique")
        for inline in inlines {
            let extent = try #require(descendants(inline, "extent").first)
            #expect(attributeText(extent, "cx") == "5616000")   // 156 mm: the text block's width
            #expect(attributeText(descendants(inline, "graphicData").first, "uri") == DocxPackage.chartNamespace)
        }
        let references = inlines.compactMap { inline -> String? in
            let chart = descendants(inline, "chart").first { $0.uri == DocxPackage.chartNamespace }
            return chart?.attribute(forLocalName: "id", uri: DocxPackage.relationshipNamespace)?.stringValue
        }
        #expect(references.count == 3)

        let relationships = try package.relationships(of: "word/document.xml")
        let types = try package.contentTypes()
        #expect(types.defaults["xlsx"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        var titles: [String] = []
        for reference in references {
            let rel = try #require(relationships[reference], "\(reference) has no relationship")
            #expect(rel.type == "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart")
            #expect(types.overrides["/" + rel.target] == "application/vnd.openxmlformats-officedocument.drawingml.chart+xml", "\(rel.target)")
            let chart = try package.xml(rel.target)
            #expect(chart.localName == "chartSpace" && chart.uri == DocxPackage.chartNamespace)
            titles.append(descendants(try #require(descendants(chart, "title").first), "t").compactMap(\.stringValue).joined())
            // Its data: an embedded workbook, reached through the chart's own relationship.
            let external = try #require(descendants(chart, "externalData").first)
            let id = try #require(external.attribute(forLocalName: "id", uri: DocxPackage.relationshipNamespace)?.stringValue)
            let data = try #require(try package.relationships(of: rel.target)[id])
            #expect(data.type == "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package")
            #expect(package.archive.entry(data.target) != nil, "\(data.target) missing")
        }
        #expect(titles == ["月度事故", "各地事故", "各地整改率"].map { charts[$0]!.title })
    }

    /// Categories and values in the caches are the figures of each part and month.
    @Test func cachesHoldTheFigures() throws {
        let (document, charts, figures) = try Self.document()
        let package = try DocxPackage(DocxWriter.bytes(document, charts: charts))
        let parts = Array(figures.parts)

        let byDistrict = try package.xml("word/charts/chart2.xml")
        let bars = try #require(descendants(byDistrict, "barChart").first)
        #expect(valAttribute(bars, "barDir") == "col" && valAttribute(bars, "grouping") == "clustered")
        let series = descendants(bars, "ser")
        #expect(series.count == 2)
        for (s, prior) in [(series[0], false), (series[1], true)] {
            let categories = cachePoints(try #require(descendants(s, "strCache").last))
            #expect(categories == Dictionary(uniqueKeysWithValues: parts.enumerated().map { ($0.offset, $0.element.scope) }))
            let values = cachePoints(try #require(descendants(s, "numCache").first))
            let wanted = parts.map { part -> String in
                let metric = part.metric("accidents.count")!
                return (prior ? metric.prior! : metric.value).text
            }
            #expect(values == Dictionary(uniqueKeysWithValues: wanted.enumerated().map { ($0.offset, $0.element) }))
        }
        #expect(valAttribute(byDistrict, "legendPos") == "b")
        // Axis ids pair up: the bar chart's two ids are the category and value axes.
        let axisIDs = descendants(bars, "axId").compactMap { attributeText($0, "val") }
        #expect(axisIDs == [valAttribute(try #require(descendants(byDistrict, "catAx").first), "axId"),
                            valAttribute(try #require(descendants(byDistrict, "valAx").first), "axId")].compactMap { $0 })

        // Months as a line chart: this year's accidents per month.
        let monthly = try package.xml("word/charts/chart1.xml")
        let line = try #require(descendants(monthly, "lineChart").first)
        let first = try #require(descendants(line, "ser").first)
        let months = figures.regionScope.months
        #expect(cachePoints(try #require(descendants(first, "strCache").last)).count == months.count)
        let monthValues = cachePoints(try #require(descendants(first, "numCache").first))
        #expect(monthValues == Dictionary(uniqueKeysWithValues: months.enumerated().map {
            ($0.offset, $0.element.metric("accidents.count")?.value.text ?? "0")
        }))
        #expect(monthValues.values.contains("1"), "the sample has accidents in some month")

        // Rates: a part without hazards has no rate, so no point — not a bar at 0.
        let rates = cachePoints(try #require(descendants(try package.xml("word/charts/chart3.xml"), "numCache").first))
        var wanted: [Int: Double] = [:]
        for (i, part) in parts.enumerated() {
            if let ratio = part.metric("hazards.rate")?.ratio { wanted[i] = Double(ratio.percent(decimals: 1).text) }
        }
        #expect(wanted.count < parts.count, "the sample has a part without hazards")
        #expect(rates.mapValues { Double($0) } == wanted)
    }

    @Test func theEmbeddedWorkbookHoldsWhatTheCachesSay() throws {
        let (document, charts, figures) = try Self.document()
        let package = try DocxPackage(DocxWriter.bytes(document, charts: charts))
        let workbook = try Workbook(bytes: try package.bytes("word/embeddings/chart2.xlsx"), name: "chart2.xlsx")
        var rows: [[CellValue]] = []
        try workbook.readRows(try #require(workbook.sheet(named: "Sheet1"))) { rows.append($0.cells.map(\.value)) }
        let chart = charts["各地事故"]!
        #expect(rows.first == chart.series.map { CellValue.string($0.name) })
        #expect(rows.dropFirst().map { $0.first ?? .empty } == figures.parts.map { CellValue.string($0.scope) })
        #expect(rows.dropFirst().map { $0.dropFirst().first ?? .empty } == figures.parts.map {
            CellValue.number(Double($0.metric("accidents.count")!.value.text)!)
        })
    }

    @Test func textIsEscapedAndOutputIsDeterministic() throws {
        let chart = Chart(title: "A&B <图> \"表\"", unit: "起", categories: ["东<城>区", "西&湖"],
                          series: [Chart.Series(name: "'起数'", values: [3, 0.5], labels: ["3", "0.5"])])
        let document = ReportDocument(blocks: [.chart("x")])
        let bytes = DocxWriter.bytes(document, charts: ["x": chart])
        #expect(bytes == DocxWriter.bytes(document, charts: ["x": chart]))
        let package = try DocxPackage(bytes)
        let part = try package.xml("word/charts/chart1.xml")
        #expect(descendants(part, "t").compactMap(\.stringValue).contains("A&B <图> \"表\""))
        let series = try #require(descendants(part, "ser").first)
        #expect(cachePoints(try #require(descendants(series, "strCache").last)) == [0: "东<城>区", 1: "西&湖"])
        #expect(cachePoints(try #require(descendants(series, "numCache").first)) == [0: "3", 1: "0.5"])
        #expect(attributeText(descendants(try package.xml("word/document.xml"), "docPr").first, "descr") == chart.title)
    }

    @Test func aDocumentWithoutChartsHasNoChartParts() throws {
        let (document, _, _) = try Self.document()
        let package = try DocxPackage(DocxWriter.bytes(document))
        #expect(!package.archive.entries.contains { $0.path.hasPrefix("word/charts/") || $0.path.hasPrefix("word/embeddings/") })
        #expect(try package.relationships(of: "word/document.xml").values.allSatisfy { !$0.type.hasSuffix("/chart") })
    }

    @Test func theRendererPlacesTheChartsOfTheScope() throws {
        let t = try template("{# 范围: 全域; 输出: docx #}\n# 标题\n\n<!-- 图表:各地事故 -->")
        let files = try ReportRenderer(templates: [t]).render(try sampleFigures(), formats: [.docx])
        let package = try DocxPackage(try #require(files.first).bytes)
        #expect(package.archive.entry("word/charts/chart1.xml") != nil)
        #expect(package.archive.entry("word/charts/chart2.xml") == nil)
    }

    /// python-docx sees three charts of the text block's width (`pip install python-docx`).
    @Test(.enabled(if: DocxTemplateTests.pythonDocx)) func pythonDocxSeesTheCharts() throws {
        let (document, charts, _) = try Self.document()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("docx-charts-\(ProcessInfo.processInfo.processIdentifier).docx")
        try Data(DocxWriter.bytes(document, charts: charts)).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
        import sys, docx
        from docx.enum.shape import WD_INLINE_SHAPE
        d = docx.Document(sys.argv[1])
        for s in d.inline_shapes:
            print(s.type == WD_INLINE_SHAPE.CHART, round(s.width.mm), round(s.height.mm))
        """, file.path]
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output == String(repeating: "True 156 80\n", count: 3))
    }
}
