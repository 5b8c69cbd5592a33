import ArgumentParser

/// `safetystats generate`: deterministic realistic district exports with their expected totals.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "生成逼真的区县报送样例数据及其期望合计 (expected.json)."
    )

    @Option(name: .long, help: "规模: sample, city, province, sheet-1m.")
    var scale: String = "sample"

    @Option(name: .long, help: "输出文件夹.")
    var out: String

    @Option(name: .long, help: "随机种子.")
    var seed: UInt64?

    func run() throws {
        throw NotAvailable(message: "generate 功能尚未提供 (not available yet).")
    }
}
