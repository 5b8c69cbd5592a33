/// The region a run reports on and its parts (config.toml `[region]`, `[districts]`, …).
public struct RegionConfig: Sendable {
    public enum Level: String, Sendable, Codable {
        case city = "市"
        case district = "区"
        case county = "县"

        /// Parts of a 市 are 区县; parts of a 区/县 are 镇街.
        public var partsAreTowns: Bool { self != .city }
        /// "全市" / "全区" / "全县".
        public var wholeWord: String { "全" + rawValue }
        /// "各区县" / "各镇街".
        public var partsWord: String { partsAreTowns ? "各镇街" : "各区县" }
        /// How a part calls itself in its own summary: 区县 say 全区/全县/全市 by their name's last character.
        public var partKindWord: String { partsAreTowns ? "镇街" : "区县" }
    }

    public var name: String
    public var level: Level
    /// Canonical part names in the order the config lists them (区县 at level 市, 镇街 otherwise).
    public var parts: [String]
    /// alias → canonical part name (the canonical names map to themselves too).
    public var partAliases: [String: String]
    /// Aliases of the region itself (its own name included), for the district fallback.
    public var regionAliases: [String]
    /// alias → canonical industry (in addition to the built-in list).
    public var industryAliases: [String: String]
    /// canonical field → extra header aliases.
    public var headerAliases: [String: [String]]
    public var targets: [Target]
    /// Where the config came from ("config.toml" or "默认").
    public var source: String

    public init(name: String = "本市", level: Level = .city, parts: [String] = [],
                partAliases: [String: String] = [:], regionAliases: [String] = [],
                industryAliases: [String: String] = [:], headerAliases: [String: [String]] = [:],
                targets: [Target] = [], source: String = "默认") {
        self.name = name
        self.level = level
        self.parts = parts
        self.partAliases = partAliases
        self.regionAliases = regionAliases.isEmpty ? [name] : regionAliases
        self.industryAliases = industryAliases
        self.headerAliases = headerAliases
        self.targets = targets
        self.source = source
    }
}
