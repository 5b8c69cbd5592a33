import Model

/// What every file's ingest shares, read-only: the region, the catalog, the header catalog, name
/// resolution.
struct IngestContext: Sendable {
    let config: RegionConfig
    let catalog: Catalog
    let schemas: [KindSchema]
    let headers: HeaderCatalog
    let detector: HeaderDetector
    let parts: PartResolver
    let industries: IndustryCatalog
    let strict: Bool
    /// Data rows per chunk when a sheet's rows are turned into records on several cores
    /// (`SheetChunks`); the first chunk's worth is read on the reader's thread, so a sheet of fewer
    /// rows never leaves it. The records, rejects and warnings are the same for every size.
    var rowsPerChunk = IngestContext.defaultRowsPerChunk
    static let defaultRowsPerChunk = 4096
    /// Chunks only when a core is idle (`ReadingLoad`): with every core reading a file of its own,
    /// splitting a sheet would only add the work of joining its chunks. Tests set it false.
    var chunksOnlyOnIdleCores = true
    let load = ReadingLoad()

    /// `headerAliases`: catalog field index → the config's `[headers]` aliases for it.
    init(config: RegionConfig, catalog: Catalog, headerAliases: [Int: [String]] = [:], strict: Bool = false) {
        self.config = config
        self.catalog = catalog
        schemas = KindSchema.all(catalog)
        headers = HeaderCatalog(catalog: catalog, extraAliases: headerAliases)
        detector = HeaderDetector(catalog: headers, schemas: schemas, fields: catalog.fields)
        parts = PartResolver(config: config)
        industries = IndustryCatalog(extraAliases: config.industryAliases)
        self.strict = strict
    }

    /// The type of the part field at this level: 区县 at level 市, 镇街 at level 区/县.
    var partType: FieldType { config.level.partsAreTowns ? .town : .district }
    /// The dictionary of part codes (`RecordTable.part`).
    var partDictionary: Int { config.level.partsAreTowns ? Catalog.townDictionary : Catalog.districtDictionary }
}
