/// A register (a sheet, or a CSV file) whose header lacks some column of its kind. A part's figure
/// that reads a column its register for the period does not have is not known — never 0, and
/// never summed into the region as if it were complete (METRICS.md §Missing data).
public struct RegisterColumns: Sendable, Equatable {
    /// Index into `Dataset.files`.
    public var file: Int32
    /// Code in `Dataset.sheetNames` (`StringDictionary.absent` for a CSV file), as in `Provenance`.
    public var sheet: Int32
    public var kind: Int
    /// Per column of the kind: whether the register's header had it.
    public var mapped: [Bool]

    public init(file: Int32, sheet: Int32, kind: Int, mapped: [Bool]) {
        self.file = file
        self.sheet = sheet
        self.kind = kind
        self.mapped = mapped
    }
}
