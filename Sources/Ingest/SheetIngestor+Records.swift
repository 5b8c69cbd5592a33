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

/// Turning the current row's values into a record of the sheet's kind, or a rejection.
extension SheetIngestor {
    mutating func buildRecord(into partial: inout FilePartial) throws(RowRejection) {
        switch kind {
        case .accident, .fire: try buildIncident(kind: kind, into: &partial)
        case .hazard: try buildHazard(into: &partial)
        case .inspection: try buildInspection(into: &partial)
        case .penalty: try buildPenalty(into: &partial)
        case .target: try buildTarget(into: &partial)
        }
    }

    private var provenance: Provenance {
        // Row numbers of real sheets fit Int32 (Excel stops at 1 048 576).
        Provenance(file: 0, sheet: sheetCode, row: Int32(clamping: rowNumber))
    }

    private func provenance(_ partial: FilePartial) -> Provenance {
        var p = provenance
        p.file = partial.fileIndex
        return p
    }

    // MARK: Kinds

    private mutating func buildIncident(kind: RecordKind, into partial: inout FilePartial) throws(RowRejection) {
        let date = try requiredDate(.occurredOn)
        let (district, town) = try part(into: &partial)
        var r = IncidentTable.Record(date: date, provenance: provenance(partial))
        r.district = district
        r.town = town
        r.industry = try industry(required: kind == .accident, into: &partial)
        r.id = identifier(.incidentID, into: &partial)
        r.unit = unitCode(into: &partial)
        if kind == .fire {
            r.category = label(.fireCause, into: &partial)
            r.place = label(.firePlace, into: &partial)
        } else {
            r.category = label(.accidentType, into: &partial)
        }
        r.deaths = try count(.deaths)
        r.missing = try count(.missing)
        r.seriousInjuries = try count(.seriousInjuries)
        let injuries = try count(.injuries)
        // METRICS.md: 受伤 per record is 受伤人数 when given, else 重伤人数 when given, else 0.
        r.injuries = has(.injuries) ? injuries : (has(.seriousInjuries) ? r.seriousInjuries : 0)
        r.loss = try moneyValue(.loss)

        let derived = AccidentLevel.derived(deaths: Int(r.deaths) + Int(r.missing),
                                            seriousInjuries: Int(r.seriousInjuries), loss: r.loss)
        let levelField: Field = has(.fireLevel) ? .fireLevel : .level
        var stated: AccidentLevel?
        switch cachedChoice(levelField, { ChoiceParser.level($0).map { $0.map { Int8($0.rawValue) } ?? -1 } }) {
        case .success(let l): stated = l == -1 ? nil : AccidentLevel(rawValue: UInt8(l))
        case .failure(let p): throw fail(levelField, p)
        }
        if let stated, stated != derived {
            let lossText = r.loss.wanYuanText
            warn("\(levelField.name)填报为「\(stated.name)」，按死亡（含失踪）\(Int(r.deaths) + Int(r.missing))人、重伤\(r.seriousInjuries)人、直接经济损失\(lossText)万元应为「\(derived.name)」；按填报保留",
                 field: levelField, into: &partial)
        }
        r.level = stated ?? derived
        if kind == .fire { partial.fires.append(r) } else { partial.accidents.append(r) }
    }

