import Foundation
import Testing
@testable import Render

/// The HTML charts laid out by a real browser (scripts/check-html-charts, Chromium headless) at a
/// phone's 390 px and a desktop's 1280 px: at most 480 px tall, inside their container, no text
/// overlapping another or running out of the chart. Skipped where Chromium is missing; with
/// `CHART_SCREENSHOTS=DIR` the screenshots are kept in DIR.
@Suite(.serialized) struct HTMLChartBrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/check-html-charts")

    static let available: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sh", "-c", "command -v chromium || command -v chromium-browser || command -v google-chrome"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run(); process.waitUntilExit(); return process.terminationStatus == 0 } catch { return false }
    }()

    static func check(_ pages: [String: String]) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charts-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (name, html) in pages.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(name + ".html")
            try Data(html.utf8).write(to: url)
            paths.append(url.path)
        }
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // CHART_SCREENSHOTS=DIR keeps a full-page PNG of every page at both widths, to look at.
        let screenshots = ProcessInfo.processInfo.environment["CHART_SCREENSHOTS"].map { ["--screenshots", $0] } ?? []
        process.arguments = ["python3", script.path] + screenshots + paths
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    static func page(_ charts: [String: Chart]) -> String {
        let blocks: [ReportDocument.Block] = [.title("图表")] + charts.keys.sorted().map { .chart($0) }
        return HTMLWriter.html(ReportDocument(blocks: blocks), charts: charts)
    }

    /// Harder than the sample: 24 towns with long names, a rate without a base, large counts.
    static let crowded: [String: Chart] = {
        let towns = (1...24).map { "第\($0)号南大街街道" }
        let counts = (0..<24).map { Double(($0 * 37) % 1200) }
        return [
            "镇街事故": Chart(title: "各镇街事故", unit: "起", categories: towns,
                          series: [Chart.Series(name: "2025年", values: counts, labels: counts.map { String(Int($0)) }),
                                   Chart.Series(name: "2024年", values: counts.reversed(), labels: counts.reversed().map { String(Int($0)) }, isPrior: true)]),
            "镇街整改率": Chart(title: "各镇街整改率", unit: "%", categories: Array(towns.prefix(9)),
                           series: [Chart.Series(name: "整改率", values: [96.2, 0, 100, 85.5, 70, 99.9, 88.8, 91.1, 50],
                                                 labels: ["96.2%", "—", "100.0%", "85.5%", "70.0%", "99.9%", "88.8%", "91.1%", "50.0%"])]),
            "月度": Chart(title: "分月", unit: "起/人", categories: (1...12).map { "\($0)月" },
                        series: [Chart.Series(name: "事故起数", values: (1...12).map { Double($0 * 3) }, labels: (1...12).map { "\($0 * 3)" }),
                                 Chart.Series(name: "上年同期起数", values: (1...12).map { Double(40 - $0) }, labels: (1...12).map { "\(40 - $0)" }, isPrior: true),
                                 Chart.Series(name: "死亡人数", values: (1...12).map { Double($0) }, labels: (1...12).map { "\($0)" }),
                                 Chart.Series(name: "上年同期死亡", values: (1...12).map { Double(13 - $0) }, labels: (1...12).map { "\(13 - $0)" }, isPrior: true)],
                        kind: .lines),
        ]
    }()

    @Test(.enabled(if: available)) func chartsFitAtPhoneAndDesktopWidths() throws {
        let figures = try sampleFigures()
        var pages = ["crowded": Self.page(Self.crowded)]
        for scope in figures.scopes {
            pages[scope.scope] = Self.page(ReportCharts.charts(for: scope, in: figures))
        }
        let result = try Self.check(pages)
        #expect(result.status == 0, "\(result.output)")
        // 3 crowded + 3 region + 1 per part, at two widths.
        #expect(result.output.contains("\(pages.count) pages, \((3 + 3 + figures.parts.count) * 2) charts measured"), "\(result.output)")
    }

    @Test(.enabled(if: available)) func theCheckFindsOverlapsAndTallCharts() throws {
        // A narrow viewBox scaled to the full width (what the charts used to be) and two labels on one spot.
        let bad = """
            <!DOCTYPE html><html><head><style>svg.chart{width:100%;height:auto}</style></head><body><main>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 300" class="chart" aria-label="窄">
            <text x="10" y="50" font-size="12" class="axis">东城区</text><text x="14" y="52" font-size="12" class="axis">西湖区</text></svg>
            </main></body></html>
            """
        let result = try Self.check(["bad": bad])
        #expect(result.status == 1)
        #expect(result.output.contains("px tall"), "\(result.output)")
        #expect(result.output.contains("「东城区」 (axis) overlaps 「西湖区」 (axis)"), "\(result.output)")
    }
}
