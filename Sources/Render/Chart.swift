/// Data for one chart: categories along the x axis and one or more series of values.
///
/// Values are the exact figures already rounded for display; the chart only scales them.
public struct Chart: Equatable, Sendable {
    public struct Series: Equatable, Sendable {
        public var name: String
        public var values: [Double]
        public var labels: [String]   // printed above the bars, exactly as in the report

        public init(name: String, values: [Double], labels: [String]) {
            self.name = name
            self.values = values
            self.labels = labels
        }
    }

    public var title: String
    public var unit: String
    public var categories: [String]
    public var series: [Series]

    public init(title: String, unit: String, categories: [String], series: [Series]) {
        self.title = title
        self.unit = unit
        self.categories = categories
        self.series = series
    }
}
