import ArgumentParser
import Ingest
import Metrics

/// `safetystats explain METRIC`: the input rows behind one figure, and their total.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "列出某个指标背后的输入行(文件、工作表、行号、数值)及其合计."
    )

    @Argument(help: "指标名称或 id, e.g. 事故起数, 隐患整改率, accidents.deaths, targets.事前处罚起数.")
    var metric: String

    @Option(name: .long, help: "区县(或镇街)名称;默认全域.")
    var district: String?

    @Option(name: .long, help: "年度 (default: the latest year in the data).")
    var year: Int?

    @Option(name: .long, help: "截至月份 1-12.")
    var through: Int?

    @Option(name: .long, help: "只看某个行业领域.")
    var industry: String?

    @Option(name: .long, help: "只看某个月份 (1-12).")
    var month: Int?

    @Flag(name: .long, help: "解释上年同期的数值.")
    var prior = false

    @OptionGroup var input: InputOptions

    func run() throws {
        do {
            let result = try Ingest.run(inputs: input.inputs, options: IngestOptions(strict: input.strict))
            let period = try ReportPeriod.resolve(for: result.dataset, year: year, through: through)
            let explanation = try MetricExplainer.explain(metric, part: district, industry: industry, month: month, prior: prior,
                                                          in: result.dataset, period: period)
            print(explanation.text, terminator: "")
        } catch {
            throw DataFailure(message: "\(error)")
        }
    }
}
