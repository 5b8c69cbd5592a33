import Foundation

/// figures.json (schema 1) read back, for `diff`: scopes, metrics, breakdown rows, series, lists and
/// named periods, with every field's text as written (numbers exactly, never through a binary float).
public struct FiguresFile: Sendable {
    /// Where it was read from (a path, or the name given with the text).
    public let source: String
    public let region: String
    public let level: String
    public let year: Int?
    public let through: Int?
    public let periodLabel: String
    public let priorLabel: String
    public let scopes: [Scope]
    /// `named_periods` ([[periods]] of the config), each with scopes of the same shape.
    public let namedPeriods: [NamedPeriod]

    public struct NamedPeriod: Sendable {
        public let name: String
        public let label: String
        /// nil when the period is not compared (`compare = false`).
        public let priorLabel: String?
        public let scopes: [Scope]
    }

    public struct Scope: Sendable {
        public let name: String
        /// `region` or `part`.
        public let kind: String
        /// `double_decline` as written: `accidents`/`fires` → true/false.
        public let doubleDecline: [(String, Bool)]
        /// `double_decline_years`: consecutive years of 双下降 ending with the report year.
        public let doubleDeclineYears: String?
        public let metrics: [Figure]
        /// Axes in file order (`行业领域`, `月份`), each with its rows.
        public let breakdowns: [Axis]
        /// `lists` in file order, each record as one line of its fields (`source` left out: a
        /// record that moved to another row of the same file is the same record).
        public let lists: [(name: String, records: [String])]
    }

    public struct Axis: Sendable {
        public let name: String
        public let rows: [Row]
    }

    public struct Row: Sendable {
        public let key: String
        public let metrics: [Figure]
    }

    /// One metric object: id, name, unit and every other scalar field as text (nil for null).
    public struct Figure: Sendable {
        public let id: String
        public let name: String
        public let unit: String
        public let fields: [String: String?]
        /// `series`: year → value text (nil for null), in file order.
        public let series: [(year: Int, value: String?)]

        /// A field's text; nil when absent or null.
        public subscript(field: String) -> String? { fields[field] ?? nil }
    }

