import Model

/// Merges the files' partial results in sorted path order into one dataset, remapping dictionary
/// codes and removing duplicates (INPUTS.md §Normalisation rules, clarification on rejects.csv):
/// - records of one kind with the same id are one record: the later one (file order, then sheet,
///   then row) replaces the earlier in the table, and the earlier is listed as a dropped duplicate
///   naming the row that replaced it;
/// - id-less records identical in every mapped field that come from different files are counted
///   once: the later copy is listed as a duplicate naming the first.
struct DatasetMerger {
    private(set) var dataset: Dataset
    private var files: [FileReport] = []
    private var rejects: [PendingReject] = []
    private var warnings: [PendingWarning] = []
    private var warnedOnce: Set<String> = []

    private var descriptions = StringDictionary()
    /// For each record kind (by `slot`): global id code → row in its table, -1 for none. Codes
    /// are dense, so an array does what a dictionary would, without hashing.
    private var idRows = [[Int32]](repeating: [], count: 6)
    /// Id-less records: content → where it was first seen.
    private var contentRows: [ContentKey: Provenance] = [:]
    /// File index → global sheet-name code → index in that file's sheets.
    private var sheetIndex: [Int: [Int32: Int]] = [:]
    /// File index → position in `files`.
    private var fileSlot: [Int: Int] = [:]

    init(config: RegionConfig, paths: [String]) {
        dataset = Dataset(config: config)
        dataset.files = paths
        dataset.targets = config.targets
    }

    /// A record's every mapped field (codes are global), to find id-less duplicates.
    struct ContentKey: Hashable {
        var kind: UInt8
        var date: Int32
        var district: Int32, town: Int32, industry: Int32, unit: Int32
        var a: Int64 = 0, b: Int64 = 0, c: Int64 = 0, d: Int64 = 0, e: Int64 = 0, f: Int64 = 0, g: Int64 = 0
    }

    static func slot(_ kind: RecordKind) -> Int {
        switch kind {
        case .accident: return 0
        case .fire: return 1
        case .hazard: return 2
        case .inspection: return 3
        case .penalty: return 4
        case .target: return 5
        }
    }

    private func idRow(_ kind: RecordKind, _ id: Int32) -> Int? {
        let rows = idRows[DatasetMerger.slot(kind)]
        guard Int(id) < rows.count else { return nil }
        let row = rows[Int(id)]
        return row >= 0 ? Int(row) : nil
    }

    private mutating func setIDRow(_ kind: RecordKind, _ id: Int32, _ row: Int) {
        let slot = DatasetMerger.slot(kind)
        if Int(id) >= idRows[slot].count {
            idRows[slot].append(contentsOf: repeatElement(-1, count: max(Int(id) + 1, dataset.identifiers.count) - idRows[slot].count))
        }
        idRows[slot][Int(id)] = Int32(row)
    }

