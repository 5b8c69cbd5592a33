import ArgumentParser

/// `safetystats diff OLD NEW`: which figures changed between two output folders.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "比较两次输出,列出变化的指标."
    )

    @Argument(help: "旧的输出文件夹.")
    var old: String

    @Argument(help: "新的输出文件夹.")
    var new: String

    func run() throws {
        throw NotAvailable(message: "diff 功能尚未提供 (not available yet).")
    }
}
