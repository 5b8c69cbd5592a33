import ArgumentParser
import Ingest
import Metrics
import Pipeline

/// `safetystats check`: validate only — per file and sheet, what was detected and counted.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "只检查输入:每个文件、工作表的类型、行数、未计入和重复行、警告,以及各地区每类数据每年的报送情况 (exit 1 if a file is unreadable)."
    )

    @OptionGroup var input: InputOptions

    @Flag(name: .long, help: "列出每条警告.")
    var verbose = false

    @Flag(name: .long, help: "不显示读取进度.")
    var quiet = false

    func run() throws {
        let folder = try input.folder()
        let progress = ProgressLine(quiet: quiet, verbose: false)
        var options = IngestOptions(strict: input.strict)
        options.checksums = false                           // check shows no hash
        options.progress = ReadProgress { progress.show($0) }.callback
        let outcome = Result { try Ingest.run(inputs: folder, options: options) }
        progress.finish()
        let result: IngestResult
        do {
            result = try outcome.get()
        } catch {
            throw DataFailure(message: "\(error)")
        }
        // An empty register whose name states no year counts for the year a run would report.
        let coverage = Coverage(result.dataset, undatedYear: (try? ReportPeriod.resolve(for: result.dataset))?.year)
        TerminalText.printOut(CheckReport.text(result, verbose: verbose, coverage: coverage), terminator: "")
        if result.unreadableFiles > 0 {
            throw DataFailure(message: "\(result.unreadableFiles) 个文件无法读取 (unreadable files), 见上.")
        }
    }
}
