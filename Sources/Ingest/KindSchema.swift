import Model

/// A kind of the catalog as header detection and record building use it: which catalog fields it
/// has (by field index, for O(1) membership), which of them no other kind has, and its hints.
struct KindSchema: Sendable {
    /// Index into `Catalog.kinds`.
    let index: Int
    let declaration: KindDeclaration
    /// Catalog field index → column of the kind, or -1.
    let columnOfField: [Int]
    /// Per catalog field: the kind has it and no other kind does (起火原因 makes a sheet 火灾).
    let specific: [Bool]

    init(index: Int, catalog: Catalog) {
        self.index = index
        declaration = catalog.kinds[index]
        var columns = [Int](repeating: -1, count: catalog.fields.count)
        for (c, f) in declaration.fields.enumerated() { columns[f] = c }
        columnOfField = columns
        specific = (0..<catalog.fields.count).map { f in
            columns[f] >= 0 && !catalog.kinds.indices.contains { $0 != index && catalog.kinds[$0].fields.contains(f) }
        }
    }

    var name: String { declaration.name }
    var columnCount: Int { declaration.fields.count }

    func contains(field: Int) -> Bool { columnOfField[field] >= 0 }

    /// Whether a sheet, file or folder name hints at this kind: it contains a hint word and no
    /// exclusion word that the hint itself does not contain (「火灾事故统计」 hints 火灾, 「事故火灾统计」
    /// hints neither 事故 nor 火灾).
    func isHinted(by name: String) -> Bool {
        declaration.hints.contains { hint in
            name.contains(hint) && !declaration.hintExclusions.contains { !hint.contains($0) && name.contains($0) }
        }
    }

    /// Every kind of the catalog, in catalog order (the order of the last tie-break).
    static func all(_ catalog: Catalog) -> [KindSchema] { catalog.kinds.indices.map { KindSchema(index: $0, catalog: catalog) } }
}
