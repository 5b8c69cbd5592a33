/// Where a record came from, as the user would find it: file, sheet and row number as Excel shows it.
public struct Provenance: Hashable, Sendable {
    /// Index into `Dataset.files`.
    public var file: Int32
    /// Code in `Dataset.sheetNames` (`StringDictionary.absent` for a CSV file).
    public var sheet: Int32
    /// 1-based row number in the sheet (for CSV: the record's line number).
    public var row: Int32

    public init(file: Int32, sheet: Int32, row: Int32) {
        self.file = file
        self.sheet = sheet
        self.row = row
    }
}
