/// Prints a sheet as `safetystats inspect` shows it (INPUTS.md §"inspect format"): CSV, one line per
/// row from row 1 to the last row holding a non-empty cell, trailing empty cells trimmed.
public enum SheetInspector {
    /// The whole sheet as one string. `sheet` is a sheet name, or else a 1-based sheet number.
    public static func csv(workbookPath: String, sheet: String) throws -> String {
        let workbook = try Workbook(path: workbookPath)
        let info = try resolve(workbook, sheet)
        var text = ""
        try write(workbook, info) { text += $0 }
        return text
    }

    /// Finds a sheet by exact name, then by name ignoring case, then by 1-based number.
    public static func resolve(_ workbook: some SheetSource, _ sheet: String) throws -> SheetInfo {
        if let byName = workbook.sheet(named: sheet) { return byName }
        if let number = Int(sheet), let byNumber = workbook.sheet(at: number) { return byNumber }
        throw XLSXError(.unknownSheet(sheet), file: workbook.file)
    }

    /// Streams the CSV of one sheet to `output` a line (or a run of empty lines) at a time.
    public static func write(_ workbook: some SheetSource, _ sheet: SheetInfo, to output: (String) throws -> Void) throws {
        var lastWritten = 0
        try workbook.readRows(sheet) { row in
            guard let line = line(row) else { return }
            if row.number > lastWritten + 1 {
                try output(String(repeating: "\n", count: row.number - lastWritten - 1))
            }
            try output(line + "\n")
            lastWritten = row.number
        }
    }

    /// The CSV line of a row without its newline, or nil when every cell renders empty.
    static func line(_ row: SheetRow) -> String? {
        var line = ""
        var previousColumn = 0
        var any = false
        for cell in row.cells {
            let text = InspectFormat.render(cell.value)
            guard !text.isEmpty else { continue }
            // One comma per column boundary crossed since the previous non-empty field.
            line += String(repeating: ",", count: cell.column - previousColumn)
            line += quoted(text)
            previousColumn = cell.column
            any = true
        }
        return any ? line : nil
    }

    /// RFC 4180: quote only fields containing a comma, double quote, CR or LF; double the quotes.
    static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return field }
        var result = "\""
        for character in field {
            if character == "\"" { result += "\"\"" } else { result.append(character) }
        }
        return result + "\""
    }
}
