import Model

/// Merges the files' partial results in sorted path order into one dataset, remapping dictionary
/// codes and removing duplicates (INPUTS.md §Normalisation rules, clarification on rejects.csv) —
/// the same way for every kind of the catalog:
/// - records of one kind with the same id are one record: the later one (file order, then sheet,
///   then row) replaces the earlier in the table, and the earlier is listed as a dropped duplicate
///   naming the row that replaced it; 填报指标 rows are keyed by part, indicator, year and month;
/// - id-less records identical in every mapped column that come from different files are counted
///   once: the later copy is listed as a duplicate naming the first.
struct DatasetMerger {
    private(set) var dataset: Dataset
    private var files: [FileReport] = []
    private var rejects: [PendingReject] = []
    private var warnings: [PendingWarning] = []
    private var warnedOnce: Set<String> = []

    /// Per kind: global id code → row in its table, -1 for none. Codes are dense, so an array
    /// does what a dictionary would, without hashing.
    private var idRows: [[Int32]]
    /// Id-less records by content, per kind: a hash of the part and every column → the first
    /// dataset row with that content; rows whose contents hash alike are chained in `contentNext`.
    /// (Hashing and comparing the columns in place: a key array per record was a third of a merge.)
    private var contentHeads: [[UInt64: Int32]]
    private var contentNext: [[Int32]]
    /// 填报指标: (kind, part, indicator, year, month) → row.
    private var returnRows: [ReturnKey: Int] = [:]
    /// 区县/镇街 names by their matching key → code: spellings that differ only in case, width or
    /// spaces (`abc区`, `ＡＢＣ区`) are one part, written as first seen in file order.
    private var placeByKey: [Int: [String: Int32]] = [:]
    /// File index → global sheet-name code → index in that file's sheets.
    private var sheetIndex: [Int: [Int32: Int]] = [:]
    /// File index → position in `files`.
    private var fileSlot: [Int: Int] = [:]

    init(config: RegionConfig, catalog: Catalog, paths: [String]) {
        dataset = Dataset(config: config, catalog: catalog)
        dataset.files = paths
        dataset.targets = config.targets
        idRows = Array(repeating: [], count: catalog.kinds.count)
        contentHeads = Array(repeating: [:], count: catalog.kinds.count)
        contentNext = Array(repeating: [], count: catalog.kinds.count)
    }

    /// An id-less record looked up by content: its values, or a row of the dataset's own table.
    enum ContentSource {
        case values([RowValue])
        case row(Int)
    }

    struct ReturnKey: Hashable {
        var kind: Int
        var part: Int32
        var indicator: Int32
        var year: Int64
        var month: Int64
    }

    private var catalog: Catalog { dataset.catalog }

    private func idRow(_ kind: Int, _ id: Int32) -> Int? {
        let rows = idRows[kind]
        guard Int(id) < rows.count else { return nil }
        let row = rows[Int(id)]
        return row >= 0 ? Int(row) : nil
    }

    private mutating func setIDRow(_ kind: Int, _ id: Int32, _ row: Int, dictionary: Int) {
        if Int(id) >= idRows[kind].count {
            let size = max(Int(id) + 1, dataset.dictionaries[dictionary].count)
            idRows[kind].append(contentsOf: repeatElement(-1, count: size - idRows[kind].count))
        }
        idRows[kind][Int(id)] = Int32(row)
    }

