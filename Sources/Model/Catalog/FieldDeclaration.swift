/// One field (column) of the catalog: its canonical header, its aliases and its type. A field is
/// declared once and shared by every kind that lists it, so its aliases work in every such kind
/// (INPUTS.md clarification "Aliases belong to a field, not a kind").
public struct FieldDeclaration: Sendable, Equatable {
    /// The canonical header, as reports and `where` name it (`死亡人数`).
    public var name: String
    public var type: FieldType
    /// Other headers that mean this field, best first.
    public var aliases: [String]
    /// Money: the unit of a column whose header and unit line name none (INPUTS.md: losses in
    /// 万元, fines in 元).
    public var defaultUnit: MoneyUnitName
    /// When a sheet has no column for this field but has one for `fallback`, that column's value
    /// is used (受伤人数 ← 重伤人数, METRICS.md clarification).
    public var fallback: String?
    /// The value an empty cell has (隐患等级: 一般); nil: empty is empty.
    public var defaultValue: String?
    /// The values a `level` field accepts, when narrower than the four levels (隐患等级: 一般, 重大).
    public var values: [String]?
    /// Index of the dataset dictionary its codes point into (coded types only; -1 otherwise).
    public var dictionary: Int
    /// Where it was declared: `内置` or `config.toml 第12行`.
    public var origin: String

    public init(name: String, type: FieldType, aliases: [String] = [], defaultUnit: MoneyUnitName = .yuan,
                fallback: String? = nil, defaultValue: String? = nil, values: [String]? = nil,
                dictionary: Int = -1, origin: String = Catalog.builtinOrigin) {
        self.name = name
        self.type = type
        self.aliases = aliases
        self.defaultUnit = defaultUnit
        self.fallback = fallback
        self.defaultValue = defaultValue
        self.values = values
        self.dictionary = dictionary
        self.origin = origin
    }
}

/// A money unit as declared (`unit = "万元"` on a money field).
public enum MoneyUnitName: String, Sendable, Equatable, Codable {
    case yuan = "元"
    case wanYuan = "万元"
}
