import ArgumentParser

/// `safetystats explain METRIC`: the input rows behind a figure.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "列出某个指标背后的输入行(文件、工作表、行号)."
    )

    @Argument(help: "指标名称或 id, e.g. 事故起数 or accidents.count.")
    var metric: String

    @Option(name: .long, help: "区县(或镇街)名称;默认全域.")
    var district: String?

    @Option(name: .long, help: "年度.")
    var year: Int?

    func run() throws {
        throw NotAvailable(message: "explain 功能尚未提供 (not available yet).")
    }
}
