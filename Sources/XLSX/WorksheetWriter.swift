/// One sheet of a workbook being written. Rows are appended top to bottom starting at row 1.
public struct WorksheetWriter: Sendable {
    public var name: String
    public var hidden = false
    /// Rows kept in view at the top (a frozen pane); 0 for none.
    public var frozenRows = 0
    /// Columns kept in view at the left (the row labels of a wide table); 0 for none.
    public var frozenColumns = 0
    /// 0-based column → width in characters.
    public var columnWidths: [Int: Double] = [:]
    /// Write strings as `inlineStr` cells instead of shared strings (as some reporting systems do).
    public var inlineStrings = false
    /// Leave out the `r=` attributes of rows and cells (as some generators do); gaps are then kept
    /// by writing empty `<c/>` cells and `<row/>` rows.
    public var omitCellReferences = false
    /// 1-based row → height in points (a title row taller than the rest).
    public var rowHeights: [Int: Double] = [:]
    /// How the sheet prints; nil leaves Excel's defaults (portrait, 100 %).
    public var pageSetup: PageSetup?

    /// Printing: paper, orientation, fitting, rows repeated on every page, footer.
    public struct PageSetup: Sendable, Equatable {
        public enum Orientation: String, Sendable { case portrait, landscape }

        public var orientation: Orientation
        /// Pages across that the sheet is shrunk to fit (1: no column is torn from its row labels).
        public var fitToWidth: Int?
        /// Pages down (0: as many as the rows need).
        public var fitToHeight: Int?
        /// 1-based rows printed at the top of every page (title and header rows).
        public var repeatRows: ClosedRange<Int>?
        public var centerHorizontally: Bool
        /// An Excel footer code, e.g. `&C第 &P 页`.
        public var footer: String?

        public init(orientation: Orientation = .portrait, fitToWidth: Int? = nil, fitToHeight: Int? = nil,
                    repeatRows: ClosedRange<Int>? = nil, centerHorizontally: Bool = false, footer: String? = nil) {
            self.orientation = orientation
            self.fitToWidth = fitToWidth
            self.fitToHeight = fitToHeight
            self.repeatRows = repeatRows
            self.centerHorizontally = centerHorizontally
            self.footer = footer
        }

        var fitsToPage: Bool { fitToWidth != nil || fitToHeight != nil }
    }

    private(set) var rows = StoredRows()
    private(set) var merges: [CellRange] = []

    public init(name: String) {
        self.name = name
    }

    /// Appends the next row; `[]` is a blank row. Cells are kept in a compact form (about 24 bytes
    /// each, texts once per sheet) until the workbook is written.
    public mutating func append(_ row: [CellInput]) {
        rows.append(row)
    }

    /// Merges a range such as `"A1:H1"`. A string that is not a range is ignored.
    public mutating func merge(_ range: String) {
        if let parsed = CellRange(range), parsed.first != parsed.last { merges.append(parsed) }
    }

    /// Number of rows appended so far.
    public var rowCount: Int { rows.rowEnds.count }

