import CSV
import Dispatch
import Foundation
import Model
import XLS
import Zip

public struct IngestOptions: Sendable {
    /// `--strict`: rows naming a district (or 镇街) the config does not list are rejected instead of
    /// kept under their own name with a warning.
    public var strict: Bool
    /// Zip-bomb limits for workbooks; nil for `ZipLimits.default`.
    public var zipLimits: ZipLimits?
    /// Size limits for legacy .xls/.et workbooks; nil for `XLSLimits.default`.
    public var xlsLimits: XLSLimits?
    /// Read files in parallel across cores (the result is the same either way).
    public var parallel: Bool
    /// Rows per chunk when a large sheet's rows are turned into records on several cores; nil for
    /// the default. The result is the same for every size (tests vary it).
    public var rowsPerChunk: Int?
    /// Each file's SHA-256 for manifest.json (`FileReport.sha256`). Commands that show no hash
    /// (`check`, `explain`, `variables`) turn it off: hashing a 200 MB CSV is a tenth of a core-second, on a
    /// core the rows are also turned into records on.
    public var checksums = true

    /// Called once per input file when it has been read (on the thread that read it, so possibly
    /// several at once), for progress on a terminal.
    public var progress: (@Sendable (FileDone) -> Void)?

    /// One file read: its path relative to the inputs folder, its data rows, and how many files the run reads.
    public struct FileDone: Sendable {
        public let path: String
        public let rows: Int
        public let totalFiles: Int
    }

    public init(strict: Bool = false, zipLimits: ZipLimits? = nil, xlsLimits: XLSLimits? = nil, parallel: Bool = true) {
        self.strict = strict
        self.zipLimits = zipLimits
        self.xlsLimits = xlsLimits
        self.parallel = parallel
    }
}

/// Inputs folder → columnar model, with every row accounted for (INPUTS.md).
public enum Ingest {
    /// Reads every export under `directory` (and its config.toml).
    ///
    /// Throws `IngestError` only when the folder itself is unusable or config.toml is invalid (the
    /// error names the line); a file that cannot be read is reported in its `FileReport.error`.
    public static func run(inputs directory: String, options: IngestOptions = .init()) throws -> IngestResult {
        let files = try InputFiles(root: directory)

        var loaded = ConfigFile.Loaded.none
        if let entry = files.entries.first(where: { $0.format == .toml }) {
            guard let data = FileManager.default.contents(atPath: files.absolute(entry)) else {
                throw IngestError(path: entry.path, message: "无法读取")
            }
            guard let text = String(bytes: data, encoding: .utf8) else {
                throw IngestError(path: entry.path, message: "不是 UTF-8 编码的文本")
            }
            loaded = try ConfigFile.load(text: text, path: entry.path)
        }
        var configured = IngestContext(config: loaded.config, catalog: loaded.catalog, headerAliases: loaded.headerAliases,
                                       strict: options.strict)
        if let rows = options.rowsPerChunk {
            configured.rowsPerChunk = rows
            configured.chunksOnlyOnIdleCores = false
        }
        let context = configured
        let limits = options.zipLimits ?? .default
        let xlsLimits = options.xlsLimits ?? .default

        let entries = files.entries
        let results = PartialResults(count: entries.count)
        let work: @Sendable (Int) -> Void = { i in
            context.load.begin()
            let partial = ingestFile(entries[i], index: i, files: files, context: context, limits: limits, xlsLimits: xlsLimits,
                                     checksums: options.checksums)
            context.load.end()
            let size = partial.report.size
            let done = IngestOptions.FileDone(path: partial.report.path, rows: partial.report.read, totalFiles: entries.count)
            results.set(i, partial)
            options.progress?(done)
            releaseFreedMemory(afterReading: size)
        }
        var merger = DatasetMerger(config: loaded.config, catalog: loaded.catalog, paths: entries.map(\.path))
        for w in loaded.warnings { merger.warn(w, file: 0) }
        let corrections = CorrectionFiles(paths: entries.map(\.path))
        var early: [Int: FilePartial] = [:]
        let parallel = options.parallel && entries.count > 1
        // A file's partial: taken as the workers finish it (in parallel), or read here.
        func obtain(_ i: Int) -> FilePartial {
            if let p = early.removeValue(forKey: i) { return p }
            if !parallel { work(i) }
            return results.take(i)
        }
        func mergeAll() {
            for i in entries.indices {
                var partial = obtain(i)
                correct(&partial, index: i, corrections: corrections, catalog: loaded.catalog) { c in
                    if early[c] == nil { early[c] = obtain(c) }
                    return early[c]!
                } update: { c, p in early[c] = p }
                merger.merge(partial)
            }
        }
        if parallel {
            // Workers read files on every core while this thread merges them in path order as
            // they complete, so the (sequential) merge overlaps the reading.
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                DispatchQueue.concurrentPerform(iterations: entries.count, execute: work)
                done.signal()
            }
            mergeAll()
            done.wait()
        } else {
            mergeAll()
        }
        var result = merger.finish()
        result.ignoredFiles = files.ignored
        result.skippedEntries = files.skipped
        return result
    }

    /// Reads, checksums and ingests one file; never throws: a file that cannot be read comes back
    /// with its error. Files over 1 MB are checksummed on their own thread while they are parsed.
    static func ingestFile(_ entry: InputFiles.Entry, index: Int, files: InputFiles, context: IngestContext,
                           limits: ZipLimits, xlsLimits: XLSLimits = .default, checksums: Bool = true) -> FilePartial {
        let path = files.absolute(entry)
        let report = FileReport(path: entry.path, size: 0, sha256: "", format: entry.format.rawValue)
        func failed(_ message: String) -> FilePartial {
            FileIngestor.unreadable(catalog: context.catalog, fileIndex: index, report: report, message: message)
        }
        func reading(_ body: (inout FileIngestor) throws -> Void) -> FilePartial {
            var ingestor = FileIngestor(context: context, fileIndex: index, report: report)
            do {
                try body(&ingestor)
                return ingestor.partial
            } catch {
                return failed("\(error)")
            }
        }

        let checksum: Checksum
        var partial: FilePartial
        switch entry.format {
        case .xlsx, .xls:
            // A workbook is mapped (its pages given back as they are inflated) and checksummed
            // through a small buffer, so a large one is never wholly resident. Which reader is
            // decided by the content: an .xls renamed .xlsx (or the reverse) is read as what it is.
            var info = stat()
            guard stat(path, &info) == 0 else { return failed("无法读取文件") }
            checksum = checksums ? Checksum(large: info.st_size > 1 << 20) { InputFiles.checksum(path) }
                : Checksum(unhashed: Int(info.st_size))
            if XLSFileReader.reads(path, named: entry.format) {
                partial = reading { try XLSFileReader.read(path: path, name: report.path, limits: xlsLimits, into: &$0) }
            } else {
                partial = reading { try XLSXFileReader.read(path: path, name: report.path, limits: limits, into: &$0) }
            }
        case .csv, .toml, .unsupported:
            var info = stat()
            if stat(path, &info) == 0, Int(info.st_size) > InputFiles.maxFileSize {
                return failed("文件超过 \(InputFiles.maxFileSize >> 20) MB 上限，未读取 (file over the size limit)")
            }
            // A CSV is mapped (see `FileBytes`); what cannot be (an empty file, the config), read.
            let mapped = entry.format == .csv ? FileBytes(mapping: path, limit: InputFiles.maxFileSize) : nil
            guard let bytes = mapped ?? InputFiles.read(path).map(FileBytes.init(array:)) else { return failed("无法读取文件") }
            checksum = checksums ? Checksum(bytes: bytes) : Checksum(unhashed: bytes.count)
            switch entry.format {
            case .csv:
                // A GB18030 file's bytes are given back once decoded (and hashed); a large file's
                // pages, once hashed and read into records.
                let hashed = { [checksum] in checksum.hashed }
                partial = reading { try CSVFileReader.read(file: bytes, name: report.path, hashed: hashed, into: &$0) }
            case .unsupported:
                partial = failed("不支持的文件格式，请另存为 .xlsx、.xls 或 .csv")
            default:    // config.toml: listed with its checksum, read by `ConfigFile`
                partial = FilePartial(fileIndex: Int32(index), report: report, catalog: context.catalog)
            }
        }
        guard let (size, digest) = checksum.value() else { return failed("无法读取文件") }
        partial.report.size = size
        partial.report.sha256 = digest.isEmpty ? "" : SHA256.hex(digest)
        return partial
    }
}

