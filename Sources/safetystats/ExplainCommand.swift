import ArgumentParser
import Foundation
import Ingest
import Metrics
import Pipeline

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

    @OptionGroup var period: PeriodOptions

    @Option(name: .customLong("period"), help: "解释 config.toml 中 [[periods]] 声明的期间, e.g. 专项整治以来 (its days within the period of --year/--through or --from/--to).")
    var namedPeriod: String?

    @Option(name: .long, help: "只看某个行业领域.")
    var industry: String?

    @Option(name: .long, help: "只看某个月份 (1-12).")
    var month: Int?

    @Option(name: .long, help: "只看某个分项的一行: 分项=值, e.g. 来源=专项整治, 检查类型=日常检查 (any breakdown of the catalog).")
    var breakdown: String?

    @Flag(name: .long, help: "解释上年同期的数值.")
    var prior = false

    @Option(name: .long, help: "输出文件夹: 把合计与其中该期间的 figures.json 核对 (default: Outputs, when it holds that period).")
    var out: String?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if let month, !(1...12).contains(month) {
            throw ValidationError("--month 须为 1 到 12 之间的月份, got \(month).")
        }
        let rows = [industry.map { _ in "--industry" }, month.map { _ in "--month" }, breakdown.map { _ in "--breakdown" }].compactMap { $0 }
        if rows.count > 1 {
            throw ValidationError("\(rows.joined(separator: "、")) 只能用其中一个:每次解释一个分项中的一行.")
        }
        if let breakdown, Self.row(breakdown) == nil {
            throw ValidationError("--breakdown 须写作 分项=值 (e.g. 来源=专项整治), got「\(breakdown)」.")
        }
    }

    /// `来源=专项整治` (or with a full-width ＝) → (by: 来源, key: 专项整治); nil when a side is empty.
    static func row(_ text: String) -> (by: String, key: String)? {
        guard let sign = text.firstIndex(where: { $0 == "=" || $0 == "＝" }) else { return nil }
        let by = text[..<sign].trimmingCharacters(in: .whitespaces)
        let key = text[text.index(after: sign)...].trimmingCharacters(in: .whitespaces)
        return by.isEmpty || key.isEmpty ? nil : (by, key)
    }

    func run() throws {
        let folder = try input.folder()
        let explanation: Explanation
        let period: ReportPeriod
        do {
            var options = IngestOptions(strict: input.strict)
            options.checksums = false                       // an explanation shows no hash
            let result = try Ingest.run(inputs: folder, options: options)
            period = try self.period.request.resolve(for: result.dataset)
            let explained = try namedPeriod.map { name throws(MetricsError) in
                try ReportPeriod.named(name, in: result.dataset.catalog, main: period)
            } ?? period
            explanation = try MetricExplainer.explain(metric, part: district, industry: industry, month: month,
                                                      breakdown: breakdown.flatMap(Self.row), prior: prior,
                                                      in: result.dataset, period: explained)
        } catch {
            throw DataFailure(message: "\(error)")
        }
        // The total is checked against figures.json only when one was read, and says which; a named
        // period's figures are in the main period's file.
        guard let file = try figuresFile(period) else {
            let tried = absolute(out ?? "Outputs")
            TerminalText.printOut(explanation.listing, terminator: "")
            TerminalText.printOut("(未与 figures.json 核对:\(tried) 中没有 \(period.id)/figures.json;先运行 safetystats run,或用 --out 指定输出文件夹。)")
            return
        }
        TerminalText.printOut(explanation.text(checkedAgainst: explanation.check(against: file)), terminator: "")
    }

    /// The figures.json of the period in `--out` (`OUT/<period-id>/figures.json`, or OUT itself
    /// when it is a period folder or the file). Nil when the default Outputs/ has none; an error
    /// when a folder given with --out has none.
    func figuresFile(_ period: ReportPeriod) throws -> FiguresFile? {
        let root = absolute(out ?? "Outputs")
        let fm = FileManager.default
        let candidates = [(root as NSString).appendingPathComponent(period.id + "/figures.json"),
                          (root as NSString).appendingPathComponent("figures.json"), root]
        guard let path = candidates.first(where: { path in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }) else {
            if out == nil { return nil }
            throw DataFailure(message: "找不到 \(candidates[0])(--out 应指定 safetystats run 的输出文件夹,其中有 \(period.id)/figures.json)")
        }
        do {
            return try FiguresFile(path: path)
        } catch {
            throw DataFailure(message: "\(error)")
        }
    }

    func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}
