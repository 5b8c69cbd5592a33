import Model

/// Ingests one sheet (or one CSV file) row by row, as the reader streams it.
///
/// The first non-blank rows are buffered until the header is found (`HeaderDetector`); after that
/// each row is classified — blank, 合计/总计/小计, 填报/注 line, repeated header, or data — and data
/// rows become records of the sheet's kind or rejects straight away. Per row nothing is allocated
/// but what the dictionaries keep: cell values go into a reused per-column buffer, and name lookups
/// are cached per distinct string.
///
/// Everything below is driven by the kind's declaration: which columns it has, their types, which
/// date places a record in a period. The per-row state is a set of arrays indexed by the kind's
/// column ("slot"), copied from the layout once so the row loop reads flat arrays.
struct SheetIngestor {
    let context: IngestContext
    let names: HeaderDetector.Names
    /// Index of this sheet in its file's report.
    let reportIndex: Int
    private(set) var report: SheetReport

    private var buffer: [RawRow] = []
    private var analysed = false
    private(set) var layout: SheetLayout?
    var sheetCode = StringDictionary.absent
    var fallbackPart: String?

    // The layout, copied into flat per-slot arrays read on every row.
    var kind = 0
    var declaration = KindDeclaration(name: "", fields: [])
    // What every row reads of the declaration, copied out of it: reading the large declaration
    // value in the row loop copied it, and retained its arrays, on every row.
    var role = KindDeclaration.Role.records
    var idSlot: Int?
    var monthSlot: Int?
    var levelRule: LevelRule?
    var rectificationRule: RectificationRule?
    var types: [FieldType] = []
    var fields: [FieldDeclaration] = []
    var present: [Bool] = []
    var columnMap: [Int16] = []
    var dateSlot: Int?
    /// The slot whose header text, repeated in a data row, marks a repeated header (page break).
    var probeSlot = -1
    /// Mapped count and money slots, parsed once per row (for the record and for 合计 checks).
    var numericSlots: [Int] = []
    var mappedSlots: [Int] = []
    /// The slot of the part field when the sheet has it, the 区县 and 镇街 slots of the kind; -1 for none.
    var partSlot = -1
    var districtSlot = -1
    var townSlot = -1
    /// Slots of note fields (cleared on records that have an id).
    var noteSlots: [Int] = []
    /// Per slot: a level column's default when the cell names no level.
    var levelDefaults: [UInt8?] = []
    /// Per slot, what `value(slot:)` reads of it (see `SlotPlan`).
    var plans: [SlotPlan] = []
    /// The slots `buildRecord` fills after the date and the part, in order, and how.
    var steps: [BuildStep] = []
    /// Why every data row is rejected when the header lacks a required column; nil when it has them.
    var missingReason: (column: String, reason: String)?

    /// The current row's cell per slot (only mapped slots are ever set).
    var values: [RawCell] = []
    var rowNumber = 0
    /// The current row's date parse (done once, before classifying the row).
    var rowDate: Result<Day, ValueProblem> = .failure(.empty)
    var counts: [Int32] = []
    var money: [Money] = []
    var numericProblems: [ValueProblem?] = []
    var totals = TotalsCheck(slots: 0)
    /// The record being built, one value per slot.
    var row: [RowValue] = []
    /// Accepted records not yet in the file's table (`flushRecords`); nil until the header is known.
    var block: RecordBlock?
    static let blockRows = 2048

    /// Data rows processed since the header (blank and note rows included).
    private(set) var processedRows = 0
    /// Set on a chunk's ingestor (`SheetChunks`): totals rows are compared when the chunk joins.
    var defersTotals = false
    var pendingTotals: [PendingTotal] = []
    /// Whether a total row came earlier in this chunk (its section sums then start there).
    var sawTotal = false

    // Caches per distinct string: name resolution and parsed words.
    var partCache = ByteMap<PartOutcome>()
    var townCache = ByteMap<Int32>()
    var industryCache = ByteMap<IndustryOutcome>()
    /// Per slot: parsed 是/否, 整改状态, 等级 words.
    var choiceCache: [ByteMap<Result<Int8, ValueProblem>>] = []

    init(context: IngestContext, names: HeaderDetector.Names, sheetName: String?, index: Int, reportIndex: Int) {
        self.context = context
        self.names = names
        self.reportIndex = reportIndex
        report = SheetReport(name: sheetName, index: index)
    }

    mutating func consume<R: GridRow>(_ row: R, into partial: inout FilePartial) {
        if !analysed {
            let raw = RawRow(copying: row)
            if raw.isBlank { return }
            buffer.append(raw)
            if buffer.count >= HeaderDetector.searchRows { analyse(into: &partial) }
            return
        }
        guard layout != nil else { return }
        process(row, into: &partial)
    }

