/// A `{{…}}` typed in a writer's Word document, found across runs and proofing marks.
///
/// Syntax:
/// - `{{事故起数}}`, `{{ 事故.起数 }}`, `{{ 行业.执法.处罚起数.占比|百分比:2 }}` — a value, with the
///   variables and filters of the Markdown templates;
/// - `{{#下辖}}` — the table row holding it (or, outside a table, the paragraph) is repeated once per
///   element of the list `下辖`; inside, an element's members are used by their plain names
///   (`{{地区}}`, `{{事故.起数}}`); `{{#区 in 下辖}}` names the element instead (`{{区.地区}}`);
/// - `{{/下辖}}` (or `{{/}}`) — optional end marker in a later row (or paragraph) of the same table
///   (or level): every row from the start marker's to this one repeats as one block.
///
/// Word's Chinese input gives full-width forms, so `｛｛…｝｝`, `｜`, `：`, `．`, `＃`, `／`, full-width
/// spaces and curly quotes (AutoCorrect's “去零”) are read as their ASCII counterparts.
public struct DocxPlaceholder: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        /// A value: a Stencil variable expression (`事故.起数|百分比:2`).
        case value(String)
        /// Start of a repeated row (or paragraph) block over the list; `element` names each element.
        case loopStart(list: String, element: String?)
        /// End of a repeated block; `list` when the marker names it.
        case loopEnd(list: String?)
    }

    /// As typed, including the braces (`{{ 事故起数 }}`).
    public let text: String
    public let role: Role
    /// The part holding it (`word/document.xml`, `word/header1.xml`, …).
    public let part: String
    /// Where a person finds it: `正文第3段「……」`, `正文第1个表格第2行第1列`.
    public let location: String

    /// The role of the text between the braces, or a description of what is wrong with it.
    static func role(of inner: String) -> Result<Role, DocxTemplateProblem.Message> {
        let expression = normalized(inner).trimmingWhitespace()
        if expression.isEmpty { return .failure(.init("占位符为空")) }
        if expression.hasPrefix("#") {
            let body = expression.dropFirst().trimmingWhitespace()
            let words = body.split(whereSeparator: { $0 == " " }).map(String.init)
            if words.count == 1, isName(words[0]) { return .success(.loopStart(list: words[0], element: nil)) }
            if words.count == 3, words[1] == "in", isName(words[0]), isName(words[2]) {
                return .success(.loopStart(list: words[2], element: words[0]))
            }
            return .failure(.init("循环标记应写作 {{#列表}} 或 {{#项 in 列表}}"))
        }
        if expression.hasPrefix("/") {
            let body = expression.dropFirst().trimmingWhitespace()
            if body.isEmpty { return .success(.loopEnd(list: nil)) }
            if isName(body) { return .success(.loopEnd(list: body)) }
            return .failure(.init("结束标记应写作 {{/列表}} 或 {{/}}"))
        }
        return .success(.value(expression))
    }

    /// A variable path: no spaces, quotes or filter marks.
    static func isName(_ text: String) -> Bool {
        !text.isEmpty && !text.contains { " |:\"'{}#/".contains($0) }
    }

    /// Full-width ASCII forms, the ideographic space, no-break spaces and curly quotes as ASCII.
    static func normalized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            case 0x3000, 0x00A0, 0x2007, 0x202F: out.append(" ")
            case 0x201C, 0x201D: out.append("\"")
            case 0x2018, 0x2019: out.append("'")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `{` or `｛` (and the closing pair): the braces of a placeholder as Word may have typed them.
    static func isOpenBrace(_ s: Unicode.Scalar) -> Bool { s == "{" || s == "\u{FF5B}" }
    static func isCloseBrace(_ s: Unicode.Scalar) -> Bool { s == "}" || s == "\u{FF5D}" }
}
