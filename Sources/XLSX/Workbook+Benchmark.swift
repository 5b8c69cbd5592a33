import Zip

extension Workbook {
    /// The floor of reading a sheet: inflate and libxml2's push SAX2 parser with callbacks that do
    /// nothing, on one thread. For benchmarks: returns the inflated size in bytes.
    @discardableResult
    public func benchmarkFloor(_ sheet: SheetInfo) throws -> Int {
        guard let entry = archive.entry(sheet.partPath) else { throw XLSXError(.missingPart, file: file, part: sheet.partPath) }
        var size = 0
        let handler = SAXHandler()
        try SheetStream(archive: archive, entry: entry, error: { kind, cell in XLSXError(kind, file: self.file, cell: cell) })
            .parseWhole(handler: handler) { size += $0 }
        return size
    }

    /// Inflate only, for benchmarks: returns the inflated size in bytes.
    @discardableResult
    public func benchmarkInflate(_ sheet: SheetInfo) throws -> Int {
        guard let entry = archive.entry(sheet.partPath) else { throw XLSXError(.missingPart, file: file, part: sheet.partPath) }
        var size = 0
        try archive.stream(entry) { size += $0.count }
        return size
    }
}
