import Model
import TOMLKit

/// config.toml (INPUTS.md §Files and layout) → `RegionConfig`. Every error names its line.
enum ConfigFile {
    static let name = "config.toml"

    struct Loaded: Sendable {
        var config: RegionConfig
        /// The built-in catalog with the config's `[[kinds]]`, `[[metrics]]` … declarations.
        var catalog: Catalog
        /// `[headers]` resolved to catalog fields (by index).
        var headerAliases: [Int: [String]]
        var warnings: [IngestWarning]

        /// No config.toml: the built-in catalog, the region 本市.
        static let none = Loaded(config: RegionConfig(), catalog: CatalogLoader.builtin(), headerAliases: [:], warnings: [])
    }

    static func load(text: String, path: String = ConfigFile.name) throws(IngestError) -> Loaded {
        let text = TOMLUnicodeKeys.quoted(text)
        let table = try parse(text, path: path)
        let lines = TOMLLineIndex(text: text)
        // Unknown sections and keys, and values of the wrong type, stop here with the line and
        // the nearest known name: read on, a misspelt [regoin] would silently leave the region 本市.
        try ConfigSchema.standard.check(table, lines: lines, path: path)
        var warnings: [IngestWarning] = []
        func fail(_ table: String, _ key: String?, occurrence: Int = 0, _ message: String) -> IngestError {
            IngestError(path: path, line: lines.line(table: table, occurrence: occurrence, key: key), message: message)
        }
        // Values are of the declared types (checked above); this reads text or a list of texts.
        func strings(_ value: TOMLValueConvertible) -> [String] {
            if let s = value.string { return [s] }
            return value.array?.compactMap { $0.string } ?? []
        }

        // [region]
        var name = "本市"
        var level = RegionConfig.Level.city
        var regionAliases: [String] = []
        if let regionValue = table["region"] {
            let region = regionValue.table ?? TOMLTable()
            if let v = region["name"] {
                guard let s = v.string, !PartResolver.key(s).isEmpty else { throw fail("region", "name", "[region] 的 name 不能为空") }
                name = PartResolver.clean(s)
            }
            if let v = region["level"] {
                guard let s = v.string, let l = RegionConfig.Level(rawValue: PartResolver.key(s)) else {
                    throw fail("region", "level", "region.level 应为「市」「区」或「县」，而不是 \(v.debugDescription)")
                }
                level = l
            }
            if let v = region["aliases"] {
                regionAliases = strings(v).map(PartResolver.clean)
            }
        }
        regionAliases = [name] + regionAliases.filter { $0 != name }
        if let stem = ConfigFile.stem(name), !regionAliases.contains(stem) { regionAliases.append(stem) }

        // [districts]: canonical part = [aliases], in file order.
        var parts: [String] = []
        var partAliases: [String: String] = [:]
        if let v = table["districts"] {
            let districts = v.table ?? TOMLTable()
            let order = lines.keys(table: "districts")
            let keys = districts.keys.sorted { (order.firstIndex(of: $0) ?? Int.max, $0) < (order.firstIndex(of: $1) ?? Int.max, $1) }
            // Every canonical name first, so an alias naming another district is caught in either order.
            for key in keys {
                let part = PartResolver.clean(key)
                guard !part.isEmpty else { throw fail("districts", key, "区县名不能为空") }
                if parts.contains(part) { throw fail("districts", key, "「\(part)」重复（与另一行清理空格后同名）") }
                if regionAliases.contains(part) {
                    throw fail("districts", key, "「\(part)」是本地区 [region] 的名称或别名，不能又作为下级地区")
                }
                parts.append(part)
                partAliases[part] = part
            }
            for key in keys {
                let part = PartResolver.clean(key)
                guard let value = districts[key] else { continue }
                for alias in strings(value).map(PartResolver.clean) where !alias.isEmpty {
                    if let other = partAliases[alias], other != part {
                        let what = other == alias ? "是另一个区县的名称「\(other)」" : "已经是「\(other)」的别名"
                        throw fail("districts", key, "别名「\(alias)」\(what)，不能又给「\(part)」（一个别名只能属于一个地区）")
                    }
                    if regionAliases.contains(alias) {
                        throw fail("districts", key, "别名「\(alias)」是本地区 [region] 的名称或别名，不能又给「\(part)」")
                    }
                    partAliases[alias] = part
                }
            }
            // A name without its 区/县/市/镇/街道/乡 works too (金坛区 → 金坛), unless that is ambiguous.
            var stems: [String: [String]] = [:]
            for part in parts { if let s = ConfigFile.stem(part) { stems[s, default: []].append(part) } }
            for (stem, owners) in stems where owners.count == 1 && partAliases[stem] == nil && !regionAliases.contains(stem) {
                partAliases[stem] = owners[0]
            }
        }

        // [industries]: canonical = [aliases].
        var industryAliases: [String: String] = [:]
        if let v = table["industries"] {
            let industries = v.table ?? TOMLTable()
            for key in industries.keys.sorted() { industryAliases[PartResolver.clean(key)] = PartResolver.clean(key) }
            for key in industries.keys.sorted() {
                let canonical = PartResolver.clean(key)
                guard let value = industries[key] else { continue }
                for alias in strings(value) {
                    if let other = industryAliases[alias], other != canonical {
                        throw fail("industries", key, "别名「\(alias)」已经属于行业「\(other)」，不能又给「\(canonical)」")
                    }
                    industryAliases[alias] = canonical
                }
            }
        }

        // The catalog: built-in declarations, then the config's (they may name the districts and
        // industries above in their conditions).
        let region = RegionConfig(name: name, level: level, parts: parts, partAliases: partAliases,
                                  regionAliases: regionAliases, industryAliases: industryAliases)
        let (catalog, catalogWarnings) = try CatalogLoader.load(
            config: CatalogSource(table: table, text: text, path: path, isBuiltin: false), region: region)
        warnings += catalogWarnings

        // [headers]: canonical field = [aliases].
        var headerAliases: [Int: [String]] = [:]
        var headerAliasNames: [String: [String]] = [:]
        if let v = table["headers"] {
            let headers = v.table ?? TOMLTable()
            var claimed: [String: Int] = [:]
            for key in headers.keys.sorted() {
                let fieldName = TextKey.trimmed(key)
                guard let field = catalog.field(named: fieldName) else {
                    let nearest = NearestName.suggest(fieldName, among: catalog.fields.map(\.name))
                        ?? catalog.fields.first { $0.aliases.contains(fieldName) }?.name
                    throw fail("headers", key, "「\(key)」不是已知的字段名" + (nearest.map { "，是否应为「\($0)」？" }
                        ?? "（应为 docs/INPUTS.md 中的规范列名，如 死亡人数）"))
                }
                guard let value = headers[key] else { continue }
                let aliases = strings(value)
                for alias in aliases {
                    if let other = claimed[HeaderText(alias).key], other != field {
                        throw fail("headers", key, "表头别名「\(alias)」已经属于「\(catalog.fields[other].name)」，不能又给「\(fieldName)」")
                    }
                    claimed[HeaderText(alias).key] = field
                }
                headerAliases[field, default: []].append(contentsOf: aliases)
                headerAliasNames[fieldName, default: []].append(contentsOf: aliases)
            }
        }

        // [[targets]]
        var targets: [Target] = []
        if let v = table["targets"] {
            guard let array = v.array else { throw fail("", "targets", "targets 应写成 [[targets]] 表数组") }
            let partResolver = PartResolver(config: RegionConfig(name: name, level: level, parts: parts,
                                                                 partAliases: partAliases, regionAliases: regionAliases))
            for (i, item) in array.enumerated() {
                guard let t = item.table else { throw fail("targets", nil, occurrence: i, "[[targets]] 第\(i + 1)项应为表") }
                let line = lines.line(table: "targets", occurrence: i)
                guard let yearValue = t["year"], let year = yearValue.int, DateParser.years.contains(year) else {
                    throw fail("targets", "year", occurrence: i, "[[targets]] 需要 year（如 2020）")
                }
                guard let metric = t["metric"]?.string, !PartResolver.key(metric).isEmpty else {
                    throw fail("targets", "metric", occurrence: i, "[[targets]] 需要 metric（METRICS.md 中的指标名称）")
                }
                guard let targetValue = t["target"], let value = ConfigFile.decimal(targetValue) else {
                    throw fail("targets", "target", occurrence: i, "[[targets]] 需要数值 target")
                }
                var part: String?
                if let d = t["district"] {
                    guard let s = d.string else { throw fail("targets", "district", occurrence: i, "district 应为文字") }
                    switch partResolver.resolve(s) {
                    case .part(let p): part = p
                    case .region, .empty: part = nil
                    case .unknown(let u):
                        throw fail("targets", "district", occurrence: i, "「\(u)」不是 [districts] 中的区县或镇街")
                    }
                }
                targets.append(Target(year: year, part: part, metric: PartResolver.clean(metric), value: value,
                                      origin: "\(path) 第\(line ?? 0)行"))
            }
        }

        // [[fields]], [[kinds]], [[metrics]], [[breakdowns]], [[periods]], [[lists]] (CATALOG.md): known to
        // ConfigSchema as `.catalog` sections, checked only for their shape and not read here.
        // The catalog reads its declarations from `table` at this point.

        let config = RegionConfig(name: name, level: level, parts: parts, partAliases: partAliases,
                                  regionAliases: regionAliases, industryAliases: industryAliases,
                                  headerAliases: headerAliasNames, targets: targets, source: path)
        return Loaded(config: config, catalog: catalog, headerAliases: headerAliases, warnings: warnings)
    }

