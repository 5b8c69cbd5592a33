/// A template in `Templates/` and what its first comment asks for.
///
/// The first line may be a Stencil comment with directives, e.g.
/// `{# 范围: 每个地区; 输出: md, html, docx #}` — 范围 `全域` (the region only, the default) or
/// `每个地区` (the region and each of its parts, into `<地区>/`); 输出 one or more of md, html,
/// docx, xlsx (default md). Punctuation may be typed half- or full-width, as a Chinese input
/// method gives it (`{# 范围：每个地区；输出：md，html #}`). A piece without a colon is a remark; a
/// piece with a colon whose key is neither 范围 nor 输出 is an error (a mistyped key would
/// otherwise silently give the defaults).
public struct TemplateFile: Sendable {
    public enum Scope: Sendable { case region, everyScope }

    public let name: String        // file name without `.md`
    public let path: String
    public let text: String
    public let scope: Scope
    public let formats: [OutputFormat]

    /// Between directives; after a key; between output formats — each half- or full-width.
    static let directiveSeparators: Set<Character> = [";", "；", "。"]
    static let keySeparators: Set<Character> = [":", "："]
    static let listSeparators: Set<Character> = [",", "，", "、", " "]

    public init(name: String, path: String, text: String) throws(TemplateError) {
        self.name = name
        self.path = path
        self.text = text
        var scope = Scope.region
        var formats: [OutputFormat] = [.md]
        let rawLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let firstLine = rawLine.trimmingWhitespace()
        if firstLine.hasPrefix("{#"), firstLine.hasSuffix("#}") {
            // Columns are counted in the line as typed (1-based characters), for the error message.
            let leading = rawLine.prefix { $0.isWhitespace }.count
            var column = leading + 3
            let body = firstLine.dropFirst(2).dropLast(2)
            for directive in body.split(omittingEmptySubsequences: false, whereSeparator: { Self.directiveSeparators.contains($0) }) {
                defer { column += directive.count + 1 }
                guard let colon = directive.firstIndex(where: { Self.keySeparators.contains($0) }) else { continue }   // a remark
                let key = directive[..<colon].trimmingWhitespace()
                let value = directive[directive.index(after: colon)...].trimmingWhitespace()
                let at = column + directive.prefix { $0.isWhitespace }.count
                func problem(_ message: String) -> TemplateError {
                    TemplateError(template: name + ".md", line: 1, column: at, message: message)
                }
                switch key {
                case "范围":
                    switch value {
                    case "全域": scope = .region
                    case "每个地区": scope = .everyScope
                    default: throw problem("范围应为「全域」或「每个地区」,而不是「\(value)」")
                    }
                case "输出":
                    formats = []
                    for item in value.split(whereSeparator: { Self.listSeparators.contains($0) }) {
                        let word = item.trimmingWhitespace().lowercased()
                        guard let format = OutputFormat(rawValue: word), [.md, .html, .docx, .xlsx].contains(format) else {
                            throw problem("输出格式「\(word)」无效,可选 md、html、docx、xlsx")
                        }
                        if !formats.contains(format) { formats.append(format) }
                    }
                    if formats.isEmpty { throw problem("「输出」后没有写格式,可选 md、html、docx、xlsx") }
                default:
                    throw problem("首行注释中的「\(key)」不是模板设置,可用的设置只有「范围」和「输出」"
                                  + "(例如 {# 范围: 每个地区; 输出: md, docx #});说明文字中请不要用冒号")
                }
            }
        }
        self.scope = scope
        self.formats = formats
    }
}
