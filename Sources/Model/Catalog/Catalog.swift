/// Every kind, field, metric, breakdown, named period and list a run knows (CATALOG.md): the
/// built-in catalog shipped with the tool, plus what config.toml declares. A figure is defined
/// here and only here; ingest, metrics, explain, diff and templates all read these declarations.
public struct Catalog: Sendable, Equatable {
    public static let builtinOrigin = "内置"
    /// Dictionaries shared by every kind: the parts and industries are one axis across registers.
    public static let districtDictionary = 0
    public static let townDictionary = 1
    public static let industryDictionary = 2

    public var fields: [FieldDeclaration]
    public var kinds: [KindDeclaration]
    public var metrics: [MetricDeclaration]
    public var breakdowns: [BreakdownDeclaration]
    public var periods: [PeriodDeclaration]
    public var lists: [ListDeclaration]
    /// Number of dataset dictionaries the fields' codes point into.
    public var dictionaryCount: Int

    public init(fields: [FieldDeclaration] = [], kinds: [KindDeclaration] = [], metrics: [MetricDeclaration] = [],
                breakdowns: [BreakdownDeclaration] = [], periods: [PeriodDeclaration] = [],
                lists: [ListDeclaration] = [], dictionaryCount: Int = 3) {
        self.fields = fields
        self.kinds = kinds
        self.metrics = metrics
        self.breakdowns = breakdowns
        self.periods = periods
        self.lists = lists
        self.dictionaryCount = dictionaryCount
    }

    public func field(named name: String) -> Int? { fields.firstIndex { $0.name == name } }
    public func kind(named name: String) -> Int? { kinds.firstIndex { $0.name == name } }

    /// A metric by id or Chinese name.
    public func metric(_ idOrName: String) -> MetricDeclaration? {
        metrics.first { $0.id == idOrName } ?? metrics.first { $0.name == idOrName }
    }

    /// The declaration of column `column` of kind `kind`.
    public func field(kind: Int, column: Int) -> FieldDeclaration { fields[kinds[kind].fields[column]] }

    /// The column of kind `kind` named `name` (its canonical name), if any.
    public func column(kind: Int, named name: String) -> Int? {
        kinds[kind].fields.firstIndex { fields[$0].name == name }
    }

    /// The kinds whose records metrics count (not 目标).
    public var recordKinds: [Int] { kinds.indices.filter { kinds[$0].role != .targets } }
}
