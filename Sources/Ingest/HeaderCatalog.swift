/// Header text → the fields it may name, from the canonical names, the built-in aliases and the
/// config's `[headers]` aliases.
struct HeaderCatalog: Sendable {
    struct Candidate: Sendable, Equatable {
        let field: Field
        /// 0 for the canonical name, then the alias's position; config aliases come last. When two
        /// columns name one field, the better-ranked (then the leftmost) one is used.
        let rank: Int
    }

    /// What a header cell matched.
    struct Match: Sendable, Equatable {
        let field: Field
        let rank: Int
        /// The unit the header names in brackets (`万元`), if it matched through its stem.
        let unit: String?
    }

    private var byKey: [String: [Candidate]] = [:]

    init(extraAliases: [Field: [String]] = [:]) {
        for field in Field.allCases {
            add(field.name, field: field, rank: 0)
            for (i, alias) in field.aliases.enumerated() { add(alias, field: field, rank: i + 1) }
        }
        for (field, aliases) in extraAliases.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for (i, alias) in aliases.enumerated() { add(alias, field: field, rank: 100 + i) }
        }
    }

    private mutating func add(_ text: String, field: Field, rank: Int) {
        let key = HeaderText(text).key
        guard !key.isEmpty else { return }
        var list = byKey[key, default: []]
        if !list.contains(where: { $0.field == field }) { list.append(Candidate(field: field, rank: rank)) }
        byKey[key] = list
    }

    /// The catalog entries one header text may name, looked up once and then matched per kind.
    struct Lookup: Sendable {
        let whole: [Candidate]?
        let stem: [Candidate]?
        let unit: String?
        var isEmpty: Bool { whole == nil && stem == nil }
    }

    func lookup(_ header: HeaderText) -> Lookup {
        Lookup(whole: byKey[header.key], stem: header.stem.flatMap { byKey[$0] }, unit: header.unit)
    }

    /// The field of `schema` that `header` names: the whole text first, then without its trailing
    /// bracketed unit.
    func match(_ header: HeaderText, in schema: KindSchema) -> Match? { match(lookup(header), in: schema) }

    func match(_ l: Lookup, in schema: KindSchema) -> Match? {
        if let c = best(l.whole, schema) { return Match(field: c.field, rank: c.rank, unit: nil) }
        if let c = best(l.stem, schema) { return Match(field: c.field, rank: c.rank, unit: l.unit) }
        return nil
    }

    /// Whether `header` names any field of any kind.
    func isKnown(_ header: HeaderText) -> Bool {
        byKey[header.key] != nil || header.stem.map { byKey[$0] != nil } == true
    }

    private func best(_ list: [Candidate]?, _ schema: KindSchema) -> Candidate? {
        guard let list else { return nil }
        var found: Candidate?
        for c in list where schema.contains(c.field) {
            if let f = found, f.rank <= c.rank { continue }
            found = c
        }
        return found
    }
}
