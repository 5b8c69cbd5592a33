/// The cells of a sheet being written, kept compactly until the workbook is written: 24 bytes a cell
/// (a `CellInput` takes 72), each distinct text once per sheet, styles as small per-sheet numbers.
/// Workbook-wide shared-string and style numbers are only known when all sheets are, at `bytes()`.
struct StoredRows: Sendable {
    enum Kind: UInt8, Sendable {
        case text, number, date, nonFinite, literal, bool, formula, formulaWithoutValue
        /// No value, only a style (a framed empty cell of a table).
        case blank
    }

    struct StoredCell: Sendable {
        var column: Int32
        var kind: Kind
        /// 0 = default style; otherwise 1 + index into `styleRequests`.
        var style: UInt16
        /// Index into `strings` (text) or `texts` (literal, formula).
        var index: UInt32
        /// Number, corrected date serial (days since 1899-12-30), cached formula value, or 1/0.
        var number: Double
    }

    struct StyleRequest: Hashable, Sendable {
        let format: String?
        let style: CellStyle

        init(format: String?, style: CellStyle = CellStyle()) {
            self.format = format
            self.style = style
        }
    }

    private(set) var cells: [StoredCell] = []
    /// End index in `cells` of each row.
    private(set) var rowEnds: [Int32] = []
    /// Distinct texts of text cells, in first-use order, and how often each is used.
    private(set) var strings: [String] = []
    private(set) var stringReferences: [Int] = []
    private var stringIndex: [[UInt8]: UInt32] = [:]
    /// Literal values and formulas, one per cell.
    private(set) var texts: [String] = []
    private(set) var styleRequests: [StyleRequest] = []
    private var styleIndex: [StyleRequest: UInt16] = [:]

    mutating func append(_ row: [CellInput]) {
        for (column, input) in row.enumerated() where column <= CellReference.maxColumn {
            var cell = StoredCell(column: Int32(column), kind: .number, style: 0, index: 0, number: 0)
            guard store(input, in: &cell, style: CellStyle()) else { continue }
            cells.append(cell)
        }
        rowEnds.append(Int32(cells.count))
    }

    /// Fills `cell` from `input` with the look `look` (plain unless the input is `.styled`);
    /// false for an empty cell that needs no element.
    private mutating func store(_ input: CellInput, in cell: inout StoredCell, style look: CellStyle) -> Bool {
        switch input {
        case .empty:
            // A styled empty cell keeps its borders: a table's blank cell is still framed.
            if look.isPlain { return false }
            cell.kind = .blank
            cell.style = style(StyleRequest(format: nil, style: look))
        case .text(let text, let bold):
            cell.kind = .text
            cell.index = string(text)
            var look = look
            if bold { look.bold = true }
            cell.style = style(StyleRequest(format: nil, style: look))
        case .number(let value, let format):
            cell.kind = value.isFinite ? .number : .nonFinite
            cell.number = value
            cell.style = style(StyleRequest(format: format, style: look))
        case .literal(let text):
            cell.kind = .literal
            cell.index = UInt32(texts.count)
            texts.append(text)
            cell.style = style(StyleRequest(format: nil, style: look))
        case .bool(let flag):
            cell.kind = .bool
            cell.number = flag ? 1 : 0
            cell.style = style(StyleRequest(format: nil, style: look))
        case .date(let year, let month, let day, let format):
            cell.kind = .date
            cell.number = Double(ExcelDate.serial(year: year, month: month, day: day))
            cell.style = style(StyleRequest(format: format, style: look))
        case .dateTime(let year, let month, let day, let hour, let minute, let second, let format):
            cell.kind = .date
            let seconds = Double(hour * 3600 + minute * 60 + second)
            cell.number = Double(ExcelDate.serial(year: year, month: month, day: day)) + seconds / 86_400
            cell.style = style(StyleRequest(format: format, style: look))
        case .formula(let formula, let cached):
            cell.kind = cached.isFinite ? .formula : .formulaWithoutValue
            cell.number = cached
            cell.index = UInt32(texts.count)
            texts.append(formula.hasPrefix("=") ? String(formula.dropFirst()) : formula)
            cell.style = style(StyleRequest(format: nil, style: look))
        case .styled(let inner, let outer):
            var merged = outer
            merged.bold = outer.bold || look.bold
            return store(inner, in: &cell, style: merged)
        }
        return true
    }

    /// Keyed by UTF-8 bytes: hashing a String normalises it first, which is slow for Chinese text.
    private mutating func string(_ text: String) -> UInt32 {
        let key = Array(text.utf8)
        if let index = stringIndex[key] {
            stringReferences[Int(index)] += 1
            return index
        }
        let index = UInt32(strings.count)
        strings.append(text)
        stringReferences.append(1)
        stringIndex[key] = index
        return index
    }

    /// General in the plain style is the default style and needs no entry.
    private mutating func style(_ request: StyleRequest) -> UInt16 {
        if request.style.isPlain && (request.format == nil || request.format == "" || request.format == "General") { return 0 }
        if let index = styleIndex[request] { return index }
        // 65 535 distinct formats in one sheet is not a real workbook; further ones fall back to General.
        guard styleRequests.count < Int(UInt16.max) else { return 0 }
        styleRequests.append(request)
        let index = UInt16(truncatingIfNeeded: styleRequests.count)
        styleIndex[request] = index
        return index
    }
}
