import ArgumentParser
import Pipeline

/// `safetystats` — with no subcommand it runs the whole pipeline (`run`) on `Inputs/`.
struct SafetyStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safetystats",
        abstract: "把各区县报送的安全生产统计表汇总为年度工作总结、新闻发布会数据和统计表。",
        discussion: """
        Turns district spreadsheets (XLSX, CSV) into exact report figures and documents.
        Exit codes: 0 success, 1 input or data error, 2 usage error (diff: 0 same, 1 changed, 2 trouble).
        """,
        version: "safetystats \(ToolVersion.number)",
        subcommands: [RunCommand.self, CheckCommand.self, InspectCommand.self, ExplainCommand.self,
                      DiffCommand.self, GenerateCommand.self, VariablesCommand.self],
        defaultSubcommand: RunCommand.self
    )
}

/// An input or data error: printed as is, exit 1 (or `exitCode`: diff's trouble is 2, as diff(1)'s).
struct DataFailure: Error {
    let message: String
    var exitCode: Int32 = 1
}

/// A subcommand whose capability has not landed yet: exit 2 with a plain sentence.
struct NotAvailable: Error {
    let message: String
}
