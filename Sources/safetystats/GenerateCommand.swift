import ArgumentParser
import Generator

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

    @Option(name: .long, help: "随机种子 (default 20261122).")
    var seed: UInt64 = 20261122

    func validate() throws {
        guard GeneratorScale(rawValue: scale) != nil else {
            throw ValidationError("未知的规模「\(scale)」,可选: " + GeneratorScale.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    @Flag(name: .long, help: "不显示进度.")
    var quiet = false

    func run() throws {
        guard let scale = GeneratorScale(rawValue: scale) else { return }
        let progress = ProgressLine(quiet: quiet, verbose: false)
        var generator = ExportGenerator(scale: scale, seed: seed)
        generator.progress = { progress.show($0) }
        let outcome = Result { try generator.write(to: out) }
        progress.finish()
        do {
            let summary = try outcome.get()
            TerminalText.printOut("\(out): \(summary)")
        } catch {
            throw DataFailure(message: "无法写入 \(out): \(error)")
        }
    }
}
