/// An annual target for one metric (config `[[targets]]` or a 目标 sheet) → 完成率.
public struct Target: Hashable, Sendable {
    public var year: Int
    /// Canonical part name; nil for the whole region.
    public var part: String?
    /// A metric name from METRICS.md, e.g. "事前处罚起数".
    public var metric: String
    /// In the metric's own unit (起, 人, 万元, %).
    public var value: ExactDecimal
    /// Where it was stated: "config.toml 第12行" or "目标.xlsx 目标!第3行".
    public var origin: String

    public init(year: Int, part: String?, metric: String, value: ExactDecimal, origin: String) {
        self.year = year
        self.part = part
        self.metric = metric
        self.value = value
        self.origin = origin
    }
}
