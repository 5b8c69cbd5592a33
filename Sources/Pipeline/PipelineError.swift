/// Why a run stopped. Every case carries a sentence a report writer can act on.
public enum PipelineError: Error, CustomStringConvertible, Sendable {
    /// The inputs folder is missing or unreadable, or config.toml is invalid.
    case inputs(String)
    /// No records at all, or the requested period has none.
    case noData(String)
    /// A template failed its check or rendering: names the template and the line and column, or
    /// for a writer's own .docx the place in the document and the placeholder.
    case template(String)
    /// Writing outputs failed.
    case output(String)

    public var description: String {
        switch self {
        case .inputs(let m), .noData(let m), .template(let m), .output(let m): return m
        }
    }
}
