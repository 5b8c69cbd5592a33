import Model

/// What one file yields before the run merges files in sorted order: its report, its records with
/// codes into its own dictionaries, and its rejects and warnings.
struct FilePartial: Sendable {
    let fileIndex: Int32
    var report: FileReport
    /// Records with codes into this file's dictionaries below (remapped when merged).
    var accidents = IncidentTable()
    var fires = IncidentTable()
    var hazards = HazardTable()
    var inspections = InspectionTable()
    var penalties = PenaltyTable()
    var targets: [Target] = []
    var districts = StringDictionary()
    var towns = StringDictionary()
    var industries = StringDictionary()
    var units = StringDictionary()
    var labels = StringDictionary()
    /// Record ids, one per record that has one (not interned here: ids are mostly unique, and
    /// the merge interns them into the dataset anyway).
    var identifiers = StringArena()
    var sheetNames = StringDictionary()
    /// 隐患描述 per hazard record (parallel to `hazards`): not in the model, but a mapped field
    /// that tells id-less hazards apart when looking for duplicates.
    var hazardDescriptions: [Int32] = []
    var descriptions = StringDictionary()
    var rejects: [PendingReject] = []
    var warnings: [PendingWarning] = []
    /// Local sheet-name code → index in `report.sheets`.
    var sheetReportIndex: [Int32: Int] = [:]
    /// Values already warned about in this file (unknown districts, industries).
    var warnedValues: Set<String> = []

    init(fileIndex: Int32, report: FileReport) {
        self.fileIndex = fileIndex
        self.report = report
    }

    mutating func reject(_ row: RejectedRow, sheet: Int) {
        rejects.append(PendingReject(row: row, file: Int(fileIndex), sheet: sheet, sequence: rejects.count))
    }

    mutating func warn(_ warning: IngestWarning, sheet: Int, row: Int, onceKey: String? = nil) {
        if let key = onceKey {
            guard warnedValues.insert(key).inserted else { return }
        }
        warnings.append(PendingWarning(warning: warning, file: Int(fileIndex), sheet: sheet, row: row, onceKey: onceKey))
    }
}

/// A reject with the keys that order rejects.csv: file, sheet, row.
struct PendingReject: Sendable {
    var row: RejectedRow
    var file: Int
    /// Index of the sheet in its file's report.
    var sheet: Int
    var sequence: Int

    static func ordered(_ a: PendingReject, _ b: PendingReject) -> Bool {
        (a.file, a.sheet, a.row.row, a.sequence) < (b.file, b.sheet, b.row.row, b.sequence)
    }
}

/// A warning with its place, and the key of "once per value" warnings (unknown district or industry).
struct PendingWarning: Sendable {
    var warning: IngestWarning
    var file: Int
    var sheet: Int
    var row: Int
    var onceKey: String?
}