    /// The worksheet part. Strings and styles are numbered in the workbook-wide catalogs, in the order
    /// this sheet first uses them.
    func worksheetXML(tabSelected: Bool, styles: inout StyleCatalog, strings: inout SharedStringCatalog, date1904: Bool) -> [UInt8] {
        let styleIDs = rows.styleRequests.map { styles.index(format: $0.format, style: $0.style) }
        var stringIDs: [Int] = []
        if !inlineStrings {
            stringIDs = rows.strings.indices.map { strings.index(rows.strings[$0], references: rows.stringReferences[$0]) }
        }
        // The dimension goes before the rows, so find the last row and column first.
        var lastRow = 0
        var lastColumn = 0
        var previousEnd: Int32 = 0
        for (rowOffset, end) in rows.rowEnds.enumerated() {
            if end > previousEnd {
                lastRow = rowOffset + 1
                lastColumn = max(lastColumn, Int(rows.cells[Int(end) - 1].column))
            }
            previousEnd = end
        }

        var xml = Array(XMLPart.declaration.utf8)
        xml.reserveCapacity(rows.cells.count * 40 + rows.rowEnds.count * 24 + 2048)  // ≈ what a cell takes, so no regrowth
        xml.append(contentsOf: "<worksheet xmlns=\"\(XMLPart.mainNamespace)\" xmlns:r=\"\(XMLPart.relationshipsNamespace)\">".utf8)
        if pageSetup?.fitsToPage == true {
            xml.append(contentsOf: "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>".utf8)
        }
        let dimension = lastRow == 0 ? "A1" : "A1:\(CellReference(row: lastRow, column: lastColumn))"
        xml.append(contentsOf: "<dimension ref=\"\(dimension)\"/>".utf8)
        xml.append(contentsOf: "<sheetViews><sheetView\(tabSelected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\"".utf8)
        if frozenColumns > 0 {
            // Rows and columns: the pane below and right of both is the active one.
            let topLeft = "\(CellReference.columnName(frozenColumns))\(frozenRows + 1)"
            let ySplit = frozenRows > 0 ? " ySplit=\"\(frozenRows)\"" : ""
            let pane = frozenRows > 0 ? "bottomRight" : "topRight"
            xml.append(contentsOf: "><pane xSplit=\"\(frozenColumns)\"\(ySplit) topLeftCell=\"\(topLeft)\" activePane=\"\(pane)\" state=\"frozen\"/>".utf8)
            xml.append(contentsOf: "<selection pane=\"\(pane)\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/></sheetView>".utf8)
        } else if frozenRows > 0 {
            let topLeft = "A\(frozenRows + 1)"
            xml.append(contentsOf: "><pane ySplit=\"\(frozenRows)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomLeft\" state=\"frozen\"/>".utf8)
            xml.append(contentsOf: "<selection pane=\"bottomLeft\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/></sheetView>".utf8)
        } else {
            xml.append(contentsOf: "/>".utf8)
        }
        xml.append(contentsOf: "</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>".utf8)
        let widths = columnWidths.filter { $0.key >= 0 && $0.key <= CellReference.maxColumn && $0.value.isFinite && $0.value > 0 }
        if !widths.isEmpty {
            xml.append(contentsOf: "<cols>".utf8)
            for (column, width) in widths.sorted(by: { $0.key < $1.key }) {
                let clamped = min(width, 255)
                xml.append(contentsOf: "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(InspectFormat.renderNumber(clamped))\" customWidth=\"1\"/>".utf8)
            }
            xml.append(contentsOf: "</cols>".utf8)
        }
        if lastRow == 0 && !(omitCellReferences && !rows.rowEnds.isEmpty) {
            xml.append(contentsOf: "<sheetData/>".utf8)
        } else {
            xml.append(contentsOf: "<sheetData>".utf8)
            var columnNames: [[UInt8]] = []
            var rowDigits: [UInt8] = []
            var start = 0
            for (rowOffset, end) in rows.rowEnds.enumerated() {
                let rowNumber = rowOffset + 1
                let rowStart = start
                start = Int(end)
                guard rowStart < Int(end) else {
                    if omitCellReferences { xml.append(contentsOf: "<row/>".utf8) }
                    continue
                }
                let occupied = Int(rows.cells[Int(end) - 1].column)
                rowDigits.removeAll(keepingCapacity: true)
                WorksheetWriter.appendDigits(rowNumber, to: &rowDigits)
                while columnNames.count <= occupied { columnNames.append(Array(CellReference.columnName(columnNames.count).utf8)) }
                if omitCellReferences {
                    xml.append(contentsOf: "<row>".utf8)
                } else {
                    xml.append(contentsOf: "<row r=\"".utf8)
                    xml.append(contentsOf: rowDigits)
                    if let height = rowHeights[rowNumber], height.isFinite, height > 0 {
                        xml.append(contentsOf: "\" ht=\"\(InspectFormat.renderNumber(min(height, 409)))\" customHeight=\"1".utf8)
                    }
                    xml.append(contentsOf: "\">".utf8)
                }
                var nextColumn = 0
                for position in rowStart..<Int(end) {
                    let cell = rows.cells[position]
                    let column = Int(cell.column)
                    if omitCellReferences {
                        // Without references a gap can only be kept by empty cells.
                        while nextColumn < column {
                            xml.append(contentsOf: "<c/>".utf8)
                            nextColumn += 1
                        }
                    }
                    nextColumn = column + 1
                    xml.append(contentsOf: "<c".utf8)
                    if !omitCellReferences {
                        xml.append(contentsOf: " r=\"".utf8)
                        xml.append(contentsOf: columnNames[column])
                        xml.append(contentsOf: rowDigits)
                        xml.append(UInt8(ascii: "\""))
                    }
                    appendCell(cell, to: &xml, styleIDs: styleIDs, stringIDs: stringIDs, date1904: date1904)
                }
                xml.append(contentsOf: "</row>".utf8)
            }
            xml.append(contentsOf: "</sheetData>".utf8)
        }
        if !merges.isEmpty {
            xml.append(contentsOf: "<mergeCells count=\"\(merges.count)\">".utf8)
            for range in merges { xml.append(contentsOf: "<mergeCell ref=\"\(range)\"/>".utf8) }
            xml.append(contentsOf: "</mergeCells>".utf8)
        }
        if let page = pageSetup {
            if page.centerHorizontally { xml.append(contentsOf: "<printOptions horizontalCentered=\"1\"/>".utf8) }
            // Narrower margins than Excel's default: a wide table keeps a readable scale on A4.
            xml.append(contentsOf: "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>".utf8)
            var setup = "<pageSetup paperSize=\"9\" orientation=\"\(page.orientation.rawValue)\""
            if let width = page.fitToWidth { setup += " fitToWidth=\"\(width)\"" }
            if let height = page.fitToHeight { setup += " fitToHeight=\"\(height)\"" }
            xml.append(contentsOf: (setup + "/>").utf8)
            if let footer = page.footer {
                xml.append(contentsOf: "<headerFooter><oddFooter>\(XMLText.escaped(footer, .element))</oddFooter></headerFooter>".utf8)
            }
        } else {
            xml.append(contentsOf: "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>".utf8)
        }
        xml.append(contentsOf: "</worksheet>".utf8)
        return xml
    }