    private mutating func buildHazard(into partial: inout FilePartial) throws(RowRejection) {
        let date = try requiredDate(.foundOn)
        let (district, town) = try part(into: &partial)
        var r = HazardTable.Record(date: date, provenance: provenance(partial))
        r.district = district
        r.town = town
        r.id = identifier(.hazardID, into: &partial)
        r.unit = unitCode(into: &partial)
        r.industry = try industry(required: false, into: &partial)
        r.source = label(.source, into: &partial)
        switch cachedChoice(.hazardLevel, { ChoiceParser.hazardIsMajor($0).map { $0 ? 1 : 0 } }) {
        case .success(let major): if major == 1 { r.flags.insert(.major) }
        case .failure(let p): throw fail(.hazardLevel, p)
        }
        var status = ChoiceParser.Status.unstated
        switch cachedChoice(.rectificationStatus, { ChoiceParser.status($0).map { $0.code } }) {
        case .success(let s): status = ChoiceParser.Status(code: s)
        case .failure(let p): throw fail(.rectificationStatus, p)
        }
        r.rectifiedOn = try optionalDate(.rectifiedOn)
        r.deadline = try optionalDate(.rectificationDeadline)
        switch cachedChoice(.listed, { ChoiceParser.boolean($0).map { $0 ? 1 : 0 } }) {
        case .success(let b): if b == 1 { r.flags.insert(.listed) }
        case .failure(let p): throw fail(.listed, p)
        }
        if status == .notRectified, let done = r.rectifiedOn {
            let v = values[Field.rectificationStatus.rawValue].display
            throw RowRejection(column: header(.rectificationStatus), value: v,
                               reason: "整改状态「\(v)」与整改完成日期「\(done)」矛盾")
        }
        if status == .rectified { r.flags.insert(.statusRectified) }
        var description = StringDictionary.absent
        // Only id-less hazards are compared by content, so only they need their description.
        if r.id == StringDictionary.absent, let text = text(.hazardDescription) {
            description = partial.descriptions.code(for: text)
        }
        partial.hazards.append(r)
        partial.hazardDescriptions.append(description)
    }

    private mutating func buildInspection(into partial: inout FilePartial) throws(RowRejection) {
        let date = try requiredDate(.inspectedOn)
        let (district, town) = try part(into: &partial)
        var r = InspectionTable.Record(date: date, provenance: provenance(partial))
        r.district = district
        r.town = town
        r.unit = unitCode(into: &partial)
        if r.unit == StringDictionary.absent { throw fail(.unitName, .empty) }
        r.industry = try industry(required: false, into: &partial)
        r.inspectionType = label(.inspectionType, into: &partial)
        r.hazardsFound = try count(.hazardsFound)
        partial.inspections.append(r)
    }

    private mutating func buildPenalty(into partial: inout FilePartial) throws(RowRejection) {
        let date = try requiredDate(.filedOn)
        let (district, town) = try part(into: &partial)
        var r = PenaltyTable.Record(date: date, provenance: provenance(partial))
        r.district = district
        r.town = town
        r.id = identifier(.caseID, into: &partial)
        r.unit = unitCode(into: &partial)
        r.industry = try industry(required: false, into: &partial)
        if let kinds = text(.penaltyKinds) {
            r.penaltyKinds = partial.labels.code(for: kinds)
            if case .success(1) = cachedChoice(.penaltyKinds, { _ in .success(ChoiceParser.includesShutdown(kinds) ? 1 : 0) }) {
                r.flags.insert(.shutdown)
            }
        }
        r.fine = try moneyValue(.fine)
        switch cachedChoice(.preAccident, { ChoiceParser.boolean($0).map { $0 ? 1 : 0 } }) {
        case .success(let b): if b == 1 { r.flags.insert(.beforeAccident) }
        case .failure(let p): throw fail(.preAccident, p)
        }
        partial.penalties.append(r)
    }