    /// The parsed text; a syntax error names its line and says in Chinese what is wrong there
    /// (「字符串缺少结束引号」, not the parser's English).
    static func parse(_ text: String, path: String) throws(IngestError) -> TOMLTable {
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            var line = error.source.begin.line
            let message = error.description
            // A string left open: point at the line where it began, not where the parser gave up.
            if message.contains("parsing string") || message.contains("parsing literal string"),
               let opened = TOMLSyntaxMessage.unclosedStringLine(text) {
                line = opened
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let lineText = line >= 1 && line <= lines.count ? String(lines[line - 1]) : ""
            throw IngestError(path: path, line: line, message: TOMLSyntaxMessage.chinese(message, lineText: lineText))
        } catch {
            throw IngestError(path: path, message: "无法解析：\(error)")
        }
    }

    /// 金坛区 → 金坛, 城关镇 → 城关, 西湖街道 → 西湖: a name without its administrative suffix,
    /// when at least two characters remain.
    static func stem(_ name: String) -> String? {
        for suffix in ["街道办事处", "街道", "区", "县", "市", "镇", "乡"] where name.hasSuffix(suffix) {
            let s = String(name.dropLast(suffix.count))
            return s.count >= 2 ? s : nil
        }
        return nil
    }

    static func decimal(_ value: TOMLValueConvertible) -> ExactDecimal? {
        if let i = value.int { return ExactDecimal(i) }
        if let d = value.double { return NumberText.decimal(d) }
        if let s = value.string, let p = NumberText.parse(s), p.suffix.isEmpty { return p.value }
        return nil
    }
}