    /// Decimal digits of a non-negative integer, without making a String.
    static func appendDigits(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(48 + max(value, 0)))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 && count < 20 {
                buffer[count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }

    /// A number as `<v>` text: integers directly, everything else as the shortest round-trip decimal.
    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        if value == value.rounded(.towardZero) && abs(value) < 1e15 {
            if value < 0 { out.append(UInt8(ascii: "-")) }
            appendDigits(Int(abs(value)), to: &out)
        } else {
            out.append(contentsOf: InspectFormat.renderNumber(value).utf8)
        }
    }

    /// Writes the rest of one `<c` element (after its reference) through `</c>`.
    private func appendCell(_ cell: StoredRows.StoredCell, to out: inout [UInt8], styleIDs: [Int], stringIDs: [Int], date1904: Bool) {
        let style = cell.style == 0 ? 0 : styleIDs[Int(cell.style) - 1]
        if style != 0 {
            out.append(contentsOf: " s=\"".utf8)
            WorksheetWriter.appendDigits(style, to: &out)
            out.append(UInt8(ascii: "\""))
        }
        switch cell.kind {
        case .text:
            if inlineStrings {
                out.append(contentsOf: " t=\"inlineStr\"><is>".utf8)
                XMLPart.appendTextElement(rows.strings[Int(cell.index)], to: &out)
                out.append(contentsOf: "</is></c>".utf8)
            } else {
                out.append(contentsOf: " t=\"s\"><v>".utf8)
                WorksheetWriter.appendDigits(stringIDs[Int(cell.index)], to: &out)
                out.append(contentsOf: "</v></c>".utf8)
            }
        case .number, .date:
            let value = cell.kind == .date ? ExcelDate.stored(serial: cell.number, date1904: date1904) : cell.number
            out.append(contentsOf: "><v>".utf8)
            WorksheetWriter.appendNumber(value, to: &out)
            out.append(contentsOf: "</v></c>".utf8)
        case .nonFinite:
            // A workbook cannot store NaN or infinity; Excel shows such a result as #NUM!.
            out.append(contentsOf: " t=\"e\"><v>#NUM!</v></c>".utf8)
        case .literal:
            out.append(contentsOf: "><v>".utf8)
            XMLText.append(rows.texts[Int(cell.index)], .element, to: &out)
            out.append(contentsOf: "</v></c>".utf8)
        case .blank:
            out.append(contentsOf: "/>".utf8)
        case .bool:
            out.append(contentsOf: (cell.number != 0 ? " t=\"b\"><v>1</v></c>" : " t=\"b\"><v>0</v></c>").utf8)
        case .formula, .formulaWithoutValue:
            out.append(contentsOf: "><f>".utf8)
            XMLText.append(rows.texts[Int(cell.index)], .element, to: &out)
            out.append(contentsOf: "</f>".utf8)
            if cell.kind == .formula {
                out.append(contentsOf: "<v>".utf8)
                WorksheetWriter.appendNumber(cell.number, to: &out)
                out.append(contentsOf: "</v></c>".utf8)
            } else {
                out.append(contentsOf: "</c>".utf8)
            }
        }
    }
}