    private mutating func buildTarget(into partial: inout FilePartial) throws(RowRejection) {
        let year: Int
        switch SheetIngestor.year(values[Field.year.rawValue]) {
        case .success(let y): year = y
        case .failure(let p): throw fail(.year, p)
        }
        guard let metric = text(.metric) else { throw fail(.metric, .empty) }
        let value: ExactDecimal
        switch SheetIngestor.decimal(values[Field.targetValue.rawValue]) {
        case .success(let v): value = v
        case .failure(let p): throw fail(.targetValue, p)
        }
        var part: String?
        let levelTowns = context.config.level.partsAreTowns
        let partField: Field = levelTowns && text(.town) != nil ? .town : .district
        if let raw = text(partField) {
            switch context.parts.resolve(raw) {
            case .part(let p): part = p
            case .region, .empty: part = nil
            case .unknown(let u):
                if context.strict { throw RowRejection(column: header(partField), value: raw, reason: unknownPartReason(u, strict: true)) }
                warn(unknownPartReason(u, strict: false), field: partField, onceKey: "part:\(u)", into: &partial)
                part = u
            }
        }
        let origin = "\(partial.report.path) \(report.name.map { $0 + "!" } ?? "")第\(rowNumber)行"
        partial.targets.append(Target(year: year, part: part, metric: PartResolver.clean(metric), value: value, origin: origin))
    }

    // MARK: Fields

    /// A word cell's parse, cached per distinct text (they repeat on every row: 是, 已整改, 一般).
    mutating func cachedChoice(_ field: Field, _ parse: (RawCell) -> Result<Int8, ValueProblem>) -> Result<Int8, ValueProblem> {
        let cell = values[field.rawValue]
        guard case .text(let s) = cell else { return parse(cell) }
        if let cached = choiceCache[field.rawValue][s] { return cached }
        let result = parse(cell)
        choiceCache[field.rawValue].set(s, result)
        return result
    }

    func has(_ field: Field) -> Bool { present[field.rawValue] }

    func header(_ field: Field) -> String {
        guard present[field.rawValue], let layout else { return field.name }
        return layout.headers[field.rawValue]
    }

    func fail(_ field: Field, _ problem: ValueProblem) -> RowRejection {
        let value = values[field.rawValue].display
        return RowRejection(column: header(field), value: value, reason: problem.reason(field: field.name, value: value))
    }

    func requiredDate(_ field: Field) throws(RowRejection) -> Day {
        switch field == dateField ? rowDate : DateParser.parse(values[field.rawValue]) {
        case .success(let d): return d
        case .failure(let p): throw fail(field, p)
        }
    }

    func optionalDate(_ field: Field) throws(RowRejection) -> Day? {
        let cell = values[field.rawValue]
        if cell.isBlank { return nil }
        switch DateParser.parse(cell) {
        case .success(let d): return d
        case .failure(let p): throw fail(field, p)
        }
    }

    func count(_ field: Field) throws(RowRejection) -> Int32 {
        if let p = numericProblems[field.rawValue], has(field) { throw fail(field, p) }
        return has(field) ? counts[field.rawValue] : 0
    }

    func moneyValue(_ field: Field) throws(RowRejection) -> Money {
        if let p = numericProblems[field.rawValue], has(field) { throw fail(field, p) }
        return has(field) ? money[field.rawValue] : .zero
    }

