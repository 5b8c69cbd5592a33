/// A grouping of every metric of some kinds by one field (CATALOG.md §Breakdowns): figures.json
/// `breakdowns[<by>]`, the templates' lists of the same name, and 统计表 sheets.
public struct BreakdownDeclaration: Sendable, Equatable {
    /// The field name (`来源`, `行业领域`) or derived field (`月份`) grouped by.
    public var by: String
    /// The kinds it covers (index into `Catalog.kinds`); 行业领域 and 月份 cover every kind that has them.
    public var kinds: [Int]
    /// Whether rows carry `share`/`share_of` against the scope's whole (月份 rows do not).
    public var shares: Bool
    public var origin: String

    public init(by: String, kinds: [Int], shares: Bool = true, origin: String = Catalog.builtinOrigin) {
        self.by = by
        self.kinds = kinds
        self.shares = shares
        self.origin = origin
    }
}
