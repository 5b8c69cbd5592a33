import Foundation

/// The output formats `--format` selects (PRODUCT.md).
public enum OutputFormat: String, CaseIterable, Sendable, Hashable {
    case md, docx, html, json, csv, xlsx

    /// Parses `md,docx,json`; an unknown name is a usage error naming it.
    public static func parseList(_ text: String) throws -> Set<OutputFormat> {
        var result: Set<OutputFormat> = []
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty { continue }
            guard let format = OutputFormat(rawValue: name) else {
                throw OutputFormatError(message: "未知的输出格式「\(name)」,可选: md, docx, html, json, csv, xlsx")
            }
            result.insert(format)
        }
        if result.isEmpty { throw OutputFormatError(message: "--format 为空,可选: md, docx, html, json, csv, xlsx") }
        return result
    }
}

/// A `--format` list that names something unknown.
public struct OutputFormatError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