    mutating func merge(_ partial: consuming FilePartial) {
        var p = partial
        let fileIndex = Int(p.fileIndex)
        fileSlot[fileIndex] = files.count
        files.append(p.report)
        for sheet in p.report.sheets {
            guard let name = sheet.kind, let k = catalog.kind(named: name) else { continue }
            for column in sheet.columns {
                if let c = catalog.column(kind: k, named: column.field) { dataset.mappedColumns[k][c] = true }
            }
        }
        // Local codes → the dataset's, per dictionary; ids are interned from the file's arenas.
        var maps: [[Int32]] = []
        for d in 0..<catalog.dictionaryCount {
            if d == Catalog.districtDictionary || d == Catalog.townDictionary {
                maps.append(p.dictionaries[d].strings.map { name in
                    let key = PartResolver.key(name)
                    if let code = placeByKey[d]?[key] { return code }
                    let code = dataset.dictionaries[d].code(for: name)
                    placeByKey[d, default: [:]][key] = code
                    return code
                })
            } else if dataset.dictionaries[d].count == 0 {
                // The first file with these values: its dictionary becomes the dataset's as it is.
                maps.append(Array(0..<Int32(p.dictionaries[d].count)))
                swap(&dataset.dictionaries[d], &p.dictionaries[d])
            } else {
                maps.append(dataset.dictionaries[d].codes(adding: p.dictionaries[d]))    // by bytes, no String made
            }
        }
        // Each arena is let go once interned: a million ids are tens of MB, and the dataset's
        // dictionary of them is made beside it (sized once, not grown by doubling). The first
        // file's ids are interned at once, in hash order (see `StringDictionary.interning`).
        for d in p.identifiers.indices where p.identifiers[d].count > 0 {
            let arena = p.identifiers[d]
            p.identifiers[d] = StringArena()
            if dataset.dictionaries[d].count == 0 {
                let (dictionary, codes) = StringDictionary.interning(arena)
                dataset.dictionaries[d] = dictionary
                maps[d] = codes
                continue
            }
            dataset.dictionaries[d].reserveCapacity(arena.count, bytes: arena.byteCount)
            maps[d] = (0..<arena.count).map { i in arena.withBytes(i) { dataset.dictionaries[d].code(forBytes: $0) } }
        }
        let sheets = p.sheetNames.strings.map { dataset.sheetNames.code(for: $0) }
        func m(_ map: [Int32], _ code: Int32) -> Int32 { code >= 0 && Int(code) < map.count ? map[Int(code)] : code }
        let file = p.fileIndex
        func prov(_ q: Provenance) -> Provenance { Provenance(file: file, sheet: m(sheets, q.sheet), row: q.row) }
        var sheetMap: [Int32: Int] = [:]
        for (localCode, index) in p.sheetReportIndex { sheetMap[m(sheets, localCode)] = index }
        sheetIndex[fileIndex] = sheetMap
        for (code, index) in sheetMap.sorted(by: { $0.value < $1.value }) where index < p.report.sheets.count {
            let sheet = p.report.sheets[index]
            guard let name = sheet.kind, let k = catalog.kind(named: name), catalog.kinds[k].role == .records else { continue }
            var mapped = Array(repeating: false, count: catalog.kinds[k].fields.count)
            for column in sheet.columns { if let c = catalog.column(kind: k, named: column.field) { mapped[c] = true } }
            if mapped.contains(false) {
                dataset.registersLackingColumns.append(RegisterColumns(file: file, sheet: code, kind: k, mapped: mapped))
            }
        }
        rejects.append(contentsOf: p.rejects)
        for w in p.warnings {
            if let key = w.onceKey { guard warnedOnce.insert(key).inserted else { continue } }
            warnings.append(w)
        }
        let partMap = maps[dataset.partDictionary]
        for var register in p.emptyRegisters {
            register.part = m(partMap, register.part)
            register.provenance = prov(register.provenance)
            dataset.emptyRegisters.append(register)
        }

        // Records carry this file's index already; only their sheet codes may change.
        let sheetsChange = sheets.indices.contains { sheets[$0] != Int32($0) }
        for k in catalog.kinds.indices where p.tables[k].count > 0 {
            // The table is taken out of the partial, so that it can become the dataset's without
            // a copy (see `adopt`).
            var table = p.tables[k]
            p.tables[k] = RecordTable(kind: k, catalog: catalog)
            let columnMaps: [[Int32]?] = catalog.kinds[k].fields.map { f in
                let d = catalog.fields[f].dictionary
                return d >= 0 ? maps[d] : nil
            }
            table.remap(columns: columnMaps, part: partMap, provenance: sheetsChange ? prov : nil)
            let asIs = [[Int32]?](repeating: nil, count: columnMaps.count)
            if dataset.tables[k].count == 0, catalog.kinds[k].role == .records, idsAreDistinct(table, kind: k, asIs) {
                adopt(table)
                continue
            }
            if catalog.kinds[k].role == .records, joinsWhole(table) {
                appendWhole(table)
                continue
            }
            for i in 0..<table.count {
                add(kind: k, table.values(at: i), part: table.part[i], provenance: table.provenance[i])
            }
        }
        dataset.targets.append(contentsOf: p.targets)
    }

