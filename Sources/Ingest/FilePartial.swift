import Model

/// What one file yields before the run merges files in sorted order: its report, its records with
/// codes into its own dictionaries, and its rejects and warnings.
struct FilePartial: Sendable {
    let fileIndex: Int32
    var report: FileReport
    /// One table per catalog kind, codes into this file's dictionaries below (remapped when merged).
    var tables: [RecordTable]
    /// One per catalog dictionary (id fields excepted: see `identifiers`).
    var dictionaries: [StringDictionary]
    /// Record ids by id-field dictionary, one string per record that has one (not interned here:
    /// ids are mostly unique, and the merge interns them into the dataset anyway).
    /// Indexed by dictionary, as `dictionaries` (read per row: a `Dictionary` hashed its key each time).
    var identifiers: [StringArena]
    var targets: [Target] = []
    /// Registers with a header and no rows (part codes are this file's).
    var emptyRegisters: [EmptyRegister] = []
    var sheetNames = StringDictionary()
    var rejects: [PendingReject] = []
    var warnings: [PendingWarning] = []
    /// Local sheet-name code → index in `report.sheets`.
    var sheetReportIndex: [Int32: Int] = [:]
    /// Values already warned about in this file (unknown districts, industries).
    var warnedValues: Set<String> = []
    init(fileIndex: Int32, report: FileReport, catalog: Catalog) {
        self.fileIndex = fileIndex
        self.report = report
        tables = catalog.kinds.indices.map { RecordTable(kind: $0, catalog: catalog) }
        dictionaries = Array(repeating: StringDictionary(), count: catalog.dictionaryCount)
        identifiers = Array(repeating: StringArena(), count: catalog.dictionaryCount)
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

extension FilePartial {
    /// Takes in what a chunk of one of this file's sheets yielded (`SheetChunks`), as if its rows
    /// had been read here after those before: dictionary codes and record ids renumbered into this
    /// file's (first-seen order is kept), records, targets and rejects appended, warnings appended
    /// unless a "once per value" one was already given. Returns how many warnings were added.
    mutating func absorb(_ chunk: FilePartial, catalog: Catalog, partDictionary: Int) -> Int {
        // A chunk's dictionary without strings of its own gives its codes as they are: no map.
        let maps: [[Int32]?] = (0..<dictionaries.count).map { d in
            chunk.dictionaries[d].ownCount == 0 ? nil : dictionaries[d].codes(adding: chunk.dictionaries[d])
        }
        var idMaps: [Int: [Int32]] = [:]
        for d in chunk.identifiers.indices where chunk.identifiers[d].count > 0 {
            let first = Int32(identifiers[d].append(contentsOf: chunk.identifiers[d]))
            idMaps[d] = (0..<Int32(chunk.identifiers[d].count)).map { first + $0 }
        }
        let partMap = maps[partDictionary]
        for k in chunk.tables.indices where chunk.tables[k].count > 0 {
            let columnMaps: [[Int32]?] = catalog.kinds[k].fields.map { f in
                let field = catalog.fields[f]
                guard field.dictionary >= 0, field.type.storage == .codes else { return nil }
                return field.type == .id ? idMaps[field.dictionary] ?? [] : maps[field.dictionary]
            }
            tables[k].append(contentsOf: chunk.tables[k], columns: columnMaps, part: partMap)
        }
        targets.append(contentsOf: chunk.targets)
        for r in chunk.rejects { reject(r.row, sheet: r.sheet) }
        let before = warnings.count
        for w in chunk.warnings { warn(w.warning, sheet: w.sheet, row: w.row, onceKey: w.onceKey) }
        return warnings.count - before
    }

    /// Room for about `records` records of `kind` in all, `after` of its rows read so far (its
    /// ids' arena grown in proportion).
    mutating func reserve(kind: Int, records: Int, after read: Int) {
        guard read > 0, records > read else { return }
        tables[kind].reserveCapacity(records)
        for d in identifiers.indices where identifiers[d].count > 0 {
            let arena = identifiers[d]
            let more = records - arena.count
            identifiers[d].reserveCapacity(strings: more, bytes: arena.byteCount / arena.count * more)
        }
    }

    /// Whether this file has records of `kind`, and whether every one of them has an id.
    func records(of kind: Int, idColumn: Int?) -> (any: Bool, allWithIDs: Bool) {
        let table = tables[kind]
        guard table.count > 0 else { return (false, false) }
        guard let idColumn else { return (true, false) }
        return (true, (0..<table.count).allSatisfy { table.columns[idColumn].code($0) >= 0 })
    }

    /// Drops every record of `kinds`: a correction file without ids replaces this file's records
    /// of those kinds entirely. Each dropped row is listed in rejects.csv with the reason, so rows
    /// read still equal accepted plus rejected.
    mutating func supersede(kinds: [Int], by correction: String, catalog: Catalog) {
        for k in kinds {
            let table = tables[k]
            for i in 0..<table.count {
                let p = table.provenance[i]
                guard let s = sheetReportIndex[p.sheet], s < report.sheets.count else { continue }
                report.sheets[s].accepted -= 1
                report.sheets[s].rejected += 1
                report.sheets[s].superseded += 1
                reject(RejectedRow(file: report.path, sheet: report.sheets[s].name, row: Int(p.row), column: "", value: "",
                                   reason: "已由更正文件 \(correction) 整份替换：更正文件的\(catalog.kinds[k].name)记录没有编号，原文件的\(catalog.kinds[k].name)记录全部不再计入"),
                       sheet: s)
            }
            tables[k] = RecordTable(kind: k, catalog: catalog)
            emptyRegisters.removeAll { $0.kind == k }
        }
        if !kinds.isEmpty, !report.supersededBy.contains(correction) { report.supersededBy.append(correction) }
    }
}
