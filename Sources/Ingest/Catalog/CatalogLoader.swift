import Model
import TOMLKit

/// Reads the catalog's declarations (CATALOG.md) — first the built-in catalog, then config.toml's
/// `[[fields]]`, `[[kinds]]`, `[[metrics]]`, `[[breakdowns]]`, `[[periods]]` and `[[lists]]` — into
/// one `Catalog`. Every problem is an error naming the file and line and what is wrong, with the
/// nearest known name for a misspelt one. A config declaration with a built-in id or name replaces
/// the built-in one (a warning says so).
public struct CatalogLoader {
    static let sections = ["fields", "kinds", "metrics", "breakdowns", "periods", "lists"]

    private(set) var catalog = Catalog()
    private(set) var warnings: [IngestWarning] = []
    private var fieldIndex: [String: Int] = [:]
    /// Field key (canonical name or alias, as `TextKey`) → field, for `where` keys written by alias.
    private var fieldByKey: [String: Int] = [:]
    let conditions: ConditionParser

    init(region: RegionConfig) {
        conditions = ConditionParser(parts: PartResolver(config: region),
                                     industries: IndustryCatalog(extraAliases: region.industryAliases))
    }

    /// The built-in catalog with config.toml's declarations (nil: no config, or one without them).
    static func load(config: CatalogSource?, region: RegionConfig) throws(IngestError) -> (Catalog, [IngestWarning]) {
        var loader = CatalogLoader(region: region)
        let builtin = try builtinSource()
        let sources = [builtin] + (config.map { [$0] } ?? [])
        for s in sources { try loader.readFields(s) }
        for s in sources { try loader.readKinds(s) }
        for s in sources { try loader.readMetrics(s) }
        try loader.checkRatios(sources)
        for s in sources { try loader.readBreakdowns(s) }
        for s in sources { try loader.readLists(s) }
        for s in sources { try loader.readPeriods(s) }
        return (loader.catalog, loader.warnings)
    }

    /// The catalog shipped with the tool, parsed once.
    static func builtinSource() throws(IngestError) -> CatalogSource {
        do {
            return CatalogSource(table: try TOMLTable(string: BuiltinCatalog.toml), text: BuiltinCatalog.toml,
                                 path: Catalog.builtinOrigin, isBuiltin: true)
        } catch {
            throw IngestError(path: Catalog.builtinOrigin, message: "内置目录无法解析：\(error)")
        }
    }

    /// The built-in catalog alone (tests, and runs without config.toml).
    public static func builtin(region: RegionConfig = RegionConfig()) -> Catalog {
        // The built-in text is part of the tool and covered by tests: it always loads.
        (try? load(config: nil, region: region).0) ?? Catalog()
    }

    private mutating func warn(_ source: CatalogSource, line: Int?, _ message: String) {
        warnings.append(IngestWarning(file: source.path, sheet: nil, location: line.map { "第\($0)行" }, message: message))
    }

    // MARK: - Keys

    /// Every key of `table` must be one of `known`; a misspelt one names the nearest.
    private func checkKeys(_ table: TOMLTable, known: [String], _ source: CatalogSource, section: String,
                           occurrence: Int, what: String) throws(IngestError) {
        for key in table.keys.sorted() where !known.contains(key) {
            throw source.error(section: section, occurrence: occurrence, key: key,
                               "\(what)中未知的配置项「\(key)」\(NearestName.hint(key, among: known))")
        }
    }

    private func string(_ table: TOMLTable, _ key: String, _ source: CatalogSource, section: String, occurrence: Int,
                        required: Bool = false) throws(IngestError) -> String? {
        guard let value = table[key] else {
            if required { throw source.error(section: section, occurrence: occurrence, key: nil, "[[\(section)]] 缺少「\(key)」") }
            return nil
        }
        guard let s = value.string, !TextKey.trimmed(s).isEmpty else {
            throw source.error(section: section, occurrence: occurrence, key: key, "「\(key)」应为非空文字")
        }
        return TextKey.trimmed(s)
    }

    private func strings(_ table: TOMLTable, _ key: String, _ source: CatalogSource, section: String,
                         occurrence: Int) throws(IngestError) -> [String] {
        guard let value = table[key] else { return [] }
        if let s = value.string { return [TextKey.trimmed(s)] }
        guard let array = value.array else {
            throw source.error(section: section, occurrence: occurrence, key: key, "「\(key)」应为文字或文字列表")
        }
        var out: [String] = []
        for item in array {
            guard let s = item.string else {
                throw source.error(section: section, occurrence: occurrence, key: key, "「\(key)」的列表里只能写文字")
            }
            out.append(TextKey.trimmed(s))
        }
        return out
    }

