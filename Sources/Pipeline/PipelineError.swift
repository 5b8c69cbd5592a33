import Metrics

/// Why a run stopped. Every case carries a sentence a report writer can act on.
public enum PipelineError: Error, CustomStringConvertible, Sendable {
    /// The inputs folder is missing or unreadable, or config.toml is invalid.
    case inputs(String)
    /// No records at all, or the requested period has none.
    case noData(String)
    /// A template failed its check or rendering: names the template and the line and column, or
    /// for a writer's own .docx the place in the document and the placeholder.
    case template(String)
    /// Writing outputs failed.
    case output(String)
    /// Input files that cannot be read (path relative to the inputs folder, and why): the run
    /// stops unless `--skip-unreadable` is given, since their records would be missing from every total.
    case unreadable([(path: String, reason: String)])
    /// Parts that sent no data of a kind for the period (CATALOG.md §Comparisons): the run stops
    /// unless `--allow-missing` is given, since a total without them would read as complete.
    /// `skipped`: input files left out by `--skip-unreadable`, whose data may be what is missing.
    case missing([MissingData], skipped: [String] = [])
    /// A sum that does not fit in exact arithmetic: which metric, from which row.
    case overflow(String)

    public var description: String {
        switch self {
        case .inputs(let m), .noData(let m), .template(let m), .output(let m): return m
        case .unreadable(let files):
            var lines = ["\(files.count) 个输入文件无法读取，未生成报告（之前的输出保持不变）："]
            lines += files.map { "  \($0.path)：\($0.reason)" }
            lines.append("请让报送单位重新发送这些文件（或修复后放回），再运行一次；")
            lines.append("若确要不计入这些文件而生成报告，请加 --skip-unreadable，每份文档都会注明未计入的文件。")
            return lines.joined(separator: "\n")
        case .missing(let pairs, let skipped):
            var lines = ["\(pairs.count) 项数据未报送，未生成报告（之前的输出保持不变）："]
            lines += pairs.map { "  \($0)" }
            if !skipped.isEmpty {
                lines.append("其中可能有因无法读取而跳过（--skip-unreadable）的文件中的数据：\(skipped.joined(separator: "、"))。")
            }
            lines.append("请让这些地区报送相应的报表；确实没有发生的，请报送只有表头、没有数据行的空表（表示为零），放入输入文件夹后再运行一次；")
            lines.append("若确要在缺少这些数据的情况下生成报告，请加 --allow-missing：文中这些数字标为“未报送”，合计注明不含哪些地区。")
            return lines.joined(separator: "\n")
        case .overflow(let what):
            return "无法精确计算，未生成报告（之前的输出保持不变）：\(what)。"
        }
    }
}
