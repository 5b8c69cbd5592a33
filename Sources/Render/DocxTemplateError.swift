/// Why a writer's own .docx could not be used as a template. Nothing is written for it then.
public enum DocxTemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a Word document we can read (not a zip, no main document, malformed XML).
    case unreadable(template: String, reason: String)
    /// Placeholders that cannot be filled: every one, in document order.
    case invalid(template: String, problems: [DocxTemplateProblem])

    public var description: String {
        switch self {
        case .unreadable(let template, let reason):
            return "Word 模板 \(template) 无法读取:\(reason)"
        case .invalid(let template, let problems):
            return problems.map { "Word 模板 \(template) \($0)" }.joined(separator: "\n")
        }
    }
}

/// One placeholder problem, located the way a writer looks for it in Word.
public struct DocxTemplateProblem: Equatable, Sendable, CustomStringConvertible {
    /// The part (`word/document.xml`).
    public let part: String
    /// `正文第3段「……」`, `正文第1个表格第2行第1列`, `页眉第1段`.
    public let location: String
    /// The placeholder as typed (`{{ 事故.起数x }}`), or the start of an unclosed one.
    public let placeholder: String
    public let message: String

    public init(part: String, location: String, placeholder: String, message: String) {
        self.part = part
        self.location = location
        self.placeholder = placeholder
        self.message = message
    }

    public var description: String { "\(location) \(placeholder):\(message)" }

    /// A problem sentence (so `Result` can carry it).
    struct Message: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }
}