/// Applies correction files (CorrectionFiles) to file `index` before it is merged: for each kind
/// it has records of, the next file of its correction chain that also has records of that kind
/// decides — when that file's records have no ids, it replaces this file's records of the kind
/// entirely; when they have ids, they replace records by id in the merge (and this file's other
/// records stay). `peek` gives a later file's partial (read ahead), `update` stores it back.
private func correct(_ partial: inout FilePartial, index: Int, corrections: CorrectionFiles, catalog: Catalog,
                     peek: (Int) -> FilePartial, update: (Int, FilePartial) -> Void) {
    let chain: [Int]
    if let original = corrections.original[index] {
        chain = (corrections.corrections[original] ?? []).filter { $0 > index }
    } else {
        chain = corrections.corrections[index] ?? []
    }
    guard !chain.isEmpty else { return }
    var superseded: [String: [Int]] = [:]
    for k in catalog.kinds.indices where partial.tables[k].count > 0 || partial.emptyRegisters.contains(where: { $0.kind == k }) {
        for c in chain {
            var later = peek(c)
            let records = later.records(of: k, idColumn: catalog.kinds[k].id)
            let emptyRegister = later.emptyRegisters.contains { $0.kind == k }
            guard records.any || emptyRegister else { continue }
            later.report.corrects = partial.report.path
            later.report.correction[catalog.kinds[k].name] = records.allWithIDs ? "按编号替换" : "整份替换"
            update(c, later)
            if !records.allWithIDs { superseded[later.report.path, default: []].append(k) }
            break
        }
    }
    for (path, kinds) in superseded.sorted(by: { $0.key < $1.key }) {
        partial.supersede(kinds: kinds, by: path, catalog: catalog)
    }
}

/// Gives the memory a large file's reading freed back to the system. Its parse buffers and strings
/// were allocated on worker threads, in malloc arenas that glibc does not shrink by itself: after a
/// million-row workbook that was about 70 MB held for nothing while the merge needed more.
private func releaseFreedMemory(afterReading size: Int) {
    #if canImport(Glibc)
    if size > 8 << 20 { _ = mallocTrim(0) }
    #endif
}

#if canImport(Glibc)
/// glibc's malloc_trim (malloc.h is not part of the Glibc module).
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
#endif

/// Per-file results written by parallel workers, taken in file order (waiting for each).
private final class PartialResults: @unchecked Sendable {
    private var items: [FilePartial?]
    private let condition = NSCondition()

    init(count: Int) { items = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ p: FilePartial) {
        condition.lock()
        items[i] = p
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until file `i` is done; its memory is released once merged.
    func take(_ i: Int) -> FilePartial {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let p = items[i] {
                items[i] = nil
                return p
            }
            condition.wait()
        }
    }
}
