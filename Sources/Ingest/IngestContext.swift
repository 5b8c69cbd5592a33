import Model

/// What every file's ingest shares, read-only: the region, the header catalog, name resolution.
struct IngestContext: Sendable {
    let config: RegionConfig
    let catalog: HeaderCatalog
    let detector: HeaderDetector
    let parts: PartResolver
    let industries: IndustryCatalog
    let strict: Bool

    init(config: RegionConfig, headerAliases: [Field: [String]] = [:], strict: Bool = false) {
        self.config = config
        catalog = HeaderCatalog(extraAliases: headerAliases)
        detector = HeaderDetector(catalog: catalog)
        parts = PartResolver(config: config)
        industries = IndustryCatalog(extraAliases: config.industryAliases)
        self.strict = strict
    }

    /// The name of the part field at this level: 区县 at level 市, 镇街 at level 区/县.
    var partField: Field { config.level.partsAreTowns ? .town : .district }
}
