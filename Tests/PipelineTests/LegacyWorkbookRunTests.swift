import Foundation
import Testing
import Pipeline

/// The sample Inputs/ with some districts sending legacy workbooks — LibreOffice's and xlwt's .xls of
/// their own files, and a .et — gives the same figures as the .xlsx originals.
@Suite(.serialized) struct LegacyWorkbookRunTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/XLSTests/Fixtures")

    /// Original file (relative to Inputs/) → the legacy fixture made from it, and its new name.
    static let replacements: [(original: String, fixture: String, renamed: String)] = [
        ("2025/东城区/东城区2025年安全生产统计.xlsx", "libreoffice_sample_stats.xls", "2025/东城区/东城区2025年安全生产统计.xls"),
        ("2025/东城区/东城区2025年隐患排查治理台账.xlsx", "wps_layout.et", "2025/东城区/东城区2025年隐患排查治理台账.et"),
        ("2025/西湖区/西湖区2025年安全生产统计.xlsx", "xlwt_sample_district.xls", "2025/西湖区/西湖区2025年安全生产统计.xls"),
    ]

    func run(inputs: URL) throws -> (figures: String, summary: RunSummary) {
        let out = temporaryFolder("legacy-out")
        defer { try? FileManager.default.removeItem(at: out) }
        let summary = try ReportRun.run(RunOptions(inputs: inputs.path, output: out.path,
                                                   templates: repositoryRoot.appendingPathComponent("Templates").path))
        let figures = try String(contentsOf: out.appendingPathComponent("\(summary.figures.period.id)/figures.json"), encoding: .utf8)
        return (figures, summary)
    }

    @Test func districtsMaySendXlsAndEt() throws {
        let inputs = temporaryFolder("legacy-inputs")
        defer { try? FileManager.default.removeItem(at: inputs) }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Inputs"), to: inputs)
        for replacement in Self.replacements {
            try FileManager.default.removeItem(at: inputs.appendingPathComponent(replacement.original))
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(replacement.fixture),
                                             to: inputs.appendingPathComponent(replacement.renamed))
        }
        let original = try run(inputs: repositoryRoot.appendingPathComponent("Inputs"))
        let legacy = try run(inputs: inputs)
        #expect(legacy.summary.ingest.unreadableFiles == 0)
        let paths = Set(legacy.summary.ingest.files.filter { $0.error == nil }.map(\.path))
        for replacement in Self.replacements { #expect(paths.contains(replacement.renamed), "\(replacement.renamed) read") }
        #expect(legacy.summary.ingest.read == original.summary.ingest.read)
        #expect(legacy.summary.ingest.accepted == original.summary.ingest.accepted)
        #expect(legacy.figures == original.figures)
    }
}