    private func bool(_ table: TOMLTable, _ key: String, _ source: CatalogSource, section: String,
                      occurrence: Int) throws(IngestError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let b = value.bool else {
            throw source.error(section: section, occurrence: occurrence, key: key, "「\(key)」应为 true 或 false")
        }
        return b
    }

    // MARK: - Fields

    private static let fieldKeys = ["name", "type", "aliases", "unit", "fallback", "default", "values", "required"]

    private mutating func readFields(_ source: CatalogSource) throws(IngestError) {
        for (t, i) in try source.entries("fields") {
            try checkKeys(t, known: CatalogLoader.fieldKeys.filter { $0 != "required" }, source, section: "fields",
                          occurrence: i, what: "[[fields]] ")
            _ = try declareField(t, source, section: "fields", occurrence: i, line: source.line(section: "fields", occurrence: i))
        }
    }

    /// Declares (or refers to) a field from a `[[fields]]` table or one entry of a kind's `fields`.
    private mutating func declareField(_ t: TOMLTable, _ source: CatalogSource, section: String, occurrence: Int,
                                       line: Int?) throws(IngestError) -> Int {
        func fail(_ message: String) -> IngestError { source.error(line: line, message) }
        guard let rawName = t["name"]?.string, !TextKey.trimmed(rawName).isEmpty else { throw fail("字段缺少「name」（列名）") }
        let name = TextKey.trimmed(rawName)
        var type: FieldType?
        if let v = t["type"] {
            guard let s = v.string, let ft = FieldType(rawValue: TextKey.trimmed(s)), ft != .note || source.isBuiltin,
                  ft != .status || source.isBuiltin else {
                let known = ["id", "date", "district", "town", "industry", "text", "list", "count", "number", "money", "bool", "level"]
                let written = v.string ?? "\(v)"
                throw fail("字段「\(name)」的类型「\(written)」未知\(NearestName.hint(written, among: known))（可用：\(known.joined(separator: "、"))）")
            }
            type = ft
        }
        var aliases: [String] = []
        if let v = t["aliases"] {
            guard let array = v.array else { throw fail("字段「\(name)」的 aliases 应为文字列表") }
            for item in array {
                guard let s = item.string else { throw fail("字段「\(name)」的 aliases 里只能写文字") }
                aliases.append(TextKey.trimmed(s))
            }
        }
        var unit: MoneyUnitName?
        if let v = t["unit"] {
            guard let s = v.string, let u = MoneyUnitName(rawValue: TextKey.trimmed(s)) else {
                throw fail("字段「\(name)」的 unit 应为「元」或「万元」")
            }
            unit = u
        }
        let fallback = t["fallback"]?.string.map(TextKey.trimmed)
        let defaultValue = t["default"]?.string.map(TextKey.trimmed)
        var values: [String]?
        if let v = t["values"] {
            guard let array = v.array else { throw fail("字段「\(name)」的 values 应为文字列表") }
            values = array.compactMap { $0.string.map(TextKey.trimmed) }
        }

        if let existing = fieldIndex[name] {
            var field = catalog.fields[existing]
            if let type, type != field.type {
                throw fail("字段「\(name)」已声明为 \(field.type.rawValue)（\(field.origin)），这里又写成 \(type.rawValue)")
            }
            for a in aliases where !field.aliases.contains(a) { field.aliases.append(a) }
            if let unit { field.defaultUnit = unit }
            if let fallback { field.fallback = fallback }
            if let defaultValue { field.defaultValue = defaultValue }
            if let values { field.values = values }
            catalog.fields[existing] = field
            register(existing)
            return existing
        }
        guard let type else { throw fail("字段「\(name)」没有声明过，须写明 type") }
        if let values, type == .level {
            for v in values where AccidentLevel(name: v) == nil { throw fail("字段「\(name)」的 values 中「\(v)」不是一般/较大/重大/特别重大") }
        }
        var dictionary = -1
        switch type {
        case .district: dictionary = Catalog.districtDictionary
        case .town: dictionary = Catalog.townDictionary
        case .industry: dictionary = Catalog.industryDictionary
        case _ where type.isCoded:
            dictionary = catalog.dictionaryCount
            catalog.dictionaryCount += 1
        default: break
        }
        let field = FieldDeclaration(name: name, type: type, aliases: aliases,
                                     defaultUnit: unit ?? (type == .money ? .wanYuan : .yuan), fallback: fallback,
                                     defaultValue: defaultValue, values: values, dictionary: dictionary,
                                     origin: source.origin(line))
        catalog.fields.append(field)
        fieldIndex[name] = catalog.fields.count - 1
        register(catalog.fields.count - 1)
        return catalog.fields.count - 1
    }

