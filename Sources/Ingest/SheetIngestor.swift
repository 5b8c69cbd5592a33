import Model

/// Ingests one sheet (or one CSV file) row by row, as the reader streams it.
///
/// The first non-blank rows are buffered until the header is found (`HeaderDetector`); after that
/// each row is classified — blank, 合计/总计/小计, 填报/注 line, repeated header, or data — and data
/// rows become records or rejects straight away. Per row nothing is allocated but what the
/// dictionaries keep: cell values go into a reused per-field buffer, and name lookups are cached
/// per distinct string.
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

    /// The current row's cell per field (only mapped fields are ever set).
    var values = [RawCell](repeating: .empty, count: Field.count)
    var rowNumber = 0
    /// The current row's date-field parse (done once, before classifying the row).
    var rowDate: Result<Day, ValueProblem> = .failure(.empty)
    /// Mapped count and money fields, parsed once per row (for the record and for 合计 checks).
    var numericFields: [Field] = []
    /// The layout's mapped fields (cleared before each row).
    var mappedFields: [Field] = []
    // Copies of what the layout says, read on every row without going through the optional.
    var present = [Bool](repeating: false, count: Field.count)
    var columnMap: [Int16] = []
    var dateField = Field.occurredOn
    var kind = RecordKind.accident
    var counts = [Int32](repeating: 0, count: Field.count)
    var money = [Money](repeating: .zero, count: Field.count)
    var numericProblems = [ValueProblem?](repeating: nil, count: Field.count)
    var totals = TotalsCheck()

    // Caches per distinct string: name resolution and dictionary codes.
    var partCache = ByteMap<PartOutcome>()
    var townCache = ByteMap<Int32>()
    var industryCache = ByteMap<IndustryOutcome>()
    /// Per `Field.rawValue`: parsed 是/否, 整改状态, 等级 words.
    var choiceCache = [ByteMap<Result<Int8, ValueProblem>>](repeating: ByteMap(), count: Field.count)

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
        layout.report(into: &report)
        if let name = report.name { sheetCode = partial.sheetNames.code(for: name) }
        partial.sheetReportIndex[sheetCode] = reportIndex
        fallbackPart = context.parts.fallback(folders: names.folders, fileName: names.file, sheetName: report.name)
        mappedFields = layout.mappedFields
        for f in mappedFields { present[f.rawValue] = true }
        columnMap = layout.columnField
        dateField = layout.schema.dateField
        kind = layout.kind
        numericFields = layout.mappedFields.filter { $0.valueType == .count || $0.valueType == .money }
        for row in rows where row.number > layout.lastHeaderRow {
            process(row, into: &partial)
        }
    }

    // MARK: Rows

    private mutating func process<R: GridRow>(_ row: R, into partial: inout FilePartial) {
        guard let layout else { return }
        rowNumber = row.number
        for f in mappedFields { values[f.rawValue] = .empty }
        var any = false
        let map = columnMap
        row.forEachCell { column, cell in
            if case .empty = cell { return }
            if !any {
                // Blankness matters only until the row has a value: parsers treat a blank text
                // cell as empty anyway.
                if case .text(let t) = cell, RawCell.isBlankText(t) { return }
                any = true
            }
            if column < map.count {
                let f = Int(map[column])
                if f >= 0 { values[f] = cell }
            }
        }
        guard any else { return }                                  // blank row
        let dateField = self.dateField
        var dated = false
        if kind != .target {
            rowDate = DateParser.parse(values[dateField.rawValue])
            if case .success = rowDate { dated = true }
        }
        // Only a row without a valid date can be a 合计 row, a 填报/注 line or a repeated header,
        // so the common row skips these checks.
        if !dated {
            var firstText: String?
            var seen = false
            var total: TotalsCheck.Kind?
            row.forEachCell { _, cell in
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
                let date = values[dateField.rawValue]
                if date == .empty || date == .text(t) { return }   // 填报人：… / 注：…
            }
            if case .text(let t) = values[dateField.rawValue], !layout.headerKeys[dateField.rawValue].isEmpty,
               HeaderText(t).key == layout.headerKeys[dateField.rawValue] {
                return                                             // the header repeated (page break)
            }
        }

        report.read += 1
        parseNumerics()
        addToTotals()
        if !layout.missing.isEmpty {
            let field = layout.missing[0]
            let reason = field == .rectificationStatus && layout.kind == .hazard
                ? "表头缺少「整改状态」或「整改完成日期」列"
                : "表头缺少必填列「\(layout.missing.map(\.name).joined(separator: "」「"))」"
            reject(column: field.name, value: "", reason: reason, into: &partial)
            return
        }
        do {
            try buildRecord(into: &partial)
            report.accepted += 1
        } catch {
            reject(column: error.column, value: error.value, reason: error.reason, into: &partial)
        }
    }

    mutating func reject(column: String, value: String, reason: String, into partial: inout FilePartial) {
        report.rejected += 1
        partial.reject(RejectedRow(file: partial.report.path, sheet: report.name, row: rowNumber, column: column,
                                   value: value, reason: reason), sheet: reportIndex)
    }

    mutating func warn(_ message: String, field: Field?, onceKey: String? = nil, into partial: inout FilePartial) {
        var location = "第\(rowNumber)行"
        if let field, let column = layout?.column(of: field) { location = ColumnName.cell(column: column, row: rowNumber) }
        let before = partial.warnings.count
        partial.warn(IngestWarning(file: partial.report.path, sheet: report.name, location: location, message: message),
                     sheet: reportIndex, row: rowNumber, onceKey: onceKey)
        if partial.warnings.count > before { report.warnings += 1 }
    }

    private mutating func parseNumerics() {
        guard let layout else { return }
        for f in numericFields {
            let cell = values[f.rawValue]
            if f.valueType == .count {
                switch CountParser.parse(cell) {
                case .success(let v): counts[f.rawValue] = v; numericProblems[f.rawValue] = nil
                case .failure(let p): counts[f.rawValue] = 0; numericProblems[f.rawValue] = p
                }
            } else {
                switch MoneyParser.parse(cell, unit: layout.moneyUnits[f.rawValue]) {
                case .success(let v): money[f.rawValue] = v; numericProblems[f.rawValue] = nil
                case .failure(let p): money[f.rawValue] = .zero; numericProblems[f.rawValue] = p
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
