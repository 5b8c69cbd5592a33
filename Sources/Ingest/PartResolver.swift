import Model

/// District and town names: trimmed, aliases resolved to the config's canonical parts, and the
/// fallback that finds a part named by a folder, file or sheet name.
struct PartResolver: Sendable {
    let config: RegionConfig
    /// Whether the config lists the parts (otherwise every name the data uses is a part).
    let partsKnown: Bool
    private let aliases: [String: String]        // name key → canonical part
    private let regionKeys: Set<String>
    /// Aliases longest first, for finding a part inside a longer name.
    private let searchOrder: [(key: String, part: String)]

    init(config: RegionConfig) {
        self.config = config
        partsKnown = !config.parts.isEmpty
        var aliases: [String: String] = [:]
        for part in config.parts { aliases[PartResolver.key(part)] = part }
        for (alias, part) in config.partAliases { aliases[PartResolver.key(alias)] = part }
        self.aliases = aliases
        regionKeys = Set(config.regionAliases.map(PartResolver.key) + [PartResolver.key(config.name)])
        searchOrder = aliases.map { ($0.key, $0.value) }
            .filter { !$0.0.isEmpty }
            .sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0 < $1.0 }
    }

    /// Names compare without spaces, with full-width letters and brackets folded.
    static func key(_ name: String) -> String { HeaderText(name).key }

    /// The name as written, without spaces (inside ones too: 「东城 区」 is a typing slip): what
    /// documents print for a name the config does not list. Case and width stay as typed
    /// (`abc区` stays `abc区`); only matching folds them (`key`).
    static func clean(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.filter { !TextKey.isSpace($0.value) }))
    }

    enum Resolution: Sendable, Equatable {
        case part(String)
        /// Not a configured part: kept under its own (cleaned) name, with a warning.
        case unknown(String)
        /// Names the region itself (e.g. 示例市 in a 区县 column).
        case region
        case empty
    }

    func resolve(_ raw: String) -> Resolution {
        let k = PartResolver.key(raw)
        if k.isEmpty { return .empty }
        if let part = aliases[k] { return .part(part) }
        if regionKeys.contains(k) { return .region }
        return partsKnown ? .unknown(PartResolver.clean(raw)) : .part(PartResolver.clean(raw))
    }

    /// Whether `raw` names the region (its name or an alias).
    func isRegion(_ raw: String) -> Bool { regionKeys.contains(PartResolver.key(raw)) }

    /// The part a folder, file or sheet name names: the name itself resolved, else the longest
    /// configured name or alias it contains. nil when it names none (or only the region).
    func partNamed(in name: String) -> String? {
        let k = PartResolver.key(name)
        if k.isEmpty || regionKeys.contains(k) { return nil }
        if let part = aliases[k] { return part }
        for (alias, part) in searchOrder where alias.count >= 2 && k.contains(alias) { return part }
        return nil
    }

    /// INPUTS.md clarification: the nearest enclosing folder, then the file name, then the sheet
    /// name, that names a known part. `folders` are nearest first.
    func fallback(folders: [String], fileName: String, sheetName: String?) -> String? {
        for folder in folders { if let p = partNamed(in: folder) { return p } }
        if let p = partNamed(in: fileName) { return p }
        if let sheetName, let p = partNamed(in: sheetName) { return p }
        return nil
    }
}