    /// Call after the last row. Returns the sheet's report.
    mutating func finish(into partial: inout FilePartial) -> SheetReport {
        if !analysed { analyse(into: &partial) }
        flushRecords(into: &partial)
        if let layout, report.read == 0, declaration.role == .records { registerEmpty(layout, into: &partial) }
        return report
    }

    private mutating func analyse(into partial: inout FilePartial) {
        analysed = true
        let rows = buffer
        buffer = []
        if rows.isEmpty {
            report.skipped = "空表"
            return
        }
        guard let layout = context.detector.detect(rows: rows, names: names) else {
            report.skipped = "未找到任何记录类型的表头（前\(HeaderDetector.searchRows)行中没有可识别的列名）"
            return
        }
        self.layout = layout
        layout.report(into: &report, catalog: context.catalog)
        if let name = report.name { sheetCode = partial.sheetNames.code(for: name) }
        partial.sheetReportIndex[sheetCode] = reportIndex
        fallbackPart = context.parts.fallback(folders: names.folders, fileName: names.file, sheetName: report.name)

        kind = layout.kind
        declaration = layout.schema.declaration
        role = declaration.role
        idSlot = declaration.id
        monthSlot = declaration.month
        levelRule = declaration.level
        rectificationRule = declaration.rectification
        fields = declaration.fields.map { context.catalog.fields[$0] }
        types = fields.map(\.type)
        let slots = fields.count
        present = (0..<slots).map(layout.has)
        columnMap = layout.columnSlot
        dateSlot = declaration.date
        mappedSlots = layout.mappedSlots
        probeSlot = dateSlot.flatMap { present[$0] ? $0 : nil } ?? mappedSlots.first ?? -1
        // Per slot: the slot whose value stands in when this column is absent (受伤人数 ← 重伤人数), or -1.
        let fallbackSlot = fields.map { f in
            guard let name = f.fallback, let c = context.catalog.column(kind: kind, named: name) else { return -1 }
            return c
        }
        numericSlots = mappedSlots.filter { types[$0] == .count || types[$0] == .money }
        partSlot = types.firstIndex(of: context.partType).flatMap { present[$0] ? $0 : nil } ?? -1
        districtSlot = types.firstIndex(of: .district) ?? -1
        townSlot = types.firstIndex(of: .town) ?? -1
        noteSlots = types.indices.filter { types[$0] == .note }
        levelDefaults = fields.map { $0.defaultValue.flatMap(AccidentLevel.init(name:))?.rawValue }
        if let slot = layout.missing.first {
            let reason: String
            if let group = layout.missingGroups.first(where: { $0.first == slot }) {
                reason = "表头缺少「\(group.map { fields[$0].name }.joined(separator: "」或「"))」列"
            } else {
                reason = "表头缺少必填列「\(layout.missing.map { fields[$0].name }.joined(separator: "」「"))」"
            }
            missingReason = (fields[slot].name, reason)
        }
        plans = (0..<slots).map { s in
            let source = present[s] ? s : (fallbackSlot[s] >= 0 && present[fallbackSlot[s]] ? fallbackSlot[s] : -1)
            return SlotPlan(type: types[s], source: source, required: declaration.required.contains(s), dictionary: fields[s].dictionary)
        }
        steps = (0..<slots).compactMap { s in
            if s == dateSlot { return nil }
            if role == .targets, types[s] == .district || types[s] == .town { return .absent(s) }  // read by `addTarget`
            if idSlot != nil && types[s] == .note {
                let source = plans[s].source
                return plans[s].required && source >= 0 ? .requiredNoteAfterID(s, source: source) : .absent(s)
            }
            return .value(s)
        }
        values = Array(repeating: .empty, count: slots)
        counts = Array(repeating: 0, count: slots)
        money = Array(repeating: .zero, count: slots)
        numericProblems = Array(repeating: nil, count: slots)
        totals = TotalsCheck(slots: slots)
        row = Array(repeating: .code(StringDictionary.absent), count: slots)
        if role != .targets {
            // As small as the chunks when those are (tests): every block size meets the same rows.
            block = RecordBlock(storages: types.map(\.storage), capacity: min(SheetIngestor.blockRows, context.rowsPerChunk))
        }
        choiceCache = Array(repeating: ByteMap(), count: slots)
        for row in rows where row.number > layout.lastHeaderRow {
            process(row, into: &partial)
        }
    }

    /// What a record's value for one slot is made from, read once per slot and row.
    struct SlotPlan {
        let type: FieldType
        /// The slot whose cell gives the value: this one, else its fallback when the sheet has
        /// that (受伤人数 ← 重伤人数); -1 when the sheet has neither.
        let source: Int
        let required: Bool
        /// The field's dictionary (text, list and note fields).
        let dictionary: Int
    }

