import Model

/// Header text → the catalog fields it may name, from the fields' canonical names, their aliases
/// and the config's `[headers]` aliases.
struct HeaderCatalog: Sendable {
    struct Candidate: Sendable, Equatable {
        /// Index into `Catalog.fields`.
        let field: Int
        /// 0 for the canonical name, then the alias's position; config aliases come last. When two
        /// columns name one field, the better-ranked (then the leftmost) one is used.
        let rank: Int
    }

    /// What a header cell matched.
    struct Match: Sendable, Equatable {
        let field: Int
        let rank: Int
        /// The unit the header names in brackets (`万元`), if it matched through its stem.
        let unit: String?
    }

    private var byKey: [String: [Candidate]] = [:]

    /// `extraAliases`: catalog field index → the config's `[headers]` aliases for it.
    init(catalog: Catalog, extraAliases: [Int: [String]] = [:]) {
        for (f, field) in catalog.fields.enumerated() {
            add(field.name, field: f, rank: 0)
            for (i, alias) in field.aliases.enumerated() { add(alias, field: f, rank: i + 1) }
        }
        for (field, aliases) in extraAliases.sorted(by: { $0.key < $1.key }) {
            for (i, alias) in aliases.enumerated() { add(alias, field: field, rank: 100 + i) }
        }
    }

    private mutating func add(_ text: String, field: Int, rank: Int) {
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

    private func best(_ list: [Candidate]?, _ schema: KindSchema) -> Candidate? {
        guard let list else { return nil }
        var found: Candidate?
        for c in list where schema.contains(field: c.field) {
            if let f = found, f.rank <= c.rank { continue }
            found = c
        }
        return found
    }
}
