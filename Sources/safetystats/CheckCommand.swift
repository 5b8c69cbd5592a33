import ArgumentParser
import Ingest

/// `safetystats check`: validate only — per file and sheet, what was detected and counted.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "只检查输入:每个文件、工作表的类型、行数、未计入和重复行、警告 (exit 1 if a file is unreadable)."
    )

    @OptionGroup var input: InputOptions

    @Flag(name: .long, help: "列出每条警告.")
    var verbose = false

    func run() throws {
        let result: IngestResult
        do {
            result = try Ingest.run(inputs: input.inputs, options: IngestOptions(strict: input.strict))
        } catch {
            throw DataFailure(message: "\(error)")
        }
        print(CheckReport.text(result, verbose: verbose), terminator: "")
        if result.unreadableFiles > 0 {
            throw DataFailure(message: "\(result.unreadableFiles) 个文件无法读取 (unreadable files), 见上.")
        }
    }
}