    /// How `buildRecord` fills a slot.
    enum BuildStep {
        case value(Int)
        /// A target's 区县 or 镇街: read by `addTarget`; a note with an id column, read only for
        /// a record without one. Not stored.
        case absent(Int)
        /// A required note with an id column (in the sheet's column `source`): an empty one
        /// rejects the row, else it is read as `absent`'s notes are.
        case requiredNoteAfterID(Int, source: Int)
    }

    /// A register sent with a header and no rows is a real zero for its part and period.
    private mutating func registerEmpty(_ layout: SheetLayout, into partial: inout FilePartial) {
        guard let part = fallbackPart else { return }
        let texts = [report.name, names.file].compactMap { $0 } + layout.titles + names.folders
        let stated = PeriodInName.find(in: texts)
        let code = partial.dictionaries[context.partDictionary].code(for: part)
        partial.emptyRegisters.append(EmptyRegister(kind: kind, part: code, year: stated.year, months: stated.months,
                                                    provenance: Provenance(file: partial.fileIndex, sheet: sheetCode,
                                                                           row: Int32(layout.headerRow))))
    }

    // MARK: Rows

    private mutating func process<R: GridRow>(_ gridRow: R, into partial: inout FilePartial) {
        guard layout != nil else { return }
        processedRows += 1
        rowNumber = gridRow.number
        var any = false
        let map = columnMap, mapped = mappedSlots
        // The row's cells through one pointer: per cell, an array write checked the buffer's
        // uniqueness and went through the enum's outlined copy.
        values.withUnsafeMutableBufferPointer { values in
            guard let slots = values.baseAddress else { return }
            for s in mapped { RawCell.clear(slots + s) }
            gridRow.forEachCell { column, cell in
                if case .empty = cell { return }
                if !any {
                    // Blankness matters only until the row has a value: parsers treat a blank text
                    // cell as empty anyway.
                    if case .text(let t) = cell, RawCell.isBlankText(t) { return }
                    if case .utf8(let b) = cell, RawCell.isBlankText(b.buffer) { return }
                    any = true
                }
                if column < map.count {
                    let s = Int(map[column])
                    if s >= 0 { RawCell.store(cell, at: slots + s) }
                }
            }
        }
        guard any else { return }                                  // blank row
        var dated = false
        if let d = dateSlot {
            rowDate = DateParser.parse(values[d])
            if case .success = rowDate { dated = true }
        }
        // Only a row without a valid date can be a 合计 row, a 填报/注 line or a repeated header,
        // so the common row skips these checks.
        if !dated {
            var firstText: String?
            var seen = false
            var total: TotalsCheck.Kind?
            gridRow.forEachCell { _, raw in
                let cell = raw.materialised                        // rare rows: compared as text
                if case .empty = cell { return }
                if case .text(let t) = cell {
                    if RawCell.isBlankText(t) { return }
                    if !seen { firstText = t }
                    if total == nil { total = TotalsCheck.kind(of: t) }
                }
                seen = true
            }
            if let total {
                checkTotal(total, into: &partial)
                return
            }
            if let t = firstText, SheetIngestor.isNoteLine(t) {
                let probe = probeSlot >= 0 ? values[probeSlot].materialised : .empty
                if probe == .empty || probe == .text(t) { return }   // 填报人：… / 注：…
            }
            if probeSlot >= 0, let layout, case .text(let t) = values[probeSlot].materialised, !layout.headerKeys[probeSlot].isEmpty,
               HeaderText(t).key == layout.headerKeys[probeSlot] {
                return                                             // the header repeated (page break)
            }
        }

        report.read += 1
        parseNumerics()
        addToTotals()
        if let missingReason {
            reject(column: missingReason.column, value: "", reason: missingReason.reason, into: &partial)
            return
        }
        do {
            try buildRecord(into: &partial)
            report.accepted += 1
        } catch {
            reject(column: error.column, value: error.value, reason: error.reason, into: &partial)
        }
    }

    /// The accepted records so far join the file's table (before another reader's records follow
    /// them there: a chunk's, or the next sheet's).
    mutating func flushRecords(into partial: inout FilePartial) {
        guard block != nil, block!.count > 0 else { return }
        partial.tables[kind].append(block: block!)
        block!.removeAll()
    }

    // MARK: Chunks

    /// Whether the rows from here on may be ingested in chunks: the header is known and at least
    /// `rows` rows have been read after it on this thread.
    func acceptsChunks(after rows: Int) -> Bool { analysed && layout != nil && processedRows >= rows }

    /// An ingestor for one chunk of this sheet's later rows: the same layout, its own counts and
    /// totals. The name caches hold codes into this file's dictionaries, which every chunk's are
    /// layered over (`SheetChunks`), and parsed words hold none: both are kept.
    func chunkIngestor() -> SheetIngestor {
        var chunk = self
        chunk.report = SheetReport(name: report.name, index: report.index)
        chunk.totals = TotalsCheck(slots: types.count)
        chunk.defersTotals = true
        chunk.pendingTotals = []
        chunk.sawTotal = false
        return chunk
    }

