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
func ingest(_ files: [MemoryFile], config: RegionConfig = RegionConfig(), headerAliases: [Field: [String]] = [:],
            strict: Bool = false) -> IngestResult {
    let context = IngestContext(config: config, headerAliases: headerAliases, strict: strict)
    let sorted = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    var merger = DatasetMerger(config: config, paths: sorted.map(\.path))
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
    let records = d.accidents.count + d.fires.count + d.hazards.count + d.inspections.count + d.penalties.count
        + d.targets.count - d.config.targets.count
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