    private mutating func add(kind k: Int, _ values: [RowValue], part: Int32, provenance: Provenance) {
        let declaration = catalog.kinds[k]
        if let idColumn = declaration.id, case .code(let id) = values[idColumn], id >= 0 {
            if let row = idRow(k, id) {
                let old = dataset.tables[k].provenance[row]
                dataset.tables[k].replace(at: row, with: values, part: part, provenance: provenance)
                let field = catalog.field(kind: k, column: idColumn)
                let idText = dataset.dictionaries[field.dictionary][id] ?? ""
                markDuplicate(old, column: field.name, value: idText,
                              reason: "\(field.name)「\(idText)」与 \(dataset.describe(provenance)) 重复，以后者为准")
            } else {
                setIDRow(k, id, dataset.tables[k].count, dictionary: catalog.field(kind: k, column: idColumn).dictionary)
                dataset.tables[k].append(values, part: part, provenance: provenance)
            }
            return
        }
        if declaration.role == .returns, let key = returnKey(k, values, part: part) {
            if let row = returnRows[key] {
                let old = dataset.tables[k].provenance[row]
                dataset.tables[k].replace(at: row, with: values, part: part, provenance: provenance)
                let indicator = dataset.dictionaries[catalog.fields[declaration.fields[0]].dictionary][key.indicator] ?? ""
                let when = key.month == 0 ? "\(key.year)年" : "\(key.year)年\(key.month)月"
                markDuplicate(old, column: "指标", value: indicator,
                              reason: "\(dataset.parts[part] ?? "")\(when)的「\(indicator)」与 \(dataset.describe(provenance)) 重复，以后者为准")
            } else {
                returnRows[key] = dataset.tables[k].count
                dataset.tables[k].append(values, part: part, provenance: provenance)
            }
            return
        }
        if isContentDuplicate(kind: k, part: part, .values(values), row: dataset.tables[k].count, provenance) { return }
        dataset.tables[k].append(values, part: part, provenance: provenance)
    }

    private func returnKey(_ k: Int, _ values: [RowValue], part: Int32) -> ReturnKey? {
        let d = catalog.kinds[k]
        guard let indicatorColumn = catalog.column(kind: k, named: "指标"), case .code(let indicator) = values[indicatorColumn],
              let y = d.year, case .int(let year) = values[y] else { return nil }
        var month: Int64 = 0
        if let mc = d.month, case .int(let v) = values[mc] { month = v }
        return ReturnKey(kind: k, part: part, indicator: indicator, year: year, month: month)
    }

    /// No two records of `table` carry the same id (after remapping).
    private func idsAreDistinct(_ table: RecordTable, kind: Int, _ maps: [[Int32]?]) -> Bool {
        guard let idColumn = catalog.kinds[kind].id else { return true }
        let dictionary = catalog.field(kind: kind, column: idColumn).dictionary
        var seen = [Bool](repeating: false, count: dataset.dictionaries[dictionary].count)
        let map = maps[idColumn] ?? []
        for i in 0..<table.count {
            let id = table.columns[idColumn].code(i)
            guard id >= 0 else { continue }
            let global = Int(id) < map.count ? Int(map[Int(id)]) : Int(id)
            guard global < seen.count, !seen[global] else { return false }
            seen[global] = true
        }
        return true
    }