    private mutating func register(_ field: Int) {
        let f = catalog.fields[field]
        for text in [f.name] + f.aliases where fieldByKey[TextKey.key(text)] == nil { fieldByKey[TextKey.key(text)] = field }
        fieldByKey[TextKey.key(f.name)] = field
    }

    // MARK: - Kinds

    private static let kindKeys = ["name", "extends", "role", "date", "year", "month", "hints", "hint_exclusions",
                                   "distinct_field_or_hint", "required_any", "level", "rectification", "fields"]

    private mutating func readKinds(_ source: CatalogSource) throws(IngestError) {
        for (t, i) in try source.entries("kinds") {
            try checkKeys(t, known: CatalogLoader.kindKeys, source, section: "kinds", occurrence: i, what: "[[kinds]] ")
            try readKind(t, source, occurrence: i)
        }
    }

    private mutating func readKind(_ t: TOMLTable, _ source: CatalogSource, occurrence i: Int) throws(IngestError) {
        let header = source.line(section: "kinds", occurrence: i)
        func fail(_ key: String?, _ message: String) -> IngestError {
            source.error(section: "kinds", occurrence: i, key: key, message)
        }
        let extends = try string(t, "extends", source, section: "kinds", occurrence: i)
        let name = try string(t, "name", source, section: "kinds", occurrence: i, required: extends == nil) ?? extends!

        // Fields: a name refers to a field declared before; a table declares or extends one.
        var columns: [Int] = []
        var required: [Int] = []
        if let v = t["fields"] {
            guard let array = v.array else { throw fail("fields", "kind「\(name)」的 fields 应为列表") }
            for item in array {
                let fieldName: String
                var field: Int
                var isRequired = false
                if let s = item.string {
                    fieldName = TextKey.trimmed(s)
                    guard let f = fieldIndex[fieldName] else {
                        let line = source.line(section: "kinds", occurrence: i, containing: "\"\(fieldName)\"")
                        throw source.error(line: line, "kind「\(name)」的字段「\(fieldName)」没有声明过：写成 { name = \"\(fieldName)\", type = \"…\" }\(NearestName.hint(fieldName, among: Array(fieldIndex.keys).sorted()))")
                    }
                    field = f
                } else if let ft = item.table {
                    fieldName = ft["name"]?.string.map(TextKey.trimmed) ?? ""
                    let line = source.line(section: "kinds", occurrence: i, containing: "\"\(fieldName)\"")
                    for key in ft.keys.sorted() where !CatalogLoader.fieldKeys.contains(key) {
                        throw source.error(line: line, "kind「\(name)」的字段「\(fieldName)」中未知的配置项「\(key)」\(NearestName.hint(key, among: CatalogLoader.fieldKeys))")
                    }
                    field = try declareField(ft, source, section: "kinds", occurrence: i, line: line)
                    if let r = ft["required"] {
                        guard let b = r.bool else { throw source.error(line: line, "字段「\(fieldName)」的 required 应为 true 或 false") }
                        isRequired = b
                    }
                } else {
                    throw fail("fields", "kind「\(name)」的 fields 里应写字段名或 { name = …, type = … }")
                }
                if columns.contains(field) { throw fail("fields", "kind「\(name)」的字段「\(fieldName)」写了两次") }
                columns.append(field)
                if isRequired { required.append(columns.count - 1) }
            }
        }

        if let extends {
            guard let base = catalog.kind(named: extends) else {
                throw fail("extends", "extends 的「\(extends)」不是已知的 kind\(NearestName.hint(extends, among: catalog.kinds.map(\.name)))")
            }
            guard name == extends else { throw fail("name", "带 extends 的 kind 不另起名：name 应省略或写「\(extends)」") }
            for key in ["date", "year", "month", "role", "level", "rectification", "required_any"] where t[key] != nil {
                throw fail(key, "extends 只能增加字段（fields）和 hints；「\(key)」沿用「\(extends)」的")
            }
            var kind = catalog.kinds[base]
            for (n, f) in columns.enumerated() where !kind.fields.contains(f) {
                kind.fields.append(f)
                if required.contains(n) { kind.required.append(kind.fields.count - 1) }
            }
            kind.hints += try strings(t, "hints", source, section: "kinds", occurrence: i)
            catalog.kinds[base] = kind
            return
        }

        func column(_ key: String, _ fieldName: String?) throws(IngestError) -> Int? {
            guard let fieldName else { return nil }
            guard let f = fieldIndex[fieldName], let c = columns.firstIndex(of: f) else {
                let names = columns.map { catalog.fields[$0].name }
                throw fail(key, "kind「\(name)」的 \(key) =「\(fieldName)」不是它的字段\(NearestName.hint(fieldName, among: names))")
            }
            return c
        }
        var role = KindDeclaration.Role.records
        if let r = try string(t, "role", source, section: "kinds", occurrence: i) {
            guard source.isBuiltin, let parsed = KindDeclaration.Role(rawValue: r) else { throw fail("role", "未知的 role「\(r)」") }
            role = parsed
        }
        let date = try column("date", try string(t, "date", source, section: "kinds", occurrence: i))
        if let date, catalog.fields[columns[date]].type != .date {
            throw fail("date", "kind「\(name)」的 date 字段「\(catalog.fields[columns[date]].name)」应为 date 类型")
        }
        let year = try column("year", try string(t, "year", source, section: "kinds", occurrence: i))
        if let year {
            let type = catalog.fields[columns[year]].type
            guard type == .count || type == .year else { throw fail("year", "kind「\(name)」的 year 字段应为 count 类型（如 年度）") }
            guard date == nil else { throw fail("year", "kind「\(name)」已有 date，不能再有 year") }
        }
        let month = try column("month", try string(t, "month", source, section: "kinds", occurrence: i))
        var requiredAny: [[Int]] = []
        if let v = t["required_any"] {
            guard let groups = v.array else { throw fail("required_any", "required_any 应为字段名列表的列表") }
            for g in groups {
                guard let names = g.array else { throw fail("required_any", "required_any 应为字段名列表的列表") }
                var group: [Int] = []
                for n in names {
                    guard let s = n.string, let c = try column("required_any", TextKey.trimmed(s)) else {
                        throw fail("required_any", "required_any 里只能写字段名")
                    }
                    group.append(c)
                }
                requiredAny.append(group)
            }
        }
        var level: LevelRule?
        if let v = t["level"] {
            guard source.isBuiltin, let lt = v.table else { throw fail("level", "level 规则只用于内置的事故和火灾") }
            func col(_ key: String) throws(IngestError) -> Int? { try column("level", lt[key]?.string) }
            func cols(_ key: String) throws(IngestError) -> [Int] {
                var out: [Int] = []
                for item in lt[key]?.array ?? TOMLArray() { if let c = try column("level", item.string) { out.append(c) } }
                return out
            }
            guard let field = try col("field") else { throw fail("level", "level 规则缺少 field") }
            level = LevelRule(field: field, stated: try cols("stated"), deaths: try cols("deaths"),
                              seriousInjuries: try col("serious"), loss: try col("loss"))
        }
        var rectification: RectificationRule?
        if let v = t["rectification"] {
            guard let rt = v.table else { throw fail("rectification", "rectification 应为表") }
            for key in rt.keys.sorted() where !["status", "completed", "deadline"].contains(key) {
                throw fail("rectification", "rectification 中未知的配置项「\(key)」\(NearestName.hint(key, among: ["status", "completed", "deadline"]))")
            }
            rectification = RectificationRule(status: try column("rectification", rt["status"]?.string),
                                              completed: try column("rectification", rt["completed"]?.string),
                                              deadline: try column("rectification", rt["deadline"]?.string))
        }
        let ids = columns.indices.filter { catalog.fields[columns[$0]].type == .id }
        guard ids.count <= 1 else { throw fail("fields", "kind「\(name)」只能有一个 id 类型的字段") }
        guard !columns.isEmpty else { throw fail("fields", "kind「\(name)」没有字段") }
        guard !required.isEmpty || !requiredAny.isEmpty else {
            throw fail("fields", "kind「\(name)」至少要有一个 required = true 的字段，才能从表头认出它")
        }
        let kind = KindDeclaration(
            name: name, role: role, fields: columns, required: required, requiredAny: requiredAny, date: date,
            year: year, month: month, id: ids.first,
            hints: try strings(t, "hints", source, section: "kinds", occurrence: i),
            hintExclusions: try strings(t, "hint_exclusions", source, section: "kinds", occurrence: i),
            needsDistinctField: try bool(t, "distinct_field_or_hint", source, section: "kinds", occurrence: i) ?? false,
            level: level, rectification: rectification, origin: source.origin(header))
        if let existing = catalog.kind(named: name) {
            guard !source.isBuiltin, catalog.kinds[existing].origin == Catalog.builtinOrigin else {
                throw fail("name", "kind「\(name)」已在 \(catalog.kinds[existing].origin) 声明过")
            }
            // Built-in metrics, breakdowns and lists read the built-in kind's fields: a
            // replacement keeps them all (and may change what is required, add fields, hints …).
            let lost = catalog.kinds[existing].fields.filter { !kind.fields.contains($0) }
            guard lost.isEmpty else {
                throw fail("fields", "kind「\(name)」替换内置记录类型时须保留它的全部字段（缺少「\(lost.map { catalog.fields[$0].name }.joined(separator: "」「"))」）；只想增加字段请写 extends = \"\(name)\"")
            }
            warn(source, line: header, "kind「\(name)」替换了内置的同名记录类型（只想增加字段时请写 extends = \"\(name)\"）")
            catalog.kinds[existing] = kind
        } else {
            catalog.kinds.append(kind)
        }
    }

