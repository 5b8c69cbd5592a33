/// Whether Excel shows a sheet's tab.
public enum SheetVisibility: String, Sendable, Equatable {
    case visible
    case hidden
    /// Hidden so that only a macro can show it again.
    case veryHidden
}

/// One sheet of a workbook as listed in workbook.xml.
public struct SheetInfo: Sendable, Equatable {
    public let name: String
    /// 1-based position in workbook order.
    public let index: Int
    public let visibility: SheetVisibility
    /// The sheet's part in the archive, e.g. `xl/worksheets/sheet1.xml` (empty when the workbook's
    /// relationships do not say).
    public let partPath: String

    public init(name: String, index: Int, visibility: SheetVisibility, partPath: String) {
        self.name = name
        self.index = index
        self.visibility = visibility
        self.partPath = partPath
    }
}
