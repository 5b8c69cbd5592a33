import TOMLKit

/// What config.toml may contain: each section, whether it is a table (`[region]`) or an array of
/// tables (`[[targets]]`), its keys and the type of each value. `ConfigFile` checks a config
/// against this before reading it, so a misspelt section or key, or a value of the wrong type,
/// stops the run naming the line and the nearest known name instead of silently changing the
/// report (a `[regoin]` used to rename the whole region 本市).
///
/// A new section or key is one entry here; `ConfigFile.load` then reads its value.
struct ConfigSchema: Sendable {
    enum Shape: Sendable { case table, arrayOfTables }

    /// The type a value must have, in the words a report writer reads.
    enum ValueType: Sendable {
        /// `"示例市"`.
        case text
        /// `"东城"` or `["东城", "东城新区"]`.
        case textOrTextList
        /// An integer (`2020`).
        case integer
        /// An integer, a decimal or a number written as text (`80`, `95.5`, `"95.5"`).
        case number

        var words: String {
            switch self {
            case .text: return "文字（用英文双引号括起，如 \"示例市\"）"
            case .textOrTextList: return "文字或文字列表（如 \"东城\" 或 [\"东城\", \"东城新区\"]）"
            case .integer: return "整数（如 2020）"
            case .number: return "数字（如 80 或 95.5）"
            }
        }

        func accepts(_ value: TOMLValueConvertible) -> Bool {
            switch self {
            case .text: return value.type == .string
            case .textOrTextList:
                if value.type == .string { return true }
                guard let array = value.array else { return false }
                return array.allSatisfy { $0.type == .string }
            case .integer: return value.type == .int
            case .number: return value.type == .int || value.type == .double || value.type == .string
            }
        }
    }

    /// What the keys of a section are.
    enum Keys: Sendable {
        /// These keys only, in this order (the order suggestions are tried in).
        case fixed([(key: String, type: ValueType)])
        /// Any key (a district, industry or field name) with values of this type.
        case free(ValueType)
        /// Declarations of the catalog (CATALOG.md: `[[fields]]`, `[[kinds]]`, `[[metrics]]`, …). Accepted as known
        /// sections and only checked to be arrays of tables; the catalog reads their keys.
        case catalog
    }

    struct Section: Sendable {
        let name: String
        let shape: Shape
        let keys: Keys
        /// Chinese words a writer might type for this section (`[地区]`), to suggest the real name.
        let chineseNames: [String]

        /// `[region]` or `[[targets]]`.
        var header: String { shape == .table ? "[\(name)]" : "[[\(name)]]" }

        func key(_ name: String) -> (key: String, type: ValueType)? {
            guard case .fixed(let keys) = keys else { return nil }
            return keys.first { $0.key == name }
        }

        var keyNames: [String] {
            guard case .fixed(let keys) = keys else { return [] }
            return keys.map(\.key)
        }
    }

    let sections: [Section]

    func section(_ name: String) -> Section? { sections.first { $0.name == name } }

    /// The known section nearest to a name that is not one: by spelling, then by its Chinese words.
    func nearestSection(to name: String) -> Section? {
        if let s = sections.first(where: { $0.chineseNames.contains(name) }) { return s }
        guard let nearest = NearestName.suggest(name, among: sections.map(\.name)) else { return nil }
        return section(nearest)
    }

    /// The config.toml of INPUTS.md and CATALOG.md.
    static let standard = ConfigSchema(sections: [
        Section(name: "region", shape: .table,
                keys: .fixed([("name", .text), ("level", .text), ("aliases", .textOrTextList)]),
                chineseNames: ["地区", "区域", "本地区", "名称"]),
        Section(name: "districts", shape: .table, keys: .free(.textOrTextList),
                chineseNames: ["区县", "镇街", "下辖", "下级", "辖区"]),
        Section(name: "industries", shape: .table, keys: .free(.textOrTextList),
                chineseNames: ["行业", "行业领域"]),
        Section(name: "headers", shape: .table, keys: .free(.textOrTextList),
                chineseNames: ["表头", "列名"]),
        Section(name: "targets", shape: .arrayOfTables,
                keys: .fixed([("year", .integer), ("district", .text), ("metric", .text), ("target", .number)]),
                chineseNames: ["目标"]),
        // CATALOG.md declarations: read by the catalog, not by ConfigFile.
        Section(name: "fields", shape: .arrayOfTables, keys: .catalog, chineseNames: ["字段"]),
        Section(name: "kinds", shape: .arrayOfTables, keys: .catalog, chineseNames: ["类型", "登记表"]),
        Section(name: "metrics", shape: .arrayOfTables, keys: .catalog, chineseNames: ["指标"]),
        Section(name: "breakdowns", shape: .arrayOfTables, keys: .catalog, chineseNames: ["分项", "分组"]),
        Section(name: "periods", shape: .arrayOfTables, keys: .catalog, chineseNames: ["期间"]),
        Section(name: "lists", shape: .arrayOfTables, keys: .catalog, chineseNames: ["清单", "列表"]),
    ])
}

