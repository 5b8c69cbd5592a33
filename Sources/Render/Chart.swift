/// Data for one chart: categories along the x axis and one or more series of values.
///
/// Values are the exact figures already rounded for display; the chart only scales them.
public struct Chart: Equatable, Sendable {
    /// How the values are best drawn where the writer can choose (Word charts): columns compare
    /// parts side by side, lines follow months through a year.
    public enum Kind: Equatable, Sendable { case columns, lines }

    public struct Series: Equatable, Sendable {
        public var name: String
        public var values: [Double]
        public var labels: [String]   // printed above the bars, exactly as in the report
        /// The same period of the year before: drawn in a quieter style next to this year's.
        public var isPrior: Bool

        public init(name: String, values: [Double], labels: [String], isPrior: Bool = false) {
            self.name = name
            self.values = values
            self.labels = labels
            self.isPrior = isPrior
        }
    }

    public var title: String
    public var unit: String
    public var categories: [String]
    public var series: [Series]
    public var kind: Kind

    public init(title: String, unit: String, categories: [String], series: [Series], kind: Kind = .columns) {
        self.title = title
        self.unit = unit
        self.categories = categories
        self.series = series
        self.kind = kind
    }
}
