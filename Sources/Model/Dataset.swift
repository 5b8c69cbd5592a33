/// Everything ingest accepted: the catalog it read by, one columnar table per kind, the
/// dictionaries their codes point into, and the files the records came from.
public struct Dataset: Sendable {
    public var config: RegionConfig
    public var catalog: Catalog
    /// One table per kind of the catalog, in catalog order (目标 has an empty one).
    public var tables: [RecordTable]
    /// The dictionaries of coded fields (`FieldDeclaration.dictionary`): 0 区县, 1 镇街, 2 行业领域,
    /// then one per text, list, note and id field.
    public var dictionaries: [StringDictionary]
    /// Targets from config.toml and from 目标 sheets.
    public var targets: [Target] = []
    /// Registers sent with a header and no rows: a real zero for coverage (CATALOG.md §Comparisons).
    public var emptyRegisters: [EmptyRegister] = []
    /// Per kind, per column: whether any sheet of that kind had the column. A metric that reads a
    /// column no register has is unavailable, not 0.
    public var mappedColumns: [[Bool]]
    /// The registers whose header lacks some column of their kind, in file order (most have every
    /// column, and are not listed).
    public var registersLackingColumns: [RegisterColumns] = []
    /// Input files, relative to the inputs folder, in the order they were read (sorted).
    public var files: [String] = []
    public var sheetNames = StringDictionary()

    public init(config: RegionConfig, catalog: Catalog) {
        self.config = config
        self.catalog = catalog
        tables = catalog.kinds.indices.map { RecordTable(kind: $0, catalog: catalog) }
        dictionaries = Array(repeating: StringDictionary(), count: catalog.dictionaryCount)
        mappedColumns = catalog.kinds.map { Array(repeating: false, count: $0.fields.count) }
    }

    /// The part dictionary: 区县 at level 市, 镇街 at level 区/县. `RecordTable.part` codes point here.
    public var partDictionary: Int { config.level.partsAreTowns ? Catalog.townDictionary : Catalog.districtDictionary }
    public var parts: StringDictionary { dictionaries[partDictionary] }
    public var industries: StringDictionary { dictionaries[Catalog.industryDictionary] }

    public func table(_ kindName: String) -> RecordTable? { catalog.kind(named: kindName).map { tables[$0] } }

    /// The text of a coded cell: the value of column `column` of record `row` of kind `kind`.
    public func text(kind: Int, column: Int, row: Int) -> String? {
        let field = catalog.field(kind: kind, column: column)
        guard field.dictionary >= 0 else { return nil }
        return dictionaries[field.dictionary][tables[kind].columns[column].code(row)]
    }

    /// A provenance as people read it: `2025/东城区/事故.xlsx 事故!第5行` or `东城区火灾.csv 第12行`.
    public func describe(_ p: Provenance) -> String {
        let file = Int(p.file) < files.count && p.file >= 0 ? files[Int(p.file)] : "?"
        if let sheet = sheetNames[p.sheet] { return "\(file) \(sheet)!第\(p.row)行" }
        return "\(file) 第\(p.row)行"
    }
}
