import XLSX

/// Reads one sheet substream (BOF … EOF, charts embedded in it skipped) into rows as the .xlsx reader
/// gives them: 1-based row numbers, cells in ascending column order, only cells with a value, number
/// formats deciding dates, formulas as their cached values, and the merged areas.
struct SheetRecords {
    let globals: WorkbookGlobals
    let file: String
    let sheet: String

    private static let errorTexts: [UInt8: String] = [
        0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A",
        0x2B: "#GETTING_DATA",
    ]

    /// Streams the rows to `body` in row order and returns the merged areas.
    /// `wantRows` false: only the merged areas are read, `deliver` is never called.
    func read(offset: Int, in stream: UnsafeRawBufferPointer, wantRows: Bool = true,
              rows deliver: (SheetRow) throws -> Void) throws -> [CellRange] {
        var current: BIFFRecord?
        var cellName: String?
        func located(_ kind: XLSError.Kind) -> XLSError {
            XLSError(kind, file: file, sheet: sheet, cell: cellName, record: current.map { BIFFRecord.name($0.type) }, offset: current?.offset)
        }
        var rows = RowAssembler(inOrder: true)
        var merges: [CellRange] = []
        do {
            guard offset >= 0, offset < stream.count, let bof = try BIFFRecord.at(offset, in: stream) else {
                throw XLSError.Kind.malformedRecord("工作表位置 \(offset) 超出数据流 (sheet offset past the stream)")
            }
            current = bof
            _ = try WorkbookGlobals.version(of: bof, in: stream)
            rows = !wantRows ? .mergesOnly() : RowAssembler(inOrder: try SheetRecords.rowsInOrder(after: bof, in: stream))
            var units = TextBuffers()
            var depth = 1
            var position = bof.next
            /// A formula whose cached value is text: the text is in the STRING record that follows.
            var pendingString: (row: Int, column: Int)?
            let dateKinds = globals.dateKinds
            let date1904 = globals.date1904
            @inline(__always) func number(_ value: Double, _ xf: Int) -> CellValue {
                if xf < dateKinds.count, let kind = dateKinds[xf] {
                    return .date(ExcelDate(stored: value, date1904: date1904, kind: kind))
                }
                return .number(value)
            }
            while depth > 0 {
                guard let record = try BIFFRecord.at(position, in: stream) else {
                    throw XLSError.Kind.malformedRecord("工作表缺少 EOF 记录 (sheet without EOF)")
                }
                current = record
                position = record.next
                let body = UnsafeRawBufferPointer(rebasing: stream[record.body])
                switch record.type {
                case BIFFRecord.bof, 0x0009, 0x0209, 0x0409:
                    depth += 1
                    continue
                case BIFFRecord.eof:
                    depth -= 1
                    continue
                default:
                    break
                }
                guard depth == 1 else { continue }
                if rows.hasReady { try rows.drain(deliver) }
                if rows.skipsValues && record.type != BIFFRecord.mergedCells { continue }
                switch record.type {
                case BIFFRecord.number:
                    let (row, column, xf) = try SheetRecords.cellHeader(body, minimum: 14)
                    rows.add(row, column, number(Double(bitPattern: body.le64(6)), xf))
                case BIFFRecord.rk:
                    let (row, column, xf) = try SheetRecords.cellHeader(body, minimum: 10)
                    rows.add(row, column, number(SheetRecords.rk(body.le32(6)), xf))
                case BIFFRecord.mulRK:
                    guard body.count >= 12 else { throw XLSError.Kind.malformedRecord("MULRK 太短 (too short)") }
                    let row = Int(body.le16(0)) + 1
                    let first = Int(body.le16(2))
                    let count = (body.count - 6) / 6
                    for i in 0..<count {
                        let base = 4 + 6 * i
                        rows.add(row, first + i, number(SheetRecords.rk(body.le32(base + 2)), Int(body.le16(base))))
                    }
                case BIFFRecord.labelSST:
                    let (row, column, _) = try SheetRecords.cellHeader(body, minimum: 10)
                    let index = Int(body.le32(6))
                    guard index < globals.sharedStrings.count else {
                        cellName = CellReference(row: row, column: column).description
                        throw XLSError.Kind.badCell(found: String(index), expected: "a shared string index")
                    }
                    rows.add(row, column, .string(globals.sharedStrings[index]))
                case BIFFRecord.label, BIFFRecord.richString:
                    let (row, column, _) = try SheetRecords.cellHeader(body, minimum: 8)
                    var reader = try ContinuedRecord(record, in: stream)
                    try reader.skip(6)
                    rows.add(row, column, .string(try text(&reader, units: &units)))
                case BIFFRecord.boolErr:
                    let (row, column, _) = try SheetRecords.cellHeader(body, minimum: 8)
                    if body[7] == 0 {
                        rows.add(row, column, .bool(body[6] != 0))
                    } else {
                        rows.add(row, column, .error(SheetRecords.errorTexts[body[6]] ?? "#N/A"))
                    }
                case BIFFRecord.formula, BIFFRecord.formulaBIFF4:
                    let (row, column, xf) = try SheetRecords.cellHeader(body, minimum: 20)
                    pendingString = nil
                    if body.le16(12) != 0xFFFF {
                        rows.add(row, column, number(Double(bitPattern: body.le64(6)), xf))
                    } else {
                        switch body[6] {
                        case 0: pendingString = (row, column)
                        case 1: rows.add(row, column, .bool(body[8] != 0))
                        case 2: rows.add(row, column, .error(SheetRecords.errorTexts[body[8]] ?? "#N/A"))
                        default: break      // 3: an empty string, no value
                        }
                    }
                case BIFFRecord.string:
                    guard let cell = pendingString else { continue }
                    pendingString = nil
                    var reader = try ContinuedRecord(record, in: stream)
                    let value = try text(&reader, units: &units)
                    if !value.isEmpty { rows.add(cell.row, cell.column, .string(value)) }
                case BIFFRecord.mergedCells:
                    guard body.count >= 2 else { throw XLSError.Kind.malformedRecord("MERGEDCELLS 太短 (too short)") }
                    let count = min(Int(body.le16(0)), (body.count - 2) / 8)
                    for i in 0..<count {
                        let base = 2 + 8 * i
                        merges.append(CellRange(first: CellReference(row: Int(body.le16(base)) + 1, column: Int(body.le16(base + 4))),
                                                last: CellReference(row: Int(body.le16(base + 2)) + 1, column: Int(body.le16(base + 6)))))
                    }
                case BIFFRecord.sharedFormula, BIFFRecord.array, BIFFRecord.table:
                    continue        // between a FORMULA and its STRING
                default:
                    pendingString = nil
                }
            }
            try rows.finish(deliver)
        } catch let kind as XLSError.Kind {
            throw located(kind)
        }
        return merges
    }

