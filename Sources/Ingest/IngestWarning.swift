/// Something a person should look at that does not reject a row: an unknown district kept under its
/// own name, a stated accident level that contradicts the figures, a 合计 row that does not add up.
public struct IngestWarning: Sendable, Equatable, CustomStringConvertible {
    /// Path relative to the inputs folder.
    public var file: String
    /// Sheet name; nil for a CSV file or for the config.
    public var sheet: String?
    /// A cell (`D25`) or a row (`第25行`); nil when the warning concerns the whole file or sheet.
    public var location: String?
    public var message: String

    public init(file: String, sheet: String?, location: String?, message: String) {
        self.file = file
        self.sheet = sheet
        self.location = location
        self.message = message
    }

    /// `2020/东城区.xlsx 事故!D25：…`
    public var description: String {
        var place = file
        if let sheet { place += " \(sheet)" + (location != nil ? "!" : "") } else if location != nil { place += " " }
        if let location { place += location }
        return "\(place)：\(message)"
    }
}
