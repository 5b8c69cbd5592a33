import ArgumentParser
import Metrics

/// `safetystats diff OLD NEW`: which figures changed between two runs, old → new, per scope.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "比较两次输出(输出文件夹或 figures.json),列出变化的指标.",
        discussion: "退出码同 diff(1): 0 全部指标相同, 1 有指标变化, 2 无法读取输入 (exit 0 same, 1 changed, 2 trouble)."
    )

    @Argument(help: "旧的输出文件夹 (e.g. Outputs-11月/2025) 或 figures.json.")
    var old: String

    @Argument(help: "新的输出文件夹或 figures.json.")
    var new: String

    func run() throws {
        let diff: FiguresDiff
        do {
            diff = try FiguresDiff.compare(old: old, new: new)
        } catch {
            // 2, not 1: a script reads 1 as "figures changed", as with diff(1).
            throw DataFailure(message: "\(error)", exitCode: 2)
        }
        TerminalText.printOut(diff.text, terminator: "")
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
