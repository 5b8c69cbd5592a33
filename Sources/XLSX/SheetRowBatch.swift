/// Rows of a worksheet parsed together, handed out whole and in order (`Workbook.readRowBatches`):
/// the cells stay in the compact form the parser wrote, with shared strings as indices into the
/// workbook's table, so that a batch crosses threads without a per-cell object. A slice is another
/// batch over the same storage.
public struct SheetRowBatch: Sendable {
    private let batch: SheetBatch
    private let sharedStrings: SharedStringTable
    private let rows: Range<Int>

    /// `batch` is regular (`SheetBatch.isRegular`) and its row numbers are resolved.
    init(batch: SheetBatch, sharedStrings: SharedStringTable) {
        self.batch = batch
        self.sharedStrings = sharedStrings
        rows = 0..<batch.rowNumbers.count
    }

    private init(_ base: SheetRowBatch, rows: Range<Int>) {
        batch = base.batch
        sharedStrings = base.sharedStrings
        self.rows = rows
    }

    public var count: Int { rows.count }

    /// Rows `range` of this batch (0-based, relative to it).
    public func slice(_ range: Range<Int>) -> SheetRowBatch {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "rows out of the batch")
        return SheetRowBatch(self, rows: (rows.lowerBound + range.lowerBound)..<(rows.lowerBound + range.upperBound))
    }

    /// Row `i`'s number, 1-based as Excel shows it.
    public func number(ofRow i: Int) -> Int { Int(batch.rowNumbers[rows.lowerBound + i]) }

    /// Calls `body` with each cell of row `i` (it has at least one), in ascending 0-based column
    /// order. The text it is given is valid only during the call.
    @inline(__always)
    public func forEachCell(ofRow i: Int, _ body: (Int, CellValueRef) throws -> Void) rethrows {
        let row = rows.lowerBound + i
        let start = Int(batch.rowStarts[row])
        let end = row + 1 < batch.rowStarts.count ? Int(batch.rowStarts[row + 1]) : batch.cells.count
        try batch.cells.withUnsafeBufferPointer { cells in
            try sharedStrings.withBuffers { sharedBytes, sharedEnds in
                try batch.texts.withBuffers { textBytes, textEnds in
                    for position in start..<end {
                        let cell = cells[position]
                        let value: CellValueRef
                        switch cell.kind {
                        case .number: value = .number(cell.number)
                        case .date: value = .date(cell.number, .date)
                        case .dateTime: value = .date(cell.number, .dateTime)
                        case .time: value = .date(cell.number, .time)
                        case .elapsed: value = .date(cell.number, .elapsed)
                        case .bool: value = .bool(cell.number != 0)
                        case .shared:
                            value = .text(SharedStringTable.text(Int(cell.index), bytes: sharedBytes, ends: sharedEnds))
                        case .text: value = .text(SharedStringTable.text(Int(cell.index), bytes: textBytes, ends: textEnds))
                        case .error: value = .error(SharedStringTable.text(Int(cell.index), bytes: textBytes, ends: textEnds))
                        }
                        try body(Int(cell.column), value)
                    }
                }
            }
        }
    }

    /// Row `i` with its own cells (`Workbook.readRows`).
    public func row(_ i: Int) -> SheetRow {
        var cells: [Cell] = []
        forEachCell(ofRow: i) { column, value in cells.append(Cell(column: column, value: value.value)) }
        return SheetRow(number: number(ofRow: i), cells: cells)
    }
}
