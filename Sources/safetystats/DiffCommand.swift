import ArgumentParser
import Metrics

/// `safetystats diff OLD NEW`: which figures changed between two runs, old → new, per scope.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "比较两次输出(输出文件夹或 figures.json),列出变化的指标."
    )

    @Argument(help: "旧的输出文件夹 (e.g. Outputs-11月/2025) 或 figures.json.")
    var old: String

    @Argument(help: "新的输出文件夹或 figures.json.")
    var new: String

    func run() throws {
        do {
            let diff = try FiguresDiff.compare(old: old, new: new)
            print(diff.text, terminator: "")
        } catch {
            throw DataFailure(message: "\(error)")
        }
    }
}