    // MARK: - Metrics

    private static let metricKeys = ["id", "name", "kind", "where", "measure", "ratio", "unit", "group", "label"]

    private mutating func readMetrics(_ source: CatalogSource) throws(IngestError) {
        var seen: [String: Int] = [:]    // id/name → line, within this source
        for (t, i) in try source.entries("metrics") {
            try checkKeys(t, known: CatalogLoader.metricKeys, source, section: "metrics", occurrence: i, what: "[[metrics]] ")
            let line = source.line(section: "metrics", occurrence: i)
            let metric = try readMetric(t, source, occurrence: i)
            for key in [metric.id, metric.name] {
                if let other = seen[key] {
                    throw source.error(section: "metrics", occurrence: i, key: "id", "指标「\(key)」与第\(other)行的指标重名")
                }
                seen[key] = line ?? 0
            }
            if let existing = catalog.metrics.firstIndex(where: { $0.id == metric.id || $0.name == metric.name }) {
                let old = catalog.metrics[existing]
                warn(source, line: line, "指标「\(metric.name)」（\(metric.id)）替换了内置指标「\(old.name)」（\(old.id)）")
                catalog.metrics[existing] = metric
            } else {
                catalog.metrics.append(metric)
            }
        }
    }

    private func readMetric(_ t: TOMLTable, _ source: CatalogSource, occurrence i: Int) throws(IngestError) -> MetricDeclaration {
        func fail(_ key: String?, _ message: String) -> IngestError { source.error(section: "metrics", occurrence: i, key: key, message) }
        let id = try string(t, "id", source, section: "metrics", occurrence: i, required: true)!
        let name = try string(t, "name", source, section: "metrics", occurrence: i, required: true)!
        let origin = source.origin(source.line(section: "metrics", occurrence: i))
        let group = try string(t, "group", source, section: "metrics", occurrence: i)
        let label = try string(t, "label", source, section: "metrics", occurrence: i)
        if let ratio = t["ratio"] {
            for key in ["kind", "where", "measure"] where t[key] != nil {
                throw fail(key, "比率指标「\(name)」由 ratio 的两个指标算出，不能再写「\(key)」")
            }
            guard let parts = ratio.array, parts.count == 2, let n = parts[0].string, let d = parts[1].string else {
                throw fail("ratio", "ratio 应写成 [\"分子指标id\", \"分母指标id\"]")
            }
            return MetricDeclaration(id: id, name: name, kind: nil,
                                     measure: .ratio(numerator: TextKey.trimmed(n), denominator: TextKey.trimmed(d)),
                                     unit: "%", group: group, label: label, origin: origin)
        }
        guard let kindName = try string(t, "kind", source, section: "metrics", occurrence: i) else {
            throw fail(nil, "指标「\(name)」缺少 kind（记录类型，如 \"隐患\"）或 ratio")
        }
        guard let kind = catalog.kind(named: kindName) else {
            throw fail("kind", "未知的记录类型「\(kindName)」\(NearestName.hint(kindName, among: catalog.kinds.map(\.name)))")
        }
        guard catalog.kinds[kind].role == .records else {
            throw fail("kind", "「\(kindName)」的指标由数据自动生成（returns.<指标名>），不能在这里声明")
        }
        let measureText = try string(t, "measure", source, section: "metrics", occurrence: i) ?? "count"
        let measure = try parseMeasure(measureText, kind: kind) { message throws(IngestError) in throw fail("measure", message) }
        let conditions = try self.conditions(t["where"], kind: kind, source, section: "metrics", occurrence: i)
        var unit = try string(t, "unit", source, section: "metrics", occurrence: i)
        if unit == nil, case .sum(let columns) = measure, columns.allSatisfy({ catalog.field(kind: kind, column: $0).type == .money }) {
            unit = "万元"
        }
        return MetricDeclaration(id: id, name: name, kind: kind, conditions: conditions, measure: measure, unit: unit ?? "",
                                 group: group, label: label, origin: origin)
    }