    /// The first file with records of a kind, whose ids are all distinct, gives its (remapped)
    /// table to the dataset as it is: the same records in the same order as adding them one by
    /// one, without holding two copies of a million rows. Ids and id-less contents are registered
    /// as `add` would.
    private mutating func adopt(_ table: RecordTable) {
        let k = table.kind
        dataset.tables[k] = table
        guard let idColumn = catalog.kinds[k].id else {
            for i in 0..<table.count { _ = isContentDuplicate(kind: k, part: table.part[i], .row(i), row: i, table.provenance[i]) }
            return
        }
        // The ids' rows in a local array, the id column read once (per record, a nested array's
        // two uniqueness checks and the column's lookup were most of adopting a million records);
        // then the id-less records, whose registration does not look at ids.
        let ids = table.columns[idColumn]
        var rows = idRows[k]
        idRows[k] = []
        let dictionary = catalog.field(kind: k, column: idColumn).dictionary
        let size = dataset.dictionaries[dictionary].count
        if rows.count < size { rows.append(contentsOf: repeatElement(-1, count: size - rows.count)) }
        var idless: [Int] = []
        rows.withUnsafeMutableBufferPointer { rows in
            for i in 0..<table.count {
                let id = Int(ids.code(i))
                if id >= 0 && id < rows.count { rows[id] = Int32(i) } else { idless.append(i) }
            }
        }
        idRows[k] = rows
        for i in idless {
            let id = ids.code(i)
            if id >= 0 {
                setIDRow(k, id, i, dictionary: dictionary)
            } else {
                _ = isContentDuplicate(kind: k, part: table.part[i], .row(i), row: i, table.provenance[i])
            }
        }
    }

    /// Whether a later file's records (codes already the dataset's) can be appended as they are:
    /// none has an id the dataset or the table itself already has, none repeats an id-less record
    /// of another file — then adding them one by one would only append each.
    private func joinsWhole(_ table: RecordTable) -> Bool {
        let k = table.kind
        let idColumn = catalog.kinds[k].id
        if let idColumn {
            let dictionary = catalog.field(kind: k, column: idColumn).dictionary
            var seen = [Bool](repeating: false, count: dataset.dictionaries[dictionary].count)
            for i in 0..<table.count {
                let id = table.columns[idColumn].code(i)
                guard id >= 0 else { continue }
                guard Int(id) < seen.count, !seen[Int(id)], idRow(k, id) == nil else { return false }
                seen[Int(id)] = true
            }
        }
        for i in 0..<table.count where idColumn.map({ table.columns[$0].code(i) < 0 }) ?? true {
            if let r = contentMatch(kind: k, part: table.part[i], .values(table.values(at: i)), row: -1),
               dataset.tables[k].provenance[r].file != table.provenance[i].file {
                return false
            }
        }
        return true
    }

    /// Appends a table `joinsWhole` accepted, registering its ids and contents as `add` would.
    private mutating func appendWhole(_ table: RecordTable) {
        let k = table.kind
        let base = dataset.tables[k].count
        dataset.tables[k].append(contentsOf: table, columns: [[Int32]?](repeating: nil, count: table.columns.count), part: [])
        let idColumn = catalog.kinds[k].id
        let dictionary = idColumn.map { catalog.field(kind: k, column: $0).dictionary } ?? -1
        for i in 0..<table.count {
            if let idColumn {
                let id = table.columns[idColumn].code(i)
                if id >= 0 {
                    setIDRow(k, id, base + i, dictionary: dictionary)
                    continue
                }
            }
            _ = isContentDuplicate(kind: k, part: table.part[i], .row(base + i), row: base + i, table.provenance[i])
        }
    }

    /// The dataset row whose part and every column equal this record's (other than `row`), if any.
    private func contentMatch(kind k: Int, part: Int32, _ source: ContentSource, row: Int) -> Int? {
        let table = dataset.tables[k]
        func value(_ c: Int) -> RowValue {
            switch source {
            case .values(let values): return values[c]
            case .row(let r): return table.columns[c].value(r)
            }
        }
        var candidate = contentHeads[k][contentHash(part: part, columns: table.columns.count, value)] ?? -1
        while candidate >= 0 {
            let r = Int(candidate)
            if r != row, table.part[r] == part, table.columns.indices.allSatisfy({ table.columns[$0].value(r) == value($0) }) {
                return r
            }
            candidate = contentNext[k][r]
        }
        return nil
    }

