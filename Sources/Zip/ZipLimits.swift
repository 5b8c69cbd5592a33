/// Bounds that keep a hostile archive (a zip bomb) from exhausting time or memory.
public struct ZipLimits: Sendable, Equatable {
    /// Inflated bytes allowed for one part.
    public var maxEntrySize: Int
    /// Inflated bytes allowed for all parts of one archive read through one `ZipArchive`.
    public var maxTotalSize: Int
    /// Inflated ÷ compressed bytes for one part, checked once the part passes `ratioCheckThreshold`
    /// (small parts such as styles legitimately reach high ratios; dense sheet XML stays near 10–100).
    public var maxCompressionRatio: Int
    public var ratioCheckThreshold: Int

    public init(maxEntrySize: Int = 2 << 30, maxTotalSize: Int = 4 << 30,
                maxCompressionRatio: Int = 250, ratioCheckThreshold: Int = 16 << 20) {
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckThreshold = ratioCheckThreshold
    }

    public static let `default` = ZipLimits()
}
