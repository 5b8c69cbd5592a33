/// Why a run could not start: the inputs folder is unusable or config.toml is invalid. Problems
/// with single files never throw; they are reported in `IngestResult`.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file concerned (`config.toml`), or the folder.
    public let path: String
    /// 1-based line in `path`, when the problem has one.
    public let line: Int?
    public let message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(path) 第\(line)行：\(message)" }
        return "\(path)：\(message)"
    }
}