    mutating func merge(_ partial: consuming FilePartial) {
        // The hazard table is taken out of the partial, so that it can become the dataset's
        // without a copy (see `adoptHazards`).
        var p = partial
        var hazards = p.hazards
        p.hazards = HazardTable()
        let fileIndex = Int(p.fileIndex)
        fileSlot[fileIndex] = files.count
        files.append(p.report)
        let local = p
        let districts = local.districts.strings.map { dataset.districts.code(for: $0) }
        let towns = local.towns.strings.map { dataset.towns.code(for: $0) }
        let industries = local.industries.strings.map { dataset.industries.code(for: $0) }
        let units = local.units.strings.map { dataset.units.code(for: $0) }
        let labels = local.labels.strings.map { dataset.labels.code(for: $0) }
        let ids = (0..<local.identifiers.count).map { i in local.identifiers.withBytes(i) { dataset.identifiers.code(forBytes: $0) } }
        let sheets = local.sheetNames.strings.map { dataset.sheetNames.code(for: $0) }
        let descs = p.descriptions.strings.map { descriptions.code(for: $0) }
        func m(_ map: [Int32], _ code: Int32) -> Int32 { code >= 0 && Int(code) < map.count ? map[Int(code)] : code }
        func prov(_ q: Provenance) -> Provenance {
            Provenance(file: p.fileIndex, sheet: m(sheets, q.sheet), row: q.row)
        }
        var sheetMap: [Int32: Int] = [:]
        for (localCode, index) in p.sheetReportIndex { sheetMap[m(sheets, localCode)] = index }
        sheetIndex[fileIndex] = sheetMap
        rejects.append(contentsOf: p.rejects)
        for w in p.warnings {
            if let key = w.onceKey { guard warnedOnce.insert(key).inserted else { continue } }
            warnings.append(w)
        }

        for (kind, table) in [(RecordKind.accident, local.accidents), (.fire, local.fires)] {
            for i in 0..<table.count {
                var r = table.record(at: i)
                r.provenance = prov(r.provenance)
                r.district = m(districts, r.district); r.town = m(towns, r.town)
                r.industry = m(industries, r.industry); r.unit = m(units, r.unit)
                r.category = m(labels, r.category); r.place = m(labels, r.place); r.id = m(ids, r.id)
                addIncident(r, kind: kind)
            }
        }
        func remapHazard(_ r: inout HazardTable.Record) {
            r.provenance = prov(r.provenance)
            r.district = m(districts, r.district); r.town = m(towns, r.town)
            r.industry = m(industries, r.industry); r.unit = m(units, r.unit)
            r.source = m(labels, r.source); r.id = m(ids, r.id)
        }
        if dataset.hazards.count == 0, hazards.count > 0, idsAreDistinct(hazards, ids) {
            hazards.transformEach(remapHazard)
            adoptHazards(hazards, descriptions: p.hazardDescriptions.map { m(descs, $0) })
        } else {
            for i in 0..<hazards.count {
                var r = hazards.record(at: i)
                remapHazard(&r)
                let description = i < p.hazardDescriptions.count ? m(descs, p.hazardDescriptions[i]) : StringDictionary.absent
                addHazard(r, description: description)
            }
        }
        for i in 0..<local.inspections.count {
            var r = local.inspections.record(at: i)
            r.provenance = prov(r.provenance)
            r.district = m(districts, r.district); r.town = m(towns, r.town)
            r.industry = m(industries, r.industry); r.unit = m(units, r.unit)
            r.inspectionType = m(labels, r.inspectionType)
            let key = ContentKey(kind: 3, date: r.date.number, district: r.district, town: r.town, industry: r.industry,
                                 unit: r.unit, a: Int64(r.inspectionType), b: Int64(r.hazardsFound))
            if isContentDuplicate(key, r.provenance) { continue }
            dataset.inspections.append(r)
        }
        for i in 0..<local.penalties.count {
            var r = local.penalties.record(at: i)
            r.provenance = prov(r.provenance)
            r.district = m(districts, r.district); r.town = m(towns, r.town)
            r.industry = m(industries, r.industry); r.unit = m(units, r.unit)
            r.penaltyKinds = m(labels, r.penaltyKinds); r.id = m(ids, r.id)
            addPenalty(r)
        }
        dataset.targets.append(contentsOf: p.targets)
    }

    private mutating func addIncident(_ r: IncidentTable.Record, kind: RecordKind) {
        if r.id >= 0 {
            if let row = idRow(kind, r.id) {
                let old = kind == .fire ? dataset.fires.record(at: row) : dataset.accidents.record(at: row)
                if kind == .fire { dataset.fires.replace(at: row, with: r) } else { dataset.accidents.replace(at: row, with: r) }
                dropReplaced(old.provenance, by: r.provenance, idField: .incidentID, id: r.id)
            } else {
                setIDRow(kind, r.id, kind == .fire ? dataset.fires.count : dataset.accidents.count)
                if kind == .fire { dataset.fires.append(r) } else { dataset.accidents.append(r) }
            }
            return
        }
        let key = ContentKey(kind: kind == .fire ? 1 : 0, date: r.date.number, district: r.district, town: r.town,
                             industry: r.industry, unit: r.unit,
                             a: Int64(r.category) << 32 | Int64(UInt32(bitPattern: r.place)),
                             b: Int64(r.deaths) << 32 | Int64(UInt32(bitPattern: r.missing)),
                             c: Int64(r.seriousInjuries) << 32 | Int64(UInt32(bitPattern: r.injuries)),
                             d: r.loss.fen, e: Int64(r.level.rawValue))
        if isContentDuplicate(key, r.provenance) { return }
        if kind == .fire { dataset.fires.append(r) } else { dataset.accidents.append(r) }
    }

