@testable import Ingest
import Model
import Testing

/// A deterministic generator for property tests (SplitMix64), so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A row of text cells: `row(3, "2020-01-02", "东城区")`; `""` is an empty cell.
func row(_ number: Int, _ texts: String...) -> RawRow { RawRow(number: number, texts: texts) }

/// A row of typed cells.
func cells(_ number: Int, _ values: RawCell...) -> RawRow {
    RawRow(number: number, cells: values.enumerated().compactMap { $0.element == .empty ? nil : ($0.offset, $0.element) })
}

/// One in-memory input file: a CSV (`sheets` has one entry named nil) or a workbook.
struct MemoryFile {
    var path: String
    var sheets: [(name: String?, rows: [RawRow])]

    static func csv(_ path: String, _ rows: [RawRow]) -> MemoryFile { MemoryFile(path: path, sheets: [(nil, rows)]) }
    static func xlsx(_ path: String, _ sheets: [(String, [RawRow])]) -> MemoryFile {
        MemoryFile(path: path, sheets: sheets.map { ($0.0, $0.1) })
    }
}

/// Ingests in-memory files through the same per-sheet and merge stages as `Ingest.run`.
func ingest(_ files: [MemoryFile], config: RegionConfig = RegionConfig(), headerAliases: [Int: [String]] = [:],
            catalog: Catalog? = nil, strict: Bool = false) -> IngestResult {
    let catalog = catalog ?? CatalogLoader.builtin(region: config)
    let context = IngestContext(config: config, catalog: catalog, headerAliases: headerAliases, strict: strict)
    let sorted = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    var merger = DatasetMerger(config: config, catalog: catalog, paths: sorted.map(\.path))
    for (i, file) in sorted.enumerated() {
        let format = file.sheets.count == 1 && file.sheets[0].name == nil ? "csv" : "xlsx"
        var ingestor = FileIngestor(context: context, fileIndex: i,
                                    report: FileReport(path: file.path, size: 0, sha256: "", format: format))
        for (s, sheet) in file.sheets.enumerated() {
            ingestor.addSheet(name: sheet.name, index: s + 1) { ingest, partial in
                for r in sheet.rows { ingest.consume(r, into: &partial) }
            }
        }
        merger.merge(ingestor.partial)
    }
    return merger.finish()
}

/// Conservation (PRODUCT.md non-negotiable): for every file and sheet, read = accepted + rejected,
/// duplicates ⊆ rejected; and rejects.csv holds exactly the rejected rows.
func expectConservation(_ result: IngestResult, sourceLocation: SourceLocation = #_sourceLocation) {
    var rejectedTotal = 0
    var duplicateTotal = 0
    for file in result.files {
        for sheet in file.sheets {
            #expect(sheet.read == sheet.accepted + sheet.rejected,
                    "\(file.path) \(sheet.name ?? "-"): read \(sheet.read) ≠ \(sheet.accepted) + \(sheet.rejected)",
                    sourceLocation: sourceLocation)
            #expect(sheet.duplicates <= sheet.rejected, sourceLocation: sourceLocation)
            rejectedTotal += sheet.rejected
            duplicateTotal += sheet.duplicates
            let listed = result.rejects.filter { $0.file == file.path && $0.sheet == sheet.name }
            #expect(listed.count == sheet.rejected, "\(file.path) \(sheet.name ?? "-") rejects listed",
                    sourceLocation: sourceLocation)
            #expect(listed.filter(\.isDuplicate).count == sheet.duplicates, sourceLocation: sourceLocation)
        }
    }
    #expect(result.rejects.count == rejectedTotal, sourceLocation: sourceLocation)
    #expect(result.rejects.filter(\.isDuplicate).count == duplicateTotal, sourceLocation: sourceLocation)
    let d = result.dataset
    let records = d.tables.reduce(0) { $0 + $1.count } + d.targets.count - d.config.targets.count
    #expect(records == result.accepted, "records in the model = rows accepted", sourceLocation: sourceLocation)
}

extension IngestResult {
    func sheet(_ path: String, _ name: String? = nil) -> SheetReport? {
        files.first { $0.path == path }?.sheets.first { $0.name == name }
    }
}

let sampleConfig = RegionConfig(
    name: "示例市", level: .city, parts: ["东城区", "西城区", "南湖县"],
    partAliases: ["东城区": "东城区", "东城": "东城区", "西城区": "西城区", "西城": "西城区", "南湖县": "南湖县", "南湖": "南湖县"],
    regionAliases: ["示例市"])

// MARK: - The built-in catalog, read the way the tests before it named kinds and fields

let builtinCatalog = CatalogLoader.builtin()

/// A field of the built-in catalog by its canonical name.
func field(_ name: String) -> Int { builtinCatalog.field(named: name)! }

extension KindSchema {
    static func named(_ name: String) -> KindSchema { KindSchema(index: builtinCatalog.kind(named: name)!, catalog: builtinCatalog) }
    static var accident: KindSchema { named("事故") }
    static var fire: KindSchema { named("火灾") }
    static var hazard: KindSchema { named("隐患") }
    static var inspection: KindSchema { named("执法检查") }
    static var penalty: KindSchema { named("行政处罚") }
    static var target: KindSchema { named("目标") }
}

