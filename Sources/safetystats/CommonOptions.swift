import ArgumentParser
import Foundation

/// Flags shared by the commands that read `Inputs/`.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "输入文件夹 (XLSX/CSV and optional config.toml).")
    var inputs: String = "Inputs"

    @Flag(name: .long, help: "未知区县按错误处理 (reject rows naming an unknown district).")
    var strict = false

    /// The inputs folder as an absolute path; an error naming that path and the option when it is
    /// not a folder.
    func folder() throws -> String {
        let url = inputs.hasPrefix("/") ? URL(fileURLWithPath: inputs)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(inputs)
        let path = url.standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DataFailure(message: "找不到输入文件夹 \(path)(用 --inputs 指定放各区县报表的文件夹)")
        }
        return path
    }
}

/// Progress and verbosity (PRODUCT.md: progress on stderr only when it is a terminal).
struct OutputVerbosity: ParsableArguments {
    @Flag(name: .long, help: "只输出错误.")
    var quiet = false

    @Flag(name: .long, help: "输出每个文件的处理情况.")
    var verbose = false
}
