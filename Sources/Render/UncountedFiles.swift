import Foundation
import Zip

/// Input files a run could not read and went on without (`run --skip-unreadable`): every document
/// of that run says so, visibly, so a report with a district's figures missing never reads as
/// complete.
///
/// Templates see `未计入文件` (a list of `文件.路径`, `文件.原因`) and `未计入说明` (one sentence;
/// empty text when every file was read). The default templates place the note with a short block
/// under their title. A template that does not mention `未计入` gets it anyway: a Markdown template
/// has the note put under its title (as a sheet of its own when it writes xlsx), and a writer's own
/// Word document gets it as a first, highlighted paragraph of its body.
public struct UncountedFiles: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        /// Relative to the inputs folder.
        public let path: String
        /// Why it could not be read, as `check` says it.
        public let reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    public let files: [File]

    public init(_ files: [File] = []) { self.files = files }

    public var isEmpty: Bool { files.isEmpty }

    /// 「注意：以下2个输入文件无法读取，其数据未计入本文件的任何数字：a.xlsx（原因）；b.csv（原因）。」
    public var sentence: String {
        guard !files.isEmpty else { return "" }
        // One line: it is a `>` note in Markdown.
        let list = files.map { "\($0.path.replacingNewlines)（\($0.reason.replacingNewlines)）" }.joined(separator: "；")
        return "注意：以下\(files.count)个输入文件无法读取，其数据未计入本文件的任何数字：\(list)。"
    }

    /// The template variables.
    var context: [String: Any] {
        [
            "未计入文件": files.map { ["路径": $0.path, "原因": $0.reason] as [String: Any] },
            "未计入说明": sentence,
        ]
    }

    /// The element of `未计入文件`, for checking templates in runs where the list is empty.
    static var prototypes: [String: Any] { ["未计入文件": ["路径": "", "原因": ""] as [String: Any]] }

    /// Whether a template places the note itself (names one of the variables).
    static func isPlaced(in text: String) -> Bool { text.contains("未计入") }

    /// The rendered Markdown of a template that does not place the note, with the note under its
    /// title: a `>` note, or for a workbook a `## 未计入文件` table, which becomes its own sheet.
    func addingNote(to markdown: String, asTable: Bool) -> String {
        guard !files.isEmpty else { return markdown }
        var note: String
        if asTable {
            note = "## 未计入文件\n\n| 以下输入文件无法读取，其数据未计入本表的任何数字 | 原因 |\n|---|---|\n"
            for file in files {
                note += "| \(MarkdownText.escaped(file.path)) | \(MarkdownText.escaped(file.reason)) |\n"
            }
        } else {
            note = "> " + MarkdownText.escaped(sentence) + "\n"
        }
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let titleIndex = lines.firstIndex { $0.hasPrefix("# ") }
        lines.insert(contentsOf: ["", note], at: titleIndex.map { $0 + 1 } ?? 0)
        return ReportRenderer.tidy(lines.joined(separator: "\n"))
    }

    /// A filled Word document with the note as the first paragraph of its body, bold, dark red and
    /// shaded, in the writer's own fonts otherwise. Every other part is copied as it was.
    func addingNote(toDocx bytes: [UInt8], mainPart: String) -> [UInt8] {
        guard !files.isEmpty, let archive = try? ZipArchive(bytes: bytes) else { return bytes }
        var zip = ZipWriter()
        for entry in archive.entries {
            guard let content = try? archive.read(entry) else { return bytes }
            if entry.path == mainPart, let noted = withNote(content) {
                zip.add(path: entry.path, bytes: noted)
            } else {
                zip.add(path: entry.path, bytes: content, store: entry.method == 0)
            }
        }
        return zip.finish()
    }

    /// document.xml with the note paragraph right after `<w:body>` (whatever the prefix of the
    /// WordprocessingML namespace is in this document).
    func withNote(_ xml: [UInt8]) -> [UInt8]? {
        let text = String(decoding: xml, as: UTF8.self)
        guard let open = text.range(of: ":body>") ?? text.range(of: "<body>") else { return nil }
        let before = text[..<open.lowerBound]
        guard let tagStart = before.lastIndex(of: "<") else { return nil }
        let prefix = String(text[text.index(after: tagStart)..<open.lowerBound])
        let p = prefix == "body" ? "" : prefix + ":"
        let paragraph = "<\(p)p><\(p)pPr><\(p)shd \(p)val=\"clear\" \(p)color=\"auto\" \(p)fill=\"FFF2CC\"/></\(p)pPr>"
            + "<\(p)r><\(p)rPr><\(p)b/><\(p)color \(p)val=\"C00000\"/></\(p)rPr>"
            + "<\(p)t xml:space=\"preserve\">\(XMLText.escape(sentence))</\(p)t></\(p)r></\(p)p>"
        return Array((text[..<open.upperBound] + paragraph + text[open.upperBound...]).utf8)
    }

}

private extension String {
    var replacingNewlines: String {
        split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}
