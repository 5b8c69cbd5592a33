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
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw IngestError(path: path, line: error.source.begin.line, message: "TOML 语法错误：\(error.description)")
        } catch {
            throw IngestError(path: path, message: "无法解析：\(error)")
        }
        let lines = TOMLLineIndex(text: text)
        var warnings: [IngestWarning] = []
        func fail(_ table: String, _ key: String?, occurrence: Int = 0, _ message: String) -> IngestError {
            IngestError(path: path, line: lines.line(table: table, occurrence: occurrence, key: key), message: message)
        }
        func strings(_ value: TOMLValueConvertible, table: String, key: String) throws(IngestError) -> [String] {
            if let s = value.string { return [s] }
            guard let array = value.array else {
                throw fail(table, key, "「\(key)」应为文字或文字列表")
            }
            var out: [String] = []
            for item in array {
                guard let s = item.string else { throw fail(table, key, "「\(key)」的列表里只能写文字") }
                out.append(s)
            }
            return out
        }

        let known = Set(["region", "districts", "industries", "headers", "targets"] + CatalogLoader.sections)
        for key in table.keys.sorted() where !known.contains(key) {
            warnings.append(IngestWarning(file: path, sheet: nil,
                                          location: lines.line(table: key).map { "第\($0)行" } ?? lines.line(table: "", key: key).map { "第\($0)行" },
                                          message: "未知的配置项「\(key)」，已忽略"))
        }

        // [region]
        var name = "本市"
        var level = RegionConfig.Level.city
        var regionAliases: [String] = []
        if let regionValue = table["region"] {
            guard let region = regionValue.table else { throw fail("", "region", "[region] 应为表") }
            if let v = region["name"] {
                guard let s = v.string, !PartResolver.key(s).isEmpty else { throw fail("region", "name", "region.name 应为非空文字") }
                name = PartResolver.clean(s)
            }
            if let v = region["level"] {
                guard let s = v.string, let l = RegionConfig.Level(rawValue: PartResolver.key(s)) else {
                    throw fail("region", "level", "region.level 应为「市」「区」或「县」，而不是 \(v.debugDescription)")
                }
                level = l
            }
            if let v = region["aliases"] {
                regionAliases = try strings(v, table: "region", key: "aliases").map(PartResolver.clean)
            }
            for key in region.keys.sorted() where !["name", "level", "aliases"].contains(key) {
                warnings.append(IngestWarning(file: path, sheet: nil, location: lines.line(table: "region", key: key).map { "第\($0)行" },
                                              message: "未知的配置项「region.\(key)」，已忽略"))
            }
        }
        regionAliases = [name] + regionAliases.filter { $0 != name }
        if let stem = ConfigFile.stem(name), !regionAliases.contains(stem) { regionAliases.append(stem) }

        // [districts]: canonical part = [aliases], in file order.
        var parts: [String] = []
        var partAliases: [String: String] = [:]
        if let v = table["districts"] {
            guard let districts = v.table else { throw fail("", "districts", "[districts] 应为表") }
            let order = lines.keys(table: "districts")
            let keys = districts.keys.sorted { (order.firstIndex(of: $0) ?? Int.max, $0) < (order.firstIndex(of: $1) ?? Int.max, $1) }
            for key in keys {
                let part = PartResolver.clean(key)
                guard !part.isEmpty else { throw fail("districts", key, "区县名不能为空") }
                if parts.contains(part) { throw fail("districts", key, "「\(part)」重复") }
                parts.append(part)
                partAliases[part] = part
                guard let value = districts[key] else { continue }
                for alias in try strings(value, table: "districts", key: key).map(PartResolver.clean) where !alias.isEmpty {
                    if let other = partAliases[alias], other != part {
                        throw fail("districts", key, "别名「\(alias)」同时属于「\(other)」和「\(part)」")
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
            guard let industries = v.table else { throw fail("", "industries", "[industries] 应为表") }
            for key in industries.keys.sorted() {
                let canonical = PartResolver.clean(key)
                guard let value = industries[key] else { continue }
                for alias in try strings(value, table: "industries", key: key) { industryAliases[alias] = canonical }
                industryAliases[canonical] = canonical
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
            guard let headers = v.table else { throw fail("", "headers", "[headers] 应为表") }
            for key in headers.keys.sorted() {
                let fieldName = TextKey.trimmed(key)
                guard let field = catalog.field(named: fieldName) else {
                    throw fail("headers", key, "「\(key)」不是已知的字段名（应为规范列名，如 死亡人数）\(NearestName.hint(fieldName, among: catalog.fields.map(\.name)))")
                }
                guard let value = headers[key] else { continue }
                let aliases = try strings(value, table: "headers", key: key)
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

        let config = RegionConfig(name: name, level: level, parts: parts, partAliases: partAliases,
                                  regionAliases: regionAliases, industryAliases: industryAliases,
                                  headerAliases: headerAliasNames, targets: targets, source: path)
        return Loaded(config: config, catalog: catalog, headerAliases: headerAliases, warnings: warnings)
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
