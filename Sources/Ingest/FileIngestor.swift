import Model

/// Ingests the sheets of one file into a `FilePartial`. Readers drive it: for each sheet they call
/// `addSheet` and feed its rows, in order.
struct FileIngestor {
    let context: IngestContext
    private(set) var partial: FilePartial
    private let names: HeaderDetector.Names

    init(context: IngestContext, fileIndex: Int, report: FileReport) {
        self.context = context
        partial = FilePartial(fileIndex: Int32(fileIndex), report: report, catalog: context.catalog)
        names = FileIngestor.names(of: report.path)
    }

    /// The file name without extension, and its folders nearest first.
    static func names(of path: String) -> HeaderDetector.Names {
        var parts = path.split(separator: "/").map(String.init)
        let file = parts.popLast() ?? path
        var stem = file
        if let dot = file.lastIndex(of: "."), dot > file.startIndex { stem = String(file[..<dot]) }
        return HeaderDetector.Names(sheet: nil, file: stem, folders: parts.reversed())
    }

    /// Reads one sheet (`name` nil for a CSV file): `feed` pushes its rows into the ingestor.
    mutating func addSheet(name: String?, index: Int,
                           _ feed: (inout SheetIngestor, inout FilePartial) throws -> Void) rethrows {
        var sheetNames = names
        sheetNames.sheet = name
        var sheet = SheetIngestor(context: context, names: sheetNames, sheetName: name, index: index,
                                  reportIndex: partial.report.sheets.count)
        try feed(&sheet, &partial)
        let report = sheet.finish(into: &partial)
        partial.report.sheets.append(report)
    }

    mutating func setEncoding(_ encoding: String, delimiter: UInt8) {
        partial.report.encoding = encoding
        partial.report.delimiter = delimiter == 9 ? "\\t" : String(UnicodeScalar(delimiter))
    }

    /// The file could not be read: nothing from it counts, and its report carries the message.
    static func unreadable(catalog: Catalog, fileIndex: Int, report: FileReport, message: String) -> FilePartial {
        var r = report
        r.error = message
        r.sheets = []
        return FilePartial(fileIndex: Int32(fileIndex), report: r, catalog: catalog)
    }
}
