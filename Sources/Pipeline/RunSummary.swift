import Ingest
import Render
import Metrics

/// What a run did, for the CLI to print.
public struct RunSummary: Sendable, CustomStringConvertible {
    /// What was read. Its dataset keeps the region's config and catalog only: the records are
    /// given back once the figures are made.
    public let ingest: IngestResult
    public let figures: Figures
    public let folder: String
    public let files: [String]
    /// Input files that could not be read and were left out (`--skip-unreadable`).
    public let uncounted: UncountedFiles

    public var description: String {
        var lines: [String] = []
        lines.append("\(figures.region) \(figures.period.label)(对比\(figures.period.priorLabel)): \(folder)")
        lines.append("读取 \(ingest.files.count) 个文件,数据行 \(ingest.read) 行:计入 \(ingest.accepted),未计入 \(ingest.rejected)"
            + "(其中重复 \(ingest.duplicates)),见 rejects.csv;警告 \(ingest.warnings.count) 条")
        let region = figures.regionScope
        // Each figure with the unit the catalog declares, as figures.json and the documents print it.
        func value(_ id: String) -> String { region.metric(id).map { "\($0.value.text) \($0.unit)" } ?? "—" }
        lines.append("事故 \(value("accidents.count"))、死亡 \(value("accidents.deaths"));火灾 \(value("fires.count"));"
            + "隐患 \(value("hazards.found")),整改率 \(region.metric("hazards.rate")?.ratio?.percentText() ?? "—")%")
        lines.append("输出 \(files.count) 个文件")
        return lines.joined(separator: "\n")
    }
}
