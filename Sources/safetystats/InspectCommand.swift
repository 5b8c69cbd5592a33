import ArgumentParser
import CSV
import Foundation
import XLS
import XLSX

/// `safetystats inspect FILE [--sheet N|NAME]`: one sheet (or a CSV) as normalised CSV on stdout.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "把一个工作表(或 CSV)按统一格式输出为 CSV,便于逐格核对."
    )

    @Argument(help: "XLSX、XLS、ET 或 CSV 文件.")
    var file: String

    @Option(name: .long, help: "工作表序号(从 1 开始)或名称;默认第 1 个.")
    var sheet: String = "1"

    func run() throws {
        guard FileManager.default.fileExists(atPath: file) else {
            throw DataFailure(message: "找不到文件 \(file)")
        }
        let out = FileHandle.standardOutput
        // Raw CSV for files and pipes (other tools compare it byte for byte); escaped on a terminal.
        let terminal = isatty(STDOUT_FILENO) != 0
        func emit(_ text: String) { out.write(Data((terminal ? TerminalText.escaped(text) : text).utf8)) }
        do {
            if file.lowercased().hasSuffix(".csv") {
                let document = try CSVDocument(path: file)
                var writer = CSVWriter()
                try document.forEachRecord { record in
                    var fields = (0..<record.count).map { record[$0] }
                    while fields.last?.isEmpty == true { fields.removeLast() }
                    writer.write(fields)
                }
                // A file another program wrote meanwhile: what was read is neither version.
                if document.fileChangedWhileRead { throw CSVError.changedWhileRead }
                emit(writer.text)
            } else {
                // By content, not by name: an .xls renamed .xlsx (and the reverse) is read as what it is.
                let workbook: any SheetSource = XLSWorkbook.fileIsCompound(file) ? try XLSWorkbook(path: file) : try Workbook(path: file)
                let info = try SheetInspector.resolve(workbook, sheet)
                try SheetInspector.write(workbook, info) { emit($0) }
            }
        } catch {
            throw DataFailure(message: "\(file): \(error)")
        }
    }
}
