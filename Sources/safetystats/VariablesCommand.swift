import ArgumentParser
import Ingest
import Metrics
import Render

/// `safetystats variables`: the names a template may use with this inputs folder — the built-in
/// catalog with its config.toml's declarations and the 填报指标 indicators its files hold — as
/// the Markdown of README's「Template variables」(which is this command's `--builtin` output).
struct VariablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "variables",
        abstract: "列出模板可用的全部变量(按 config.toml 和输入数据中的指标), Markdown 格式 (template variable reference)."
    )

    @OptionGroup var input: InputOptions

    @Flag(name: .long, help: "只列内置目录的变量,不读输入文件夹 (the built-in catalog alone: README's reference).")
    var builtin = false

    func run() throws {
        if builtin {
            print(TemplateVariables.markdown(catalog: CatalogLoader.builtin()), terminator: "")
            return
        }
        let folder = try input.folder()
        let result: IngestResult
        do {
            var options = IngestOptions(strict: input.strict)
            options.checksums = false                       // the variables show no hash
            result = try Ingest.run(inputs: folder, options: options)
        } catch {
            throw DataFailure(message: "\(error)")
        }
        let dataset = result.dataset
        print(TemplateVariables.markdown(catalog: dataset.catalog, metrics: FiguresBuilder.declarations(dataset)), terminator: "")
    }
}
