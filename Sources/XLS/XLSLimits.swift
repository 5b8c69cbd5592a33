/// Bounds that keep a hostile .xls from exhausting time or memory. Every table and chain is also
/// bounded by the file's own size, so these only cap what a genuine file may claim.
public struct XLSLimits: Sendable, Equatable {
    /// Bytes of the Workbook stream (all sheets and strings); Excel 97–2003 files rarely pass 100 MB.
    public var maxStreamSize: Int
    /// Bytes of the file itself, checked before it is read.
    public var maxFileSize: Int

    public init(maxStreamSize: Int = 1 << 30, maxFileSize: Int = 2 << 30) {
        self.maxStreamSize = maxStreamSize
        self.maxFileSize = maxFileSize
    }

    public static let `default` = XLSLimits()
}