    private func parseMeasure(_ text: String, kind: Int, fail: (String) throws(IngestError) -> Never) throws(IngestError) -> MetricDeclaration.Measure {
        let names = catalog.kinds[kind].fields.map { catalog.fields[$0].name }
        func column(_ raw: Substring) throws(IngestError) -> Int {
            let name = TextKey.trimmed(String(raw))
            guard let c = catalog.column(kind: kind, named: name) else {
                try fail("「\(catalog.kinds[kind].name)」没有字段「\(name)」\(NearestName.hint(name, among: names))")
            }
            return c
        }
        if text == "count" { return .count }
        if text.hasPrefix("sum:") {
            var columns: [Int] = []
            for part in text.dropFirst(4).split(separator: "+") {
                let c = try column(part)
                let field = catalog.field(kind: kind, column: c)
                guard field.type.isNumeric else {
                    try fail("sum: 只能对数字字段求和，「\(field.name)」是 \(field.type.rawValue)")
                }
                columns.append(c)
            }
            guard !columns.isEmpty else { try fail("sum: 后应写字段名，如 sum:罚款金额") }
            return .sum(columns)
        }
        if text.hasPrefix("distinct:") { return .distinct(try column(text.dropFirst(9))) }
        try fail("measure「\(text)」未知：应为 count、sum:字段 或 distinct:字段")
    }