    /// A cell's text: BIFF8 XLUnicodeString (cch, flags, characters, continuing into CONTINUE), BIFF5
    /// bytes in the code page.
    private func text(_ reader: inout ContinuedRecord, units: inout TextBuffers) throws(XLSError.Kind) -> String {
        let count = Int(try reader.u16())
        if globals.biff == 8 {
            let flags = try reader.byte()
            return try reader.characters(count, highByte: flags & 1 != 0, text: &units)
        }
        return try reader.codePageText(count, page: globals.codePage)
    }

    /// Row (1-based), column and XF index of a cell record at least `minimum` bytes long.
    @inline(__always)
    static func cellHeader(_ body: UnsafeRawBufferPointer, minimum: Int) throws(XLSError.Kind) -> (Int, Int, Int) {
        guard body.count >= minimum else { throw .malformedRecord("单元格记录太短 (cell record too short)") }
        return (Int(body.le16(0)) + 1, Int(body.le16(2)), Int(body.le16(4)))
    }

    /// An RK number: 30 bits of an integer or of a double's high half, optionally divided by 100.
    @inline(__always) static func rk(_ raw: UInt32) -> Double {
        let value = raw & 2 != 0 ? Double(Int32(bitPattern: raw) >> 2) : Double(bitPattern: UInt64(raw & 0xFFFF_FFFC) << 32)
        return raw & 1 != 0 ? value / 100 : value
    }

