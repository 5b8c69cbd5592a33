import Model

/// Why a data row is not accepted.
struct RowRejection: Error {
    let column: String
    let value: String
    let reason: String
}

enum PartOutcome: Sendable {
    case code(Int32)
    /// Not a configured part: kept under its own name, warned about once.
    case unknown(Int32, String)
    case rejected(String)
    /// Empty, or names the region itself: the folder/file/sheet name decides.
    case fallback
}

enum IndustryOutcome: Sendable {
    case code(Int32)
    case unknown(Int32, String)
}

/// Turning the current row's values into a record of the sheet's kind, or a rejection — the same
/// code for every kind: each column is parsed by its declared type, then the kind's rules (level,
/// rectification) apply.
extension SheetIngestor {
    mutating func buildRecord(into partial: inout FilePartial) throws(RowRejection) {
        // The period date is checked first, then the part, then the other columns in order: a row
        // with several problems is rejected for the first of them.
        if let d = dateSlot { row[d] = try value(slot: d, district: -1, town: -1, into: &partial) }
        var district = StringDictionary.absent, town = StringDictionary.absent, part = StringDictionary.absent
        if role != .targets { (district, town, part) = try self.part(into: &partial) }
        // 隐患描述 and other notes only tell id-less records apart: with an id column they are
        // interned only for a record without an id (only an empty required note rejects a row).
        let notesAfterID = idSlot != nil
        do {
            // Written through one pointer, the row taken out of the ingestor meanwhile: written in
            // place, each value checked the array's uniqueness and stored its buffer back.
            var record = row
            row = []
            defer { row = record }
            let steps = self.steps
            try record.withUnsafeMutableBufferPointer { (out: inout UnsafeMutableBufferPointer<RowValue>) throws(RowRejection) in
                for step in steps {
                    switch step {
                    case .value(let s): out[s] = try value(slot: s, district: district, town: town, into: &partial)
                    case .absent(let s): out[s] = .code(StringDictionary.absent)
                    case .requiredNoteAfterID(let s, let source):
                        if SheetIngestor.isBlank(values[source]) { throw fail(s, .empty) }
                        out[s] = .code(StringDictionary.absent)
                    }
                }
            }
        }
        if let rule = levelRule { try applyLevel(rule, into: &partial) }
        if let rule = rectificationRule, let done = SheetIngestor.contradiction(rule, row) { throw rectificationRejection(rule, done) }
        if notesAfterID, let id = idSlot, case .code(let c) = row[id], c < 0 {
            for s in noteSlots { row[s] = try value(slot: s, district: district, town: town, into: &partial) }
        }
        switch role {
        case .targets: try addTarget(into: &partial)
        case .records, .returns:
            if role == .returns { try checkReturn() }
            block!.append(row, part: part, provenance: provenance(partial))
            if block!.isFull { flushRecords(into: &partial) }
        }
    }

    private func provenance(_ partial: FilePartial) -> Provenance {
        // Row numbers of real sheets fit Int32 (Excel stops at 1 048 576).
        Provenance(file: partial.fileIndex, sheet: sheetCode, row: Int32(clamping: rowNumber))
    }

    // MARK: Columns