    /// Parses figures.json text; `source` names it in errors.
    public init(text: String, source: String) throws(MetricsError) {
        self.source = source
        let root: JSONValue
        do {
            root = try JSONValue.parse(text)
        } catch {
            throw .unreadableFigures("\(source) 不是有效的 JSON:\(error)")
        }
        func bad(_ what: String) -> MetricsError { .unreadableFigures("\(source) 不是 figures.json:\(what)") }
        guard root.members != nil else { throw bad("顶层应为对象") }
        guard case .number(let schema) = root["schema"] ?? .null else { throw bad("缺少 schema") }
        guard schema == "1" else {
            throw .unreadableFigures("\(source) 的 schema 为 \(schema),本程序只能读取 schema 1")
        }
        region = root["region"]?.string ?? ""
        level = root["level"]?.string ?? ""
        let period = root["period"]
        year = period?["year"]?.scalarText.flatMap { Int($0) }
        through = period?["through"]?.scalarText.flatMap { Int($0) }
        periodLabel = period?["label"]?.string ?? ""
        priorLabel = period?["prior_label"]?.string ?? ""
        guard let scopeValues = root["scopes"]?.array else { throw bad("缺少 scopes 数组") }

        func figures(_ value: JSONValue?, in place: String) throws(MetricsError) -> [Figure] {
            guard let list = value?.array else { throw bad("\(place) 缺少 metrics 数组") }
            var result: [Figure] = []
            for item in list {
                guard let members = item.members, let id = item["id"]?.string else { throw bad("\(place) 有一项指标缺少 id") }
                var fields: [String: String?] = [:]
                for (key, v) in members where key != "id" && key != "name" && key != "unit" { fields[key] = v.scalarText }
                var series: [(year: Int, value: String?)] = []
                for entry in item["series"]?.array ?? [] {
                    guard let year = entry["year"]?.scalarText.flatMap({ Int($0) }) else { throw bad("\(place) 的 \(id) 有一年缺少 year") }
                    series.append((year, entry["value"]?.scalarText))
                }
                result.append(Figure(id: id, name: item["name"]?.string ?? id, unit: item["unit"]?.string ?? "",
                                     fields: fields, series: series))
            }
            return result
        }

        func readScopes(_ values: [JSONValue], in place: String) throws(MetricsError) -> [Scope] {
            var scopes: [Scope] = []
            for value in values {
                guard let name = value["scope"]?.string else { throw bad("\(place)有一个范围缺少 scope 名称") }
                var doubleDecline: [(String, Bool)] = []
                for (key, v) in value["double_decline"]?.members ?? [] {
                    if case .bool(let b) = v { doubleDecline.append((key, b)) }
                }
                var axes: [Axis] = []
                for (axis, rowsValue) in value["breakdowns"]?.members ?? [] {
                    var rows: [Row] = []
                    for row in rowsValue.array ?? [] {
                        guard let key = row["key"]?.scalarText else { throw bad("\(place)\(name) 的 \(axis) 有一行缺少 key") }
                        rows.append(Row(key: key, metrics: try figures(row["metrics"], in: "\(place)\(name) \(axis)「\(key)」")))
                    }
                    axes.append(Axis(name: axis, rows: rows))
                }
                var lists: [(name: String, records: [String])] = []
                for (list, recordsValue) in value["lists"]?.members ?? [] {
                    let records = (recordsValue.array ?? []).map { record in
                        (record.members ?? []).filter { $0.0 != "source" }
                            .compactMap { $0.1.scalarText }.filter { !$0.isEmpty }.joined(separator: " ")
                    }
                    lists.append((list, records))
                }
                scopes.append(Scope(name: name, kind: value["kind"]?.string ?? "", doubleDecline: doubleDecline,
                                    doubleDeclineYears: value["double_decline_years"]?.scalarText,
                                    metrics: try figures(value["metrics"], in: "\(place)\(name)"), breakdowns: axes,
                                    lists: lists))
            }
            return scopes
        }

        let scopes = try readScopes(scopeValues, in: "")
        var namedPeriods: [NamedPeriod] = []
        for value in root["named_periods"]?.array ?? [] {
            guard let name = value["name"]?.string else { throw bad("named_periods 有一项缺少 name") }
            guard let values = value["scopes"]?.array else { throw bad("期间「\(name)」缺少 scopes 数组") }
            namedPeriods.append(NamedPeriod(name: name, label: value["label"]?.string ?? name,
                                            priorLabel: value["prior_label"]?.string,
                                            scopes: try readScopes(values, in: "期间「\(name)」")))
        }
        self.namedPeriods = namedPeriods
        self.scopes = scopes
    }

    /// Reads figures.json from a file, or from an output folder (see `locate`).
    public init(path: String) throws(MetricsError) {
        let file = try FiguresFile.locate(path)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .unreadableFigures("无法读取 \(file)")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), source: file)
    }

    /// The figures.json meant by `path`: the file itself; `path/figures.json`; or, for an output
    /// root such as `Outputs/`, the figures.json of its only period folder (`Outputs/2020/`).
    /// Several period folders are ambiguous: the error lists them.
    public static func locate(_ path: String) throws(MetricsError) -> String {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadableFigures("找不到 \(path)")
        }
        if !isDirectory.boolValue { return path }
        let direct = (path as NSString).appendingPathComponent("figures.json")
        if fm.fileExists(atPath: direct) { return direct }
        let children = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted {
            $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
        }
        let periods = children.filter { fm.fileExists(atPath: ((path as NSString).appendingPathComponent($0) as NSString)
            .appendingPathComponent("figures.json")) }
        switch periods.count {
        case 0:
            throw .unreadableFigures("\(path) 中没有 figures.json(生成时须包含 json 格式)")
        case 1:
            return ((path as NSString).appendingPathComponent(periods[0]) as NSString).appendingPathComponent("figures.json")
        default:
            throw .unreadableFigures("\(path) 中有多个期间的输出(\(periods.joined(separator: "、"))),请指明其中一个,例如 \((path as NSString).appendingPathComponent(periods[0]))")
        }
    }
}
