import Render

/// What one `safetystats run` does.
public struct RunOptions: Sendable {
    public var inputs: String
    public var output: String
    public var templates: String
    public var year: Int?
    public var through: Int?
    public var formats: Set<OutputFormat> = Set(OutputFormat.allCases)
    public var strict = false
    /// Progress messages (the CLI shows them on a terminal).
    public var progress: @Sendable (String) -> Void = { _ in }

    public init(inputs: String = "Inputs", output: String = "Outputs", templates: String = "Templates") {
        self.inputs = inputs
        self.output = output
        self.templates = templates
    }
}