extension ConfigSchema {
    /// Checks every section, key and value type of a parsed config against the schema; the first
    /// problem, in file order, is thrown naming its line and, for a misspelling, the nearest known
    /// name.
    func check(_ table: TOMLTable, lines: TOMLLineIndex, path: String) throws(IngestError) {
        func fail(_ line: Int?, _ message: String) -> IngestError { IngestError(path: path, line: line, message: message) }
        func order(_ keys: [String], _ lineOf: (String) -> Int?) -> [String] {
            keys.sorted { (lineOf($0) ?? Int.max, $0) < (lineOf($1) ?? Int.max, $1) }
        }
        let topLine: (String) -> Int? = { lines.line(table: $0) ?? lines.line(table: "", key: $0) }
        for name in order(table.keys, topLine) {
            guard let value = table[name] else { continue }
            let line = topLine(name)
            guard let section = section(name) else {
                throw fail(line, unknownSection(name, isTable: value.type == .table || value.type == .array))
            }
            switch (section.shape, value.type) {
            case (.table, .table):
                guard let t = value.table else { continue }
                try check(t, section: section, occurrence: 0, lines: lines, path: path)
            case (.arrayOfTables, .array):
                guard let items = value.array else { continue }
                for (i, item) in items.enumerated() {
                    guard let t = item.table else {
                        throw fail(line, "\(section.name) 应写成 \(section.header)（每项一段，以 \(section.header) 开头）")
                    }
                    try check(t, section: section, occurrence: i, lines: lines, path: path)
                }
            case (.table, .array):
                throw fail(line, "\(section.header) 只能写一次，应写成 \(section.header)，而不是 [[\(section.name)]]")
            case (.arrayOfTables, .table):
                throw fail(line, "\(section.name) 应写成 \(section.header)（每项一段，以 \(section.header) 开头），而不是 [\(section.name)]")
            default:
                throw fail(line, "\(section.name) 应写成配置节 \(section.header)，其下每行写一项「名称 = 值」")
            }
        }
    }

    private func check(_ table: TOMLTable, section: Section, occurrence: Int, lines: TOMLLineIndex,
                       path: String) throws(IngestError) {
        let lineOf: (String) -> Int? = { lines.line(table: section.name, occurrence: occurrence, key: $0) }
        let keys = table.keys.sorted { (lineOf($0) ?? Int.max, $0) < (lineOf($1) ?? Int.max, $1) }
        for key in keys {
            guard let value = table[key] else { continue }
            let type: ValueType
            switch section.keys {
            case .catalog:
                return      // the catalog checks its own declarations
            case .free(let t):
                type = t
            case .fixed:
                guard let known = section.key(key) else {
                    var message = "\(section.header) 中未知的配置项 \(key)"
                    if let nearest = NearestName.suggest(key, among: section.keyNames) {
                        message += "，是否应为 \(nearest)？"
                    } else {
                        message += "（可写的配置项：\(section.keyNames.joined(separator: "、"))）"
                    }
                    throw IngestError(path: path, line: lineOf(key), message: message)
                }
                type = known.type
            }
            guard type.accepts(value) else {
                let shown = section.keys.isFree ? "的「\(key)」" : "的 \(key) "
                throw IngestError(path: path, line: lineOf(key),
                                  message: "\(section.header) \(shown)应为\(type.words)，而这里是\(Self.describe(value))")
            }
        }
    }

    /// `未知的配置节 [regoin]，是否应为 [region]？`, or where a known key was meant to go.
    func unknownSection(_ name: String, isTable: Bool) -> String {
        if !isTable, let owner = sections.first(where: { $0.key(name) != nil }) {
            return "配置项 \(name) 应写在 \(owner.header) 下面（在它前面加一行 \(owner.header)）"
        }
        let written = isTable ? "配置节 [\(name)]" : "配置项 \(name)"
        if let nearest = nearestSection(to: name) {
            let latin = name.unicodeScalars.allSatisfy(\.isASCII) ? "" : "（配置节名须用英文）"
            return "未知的\(written)，是否应为 \(nearest.header)？\(latin)"
        }
        return "未知的\(written)（可用的配置节：\(sections.map(\.header).joined(separator: "、"))）"
    }

    /// `整数 3`, `文字「东城」`, `列表`, as a writer would call what they typed.
    static func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "文字「\(value.string ?? "")」"
        case .int: return "整数 \(value.int.map(String.init) ?? "")"
        case .double: return "小数 \(value.double.map { "\($0)" } ?? "")"
        case .bool: return "真假值 \(value.bool == true ? "true" : "false")"
        case .array:
            if let bad = value.array?.first(where: { $0.type != .string }) { return "列表，其中有\(describe(bad))" }
            return "列表"
        case .table: return "表"
        case .date: return "日期"
        case .time: return "时间"
        case .dateTime: return "日期时间"
        }
    }
}

extension ConfigSchema.Keys {
    var isFree: Bool { if case .free = self { return true }; return false }
}