    /// A `where` table → conditions, keys in the order they are written.
    private func conditions(_ value: TOMLValueConvertible?, kind: Int, _ source: CatalogSource, section: String,
                            occurrence: Int) throws(IngestError) -> [MetricCondition] {
        guard let value else { return [] }
        let line = source.line(section: section, occurrence: occurrence, key: "where")
        guard let table = value.table else { throw source.error(line: line, "where 应写成 { 字段 = 条件, … }") }
        let text = line.map { String(source.textLines[$0 - 1]) } ?? ""
        let keys = table.keys.sorted { a, b in
            let ia = text.range(of: a)?.lowerBound, ib = text.range(of: b)?.lowerBound
            switch (ia, ib) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a < b
            }
        }
        var out: [MetricCondition] = []
        for key in keys {
            guard let v = table[key] else { continue }
            let reference = try resolveField(key, kind: kind) { message throws(IngestError) in throw source.error(line: line, message) }
            let parsed = try conditions.parse(field: reference, name: key, value: v, kind: kind, catalog: catalog) {
                message throws(IngestError) in throw source.error(line: line, message)
            }
            out.append(parsed)
        }
        return out
    }

    /// A field named in `where`, `by` or a list: a column of the kind (by canonical name or
    /// alias) or a derived field.
    private func resolveField(_ raw: String, kind: Int, fail: (String) throws(IngestError) -> Never) throws(IngestError) -> FieldReference {
        let name = TextKey.trimmed(raw)
        let k = catalog.kinds[kind]
        if let c = catalog.column(kind: kind, named: name) { return .column(c) }
        if let f = fieldByKey[TextKey.key(name)], let c = k.fields.firstIndex(of: f) { return .column(c) }
        if let (_, derived) = FieldReference.derivedNames.first(where: { $0.0 == name }) {
            switch derived {
            case .rectified, .overdue:
                guard k.rectification != nil else { try fail("「\(k.name)」没有「\(name)」（只有隐患类记录有整改情况）") }
            case .month:
                if let m = k.month { return .column(m) }
                guard k.date != nil else { try fail("「\(k.name)」没有日期，没有「月份」") }
            case .column: break
            }
            return derived
        }
        let names = k.fields.map { catalog.fields[$0].name } + FieldReference.derivedNames.map(\.0)
        try fail("「\(k.name)」没有字段「\(name)」\(NearestName.hint(name, among: names))")
    }

    /// Every ratio names two known, non-ratio metrics (so there is no cycle). Ids of 填报指标
    /// (`returns.…`) are known only after reading, and checked then.
    private func checkRatios(_ sources: [CatalogSource]) throws(IngestError) {
        for m in catalog.metrics {
            guard case .ratio(let n, let d) = m.measure else { continue }
            for part in [n, d] where !part.hasPrefix("returns.") {
                guard let p = catalog.metric(part) else {
                    let line = CatalogLoader.line(of: m, in: sources)
                    throw IngestError(path: line.path, line: line.line,
                                      message: "比率指标「\(m.name)」的「\(part)」不是已知的指标\(NearestName.hint(part, among: catalog.metrics.map(\.id)))")
                }
                if p.isRatio {
                    let line = CatalogLoader.line(of: m, in: sources)
                    throw IngestError(path: line.path, line: line.line,
                                      message: "比率指标「\(m.name)」的「\(part)」本身是比率；分子和分母应为计数、求和或去重计数指标")
                }
            }
        }
    }

    /// `config.toml 第12行` → (path, line) for a declaration's origin.
    static func line(of metric: MetricDeclaration, in sources: [CatalogSource]) -> (path: String, line: Int?) {
        for s in sources where !s.isBuiltin && metric.origin.hasPrefix(s.path + " 第") {
            let digits = metric.origin.dropFirst(s.path.count + 2).prefix { $0.isNumber }
            return (s.path, Int(digits))
        }
        return (metric.origin, nil)
    }

    // MARK: - Breakdowns, lists, periods

    private mutating func readBreakdowns(_ source: CatalogSource) throws(IngestError) {
        for (t, i) in try source.entries("breakdowns") {
            try checkKeys(t, known: ["kind", "by", "shares"], source, section: "breakdowns", occurrence: i, what: "[[breakdowns]] ")
            func fail(_ key: String?, _ message: String) -> IngestError { source.error(section: "breakdowns", occurrence: i, key: key, message) }
            let by = try string(t, "by", source, section: "breakdowns", occurrence: i, required: true)!
            var kinds: [Int] = []
            for name in try strings(t, "kind", source, section: "breakdowns", occurrence: i) {
                guard let k = catalog.kind(named: name) else {
                    throw fail("kind", "未知的记录类型「\(name)」\(NearestName.hint(name, among: catalog.kinds.map(\.name)))")
                }
                kinds.append(k)
            }
            if kinds.isEmpty {
                // Every kind that has the field (月份: every dated kind and 填报指标).
                kinds = catalog.recordKinds.filter { k in
                    (try? resolveField(by, kind: k) { message throws(IngestError) in throw fail(nil, message) }) != nil
                }
                // Kinds that know the name as a field (or a derived one like 月份) before those that
                // know it only as another field's header alias.
                func byAlias(_ k: Int) -> Bool {
                    guard case .column(let c)? = try? resolveField(by, kind: k, fail: { message throws(IngestError) in throw fail(nil, message) })
                    else { return false }
                    return catalog.field(kind: k, column: c).name != TextKey.trimmed(by)
                }
                let named = kinds.filter { !byAlias($0) }
                if !named.isEmpty { kinds = named }
                guard !kinds.isEmpty else { throw fail("by", "没有哪种记录有字段「\(by)」") }
            }
            for k in kinds {
                let reference = try resolveField(by, kind: k) { message throws(IngestError) in throw fail("by", message) }
                if case .column(let c) = reference, catalog.field(kind: k, column: c).type == .note {
                    throw fail("by", "「\(by)」是说明文字，不能分项")
                }
            }
            // A field's own name before another field's alias: 检查类型 is 执法检查's field and also
            // a header alias of 隐患's 来源, and the breakdown is by the former.
            let canonical = (catalog.fields.first { $0.name == by } ?? catalog.fields.first { $0.aliases.contains(by) })?.name ?? by
            let shares = try bool(t, "shares", source, section: "breakdowns", occurrence: i) ?? (canonical != "月份")
            if let existing = catalog.breakdowns.firstIndex(where: { $0.by == canonical }) {
                for k in kinds where !catalog.breakdowns[existing].kinds.contains(k) { catalog.breakdowns[existing].kinds.append(k) }
            } else {
                catalog.breakdowns.append(BreakdownDeclaration(by: canonical, kinds: kinds, shares: shares,
                                                               origin: source.origin(source.line(section: "breakdowns", occurrence: i))))
            }
        }
    }

    private mutating func readLists(_ source: CatalogSource) throws(IngestError) {
        for (t, i) in try source.entries("lists") {
            try checkKeys(t, known: ["name", "kind", "where", "fields"], source, section: "lists", occurrence: i, what: "[[lists]] ")
            func fail(_ key: String?, _ message: String) -> IngestError { source.error(section: "lists", occurrence: i, key: key, message) }
            let name = try string(t, "name", source, section: "lists", occurrence: i, required: true)!
            let kindName = try string(t, "kind", source, section: "lists", occurrence: i, required: true)!
            guard let kind = catalog.kind(named: kindName), catalog.kinds[kind].role == .records else {
                throw fail("kind", "未知的记录类型「\(kindName)」\(NearestName.hint(kindName, among: catalog.kinds.map(\.name)))")
            }
            let conditions = try self.conditions(t["where"], kind: kind, source, section: "lists", occurrence: i)
            var columns: [Int] = []
            let names = try strings(t, "fields", source, section: "lists", occurrence: i)
            for n in names {
                let reference = try resolveField(n, kind: kind) { message throws(IngestError) in throw fail("fields", message) }
                guard case .column(let c) = reference else { throw fail("fields", "列表只能列出字段，不能列出「\(n)」") }
                columns.append(c)
            }
            if names.isEmpty { columns = Array(catalog.kinds[kind].fields.indices) }
            let list = ListDeclaration(name: name, kind: kind, conditions: conditions, fields: columns,
                                       origin: source.origin(source.line(section: "lists", occurrence: i)))
            if let existing = catalog.lists.firstIndex(where: { $0.name == name }) {
                if source.isBuiltin == false, catalog.lists[existing].origin == Catalog.builtinOrigin {
                    warn(source, line: source.line(section: "lists", occurrence: i), "列表「\(name)」替换了内置的同名列表")
                    catalog.lists[existing] = list
                } else {
                    throw fail("name", "列表「\(name)」已在 \(catalog.lists[existing].origin) 声明过")
                }
            } else {
                catalog.lists.append(list)
            }
        }
    }

    private mutating func readPeriods(_ source: CatalogSource) throws(IngestError) {
        for (t, i) in try source.entries("periods") {
            try checkKeys(t, known: ["name", "from", "to", "compare"], source, section: "periods", occurrence: i, what: "[[periods]] ")
            func fail(_ key: String?, _ message: String) -> IngestError { source.error(section: "periods", occurrence: i, key: key, message) }
            let name = try string(t, "name", source, section: "periods", occurrence: i, required: true)!
            func day(_ key: String) throws(IngestError) -> Day? {
                guard let v = t[key] else { return nil }
                if let d = v.date, let day = Day(year: d.year, month: d.month, day: d.day) { return day }
                if let s = v.string, case .success(let day) = DateParser.parse(text: s) { return day }
                throw fail(key, "「\(key)」应为日期，如 2019-12-01")
            }
            guard let from = try day("from") else { throw fail(nil, "时期「\(name)」缺少 from（起始日期）") }
            let to = try day("to")
            if let to, to < from { throw fail("to", "时期「\(name)」的 to（\(to)）早于 from（\(from)）") }
            if catalog.periods.contains(where: { $0.name == name }) { throw fail("name", "时期「\(name)」重名") }
            catalog.periods.append(PeriodDeclaration(name: name, from: from, to: to,
                                                     compare: try bool(t, "compare", source, section: "periods", occurrence: i) ?? false,
                                                     origin: source.origin(source.line(section: "periods", occurrence: i))))
        }
    }
}
