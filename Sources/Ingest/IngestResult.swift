import Model

/// Everything one ingest run produced: the model, and an account of every file, sheet and row.
public struct IngestResult: Sendable {
    public var dataset: Dataset
    /// Every input file (config.toml included), sorted by path.
    public var files: [FileReport]
    /// rejects.csv: rejected rows and dropped duplicates, in file/sheet/row order.
    public var rejects: [RejectedRow]
    /// In file/sheet/row order.
    public var warnings: [IngestWarning]
    /// Files under the inputs folder that are neither exports nor config.toml (not read).
    public var ignoredFiles: [String] = []
    /// Entries that are not regular files inside the folder (FIFOs, devices, broken or outside
    /// links, links back into a folder already read) or second names of a file already read:
    /// never opened, each with the reason.
    public var skippedEntries: [SkippedEntry] = []

    public init(dataset: Dataset, files: [FileReport], rejects: [RejectedRow], warnings: [IngestWarning]) {
        self.dataset = dataset
        self.files = files
        self.rejects = rejects
        self.warnings = warnings
    }

    /// Files that could not be read at all (`check` exits 1 when this is not 0).
    public var unreadableFiles: Int { files.filter(\.isUnreadable).count }
    public var read: Int { files.reduce(0) { $0 + $1.read } }
    public var accepted: Int { files.reduce(0) { $0 + $1.accepted } }
    public var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
    public var duplicates: Int { files.reduce(0) { $0 + $1.duplicates } }
}
