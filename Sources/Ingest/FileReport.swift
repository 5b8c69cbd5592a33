import Model

/// One input file: identity (size, SHA-256) for manifest.json, and per-sheet results for `check`.
public struct FileReport: Sendable, Equatable {
    /// Relative to the inputs folder, `/`-separated.
    public var path: String
    public var size: Int
    /// SHA-256 of the file's bytes, lower-case hex; empty when not asked for (`IngestOptions.checksums`).
    public var sha256: String
    /// `xlsx`, `csv`, or `toml` for config.toml.
    public var format: String
    /// CSV only: the encoding detected (`UTF-8`, `UTF-8 (BOM)`, `GB18030`, …).
    public var encoding: String?
    /// CSV only: the delimiter detected (`,`, `\t`, `;`).
    public var delimiter: String?
    /// Set when the file could not be read at all: the reader's message.
    public var error: String?
    /// In workbook order; one entry for a CSV file.
    public var sheets: [SheetReport]
    /// A correction file (…（更正）.xlsx): the file it corrects, and how (`整份替换` when its rows
    /// have no ids, `按编号替换` when they do), per kind.
    public var corrects: String?
    public var correction: [String: String] = [:]
    /// The correction files that replaced this file's records of some kinds wholesale.
    public var supersededBy: [String] = []

    public init(path: String, size: Int, sha256: String, format: String) {
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.format = format
        encoding = nil
        delimiter = nil
        error = nil
        sheets = []
    }

    public var read: Int { sheets.reduce(0) { $0 + $1.read } }
    public var accepted: Int { sheets.reduce(0) { $0 + $1.accepted } }
    public var rejected: Int { sheets.reduce(0) { $0 + $1.rejected } }
    public var duplicates: Int { sheets.reduce(0) { $0 + $1.duplicates } }
    public var warnings: Int { sheets.reduce(0) { $0 + $1.warnings } }
    public var superseded: Int { sheets.reduce(0) { $0 + $1.superseded } }
    /// Kinds found in the file, in sheet order, without repeats.
    public var kinds: [String] {
        var seen: [String] = []
        for s in sheets { if let k = s.kind, !seen.contains(k) { seen.append(k) } }
        return seen
    }
    public var isUnreadable: Bool { error != nil }
}