    private mutating func value(slot s: Int, district: Int32, town: Int32,
                                into partial: inout FilePartial) throws(RowRejection) -> RowValue {
        let plan = plans[s]
        let type = plan.type
        // A column the sheet lacks takes its fallback's value (受伤人数 ← 重伤人数), else is empty.
        var source = s
        if type != .district && type != .town {
            guard plan.source >= 0 else {
                if type == .level { return .int(Int64(levelDefault(s) ?? Column.noLevel)) }
                return Column.emptyValue(type.storage)
            }
            source = plan.source
        }
        let required = plan.required
        switch type {
        case .date:
            if s == dateSlot {
                switch rowDate {
                case .success(let d): return .day(d)
                case .failure(let p): throw fail(s, p)
                }
            }
            let cell = values[source]
            if cell.isBlank {
                if required { throw fail(s, .empty) }
                return .day(nil)
            }
            switch DateParser.parse(cell) {
            case .success(let d): return .day(d)
            case .failure(let p): throw fail(s, p)
            }
        case .district: return .code(district)
        case .town: return .code(town)
        case .industry: return .code(try industry(slot: s, required: required, into: &partial))
        case .id:
            if let b = cleanBytes(source) {
                return .code(Int32(partial.identifiers[plan.dictionary].append(bytes: b)))
            }
            guard let id = text(source) else {
                if required { throw fail(s, .empty) }
                return .code(StringDictionary.absent)
            }
            return .code(Int32(partial.identifiers[plan.dictionary].append(id)))
        case .text, .list, .note:
            if let b = cleanBytes(source) { return .code(partial.dictionaries[plan.dictionary].code(forBytes: b)) }
            guard let t = text(source) else {
                if required { throw fail(s, .empty) }
                return .code(StringDictionary.absent)
            }
            return .code(partial.dictionaries[plan.dictionary].code(for: t))
        case .count:
            if let p = numericProblems[source] { throw fail(s, p) }
            return .int(Int64(counts[source]))
        case .money:
            if let p = numericProblems[source] { throw fail(s, p) }
            return .int(money[source].fen)
        case .number:
            switch SheetIngestor.decimal(values[source]) {
            case .success(let v): return .decimal(v)
            case .failure(.empty) where !required: return .decimal(ExactDecimal(0))
            case .failure(let p): throw fail(s, p)
            }
        case .year:
            switch SheetIngestor.year(values[source]) {
            case .success(let y): return .int(Int64(y))
            case .failure(let p): throw fail(s, p)
            }
        case .bool:
            switch cachedChoice(source, { ChoiceParser.boolean($0).map { $0 ? 1 : 0 } }) {
            case .success(let b): return .int(Int64(b))
            case .failure(let p): throw fail(s, p)
            }
        case .status:
            switch cachedChoice(source, { ChoiceParser.status($0).map { $0.code } }) {
            case .success(let c): return .int(Int64(c))
            case .failure(let p): throw fail(s, p)
            }
        case .level:
            // The usual cell: its text seen before. Only a new text reads the field's allowed
            // values: copying them out retained an array both cores share, on every row.
            let parsed: Result<Int8, ValueProblem>
            if let known = cachedChoice(source) {
                parsed = known
            } else {
                let allowed = fields[s].values
                let fallback = levelDefault(s)
                parsed = cachedChoice(source) { cell in
                    switch ChoiceParser.level(cell) {
                    case .success(nil): return .success(fallback.map { Int8($0) } ?? -1)
                    case .success(let l?):
                        if let allowed, !allowed.contains(l.name) { return .failure(.notOneOf(allowed)) }
                        return .success(Int8(l.rawValue))
                    case .failure:
                        return .failure(allowed.map { ValueProblem.notOneOf($0) } ?? .notLevel)
                    }
                }
            }
            switch parsed {
            case .success(let l): return .int(l < 0 ? Int64(Column.noLevel) : Int64(l))
            case .failure(let p): throw fail(s, p)
            }
        }
    }

    private func levelDefault(_ s: Int) -> UInt8? { levelDefaults[s] }

    /// Whether `value(slot:)` would reject the row for a required note being empty: its cell is
    /// blank. Static, on the cell alone: a method call where the ingestor is captured passed a
    /// copy of it (1.5 KB).
    static func isBlank(_ cell: RawCell) -> Bool { cleanBytes(of: cell) == nil && text(of: cell) == nil }

    // MARK: Kind rules

    /// 事故等级: as stated (the first stated column the sheet has), else derived by 条例 第三条;
    /// a stated level that contradicts the figures is kept and warned about (METRICS.md).
    private mutating func applyLevel(_ rule: LevelRule, into partial: inout FilePartial) throws(RowRejection) {
        func int(_ slot: Int?) -> Int64 { if let slot, case .int(let v) = row[slot] { return v }; return 0 }
        let deaths = rule.deaths.reduce(Int64(0)) { $0 + int($1) }
        let serious = int(rule.seriousInjuries)
        let loss = Money(fen: int(rule.loss))
        let derived = AccidentLevel.derived(deaths: Int(clamping: deaths), seriousInjuries: Int(clamping: serious), loss: loss)
        var stated: AccidentLevel?
        var statedSlot = rule.field
        if let s = rule.stated.first(where: { present[$0] }) {
            statedSlot = s
            if case .int(let v) = row[s], v != Int64(Column.noLevel) { stated = AccidentLevel(rawValue: UInt8(v)) }
        }
        if let stated, stated != derived {
            warn("\(fields[statedSlot].name)填报为「\(stated.name)」，按死亡（含失踪）\(deaths)人、重伤\(serious)人、直接经济损失\(loss.wanYuanText)万元应为「\(derived.name)」；按填报保留",
                 slot: statedSlot, into: &partial)
        }
        row[rule.field] = .int(Int64((stated ?? derived).rawValue))
    }

