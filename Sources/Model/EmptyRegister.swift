/// A sheet of a known kind that has a header and no data rows: the part sent its register and it
/// was empty, which is a real zero for that part, kind and period — not missing data.
public struct EmptyRegister: Sendable, Equatable {
    /// Index into `Catalog.kinds`.
    public var kind: Int
    /// Code in `Dataset.parts`.
    public var part: Int32
    /// The year the file, folder or sheet name states (`2025年`, a folder `2025`); nil when none does.
    public var year: Int?
    /// Months the name states (`1-11月`); nil: the whole year.
    public var months: ClosedRange<Int>?
    public var provenance: Provenance

    public init(kind: Int, part: Int32, year: Int?, months: ClosedRange<Int>?, provenance: Provenance) {
        self.kind = kind
        self.part = part
        self.year = year
        self.months = months
        self.provenance = provenance
    }
}