    /// Whether the sheet's cell records come in row order (Excel, LibreOffice and xlwt write them so;
    /// a writer that does not makes the rows be gathered and sorted instead of streamed).
    static func rowsInOrder(after bof: BIFFRecord, in stream: UnsafeRawBufferPointer) throws(XLSError.Kind) -> Bool {
        var depth = 1
        var position = bof.next
        var last = 0
        while depth > 0, let record = try BIFFRecord.at(position, in: stream) {
            position = record.next
            switch record.type {
            case BIFFRecord.bof, 0x0009, 0x0209, 0x0409: depth += 1
            case BIFFRecord.eof: depth -= 1
            case BIFFRecord.number, BIFFRecord.rk, BIFFRecord.mulRK, BIFFRecord.labelSST, BIFFRecord.label, BIFFRecord.richString,
                 BIFFRecord.boolErr, BIFFRecord.formula, BIFFRecord.formulaBIFF4:
                guard depth == 1, record.body.count >= 2 else { continue }
                let row = Int(stream.le16(record.body.lowerBound))
                if row < last { return false }
                last = row
            default: continue
            }
        }
        return true
    }
}

/// Collects cells into rows: streamed a row at a time when the sheet is in row order, else gathered
/// and sorted. Within a row, cells are put in column order (the later of two for one column wins).
struct RowAssembler {
    let inOrder: Bool
    /// Only merged areas are wanted.
    var skipsValues = false
    private var row = 0
    private var cells: [Cell] = []
    private var ascending = true
    private var gathered: [(row: Int, cell: Cell)] = []
    private var ready: [SheetRow] = []

    init(inOrder: Bool) {
        self.inOrder = inOrder
    }

    static func mergesOnly() -> RowAssembler {
        var assembler = RowAssembler(inOrder: true)
        assembler.skipsValues = true
        return assembler
    }

    @inline(__always) mutating func add(_ row: Int, _ column: Int, _ value: CellValue) {
        let cell = Cell(column: column, value: value)
        guard inOrder else {
            gathered.append((row, cell))
            return
        }
        if row != self.row {
            flush()
            self.row = row
        }
        if let last = cells.last, last.column >= column { ascending = false }
        cells.append(cell)
    }

    /// Ends the current row; it is delivered by `drain`.
    private mutating func flush() {
        guard !cells.isEmpty else { return }
        ready.append(SheetRow(number: row, cells: ascending ? cells : RowAssembler.columnOrder(cells)))
        cells.removeAll(keepingCapacity: true)
        ascending = true
    }

    /// Hands over the rows completed so far.
    mutating func drain(_ body: (SheetRow) throws -> Void) rethrows {
        for row in ready { try body(row) }
        ready.removeAll(keepingCapacity: true)
    }

    var hasReady: Bool { !ready.isEmpty }

    mutating func finish(_ body: (SheetRow) throws -> Void) rethrows {
        flush()
        try drain(body)
        guard !inOrder, !gathered.isEmpty else { return }
        let sorted = gathered.enumerated().sorted { a, b in
            a.element.row != b.element.row ? a.element.row < b.element.row : a.offset < b.offset
        }.map(\.element)
        var start = 0
        while start < sorted.count {
            var end = start
            while end < sorted.count && sorted[end].row == sorted[start].row { end += 1 }
            try body(SheetRow(number: sorted[start].row, cells: RowAssembler.columnOrder(sorted[start..<end].map(\.cell))))
            start = end
        }
    }

    /// Cells sorted by column, the later of duplicates kept.
    static func columnOrder(_ cells: [Cell]) -> [Cell] {
        var byColumn: [Int: CellValue] = [:]
        for cell in cells { byColumn[cell.column] = cell.value }
        return byColumn.keys.sorted().map { Cell(column: $0, value: byColumn[$0] ?? .empty) }
    }
}
