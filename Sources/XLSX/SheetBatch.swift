/// Rows parsed from one stretch of a worksheet, in a compact form that a parsing thread can hand over
/// without per-cell objects: shared strings stay indices until the rows are delivered in order.
struct SheetBatch: Sendable {
    enum Kind: UInt8, Sendable {
        case number, date, dateTime, time, elapsed, shared, text, bool, error

        init(_ kind: DateKind) {
            switch kind {
            case .date: self = .date
            case .dateTime: self = .dateTime
            case .time: self = .time
            case .elapsed: self = .elapsed
            }
        }
    }

    struct RawCell: Sendable {
        var column: Int32
        var kind: Kind
        /// Shared string index, or index into `texts`.
        var index: Int32
        /// Number, corrected date serial, or 1/0 for booleans.
        var number: Double
    }

    /// Row numbers as written; 0 where the row had no `r=` (then it is the previous row + 1, which only
    /// the in-order delivery knows).
    var rowNumbers: [Int32] = []
    /// Index of each row's first cell in `cells`.
    var rowStarts: [Int32] = []
    var cells: [RawCell] = []
    var texts: [String] = []
    var merges: [CellRange] = []

    var isEmpty: Bool { rowNumbers.isEmpty && merges.isEmpty }

    /// Makes the text of every shared-string cell here, on the parsing thread, so that the thread
    /// delivering rows in order does not (indices out of range are left for delivery to report).
    mutating func resolveSharedStrings(_ table: SharedStringTable) {
        texts.reserveCapacity(texts.count + cells.lazy.filter { $0.kind == .shared }.count)
        for i in cells.indices where cells[i].kind == .shared {
            let index = Int(cells[i].index)
            guard index >= 0 && index < table.count else { continue }
            cells[i].kind = .text
            cells[i].index = Int32(texts.count)
            texts.append(table[index])
        }
    }

    mutating func removeAll() {
        rowNumbers.removeAll(keepingCapacity: true)
        rowStarts.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
        merges.removeAll(keepingCapacity: true)
    }

    /// Hands the rows to `body` in order, resolving row numbers and shared strings.
    func deliver(sharedStrings: SharedStringTable, previousRow: inout Int, context: (String?) -> XLSXError,
                 _ body: (SheetRow) throws -> Void) throws {
        var cellsOfRow: [Cell] = []
        for row in 0..<rowNumbers.count {
            let number = rowNumbers[row] > 0 ? Int(rowNumbers[row]) : previousRow + 1
            previousRow = number
            let start = Int(rowStarts[row])
            let end = row + 1 < rowStarts.count ? Int(rowStarts[row + 1]) : cells.count
            guard start < end else { continue }
            cellsOfRow.removeAll(keepingCapacity: true)
            cellsOfRow.reserveCapacity(end - start)
            var ascending = true
            for position in start..<end {
                let raw = cells[position]
                let value: CellValue
                switch raw.kind {
                case .number: value = .number(raw.number)
                case .date: value = .date(ExcelDate(serial: raw.number, kind: .date))
                case .dateTime: value = .date(ExcelDate(serial: raw.number, kind: .dateTime))
                case .time: value = .date(ExcelDate(serial: raw.number, kind: .time))
                case .elapsed: value = .date(ExcelDate(serial: raw.number, kind: .elapsed))
                case .shared:
                    let index = Int(raw.index)
                    guard index >= 0 && index < sharedStrings.count else {
                        throw context(CellReference(row: number, column: Int(raw.column)).description)
                            .with(.badCell(found: String(index), expected: "a shared string index"))
                    }
                    value = .string(sharedStrings[index])
                case .text: value = .string(texts[Int(raw.index)])
                case .bool: value = .bool(raw.number != 0)
                case .error: value = .error(texts[Int(raw.index)])
                }
                if let last = cellsOfRow.last, last.column >= Int(raw.column) { ascending = false }
                cellsOfRow.append(Cell(column: Int(raw.column), value: value))
            }
            if !ascending {
                // Out-of-order cells are invalid but seen; keep column order, the later of duplicates.
                var byColumn: [Int: CellValue] = [:]
                for cell in cellsOfRow { byColumn[cell.column] = cell.value }
                cellsOfRow = byColumn.keys.sorted().map { Cell(column: $0, value: byColumn[$0] ?? .empty) }
            }
            try body(SheetRow(number: number, cells: cellsOfRow))
        }
    }
}

extension XLSXError {
    func with(_ kind: Kind) -> XLSXError {
        XLSXError(kind, file: file, part: part, sheet: sheet, cell: cell)
    }
}
