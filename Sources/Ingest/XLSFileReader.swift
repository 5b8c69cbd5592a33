import XLS
import XLSX

/// Feeds a legacy .xls/.et workbook's sheets, in workbook order, to a `FileIngestor` — the same rows
/// as an .xlsx gives (`XLSXGridRow`), so everything after this treats both alike.
enum XLSFileReader {
    /// Whether a workbook entry is read as .xls: by content, so an .xls renamed .xlsx is read as
    /// .xls and an .xlsx renamed .xls as .xlsx; a named .xls that is neither gets the .xls error.
    static func reads(_ path: String, named format: InputFiles.Format) -> Bool {
        if XLSWorkbook.fileIsCompound(path) { return true }
        return format == .xls && !InputFiles.startsWithZipSignature(path)
    }

    static func read(path: String, name: String, limits: XLSLimits = .default, into ingestor: inout FileIngestor) throws {
        let workbook = try XLSWorkbook(path: path, name: name, limits: limits)
        for sheet in workbook.sheets {
            try ingestor.addSheet(name: sheet.name, index: sheet.index) { ingest, partial in
                try workbook.readRows(sheet) { row in
                    ingest.consume(XLSXGridRow(row: row), into: &partial)
                }
            }
        }
    }
}