    /// No two records of `table` carry the same id (after remapping with `ids`).
    private func idsAreDistinct(_ table: HazardTable, _ ids: [Int32]) -> Bool {
        var seen = [Bool](repeating: false, count: dataset.identifiers.count)
        for id in table.id where id >= 0 {
            let global = Int(id) < ids.count ? Int(ids[Int(id)]) : Int(id)
            guard global < seen.count, !seen[global] else { return false }
            seen[global] = true
        }
        return true
    }

    /// The first file with hazards, whose ids are all distinct, gives its (remapped) table to the
    /// dataset as it is: the same records in the same order as adding them one by one, without
    /// holding two copies of a million rows. Ids and id-less contents are registered as `addHazard` would.
    private mutating func adoptHazards(_ table: HazardTable, descriptions: [Int32]) {
        dataset.hazards = table
        for i in 0..<table.count {
            let id = table.id[i]
            if id >= 0 {
                setIDRow(.hazard, id, i)
                continue
            }
            let r = table.record(at: i)
            let description = i < descriptions.count ? descriptions[i] : StringDictionary.absent
            _ = isContentDuplicate(hazardKey(r, description: description), r.provenance)
        }
    }

    private func hazardKey(_ r: HazardTable.Record, description: Int32) -> ContentKey {
        ContentKey(kind: 2, date: r.date.number, district: r.district, town: r.town, industry: r.industry,
                   unit: r.unit, a: Int64(r.source), b: Int64(r.flags.rawValue),
                   c: r.deadline.map { Int64($0.number) } ?? Int64.min,
                   d: r.rectifiedOn.map { Int64($0.number) } ?? Int64.min, e: Int64(description))
    }

    private mutating func addHazard(_ r: HazardTable.Record, description: Int32) {
        if r.id >= 0 {
            if let row = idRow(.hazard, r.id) {
                let old = dataset.hazards.record(at: row)
                dataset.hazards.replace(at: row, with: r)
                dropReplaced(old.provenance, by: r.provenance, idField: .hazardID, id: r.id)
            } else {
                setIDRow(.hazard, r.id, dataset.hazards.count)
                dataset.hazards.append(r)
            }
            return
        }
        if isContentDuplicate(hazardKey(r, description: description), r.provenance) { return }
        dataset.hazards.append(r)
    }

    private mutating func addPenalty(_ r: PenaltyTable.Record) {
        if r.id >= 0 {
            if let row = idRow(.penalty, r.id) {
                let old = dataset.penalties.record(at: row)
                dataset.penalties.replace(at: row, with: r)
                dropReplaced(old.provenance, by: r.provenance, idField: .caseID, id: r.id)
            } else {
                setIDRow(.penalty, r.id, dataset.penalties.count)
                dataset.penalties.append(r)
            }
            return
        }
        let key = ContentKey(kind: 4, date: r.date.number, district: r.district, town: r.town, industry: r.industry,
                             unit: r.unit, a: Int64(r.penaltyKinds), b: r.fine.fen, c: Int64(r.flags.rawValue))
        if isContentDuplicate(key, r.provenance) { return }
        dataset.penalties.append(r)
    }

    /// Whether an id-less record repeats one from another file; if so it is listed as a duplicate.
    private mutating func isContentDuplicate(_ key: ContentKey, _ p: Provenance) -> Bool {
        if let first = contentRows[key] {
            guard first.file != p.file else { return false }
            markDuplicate(p, column: "", value: "",
                          reason: "与 \(dataset.describe(first)) 各列完全相同（重复报送），只计一次")
            return true
        }
        contentRows[key] = p
        return false
    }

    /// The earlier of two records with one id is dropped; the later stays in the table.
    private mutating func dropReplaced(_ old: Provenance, by new: Provenance, idField: Field, id: Int32) {
        let idText = dataset.identifiers[id] ?? ""
        markDuplicate(old, column: idField.name, value: idText,
                      reason: "\(idField.name)「\(idText)」与 \(dataset.describe(new)) 重复，以后者为准")
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
