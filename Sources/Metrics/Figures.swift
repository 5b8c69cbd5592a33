import Model

/// Every figure of one run: the region and each of its parts (METRICS.md §Scopes), the named
/// periods computed beside the main one, and what the data does not cover.
public struct Figures: Sendable {
    public static let schema = 1
    public let region: String
    public let level: RegionConfig.Level
    public let period: ReportPeriod
    /// The region first, then its parts in config order (then any others by first appearance).
    public let scopes: [ScopeFigures]
    /// `[[periods]]` of the config, each with every scope.
    public var namedPeriods: [NamedPeriodFigures] = []
    /// The metrics of this run as declared (built-in, config, and one per 填报指标 indicator), in
    /// figures.json order: templates and 统计表 read names, groups and units from here.
    public var declarations: [MetricDeclaration] = []
    /// Each declared list and the fields its records show (templates check against these).
    public var listFields: [(name: String, fields: [String])] = []
    /// The (part, kind) pairs without data for P: the run stops on them unless `--allow-missing`.
    public var missing: [MissingData] = []
    /// The (part, kind) pairs without data for P′ (no comparison for them).
    public var priorMissing: [MissingData] = []
    /// Things the figures leave out that a writer should know (a year-only 填报指标 row outside a
    /// full-year period …).
    public var notes: [String] = []
    /// A sum that does not fit in exact arithmetic (which metric, from which row): the run stops.
    public var overflow: String?

    public init(region: String, level: RegionConfig.Level, period: ReportPeriod, scopes: [ScopeFigures]) {
        self.region = region
        self.level = level
        self.period = period
        self.scopes = scopes
    }

    public var regionScope: ScopeFigures { scopes[0] }
    public var parts: ArraySlice<ScopeFigures> { scopes.dropFirst() }

    public func scope(named name: String) -> ScopeFigures? { scopes.first { $0.scope == name } }
}

/// A part that sent no data of a kind for a period.
public struct MissingData: Sendable, Equatable, CustomStringConvertible {
    public let part: String
    public let kind: String
    /// `2025年`, `2024年1-11月`.
    public let period: String

    public init(part: String, kind: String, period: String) {
        self.part = part
        self.kind = kind
        self.period = period
    }

    /// 「临川县未报送2025年事故数据」.
    public var description: String { "\(part)未报送\(period)\(kind)数据" }
}

/// A `[[periods]]` entry's figures.
public struct NamedPeriodFigures: Sendable {
    public let name: String
    public let from: Day
    public let to: Day
    public let label: String
    public let priorLabel: String?
    public let scopes: [ScopeFigures]
}

/// The figures of one scope, with its breakdowns and lists.
public struct ScopeFigures: Sendable {
    public enum Kind: String, Sendable { case region, part }

    public let scope: String
    public let kind: Kind
    public let metrics: [MetricFigure]
    /// Every breakdown of the catalog, 行业领域 and 月份 first, by the field grouped by.
    public let breakdowns: [(by: String, rows: [Breakdown])]
    /// Named records (`较大及以上事故`), by list name, in date order.
    public var lists: [(name: String, entries: [ListEntry])] = []
    /// How many consecutive years ending with the report's had both 事故起数 and 事故死亡人数 fall.
    public var doubleDeclineYears = 0

    public init(scope: String, kind: Kind, metrics: [MetricFigure], breakdowns: [(by: String, rows: [Breakdown])]) {
        self.scope = scope
        self.kind = kind
        self.metrics = metrics
        self.breakdowns = breakdowns
    }

    public func metric(_ id: String) -> MetricFigure? { metrics.first { $0.id == id || $0.name == id } }

    public func breakdown(_ by: String) -> [Breakdown] { breakdowns.first { $0.by == by }?.rows ?? [] }
    /// 行业领域 in canonical order (then unlisted names); only industries with records in P or P′.
    public var industries: [Breakdown] { breakdown("行业领域") }
    /// The months of P, `2025-01` …, each compared with the same month a year earlier.
    public var months: [Breakdown] { breakdown("月份") }

    /// 双下降: accidents and their deaths both fell (METRICS.md §Comparison).
    public var accidentsDoubleDecline: Bool { doubleDecline("accidents") }
    public var firesDoubleDecline: Bool { doubleDecline("fires") }

    func doubleDecline(_ prefix: String) -> Bool {
        metric("\(prefix).count")?.comparison?.direction == .down && metric("\(prefix).deaths")?.comparison?.direction == .down
    }
}

/// One row of a breakdown: a key (an industry, a month, a 来源) and its figures.
public struct Breakdown: Sendable {
    public let key: String
    public let metrics: [MetricFigure]

    public init(key: String, metrics: [MetricFigure]) {
        self.key = key
        self.metrics = metrics
    }

    public func metric(_ id: String) -> MetricFigure? { metrics.first { $0.id == id || $0.name == id } }
}

/// One record of a list, its fields as text, and where it is in the inputs.
public struct ListEntry: Sendable, Equatable {
    /// Field name → value as the document prints it, in the list's field order.
    public let fields: [(name: String, value: String)]
    /// `2025/东城区/事故.xlsx 事故!第5行`.
    public let source: String
    public let date: Day?

    public init(fields: [(name: String, value: String)], source: String, date: Day?) {
        self.fields = fields
        self.source = source
        self.date = date
    }

    public static func == (a: ListEntry, b: ListEntry) -> Bool {
        a.source == b.source && a.date == b.date && a.fields.map(\.name) == b.fields.map(\.name)
            && a.fields.map(\.value) == b.fields.map(\.value)
    }
}