extension HeaderCatalog {
    init(extra: [String: [String]] = [:]) {
        self.init(catalog: builtinCatalog, extraAliases: Dictionary(uniqueKeysWithValues: extra.map { (field($0.key), $0.value) }))
    }

    /// The canonical name of the field `text` names in `schema`.
    func fieldName(_ text: String, _ schema: KindSchema) -> String? {
        match(HeaderText(text), in: schema).map { builtinCatalog.fields[$0.field].name }
    }
}

extension HeaderDetector {
    init(headers: HeaderCatalog = HeaderCatalog()) {
        self.init(catalog: headers, schemas: KindSchema.all(builtinCatalog), fields: builtinCatalog.fields)
    }
}

extension SheetLayout {
    var kindName: String { schema.name }
    func column(named name: String) -> Int? { schema.declaration.fields.firstIndex(of: field(name)).flatMap(column(of:)) }
    func moneyUnit(named name: String) -> MoneyUnit? { schema.declaration.fields.firstIndex(of: field(name)).map { moneyUnits[$0] } }
    var missingNames: [String] { missing.map { builtinCatalog.fields[schema.declaration.fields[$0]].name } }
}

/// One kind's records, column by column, as the tests read them.
struct Records {
    let d: Dataset
    let k: Int
    init(_ d: Dataset, _ kind: String) { self.d = d; k = d.catalog.kind(named: kind)! }
    var table: RecordTable { d.tables[k] }
    var count: Int { table.count }
    func col(_ name: String) -> Column { table.columns[d.catalog.column(kind: k, named: name)!] }
    func ints(_ name: String) -> [Int32] { (0..<count).map { col(name).int32($0) } }
    func codes(_ name: String) -> [Int32] { (0..<count).map { col(name).code($0) } }
    func texts(_ name: String) -> [String?] {
        let f = d.catalog.fields[d.catalog.kinds[k].fields[d.catalog.column(kind: k, named: name)!]]
        return codes(name).map { d.dictionaries[f.dictionary][$0] }
    }
    var provenance: [Provenance] { table.provenance }
    var date: [Day] { (0..<count).map { col(d.catalog.fields[d.catalog.kinds[k].fields[d.catalog.kinds[k].date!]].name).day($0)! } }
    var deaths: [Int32] { ints("死亡人数") }
    var injuries: [Int32] { ints("受伤人数") }
    var hazardsFound: [Int32] { ints("发现隐患数") }
    var loss: [Money] { (0..<count).map { Money(fen: col("直接经济损失").int64($0)) } }
    var fine: [Money] { (0..<count).map { Money(fen: col("罚款金额").int64($0)) } }
    var level: [AccidentLevel] { (0..<count).map { AccidentLevel(rawValue: col("事故等级").byte($0))! } }
    /// Names of the records' 区县 / 镇街 / 行业领域.
    var districts: [String?] { texts("区县") }
    var towns: [String?] { texts("镇街") }
    var industries: [String?] { texts("行业领域") }
    var ids: [String?] { texts(d.catalog.fields[d.catalog.kinds[k].fields[d.catalog.kinds[k].id!]].name) }
    var rectifiedOn: [Day?] { (0..<count).map { col("整改完成日期").day($0) } }
    func isRectified(_ i: Int, asOf: Day) -> Bool {
        if let done = col("整改完成日期").day(i) { return done <= asOf }
        return col("整改状态").byte(i) == 1
    }
    func isOverdue(_ i: Int, asOf: Day) -> Bool {
        guard let due = col("整改期限").day(i) else { return false }
        return due < asOf && !isRectified(i, asOf: asOf)
    }
    /// 隐患: 重大, 挂牌督办, 整改状态 = 已整改.
    var hazardFlags: [Set<String>] {
        (0..<count).map { i in
            var s = Set<String>()
            if col("隐患等级").byte(i) == AccidentLevel.major.rawValue { s.insert("重大") }
            if col("挂牌督办").byte(i) == 1 { s.insert("挂牌督办") }
            if col("整改状态").byte(i) == 1 { s.insert("已整改") }
            return s
        }
    }
    /// 行政处罚: 责令停产整顿 among 处罚种类, 事前处罚.
    var penaltyFlags: [Set<String>] {
        (0..<count).map { i in
            var s = Set<String>()
            if let kinds = texts("处罚种类")[i], kinds.contains("停产") || kinds.contains("停业") { s.insert("停产整顿") }
            if col("事前处罚").byte(i) == 1 { s.insert("事前") }
            return s
        }
    }
}

extension Dataset {
    var accidents: Records { Records(self, "事故") }
    var fires: Records { Records(self, "火灾") }
    var hazards: Records { Records(self, "隐患") }
    var inspections: Records { Records(self, "执法检查") }
    var penalties: Records { Records(self, "行政处罚") }
}