    /// One row of a chunk (the header is known).
    mutating func processChunkRow<R: GridRow>(_ row: R, into partial: inout FilePartial) {
        process(row, into: &partial)
    }

    /// What a chunk's ingestor leaves: its counts, the total rows it deferred, its sums.
    struct ChunkOutcome: Sendable {
        let read: Int
        let accepted: Int
        let rejected: Int
        let pendingTotals: [PendingTotal]
        let all: [Int64]
        let section: [Int64]
        let sawTotal: Bool
    }

    var chunkOutcome: ChunkOutcome {
        ChunkOutcome(read: report.read, accepted: report.accepted, rejected: report.rejected, pendingTotals: pendingTotals,
                     all: totals.all, section: totals.section, sawTotal: sawTotal)
    }

    /// A chunk joins the sheet, in row order: its records, rejects and warnings follow those before
    /// it, its total rows are compared with the sums of every row before them, and the sheet's
    /// sums run on through it — as if its rows had been read here.
    mutating func join(_ chunk: FilePartial, _ outcome: ChunkOutcome, into partial: inout FilePartial) {
        report.warnings += partial.absorb(chunk, catalog: context.catalog, partDictionary: context.partDictionary)
        // A total row's warnings are the only ones of its row, and warnings are ordered by row
        // in the end: appended here, they land where the sequential read puts them.
        func plus(_ a: [Int64], _ b: [Int64]) -> [Int64] { zip(a, b).map { $0 &+ $1 } }
        for total in outcome.pendingTotals {
            rowNumber = total.row
            compareTotal(total.kind, stated: total.stated, all: plus(totals.all, total.all),
                         section: total.sectionFromStart ? plus(totals.section, total.section) : total.section, into: &partial)
        }
        totals.all = plus(totals.all, outcome.all)
        totals.section = outcome.sawTotal ? outcome.section : plus(totals.section, outcome.section)
        report.read += outcome.read
        report.accepted += outcome.accepted
        report.rejected += outcome.rejected
    }

    mutating func reject(column: String, value: String, reason: String, into partial: inout FilePartial) {
        report.rejected += 1
        partial.reject(RejectedRow(file: partial.report.path, sheet: report.name, row: rowNumber, column: column,
                                   value: value, reason: reason), sheet: reportIndex)
    }

    mutating func warn(_ message: String, slot: Int?, onceKey: String? = nil, into partial: inout FilePartial) {
        var location = "第\(rowNumber)行"
        if let slot, let column = layout?.column(of: slot) { location = ColumnName.cell(column: column, row: rowNumber) }
        let before = partial.warnings.count
        partial.warn(IngestWarning(file: partial.report.path, sheet: report.name, location: location, message: message),
                     sheet: reportIndex, row: rowNumber, onceKey: onceKey)
        if partial.warnings.count > before { report.warnings += 1 }
    }

    private mutating func parseNumerics() {
        guard let layout else { return }
        for s in numericSlots {
            let cell = values[s]
            if types[s] == .count {
                switch CountParser.parse(cell) {
                case .success(let v): counts[s] = v; numericProblems[s] = nil
                case .failure(let p): counts[s] = 0; numericProblems[s] = p
                }
            } else {
                switch MoneyParser.parse(cell, unit: layout.moneyUnits[s]) {
                case .success(let v): money[s] = v; numericProblems[s] = nil
                case .failure(let p): money[s] = .zero; numericProblems[s] = p
                }
            }
        }
    }

    /// `填报人：…`, `制表：…`, `注：…`: lines under (or over) a table that are not records.
    static func isNoteLine(_ text: String) -> Bool {
        // Compared on bytes: this runs on the first text cell of every row, and data rows start
        // with ASCII (序号, dates, ids) far more often than not.
        guard let first = text.utf8.first, first >= 0x80 else { return false }
        var copy = text
        return copy.withUTF8 { b in
            var start = 0
            while start < b.count, UTF8Space.startsWithSpace(UnsafeBufferPointer(rebasing: b[start...])) {
                start += b[start] < 0x80 ? 1 : (b[start] == 0xC2 ? 2 : 3)
            }
            let rest = UnsafeBufferPointer(rebasing: b[start...])
            for prefix in noteLinePrefixes where rest.starts(with: prefix) { return true }
            return false
        }
    }

    private static let noteLinePrefixes: [[UInt8]] = [
        "填报", "制表", "审核", "负责人", "联系人", "联系电话", "填表", "统计人", "报送", "单位负责人", "分管领导",
        "主要负责人", "数据来源", "注:", "注：", "说明:", "说明：", "备注:", "备注：", "以下空白",
    ].map { Array($0.utf8) }
}
