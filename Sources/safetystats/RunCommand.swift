import ArgumentParser
import Foundation
import Pipeline
import Render

/// `safetystats run`: ingest → metrics → every output format, written atomically.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "汇总输入并生成全部报告 (default command)."
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "输出文件夹.")
    var out: String = "Outputs"

    @Option(name: .long, help: "模板文件夹 (default: ./Templates when present, else the built-in templates).")
    var templates: String?

    @OptionGroup var period: PeriodOptions

    @Option(name: .long, help: "输出格式, comma-separated: md,docx,html,json,csv,xlsx (default: all).")
    var format: String?

    @Flag(name: .long, help: "无法读取的输入文件不计入,照常生成报告;每份文档都会注明这些文件 (default: such files stop the run).")
    var skipUnreadable = false

    @Flag(name: .long, help: "有地区未报送某类数据时仍生成报告:这些数字标为“未报送”,合计注明不含哪些地区 (default: missing data stops the run).")
    var allowMissing = false

    @Option(name: .long, help: "模板大小上限, MB (default 1).")
    var templateMaxMb: Int = TemplateLimits.default.maxBytes >> 20

    @Option(name: .long, help: "模板中 {% if/for %} 嵌套层数上限 (default 20, at most 200).")
    var templateMaxDepth: Int = TemplateLimits.default.maxDepth

    @Option(name: .long, help: "嵌套循环重复次数上限 (default 1000000).")
    var templateMaxLoops: Int = TemplateLimits.default.maxLoopRepetitions

    @Option(name: .long, help: "Word 模板每个部件解压后的大小上限, MB (default 32).")
    var wordTemplateMaxMb: Int = TemplateLimits.default.maxWordPartBytes >> 20

    @OptionGroup var verbosity: OutputVerbosity

    func validate() throws {
        if let format {
            do { _ = try OutputFormat.parseList(format) } catch { throw ValidationError("\(error)") }
        }
        for (name, value, most) in [("--template-max-mb", templateMaxMb, 4096), ("--template-max-depth", templateMaxDepth, TemplateLimits.deepestAllowed),
                                    ("--template-max-loops", templateMaxLoops, Int.max >> 1), ("--word-template-max-mb", wordTemplateMaxMb, 4096)]
            where !(1...most).contains(value) {
            throw ValidationError("\(name) 须在 1 到 \(most) 之间, got \(value).")
        }
    }

    func run() throws {
        var options = RunOptions(inputs: input.inputs, output: out, templates: templates)
        options.period = period.request
        options.allowMissing = allowMissing
        options.strict = input.strict
        options.skipUnreadable = skipUnreadable
        options.templateLimits = TemplateLimits(maxBytes: templateMaxMb << 20, maxDepth: templateMaxDepth,
                                                maxLoopRepetitions: templateMaxLoops, maxWordPartBytes: wordTemplateMaxMb << 20)
        if let format { options.formats = (try? OutputFormat.parseList(format)) ?? options.formats }
        let progress = ProgressLine(quiet: verbosity.quiet, verbose: verbosity.verbose)
        options.progress = { progress.show($0) }
        let outcome = Result { () throws(PipelineError) -> RunSummary in try ReportRun.run(options) }
        progress.finish()
        let summary: RunSummary
        switch outcome {
        case .success(let s): summary = s
        case .failure(let error): throw DataFailure(message: error.description)
        }
        if !verbosity.quiet {
            TerminalText.printOut(summary.description)
        }
        // Never hidden, not even by --quiet: these files' records are missing from every figure.
        if !summary.uncounted.isEmpty {
            var note = "注意:\(summary.uncounted.files.count) 个输入文件无法读取,未计入任何数字(每份文档都已注明):\n"
            note += summary.uncounted.files.map { "  \($0.path):\($0.reason)" }.joined(separator: "\n")
            TerminalText.printError(note)
        }
        let figures = summary.figures
        if !figures.missing.isEmpty {
            var note = "注意:\(figures.missing.count) 项数据未报送,文档中相应数字标为“未报送”,合计注明不含哪些地区 (--allow-missing):\n"
            note += figures.missing.map { "  \($0)" }.joined(separator: "\n")
            TerminalText.printError(note)
        }
        // Like warnings: said unless --quiet; a missing prior never stops a run (CATALOG.md §Comparisons).
        if !verbosity.quiet {
            for pair in figures.priorMissing {
                TerminalText.printError("上年同期无数据:\(pair),相应指标不作同比")
            }
        }
    }
}
