import Model

/// What happened to one sheet (or one CSV file): for `safetystats check` and manifest.json.
/// Conservation: `read == accepted + rejected`; `duplicates` is the part of `rejected` dropped as
/// duplicates.
public struct SheetReport: Sendable, Equatable {
    /// Sheet name; nil for a CSV file.
    public var name: String?
    /// 1-based position in the workbook (1 for a CSV file).
    public var index: Int
    /// The kind (its catalog name) its header row was recognised as; nil when the sheet was skipped.
    public var kind: String?
    /// Row number of the header (the upper row of a two-row header); nil when none was found.
    public var headerRow: Int?
    /// 1, or 2 for a two-row header with merged parent cells.
    public var headerRowCount: Int
    /// Data rows: below the header, not blank, not a 合计/总计/小计 row, not a 填报/注 line.
    public var read: Int
    public var accepted: Int
    public var rejected: Int
    public var duplicates: Int
    /// The part of `rejected` replaced wholesale by a correction file (更正) without ids.
    public var superseded: Int
    /// Why the sheet was skipped (no header of any kind found, empty sheet …); nil when read.
    public var skipped: String?
    public var warnings: Int
    /// Header as written → canonical field, in column order, for the columns that were used.
    public var columns: [MappedColumn]
    /// Headers of columns that name no field of the kind (kept out of the model, harmless).
    public var ignoredColumns: [String]
    /// Required columns the header lacks (every row is then rejected).
    public var missingColumns: [String]
    /// The money unit set by a `单位:万元` line above the header, if any.
    public var unitLine: String?

    public struct MappedColumn: Sendable, Equatable {
        /// Column letter: `A`, `AB`.
        public var letter: String
        public var header: String
        public var field: String
        /// For money columns: the unit values are read in (`元`, `万元`).
        public var unit: String?
    }

    public init(name: String?, index: Int) {
        self.name = name
        self.index = index
        kind = nil
        headerRow = nil
        headerRowCount = 1
        read = 0
        accepted = 0
        rejected = 0
        duplicates = 0
        superseded = 0
        skipped = nil
        warnings = 0
        columns = []
        ignoredColumns = []
        missingColumns = []
        unitLine = nil
    }

    /// Holds the conservation law.
    public var balances: Bool { read == accepted + rejected && duplicates + superseded <= rejected }
}
