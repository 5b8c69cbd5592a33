import Foundation
import Zip

/// Names of parts inside the package (OPC part names without the leading slash).
enum PartPath {
    /// Resolves a relationship target against the part that holds the relationship: absolute targets
    /// start with `/`; relative ones are relative to the source part's folder; `.`/`..` are resolved
    /// and `%XX` escapes decoded. Backslashes are separators as in zip entry names
    /// (`ZipArchive.normalised`): exporters that store `xl\workbook.xml` also write `worksheets\sheet1.xml`.
    static func resolve(_ target: String, from source: String) -> String {
        var decoded = percentDecoded(target)
        if decoded.utf8.contains(UInt8(ascii: "\\")) { decoded = decoded.replacingOccurrences(of: "\\", with: "/") }
        var segments: [Substring] = []
        if !decoded.hasPrefix("/") {
            segments = ZipArchive.normalised(source).split(separator: "/", omittingEmptySubsequences: true)
            if !segments.isEmpty { segments.removeLast() }
        }
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    /// The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relationships(of part: String) -> String {
        var segments = ZipArchive.normalised(part).split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let last = segments.popLast() ?? ""
        segments.append("_rels")
        segments.append(last + ".rels")
        return segments.joined(separator: "/")
    }

    private static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = XMLText.hexValue(utf8[index + 1]), let low = XMLText.hexValue(utf8[index + 2]) {
                bytes.append(UInt8(high << 4 | low))
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