    /// A text cell trimmed (numbers as they show); nil when blank.
    func text(_ field: Field) -> String? {
        switch values[field.rawValue] {
        case .empty: return nil
        case .text(let s):
            return SheetIngestor.trimmed(s)
        case let other:
            let d = other.display
            return d.isEmpty ? nil : d
        }
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

    mutating func identifier(_ field: Field, into partial: inout FilePartial) -> Int32 {
        guard let id = text(field) else { return StringDictionary.absent }
        return Int32(partial.identifiers.append(id))
    }

    mutating func unitCode(into partial: inout FilePartial) -> Int32 {
        guard let name = text(.unitName) else { return StringDictionary.absent }
        return partial.units.code(for: name)
    }

    mutating func label(_ field: Field, into partial: inout FilePartial) -> Int32 {
        guard let value = text(field) else { return StringDictionary.absent }
        return partial.labels.code(for: value)
    }

    mutating func industry(required: Bool, into partial: inout FilePartial) throws(RowRejection) -> Int32 {
        guard let raw = text(.industry) else {
            if required { throw fail(.industry, .empty) }
            return StringDictionary.absent
        }
        let outcome: IndustryOutcome
        if let cached = industryCache[raw] {
            outcome = cached
        } else {
            switch context.industries.resolve(raw) {
            case .known(let name): outcome = .code(partial.industries.code(for: name))
            case .unknown(let name): outcome = .unknown(partial.industries.code(for: name), name)
            case .empty: outcome = .code(StringDictionary.absent)
            }
            industryCache.set(raw, outcome)
        }
        switch outcome {
        case .code(let c):
            if c == StringDictionary.absent && required { throw fail(.industry, .empty) }
            return c
        case .unknown(let c, let name):
            if !partial.warnedValues.contains("industry:\(name)") {
                warn("行业领域「\(name)」不在标准行业列表中，按原样保留", field: .industry, onceKey: "industry:\(name)", into: &partial)
            }
            return c
        }
    }

    func unknownPartReason(_ name: String, strict: Bool) -> String {
        let word = context.config.level.partKindWord
        return strict
            ? "\(word)「\(name)」不在 config.toml 的 [districts] 中（--strict 下不计入）"
            : "\(word)「\(name)」不在 config.toml 的 [districts] 中，按原名计入"
    }

    /// The record's 区县 and 镇街 codes. At level 市 the part is the 区县; at level 区/县 it is the
    /// 镇街, and a 区县 given must be the region itself. An empty part comes from the folder, file
    /// or sheet name (INPUTS.md clarification), or the row is rejected.
    mutating func part(into partial: inout FilePartial) throws(RowRejection) -> (Int32, Int32) {
        let towns = context.config.level.partsAreTowns
        let partField: Field = towns ? .town : .district
        let word = context.config.level.partKindWord
        let raw = text(partField)
        var outcome = PartOutcome.fallback
        if let raw {
            if let cached = partCache[raw] {
                outcome = cached
            } else {
                switch context.parts.resolve(raw) {
                case .part(let p):
                    outcome = .code(towns ? partial.towns.code(for: p) : partial.districts.code(for: p))
                case .unknown(let u):
                    outcome = context.strict
                        ? .rejected(unknownPartReason(u, strict: true))
                        : .unknown(towns ? partial.towns.code(for: u) : partial.districts.code(for: u), u)
                case .region, .empty:
                    outcome = .fallback
                }
                partCache.set(raw, outcome)
            }
        }
        var partCode: Int32
        switch outcome {
        case .code(let c): partCode = c
        case .unknown(let c, let name):
            partCode = c
            if !partial.warnedValues.contains("part:\(name)") {
                warn(unknownPartReason(name, strict: false), field: partField, onceKey: "part:\(name)", into: &partial)
            }
        case .rejected(let reason):
            throw RowRejection(column: header(partField), value: raw ?? "", reason: reason)
        case .fallback:
            guard let p = fallbackPart else {
                let what = raw.map { "「\($0)」不是\(word)，" } ?? "为空，"
                throw RowRejection(column: header(partField), value: raw ?? "",
                                   reason: "\(word)\(what)且所在文件夹、文件名和表名都未指明\(word)")
            }
            partCode = towns ? partial.towns.code(for: p) : partial.districts.code(for: p)
        }

        if towns {
            if let d = text(.district), !context.parts.isRegion(d) {
                throw RowRejection(column: header(.district), value: d,
                                   reason: "区县「\(d)」不是本\(context.config.level.rawValue)（\(context.config.name)）")
            }
            return (partial.districts.code(for: context.config.name), partCode)
        }
        var town = StringDictionary.absent
        if let t = text(.town) {
            if let cached = townCache[t] {
                town = cached
            } else {
                town = partial.towns.code(for: PartResolver.clean(t))
                townCache.set(t, town)
            }
        }
        return (partCode, town)
    }

    // MARK: Target values

    static func year(_ cell: RawCell) -> Result<Int, ValueProblem> {
        switch cell {
        case .empty: return .failure(.empty)
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
