/// A named period computed in the same run beside the main one (CATALOG.md §Periods):
/// `专项整治以来` from 2019-12-01 to the main period's end.
public struct PeriodDeclaration: Sendable, Equatable {
    public var name: String
    public var from: Day
    /// nil: the main period's last day.
    public var to: Day?
    /// Whether it has a prior (the same dates a year earlier).
    public var compare: Bool
    public var origin: String

    public init(name: String, from: Day, to: Day? = nil, compare: Bool = false, origin: String = Catalog.builtinOrigin) {
        self.name = name
        self.from = from
        self.to = to
        self.compare = compare
        self.origin = origin
    }
}