    private func contentHash(part: Int32, columns: Int, _ value: (Int) -> RowValue) -> UInt64 {
        var h = DatasetMerger.mix(0x243F_6A88_85A3_08D3, UInt64(bitPattern: Int64(part)))
        for c in 0..<columns { h = DatasetMerger.mix(h, DatasetMerger.hash(value(c))) }
        return h
    }

    /// Whether an id-less record repeats one from another file; if so it is listed as a duplicate.
    /// Otherwise, when its content is new, it is remembered as dataset row `row` (where it is, or
    /// is about to be, appended); a copy from the same file is kept and the first one stays the
    /// one remembered.
    private mutating func isContentDuplicate(kind k: Int, part: Int32, _ source: ContentSource, row: Int, _ p: Provenance) -> Bool {
        if let r = contentMatch(kind: k, part: part, source, row: row) {
            let first = dataset.tables[k].provenance[r]
            guard first.file != p.file else { return false }
            markDuplicate(p, column: "", value: "",
                          reason: "与 \(dataset.describe(first)) 各列完全相同（重复报送），只计一次")
            return true
        }
        let table = dataset.tables[k]
        let h = contentHash(part: part, columns: table.columns.count) { c in
            switch source {
            case .values(let values): return values[c]
            case .row(let r): return table.columns[c].value(r)
            }
        }
        if contentNext[k].count <= row { contentNext[k].append(contentsOf: repeatElement(-1, count: row + 1 - contentNext[k].count)) }
        contentNext[k][row] = contentHeads[k][h] ?? -1
        contentHeads[k][h] = Int32(row)
        return false
    }

    private static func mix(_ h: UInt64, _ v: UInt64) -> UInt64 {
        var x = (h ^ v) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        return x
    }

    private static func hash(_ value: RowValue) -> UInt64 {
        switch value {
        case .code(let c): return UInt64(bitPattern: Int64(c))
        case .int(let v): return UInt64(bitPattern: v)
        case .day(let d): return d.map { UInt64(bitPattern: Int64($0.number)) } ?? 0x8000_0000_0000_0001
        case .decimal(let d): return mix(UInt64(bitPattern: d.significand), UInt64(bitPattern: Int64(d.exponent)))
        }
    }

    /// Moves one accepted row of its sheet to rejected/duplicates and lists it in rejects.
    private mutating func markDuplicate(_ p: Provenance, column: String, value: String, reason: String) {
        let file = Int(p.file)
        let sheet = sheetIndex[file]?[p.sheet] ?? 0
        guard let f = fileSlot[file], sheet < files[f].sheets.count else { return }
        files[f].sheets[sheet].accepted -= 1
        files[f].sheets[sheet].rejected += 1
        files[f].sheets[sheet].duplicates += 1
        let row = RejectedRow(file: files[f].path, sheet: files[f].sheets[sheet].name, row: Int(p.row),
                              column: column, value: value, reason: reason, isDuplicate: true)
        rejects.append(PendingReject(row: row, file: file, sheet: sheet, sequence: Int.max))
    }

    mutating func warn(_ w: IngestWarning, file: Int) {
        warnings.append(PendingWarning(warning: w, file: file, sheet: -1, row: 0, onceKey: nil))
    }

    mutating func finish() -> IngestResult {
        let sortedRejects = rejects.sorted(by: PendingReject.ordered).map(\.row)
        let sortedWarnings = warnings.enumerated().sorted { a, b in
            (a.element.file, a.element.sheet, a.element.row, a.offset) < (b.element.file, b.element.sheet, b.element.row, b.offset)
        }.map(\.element.warning)
        // A "once per value" warning dropped at merge must not be counted by its sheet.
        var perSheet: [String: Int] = [:]
        for w in warnings where w.sheet >= 0 { perSheet["\(w.file)/\(w.sheet)", default: 0] += 1 }
        for (file, f) in fileSlot {
            for s in files[f].sheets.indices { files[f].sheets[s].warnings = perSheet["\(file)/\(s)"] ?? 0 }
        }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return IngestResult(dataset: dataset, files: files, rejects: sortedRejects, warnings: sortedWarnings)
    }
}
