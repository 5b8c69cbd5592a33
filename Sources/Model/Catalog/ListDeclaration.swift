/// Named records a document states one by one (CATALOG.md §Lists): the built-in 较大及以上事故
/// gives 「仪陇“3·19”较大燃爆事故」.
public struct ListDeclaration: Sendable, Equatable {
    public var name: String
    public var kind: Int
    public var conditions: [MetricCondition]
    /// Columns shown, by index into the kind's fields.
    public var fields: [Int]
    public var origin: String

    public init(name: String, kind: Int, conditions: [MetricCondition], fields: [Int], origin: String = Catalog.builtinOrigin) {
        self.name = name
        self.kind = kind
        self.conditions = conditions
        self.fields = fields
        self.origin = origin
    }
}
