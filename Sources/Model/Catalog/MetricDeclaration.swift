/// One figure of the catalog (CATALOG.md §Metrics): which records of which kind it counts, and how.
/// The built-in metrics of METRICS.md are declarations of this same form.
public struct MetricDeclaration: Sendable, Equatable {
    public enum Measure: Sendable, Equatable {
        /// Records that satisfy the conditions.
        case count
        /// Σ of numeric columns (several: 死亡人数 + 失踪人数), by index into the kind's fields.
        case sum([Int])
        /// Distinct values of a column, counted per scope (not additive).
        case distinct(Int)
        /// numerator ÷ denominator × 100, both metric ids; computed last from the parts.
        case ratio(numerator: String, denominator: String)
    }

    /// Stable id: figures.json, figures.csv, `explain`, `diff` (`hazards.campaign.found`).
    public var id: String
    /// Chinese name: templates, `explain`, press figures (`专项整治排查隐患数`).
    public var name: String
    /// Index into `Catalog.kinds`; nil for a ratio (its parts have kinds).
    public var kind: Int?
    public var conditions: [MetricCondition]
    public var measure: Measure
    /// 起, 人, 万元, 条, 家次 …; `%` for a ratio.
    public var unit: String
    /// The template group the metric also appears in (`隐患`), and its name there (`整改率`):
    /// `{{ 隐患.整改率 }}`. Every metric is also reachable by its `name`.
    public var group: String?
    public var label: String?
    /// Where it was declared: `内置` or `config.toml 第12行`.
    public var origin: String

    public init(id: String, name: String, kind: Int?, conditions: [MetricCondition] = [], measure: Measure,
                unit: String, group: String? = nil, label: String? = nil, origin: String = Catalog.builtinOrigin) {
        self.id = id
        self.name = name
        self.kind = kind
        self.conditions = conditions
        self.measure = measure
        self.unit = unit
        self.group = group
        self.label = label
        self.origin = origin
    }

    public var isRatio: Bool { if case .ratio = measure { return true }; return false }
    public var isDistinct: Bool { if case .distinct = measure { return true }; return false }
    /// Count and sum metrics: any scope is the sum of its parts.
    public var isAdditive: Bool { !isRatio && !isDistinct }

    /// The filter as `explain` shows it: `来源 = 专项整治、专项检查；隐患等级 = 一般`, or `全部记录`.
    public var filterText: String {
        conditions.isEmpty ? "全部记录" : conditions.map(\.text).joined(separator: "；")
    }
}
