import Dispatch
import Zip

/// Reads an .xlsx workbook: the sheet list on opening, sheets streamed row by row on demand.
/// Shared strings and styles are loaded once, the first time a sheet is read.
public final class Workbook: @unchecked Sendable {
    public let sheets: [SheetInfo]
    public let date1904: Bool
    /// The path given, used in every error message.
    public let file: String

    let archive: ZipArchive
    private let sharedStringsPart: String?
    private let stylesPart: String?
    private let lock = Lock()
    private var dateKinds: [DateKind?]?
    private var sharedStrings: SharedStringsLoad?
    private var mergesByPart: [String: [CellRange]] = [:]
    /// Sheets larger than twice this are cut into chunks of about this many inflated bytes and parsed
    /// on all cores. A tuning knob: tests and the fuzzer lower it to send small sheets the same way.
    public var parallelChunkBytes = 2 << 20

    /// A workbook file, mapped into memory; `name` (default: the path) stands for it in error messages.
    public convenience init(path: String, name: String? = nil, limits: ZipLimits = .default) throws {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(path: path, limits: limits)
        } catch {
            throw XLSXError(.zip(error), file: name ?? path)
        }
        try self.init(archive: archive, file: name ?? path)
    }

    /// A workbook held in memory; `name` stands for the file in error messages.
    public convenience init(bytes: [UInt8], name: String, limits: ZipLimits = .default) throws {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(bytes: bytes, limits: limits)
        } catch {
            throw XLSXError(.zip(error), file: name)
        }
        try self.init(archive: archive, file: name)
    }

    private init(archive: ZipArchive, file: String) throws {
        self.archive = archive
        self.file = file
        let workbookPart = try Workbook.findWorkbookPart(archive, file: file)
        let workbookElements = try Workbook.outline(archive, workbookPart, file: file, wanted: ["sheet", "workbookPr"])
        let relationships = try Workbook.relationships(archive, of: workbookPart, file: file)

        var date1904: Bool?
        var sheets: [SheetInfo] = []
        // Targets by relationship id (the first of a repeated id wins): one lookup per sheet, so a
        // workbook listing 100 000 sheets opens in linear time.
        var targets: [String: String] = [:]
        for relationship in relationships where targets[relationship.id] == nil { targets[relationship.id] = relationship.target }
        for element in workbookElements {
            if element.name == "workbookPr" {
                // Only the workbook's own <workbookPr>: Excel for Mac also writes x14/x15 ones inside
                // <extLst><ext>, which carry no date1904 and must not overwrite it.
                guard element.parent == "workbook", date1904 == nil else { continue }
                let flag = element.attributes["date1904"]?.lowercased()
                date1904 = flag == "1" || flag == "true"
            } else if element.name == "sheet" && element.parent == "sheets" {
                let visibility: SheetVisibility
                switch element.attributes["state"] {
                case "hidden": visibility = .hidden
                case "veryHidden": visibility = .veryHidden
                default: visibility = .visible
                }
                let target = element.attributes["id"].flatMap { targets[$0] } ?? ""
                sheets.append(SheetInfo(name: element.attributes["name"] ?? "Sheet\(sheets.count + 1)", index: sheets.count + 1,
                                        visibility: visibility, partPath: target))
            }
        }
        self.sheets = sheets
        self.date1904 = date1904 ?? false
        sharedStringsPart = relationships.first { $0.type.hasSuffix("/sharedStrings") }?.target
        stylesPart = relationships.first { $0.type.hasSuffix("/styles") }?.target
    }

    /// Streams the rows of one sheet in order; `row` is only valid during the call. Rows without any
    /// cell holding a value are not delivered.
    public func readRows(_ sheet: SheetInfo, _ body: (SheetRow) throws -> Void) throws {
        try readRowBatches(sheet) { batch in
            for i in 0..<batch.count { try body(batch.row(i)) }
        }
    }

    /// Streams the rows of one sheet in order, a batch at a time (a stretch of the sheet parsed
    /// together): the same rows as `readRows`, without a `String` or a `Cell` per cell. A batch
    /// may be kept and read on another thread; the text it hands out is valid during each call.
    public func readRowBatches(_ sheet: SheetInfo, _ body: (SheetRowBatch) throws -> Void) throws {
        let dateKinds = try loadDateKinds()
        let strings = sharedStringsLoad()
        let entry = try self.entry(sheet.partPath, sheet: sheet.name)
        let error = error(part: sheet.partPath, sheet: sheet.name)
        let merges: [CellRange]
        if entry.uncompressedSize > 2 * parallelChunkBytes {
            let reader = ChunkedSheetReader(chunkBytes: parallelChunkBytes, dateKinds: dateKinds, date1904: date1904, partName: entry.path)
            try reader.read(archive: archive, entry: entry, sharedStrings: strings, error: error, body)
            merges = reader.merges
        } else {
            let reader = SheetReader(dateKinds: dateKinds, date1904: date1904)
            merges = try SheetStream(archive: archive, entry: entry, error: error).read(reader: reader, sharedStrings: try strings.wait(), body)
        }
        lock.withLock { mergesByPart[sheet.partPath] = merges }
    }

    /// The merged areas of a sheet, in the order the sheet lists them.
    /// Free once the sheet has been read with `readRows`; otherwise a large sheet is inflated and only
    /// the part after its rows is parsed.
    public func mergedRanges(_ sheet: SheetInfo) throws -> [CellRange] {
        if let known = lock.withLock({ mergesByPart[sheet.partPath] }) { return known }
        let entry = try self.entry(sheet.partPath, sheet: sheet.name)
        let error = error(part: sheet.partPath, sheet: sheet.name)
        if entry.uncompressedSize > 2 * parallelChunkBytes,
           let ranges = try MergeScan.ranges(archive: archive, entry: entry, error: error) {
            lock.withLock { mergesByPart[sheet.partPath] = ranges }
            return ranges
        }
        let reader = MergeReader()
        try SheetStream(archive: archive, entry: entry, error: error).parseWhole(handler: reader)
        lock.withLock { mergesByPart[sheet.partPath] = reader.ranges }
        return reader.ranges
    }

    // MARK: - Parts

    private func error(part: String?, sheet: String?) -> (XLSXError.Kind, String?) -> XLSXError {
        let file = self.file
        return { kind, cell in XLSXError(kind, file: file, part: part, sheet: sheet, cell: cell) }
    }

    private func entry(_ part: String, sheet: String?) throws -> ZipEntry {
        guard !part.isEmpty, let entry = archive.entry(part) else {
            throw XLSXError(.missingPart, file: file, part: part.isEmpty ? nil : part, sheet: sheet)
        }
        return entry
    }

    /// Date kinds of the cell styles, loaded once.
    private func loadDateKinds() throws -> [DateKind?] {
        try lock.withLock {
            if let dateKinds { return dateKinds }
            var kinds: [DateKind?] = []
            if let part = stylesPart, archive.entry(part) != nil {
                kinds = try Workbook.dateKinds(archive, part, file: file)
            }
            dateKinds = kinds
            return kinds
        }
    }

    /// The shared strings, loading on a worker thread the first time, so that a sheet's chunks are
    /// already being parsed while the table is read (cells keep string indices until delivery).
    private func sharedStringsLoad() -> SharedStringsLoad {
        lock.withLock {
            if let sharedStrings { return sharedStrings }
            guard let part = sharedStringsPart, let entry = archive.entry(part) else {
                let load = SharedStringsLoad(strings: [])
                sharedStrings = load
                return load
            }
            let archive = self.archive
            let file = self.file
            let chunked = entry.uncompressedSize > 2 * parallelChunkBytes
            let load = SharedStringsLoad {
                Result {
                    let error = { (kind: XLSXError.Kind, cell: String?) in XLSXError(kind, file: file, part: part, cell: cell) }
                    let stream = SheetStream(archive: archive, entry: entry, error: error)
                    let reader = SharedStringsReader()
                    if chunked {
                        // Inflated whole, then parsed in pieces on every core (or whole, when it cannot be cut).
                        let xml: [UInt8]
                        do throws(ZipError) { xml = try archive.read(entry) } catch { throw XLSXError(.zip(error), file: file, part: part) }
                        if let table = ChunkedSharedStringsReader.read(xml, partName: entry.path, pieces: 4 * ChunkedSheetReader.activeProcessors) {
                            return table
                        }
                        try stream.parseWhole(handler: reader, bytes: xml)
                    } else {
                        try stream.parseWhole(handler: reader)
                    }
                    var strings = reader.strings
                    strings.compact()
                    return strings
                }
            }
            sharedStrings = load
            return load
        }
    }

    /// cellXfs index → date kind from its number format (a `<numFmt>` of the same id wins over the
    /// built-in meaning, as in Excel).
    static func dateKinds(_ archive: ZipArchive, _ part: String, file: String) throws -> [DateKind?] {
        let elements = try outline(archive, part, file: file, wanted: ["numFmt", "xf"])
        var codes: [Int: String] = [:]
        for element in elements where element.name == "numFmt" {
            if let id = element.attributes["numFmtId"].flatMap({ Int($0) }), let code = element.attributes["formatCode"] {
                codes[id] = code
            }
        }
        return elements.filter { $0.name == "xf" && $0.parent == "cellXfs" }.map { element in
            let id = element.attributes["numFmtId"].flatMap { Int($0) } ?? 0
            if let code = codes[id] { return NumberFormat.dateKind(code: code) }
            return NumberFormat.builtinDateKind(id)
        }
    }

    struct Relationship {
        let id: String
        let type: String
        let target: String
    }

    /// The relationships of a part, targets resolved to part names; external targets left out.
    static func relationships(_ archive: ZipArchive, of part: String, file: String) throws -> [Relationship] {
        let path = PartPath.relationships(of: part)
        guard archive.entry(path) != nil else { return [] }
        return try outline(archive, path, file: file, wanted: ["Relationship"]).compactMap { element in
            guard element.attributes["TargetMode"] != "External", let id = element.attributes["Id"],
                  let target = element.attributes["Target"] else { return nil }
            return Relationship(id: id, type: element.attributes["Type"] ?? "", target: PartPath.resolve(target, from: part))
        }
    }

    /// The main workbook part: from the package relationships (officeDocument), else from the content
    /// types, else the usual name. Transitional and Strict relationship types both end in /officeDocument.
    static func findWorkbookPart(_ archive: ZipArchive, file: String) throws -> String {
        if let office = try relationships(archive, of: "", file: file).first(where: { $0.type.hasSuffix("/officeDocument") }),
           archive.entry(office.target) != nil {
            return office.target
        }
        if archive.entry("[Content_Types].xml") != nil {
            let overrides = try outline(archive, "[Content_Types].xml", file: file, wanted: ["Override"])
            for element in overrides {
                let type = element.attributes["ContentType"] ?? ""
                if type.contains("spreadsheetml.sheet.main+xml") || type.contains("spreadsheetml.template.main+xml")
                    || type.contains("ms-excel.sheet.macroEnabled.main+xml") || type.contains("ms-excel.template.macroEnabled.main+xml"),
                   let name = element.attributes["PartName"], archive.entry(name) != nil {
                    return PartPath.resolve(name, from: "")
                }
            }
        }
        if archive.entry("xl/workbook.xml") != nil { return "xl/workbook.xml" }
        throw XLSXError(.notAWorkbook, file: file)
    }

    static func outline(_ archive: ZipArchive, _ part: String, file: String, wanted: Set<String>) throws -> [PartOutline.Element] {
        guard let entry = archive.entry(part) else { throw XLSXError(.missingPart, file: file, part: part) }
        let outline = PartOutline(wanted: wanted)
        try SheetStream(archive: archive, entry: entry, error: { kind, cell in XLSXError(kind, file: file, part: part, cell: cell) })
            .parseWhole(handler: outline)
        return outline.elements
    }
}
