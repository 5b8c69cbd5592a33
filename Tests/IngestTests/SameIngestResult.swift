import Testing
@testable import Ingest
import Model

/// Everything a run yields that another way of reading the same files (chunks, bytes instead of
/// text) could change, compared one by one so a failure says which.
func expectSameIngestResult(_ a: IngestResult, _ b: IngestResult, _ label: String) {
    #expect(a.files == b.files, "\(label): file reports")
    #expect(a.rejects == b.rejects, "\(label): rejects")
    #expect(a.warnings == b.warnings, "\(label): warnings")
    #expect(a.duplicates == b.duplicates, "\(label): duplicates")
    #expect(a.dataset.dictionaries.map(\.strings) == b.dataset.dictionaries.map(\.strings), "\(label): dictionaries")
    #expect(a.dataset.sheetNames.strings == b.dataset.sheetNames.strings, "\(label): sheet names")
    #expect(a.dataset.targets == b.dataset.targets, "\(label): targets")
    #expect(a.dataset.emptyRegisters == b.dataset.emptyRegisters, "\(label): empty registers")
    for (x, y) in zip(a.dataset.tables, b.dataset.tables) {
        #expect(x.count == y.count, "\(label): kind \(x.kind) count")
        #expect(x.part == y.part, "\(label): kind \(x.kind) parts")
        #expect(x.provenance == y.provenance, "\(label): kind \(x.kind) provenance")
        #expect((0..<x.count).map(x.values(at:)) == (0..<y.count).map(y.values(at:)), "\(label): kind \(x.kind) values")
    }
}
