import ArgumentParser

/// Flags shared by the commands that read `Inputs/`.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "输入文件夹 (XLSX/CSV and optional config.toml).")
    var inputs: String = "Inputs"

    @Flag(name: .long, help: "未知区县按错误处理 (reject rows naming an unknown district).")
    var strict = false
}

/// Progress and verbosity (PRODUCT.md: progress on stderr only when it is a terminal).
struct OutputVerbosity: ParsableArguments {
    @Flag(name: .long, help: "只输出错误.")
    var quiet = false

    @Flag(name: .long, help: "输出每个文件的处理情况.")
    var verbose = false
}
