/// What a `where` condition, a breakdown or a list reads from a record: one of its columns, or a
/// derived value (CATALOG.md: 已整改 and 逾期 as of the as-of date, 月份 of the period date).
public enum FieldReference: Sendable, Equatable, Hashable {
    /// A column of the kind's table (index into `KindDeclaration.fields`).
    case column(Int)
    /// 已整改 as of the as-of date (kinds with a rectification rule).
    case rectified
    /// 逾期: not rectified and the deadline before the as-of date.
    case overdue
    /// 月份 (1…12) of the record's period date, or of a 填报指标 row.
    case month

    /// The names derived fields are written with.
    public static let derivedNames: [(String, FieldReference)] = [("已整改", .rectified), ("逾期", .overdue), ("月份", .month)]
}