    /// 整改状态 written as not rectified contradicts a completion date (INPUTS.md §隐患).
    private func rectificationRejection(_ rule: RectificationRule, _ done: Day) -> RowRejection {
        let status = rule.status!                           // `contradiction` found one
        let v = values[status].display
        return RowRejection(column: header(status), value: v, reason: "整改状态「\(v)」与整改完成日期「\(done)」矛盾")
    }

    /// The completion date a row gives although its 整改状态 says not rectified, if any. Static, on
    /// the row alone: called on the ingestor, every row passed a copy of the whole ingestor.
    static func contradiction(_ rule: RectificationRule, _ row: [RowValue]) -> Day? {
        guard let status = rule.status, let completed = rule.completed,
              case .int(let code) = row[status], code == Int64(ChoiceParser.Status.notRectified.code),
              case .day(let done?) = row[completed] else { return nil }
        return done
    }

    /// 填报指标: 月份 is 1…12 or empty (the whole year).
    private func checkReturn() throws(RowRejection) {
        guard let m = monthSlot, case .int(let month) = row[m], present[m] else { return }
        if month != 0 && !(1...12).contains(month) {
            throw RowRejection(column: header(m), value: values[m].display, reason: "月份「\(values[m].display)」应为 1 到 12，或留空表示全年")
        }
    }

    /// A 目标 row: the target of one metric for one year, for the region or one part.
    private mutating func addTarget(into partial: inout FilePartial) throws(RowRejection) {
        func slot(_ name: String) -> Int? { context.catalog.column(kind: kind, named: name) }
        guard let yearSlot = slot("年度"), case .int(let year) = row[yearSlot],
              let metricSlot = slot("指标"), let metric = text(metricSlot),
              let valueSlot = slot("目标值"), case .decimal(let value) = row[valueSlot] else { return }
        var part: String?
        let partSlot = slot(context.config.level.partsAreTowns && slot("镇街").flatMap(text) != nil ? "镇街" : "区县")
        if let partSlot, let raw = text(partSlot) {
            switch context.parts.resolve(raw) {
            case .part(let p): part = p
            case .region, .empty: part = nil
            case .unknown(let u):
                if context.strict { throw RowRejection(column: header(partSlot), value: raw, reason: unknownPartReason(u, strict: true)) }
                warn(unknownPartReason(u, strict: false), slot: partSlot, onceKey: "part:\(u)", into: &partial)
                part = u
            }
        }
        let origin = "\(partial.report.path) \(report.name.map { $0 + "!" } ?? "")第\(rowNumber)行"
        partial.targets.append(Target(year: Int(year), part: part, metric: PartResolver.clean(metric), value: value, origin: origin))
    }

    // MARK: Cells

    /// The cached parse of slot `slot`'s cell, when its text was seen before.
    mutating func cachedChoice(_ slot: Int) -> Result<Int8, ValueProblem>? {
        switch values[slot] {
        case .utf8(let b): return choiceCache[slot].index(ofBytes: b.buffer).map { choiceCache[slot].value(at: $0) }
        case .text(let s): return choiceCache[slot][s]
        default: return nil
        }
    }

    /// A word cell's parse, cached per distinct text (they repeat on every row: 是, 已整改, 一般).
    mutating func cachedChoice(_ slot: Int, _ parse: (RawCell) -> Result<Int8, ValueProblem>) -> Result<Int8, ValueProblem> {
        if let cached = cachedChoice(slot) { return cached }
        let cell = values[slot]
        let result = parse(cell)
        switch cell {
        case .utf8(let b): choiceCache[slot].set(b.string, result)
        case .text(let s): choiceCache[slot].set(s, result)
        default: break
        }
        return result
    }

    func header(_ slot: Int) -> String {
        guard present[slot], let layout else { return fields[slot].name }
        return layout.headers[slot]
    }

    func fail(_ slot: Int, _ problem: ValueProblem) -> RowRejection {
        let value = values[slot].display
        return RowRejection(column: header(slot), value: value, reason: problem.reason(field: fields[slot].name, value: value))
    }

    /// A text cell trimmed (numbers as they show); nil when blank.
    // In line, on the cell alone: a call on the ingestor passed a copy of the whole ingestor
    // (1.5 KB), several times a row where cells are Strings (XLSX shared strings).
    @inline(__always)
    func text(_ slot: Int) -> String? { SheetIngestor.text(of: values[slot]) }

