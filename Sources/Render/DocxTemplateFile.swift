import Foundation
import Metrics

/// A writer's own Word document in the templates folder, and what its file name asks for.
///
/// `名称.docx` (or `名称.全域.docx`) is filled once, for the region, into `名称.docx`;
/// `名称.每个地区.docx` is filled for the region and each of its parts, into `<地区>/名称.docx` —
/// the two scopes of the Markdown templates' `范围`. The file name carries the scope because
/// anything typed into the document itself would also be printed in every output.
public struct DocxTemplateFile: Sendable {
    /// The file name as it is in the folder (`工作总结.每个地区.docx`), used in every message.
    public let fileName: String
    /// The output's name without extension (`工作总结`).
    public let name: String
    public let scope: TemplateFile.Scope
    public let template: DocxTemplate

    static let everyScopeSuffix = ".每个地区"
    static let regionSuffix = ".全域"

    /// Whether a file in the templates folder is a Word template: `.docx` in any case, not a dot
    /// file and not the `~$…` lock file Word keeps beside a document while it is open.
    static func isTemplate(_ fileName: String) -> Bool {
        fileName.lowercased().hasSuffix(".docx") && !fileName.hasPrefix(".") && !fileName.hasPrefix("~$")
    }

    public init(path: String, limits: TemplateLimits = .default) throws(DocxTemplateError) {
        let fileName = (path as NSString).lastPathComponent
        // The file itself is bounded too (its parts may together reach 8 × the part limit).
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > 8 * limits.maxWordPartBytes {
            throw .unreadable(template: fileName, reason: "文件有 \(TemplateChecker.megabytes(Int(info.st_size))) MB，超过 Word 模板 "
                              + "\(TemplateChecker.megabytes(8 * limits.maxWordPartBytes)) MB 的上限（用 --word-template-max-mb 调高）")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(template: fileName, reason: "找不到或无法读取文件 \(path)")
        }
        try self.init(fileName: fileName, bytes: [UInt8](data), limits: limits)
    }

    public init(fileName: String, bytes: [UInt8], limits: TemplateLimits = .default) throws(DocxTemplateError) {
        self.fileName = fileName
        var name = String(fileName.dropLast(".docx".count))
        if name.hasSuffix(Self.everyScopeSuffix) {
            scope = .everyScope
            name = String(name.dropLast(Self.everyScopeSuffix.count))
        } else {
            scope = .region
            if name.hasSuffix(Self.regionSuffix) { name = String(name.dropLast(Self.regionSuffix.count)) }
        }
        guard !name.isEmpty else {
            throw .unreadable(template: fileName, reason: "文件名缺少名称,应为「名称.docx」或「名称.每个地区.docx」")
        }
        self.name = name
        template = try DocxTemplate(bytes: bytes, name: fileName, maxPartBytes: limits.maxWordPartBytes)
    }

    /// Where the output goes, relative to the period folder — as for a Markdown template: `folder`
    /// is the scope's folder (`OutputName`), used when the template is filled for every scope.
    func outputPath(folder: String) -> String {
        (scope == .everyScope ? folder + "/" : "") + name + ".docx"
    }

    func outputPath(for scope: ScopeFigures) -> String { outputPath(folder: OutputName.folder(scope.scope)) }
}
