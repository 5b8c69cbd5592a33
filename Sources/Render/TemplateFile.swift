/// A template in `Templates/` and what its first comment asks for.
///
/// The first line may be a Stencil comment with directives, e.g.
/// `{# 范围: 每个地区; 输出: md, html, docx #}` — 范围 `全域` (the region only, the default) or
/// `每个地区` (the region and each of its parts, into `<地区>/`); 输出 one or more of md, html,
/// docx, xlsx (default md).
public struct TemplateFile: Sendable {
    public enum Scope: Sendable { case region, everyScope }

    public let name: String        // file name without `.md`
    public let path: String
    public let text: String
    public let scope: Scope
    public let formats: [OutputFormat]

    public init(name: String, path: String, text: String) throws(TemplateError) {
        self.name = name
        self.path = path
        self.text = text
        var scope = Scope.region
        var formats: [OutputFormat] = [.md]
        let firstLine = text.prefix { $0 != "\n" }.trimmingWhitespace()
        if firstLine.hasPrefix("{#"), firstLine.hasSuffix("#}") {
            let body = firstLine.dropFirst(2).dropLast(2)
            for directive in body.split(whereSeparator: { $0 == ";" || $0 == ";" || $0 == "。" }) {
                let pair = directive.split(whereSeparator: { $0 == ":" || $0 == ":" }).map { $0.trimmingWhitespace() }
                guard pair.count == 2 else { continue }
                switch pair[0] {
                case "范围":
                    switch pair[1] {
                    case "全域": scope = .region
                    case "每个地区": scope = .everyScope
                    default:
                        throw TemplateError(template: name + ".md", line: 1, column: 1,
                                            message: "范围应为「全域」或「每个地区」,而不是「\(pair[1])」")
                    }
                case "输出":
                    formats = []
                    for item in pair[1].split(whereSeparator: { $0 == "," || $0 == "," || $0 == "、" }) {
                        let word = item.trimmingWhitespace().lowercased()
                        guard let format = OutputFormat(rawValue: word), [.md, .html, .docx, .xlsx].contains(format) else {
                            throw TemplateError(template: name + ".md", line: 1, column: 1,
                                                message: "输出格式「\(word)」无效,可选 md、html、docx、xlsx")
                        }
                        formats.append(format)
                    }
                default: continue   // other words in the comment are remarks
                }
            }
        }
        self.scope = scope
        self.formats = formats
    }
}