    static func text(of cell: RawCell) -> String? {
        switch cell {
        case .empty: return nil
        case .text(let s):
            return SheetIngestor.trimmed(s)
        case .utf8(let b):
            return SheetIngestor.trimmed(b.string)
        case let other:
            let d = other.display
            return d.isEmpty ? nil : d
        }
    }

    /// A `.utf8` cell's bytes when `text(slot)` would be exactly them (not empty, no whitespace at
    /// either end): the common cell, interned or looked up without a `String`. Nil otherwise.
    // In line, on the cell alone, as `text`: a call on the ingestor passes a copy of the whole
    // ingestor (1.5 KB), several times a row.
    @inline(__always)
    func cleanBytes(_ slot: Int) -> UnsafeBufferPointer<UInt8>? { SheetIngestor.cleanBytes(of: values[slot]) }

    static func cleanBytes(of cell: RawCell) -> UnsafeBufferPointer<UInt8>? {
        guard case .utf8(let field) = cell else { return nil }
        let b = field.buffer
        guard !b.isEmpty, !UTF8Space.startsWithSpace(b), !UTF8Space.endsWithSpace(b) else { return nil }
        return b
    }

    /// `s` without surrounding whitespace (no copy when there is none); nil when blank.
    static func trimmed(_ s: String) -> String? {
        if s.isEmpty { return nil }
        let clean: Bool? = s.utf8.withContiguousStorageIfAvailable { b in
            !UTF8Space.startsWithSpace(b) && !UTF8Space.endsWithSpace(b)
        }
        if clean == true { return s }
        let scalars = s.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, HeaderText.isSpace(scalars[start].value) { start = scalars.index(after: start) }
        while end > start, HeaderText.isSpace(scalars[scalars.index(before: end)].value) { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return s }
        return start < end ? String(scalars[start..<end]) : nil
    }

    mutating func industry(slot s: Int, required: Bool, into partial: inout FilePartial) throws(RowRejection) -> Int32 {
        if let b = cleanBytes(s), let i = industryCache.index(ofBytes: b), case .code(let c) = industryCache.value(at: i) {
            if c == StringDictionary.absent && required { throw fail(s, .empty) }
            return c
        }
        guard let raw = text(s) else {
            if required { throw fail(s, .empty) }
            return StringDictionary.absent
        }
        let dictionary = Catalog.industryDictionary
        let outcome: IndustryOutcome
        if let cached = industryCache[raw] {
            outcome = cached
        } else {
            switch context.industries.resolve(raw) {
            case .known(let name): outcome = .code(partial.dictionaries[dictionary].code(for: name))
            case .unknown(let name): outcome = .unknown(partial.dictionaries[dictionary].code(for: name), name)
            case .empty: outcome = .code(StringDictionary.absent)
            }
            industryCache.set(raw, outcome)
        }
        switch outcome {
        case .code(let c):
            if c == StringDictionary.absent && required { throw fail(s, .empty) }
            return c
        case .unknown(let c, let name):
            if !partial.warnedValues.contains("industry:\(name)") {
                warn("行业领域「\(name)」不在标准行业列表中，按原样保留", slot: s, onceKey: "industry:\(name)", into: &partial)
            }
            // Warned once per file: later rows of this sheet need no check.
            industryCache.set(raw, .code(c))
            return c
        }
    }

    func unknownPartReason(_ name: String, strict: Bool) -> String {
        let word = context.config.level.partKindWord
        return strict
            ? "\(word)「\(name)」不在 config.toml 的 [districts] 中（--strict 下不计入）"
            : "\(word)「\(name)」不在 config.toml 的 [districts] 中，按原名计入"
    }

