/// A template problem, located for the person editing the template.
public struct TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    public let template: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(template: String, line: Int, column: Int, message: String) {
        self.template = template
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "模板 \(template) 第\(line)行第\(column)列: \(message)" }
}
