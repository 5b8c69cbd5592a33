/// Why figures cannot be computed for what was asked.
public enum MetricsError: Error, Equatable, Sendable, CustomStringConvertible {
    case badPeriod(String)
    case noData(String)
    case unknownMetric(String)
    case unknownScope(String)
    case unreadableFigures(String)

    public var description: String {
        switch self {
        case .badPeriod(let m), .noData(let m), .unknownMetric(let m), .unknownScope(let m), .unreadableFigures(let m):
            return m
        }
    }
}