    /// The record's 区县 and 镇街 codes and its part. At level 市 the part is the 区县; at level
    /// 区/县 it is the 镇街, and a 区县 given must be the region itself. An empty part comes from
    /// the folder, file or sheet name (INPUTS.md clarification), or the row is rejected. A kind
    /// without the part field takes its part from the names.
    mutating func part(into partial: inout FilePartial) throws(RowRejection) -> (district: Int32, town: Int32, part: Int32) {
        let towns = context.config.level.partsAreTowns
        let partDictionary = context.partDictionary
        var outcome = PartOutcome.fallback
        var raw: String?
        if partSlot >= 0, let b = cleanBytes(partSlot), let i = partCache.index(ofBytes: b) {
            // The usual row: a part seen before, its code known without a `String`.
            outcome = partCache.value(at: i)
            if case .code = outcome {} else { raw = String(decoding: b, as: UTF8.self) }
        } else if partSlot >= 0, let text = text(partSlot) {
            raw = text
            if let cached = partCache[text] {
                outcome = cached
            } else {
                switch context.parts.resolve(text) {
                case .part(let p):
                    outcome = .code(partial.dictionaries[partDictionary].code(for: p))
                case .unknown(let u):
                    outcome = context.strict
                        ? .rejected(unknownPartReason(u, strict: true))
                        : .unknown(partial.dictionaries[partDictionary].code(for: u), u)
                case .region, .empty:
                    outcome = .fallback
                }
                partCache.set(text, outcome)
            }
        }
        var partCode: Int32
        switch outcome {
        case .code(let c): partCode = c
        case .unknown(let c, let name):
            partCode = c
            if !partial.warnedValues.contains("part:\(name)") {
                warn(unknownPartReason(name, strict: false), slot: partSlot >= 0 ? partSlot : nil, onceKey: "part:\(name)", into: &partial)
            }
            // Warned once per file: later rows of this sheet need no check.
            if let raw { partCache.set(raw, .code(c)) }
        case .rejected(let reason):
            throw RowRejection(column: partHeader, value: raw ?? "", reason: reason)
        case .fallback:
            guard let p = fallbackPart else {
                let word = context.config.level.partKindWord
                let what = raw.map { "「\($0)」不是\(word)，" } ?? "为空，"
                throw RowRejection(column: partHeader, value: raw ?? "",
                                   reason: "\(word)\(what)且所在文件夹、文件名和表名都未指明\(word)")
            }
            partCode = partial.dictionaries[partDictionary].code(for: p)
        }

        if towns {
            if districtSlot >= 0, present[districtSlot], let name = text(districtSlot), !context.parts.isRegion(name) {
                throw RowRejection(column: header(districtSlot), value: name,
                                   reason: "区县「\(name)」不是本\(context.config.level.rawValue)（\(context.config.name)）")
            }
            let region = districtSlot >= 0 ? partial.dictionaries[Catalog.districtDictionary].code(for: context.config.name)
                : StringDictionary.absent
            return (region, townSlot >= 0 ? partCode : StringDictionary.absent, partCode)
        }
        var town = StringDictionary.absent
        if townSlot >= 0, present[townSlot], let b = cleanBytes(townSlot), let i = townCache.index(ofBytes: b) {
            town = townCache.value(at: i)
        } else if townSlot >= 0, present[townSlot], let t = text(townSlot) {
            if let cached = townCache[t] {
                town = cached
            } else {
                town = partial.dictionaries[Catalog.townDictionary].code(for: PartResolver.clean(t))
                townCache.set(t, town)
            }
        }
        return (districtSlot >= 0 ? partCode : StringDictionary.absent, town, partCode)
    }

    /// The part column's header as the sheet writes it, or the part's name when the sheet has none.
    private var partHeader: String { partSlot >= 0 ? header(partSlot) : context.config.level.partKindWord }

    // MARK: Values

    static func year(_ cell: RawCell) -> Result<Int, ValueProblem> {
        switch cell {
        case .empty: return .failure(.empty)
        case .utf8(let b): return year(.text(b.string))
        case .number(let d):
            guard d == d.rounded(), DateParser.years.contains(Int(exactly: d) ?? 0) else { return .failure(.notYear) }
            return .success(Int(d))
        case .text(let s):
            guard let p = NumberText.parse(s), !p.percent, ["", "年", "年度"].contains(p.suffix),
                  let y = CountParser.exactInteger(p.value), DateParser.years.contains(Int(y)) else {
                return RawCell.isBlankText(s) ? .failure(.empty) : .failure(.notYear)
            }
            return .success(Int(y))
        default: return .failure(.notYear)
        }
    }

    static func decimal(_ cell: RawCell) -> Result<ExactDecimal, ValueProblem> {
        switch cell {
        case .empty: return .failure(.empty)
        case .utf8(let b): return decimal(.text(b.string))
        case .number(let d):
            guard let v = NumberText.decimal(d) else { return .failure(.notNumber) }
            return .success(v)
        case .text(let s):
            if RawCell.isBlankText(s) { return .failure(.empty) }
            guard let p = NumberText.parse(s) else { return .failure(.notNumber) }
            guard p.suffix.isEmpty || CountParser.units.contains(p.suffix) || MoneyUnit(word: p.suffix) != nil else {
                return .failure(.notNumber)
            }
            return .success(p.value)
        default: return .failure(.notNumber)
        }
    }
}
