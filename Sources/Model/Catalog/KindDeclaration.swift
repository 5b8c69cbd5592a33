/// A register districts send (CATALOG.md §Kinds): the fields its sheets have, which of them are
/// required, which date puts a record in a period, and the rules a few built-in kinds follow.
public struct KindDeclaration: Sendable, Equatable {
    public enum Role: String, Sendable, Equatable {
        /// Records counted by metrics (every declared kind, and 事故/火灾/隐患/执法检查/行政处罚).
        case records
        /// 填报指标: each row is a part's value of a named indicator for a month or a year.
        case returns
        /// 目标: annual targets, turned into completion rates.
        case targets
    }

    public var name: String
    public var role: Role
    /// Field indexes into `Catalog.fields`, in declaration order; a record table has one column each.
    public var fields: [Int]
    /// Fields that must exist in the header (by index into `fields`).
    public var required: [Int]
    /// Groups of which at least one must exist (隐患: 整改状态 or 整改完成日期), by index into `fields`.
    public var requiredAny: [[Int]]
    /// The date that puts a record in a period (by index into `fields`); nil for a roster.
    public var date: Int?
    /// A roster's year field (年度); nil for a dated kind or a snapshot roster.
    public var year: Int?
    /// Month within the year (填报指标's 月份); an empty cell means the whole year.
    public var month: Int?
    /// The id field, whose value makes two records one (by index into `fields`).
    public var id: Int?
    /// Words in sheet, file or folder names that break ties between kinds whose headers both fit.
    public var hints: [String]
    /// Words that must not be in the name for a hint to count (a 火灾 hint is not one in 火灾事故统计 … ).
    public var hintExclusions: [String]
    /// The kind qualifies only when its header has a field no other kind has, or a name hint
    /// (火灾 shares every field of 事故 but its fire columns, INPUTS.md §火灾).
    public var needsDistinctField: Bool
    /// Accident level: stated (first field present) or derived from deaths, serious injuries and loss.
    public var level: LevelRule?
    /// Hazard rectification: status, completion date, deadline — and the derived 已整改/逾期.
    public var rectification: RectificationRule?
    /// A kind that extends a built-in one (`extends = "行政处罚"`) is that kind with more fields.
    public var origin: String

    public init(name: String, role: Role = .records, fields: [Int], required: [Int] = [], requiredAny: [[Int]] = [],
                date: Int? = nil, year: Int? = nil, month: Int? = nil, id: Int? = nil, hints: [String] = [],
                hintExclusions: [String] = [], needsDistinctField: Bool = false, level: LevelRule? = nil,
                rectification: RectificationRule? = nil, origin: String = Catalog.builtinOrigin) {
        self.name = name
        self.role = role
        self.fields = fields
        self.required = required
        self.requiredAny = requiredAny
        self.date = date
        self.year = year
        self.month = month
        self.id = id
        self.hints = hints
        self.hintExclusions = hintExclusions
        self.needsDistinctField = needsDistinctField
        self.level = level
        self.rectification = rectification
        self.origin = origin
    }

    /// A kind without a date: its records are counted as they stand (or per its `year`).
    public var isRoster: Bool { date == nil && role == .records }

    /// The column index of catalog field `field`, if the kind has it.
    public func column(of field: Int) -> Int? { fields.firstIndex(of: field) }
}

/// 事故等级 by 《生产安全事故报告和调查处理条例》第三条 when not stated (METRICS.md).
public struct LevelRule: Sendable, Equatable {
    /// The column that holds the level used by metrics: as stated, else derived.
    public var field: Int
    /// Columns whose stated level is used, first present wins (火灾: 火灾等级, then 事故等级).
    public var stated: [Int]
    /// Columns summed as deaths (死亡人数 + 失踪人数).
    public var deaths: [Int]
    public var seriousInjuries: Int?
    public var loss: Int?

    public init(field: Int, stated: [Int], deaths: [Int], seriousInjuries: Int?, loss: Int?) {
        self.field = field
        self.stated = stated
        self.deaths = deaths
        self.seriousInjuries = seriousInjuries
        self.loss = loss
    }
}

/// How a hazard is rectified: a status word, a completion date, a deadline (INPUTS.md §隐患).
public struct RectificationRule: Sendable, Equatable, BitwiseCopyable {
    public var status: Int?
    public var completed: Int?
    public var deadline: Int?

    public init(status: Int?, completed: Int?, deadline: Int?) {
        self.status = status
        self.completed = completed
        self.deadline = deadline
    }
}
