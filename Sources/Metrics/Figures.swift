import Model

/// Every figure of one run: the region and each of its parts (METRICS.md §Scopes).
public struct Figures: Sendable {
    public static let schema = 1
    public let region: String
    public let level: RegionConfig.Level
    public let period: ReportPeriod
    /// The region first, then its parts in config order (then any others by first appearance).
    public let scopes: [ScopeFigures]

    public var regionScope: ScopeFigures { scopes[0] }
    public var parts: ArraySlice<ScopeFigures> { scopes.dropFirst() }

    public func scope(named name: String) -> ScopeFigures? { scopes.first { $0.scope == name } }
}

/// The figures of one scope, with breakdowns by industry and by month.
public struct ScopeFigures: Sendable {
    public enum Kind: String, Sendable { case region, part }

    public let scope: String
    public let kind: Kind
    public let metrics: [MetricFigure]
    /// 行业领域 in canonical order (then unlisted names); only industries with records in P or P′.
    public let industries: [Breakdown]
    /// The months of P, `2025-01` …, each compared with the same month a year earlier.
    public let months: [Breakdown]

    public func metric(_ id: String) -> MetricFigure? { metrics.first { $0.id == id || $0.name == id } }

    /// 双下降: accidents and their deaths both fell (METRICS.md §Comparison).
    public var accidentsDoubleDecline: Bool { doubleDecline("accidents") }
    public var firesDoubleDecline: Bool { doubleDecline("fires") }

    func doubleDecline(_ prefix: String) -> Bool {
        metric("\(prefix).count")?.comparison?.direction == .down && metric("\(prefix).deaths")?.comparison?.direction == .down
    }
}

/// One row of a breakdown: a key (an industry, a month) and its figures.
public struct Breakdown: Sendable {
    public let key: String
    public let metrics: [MetricFigure]

    public func metric(_ id: String) -> MetricFigure? { metrics.first { $0.id == id || $0.name == id } }
}
