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
    /// The batch's own strings (inline, formula results, error values), in the layout of the shared ones.
    var texts = SharedStringTable()
    var merges: [CellRange] = []

    var isEmpty: Bool { rowNumbers.isEmpty && merges.isEmpty }

    /// Whether the rows can be handed out as they were parsed (`SheetRowBatch`): every row has a
    /// cell, its cells are in ascending column order, and every shared string index is in the table.
    /// Otherwise `deliver` orders them (and reports a bad index) first. Checked on the parsing
    /// thread, so that the thread delivering rows in order does not walk the cells again.
    func isRegular(sharedStringCount: Int) -> Bool {
        let count = Int32(clamping: sharedStringCount)
        return cells.withUnsafeBufferPointer { cells in
            rowStarts.withUnsafeBufferPointer { starts in
                for row in 0..<starts.count {
                    let start = Int(starts[row])
                    let end = row + 1 < starts.count ? Int(starts[row + 1]) : cells.count
                    guard start < end else { return false }
                    var last: Int32 = -1
                    for position in start..<end {
                        let cell = cells[position]
                        if cell.column <= last { return false }
                        last = cell.column
                        if cell.kind == .shared && (cell.index < 0 || cell.index >= count) { return false }
                    }
                }
                return true
            }
        }
    }

    /// Takes every row but the last (which the parser may still be filling) out into a batch of
    /// their own, for a parser fed a piece at a time; nil while there is only one row.
    mutating func takeCompleteRows() -> SheetBatch? {
        guard rowNumbers.count > 1 else { return nil }
        let keep = rowNumbers.count - 1
        let split = Int(rowStarts[keep])
        var complete = SheetBatch()
        complete.rowNumbers = Array(rowNumbers[..<keep])
        complete.rowStarts = Array(rowStarts[..<keep])
        complete.cells = Array(cells[..<split])
        complete.texts = texts
        rowNumbers.removeFirst(keep)
        rowStarts = [0]
        cells.removeFirst(split)
        return complete
    }

    mutating func removeAll() {
        rowNumbers.removeAll(keepingCapacity: true)
        rowStarts.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
        texts = SharedStringTable()
        merges.removeAll(keepingCapacity: true)
    }

    /// Copies the bytes of every shared-string cell into the batch's own texts, on the parsing
    /// thread (a regular batch: every index is in the table). A million-row table is far larger than
    /// the caches, so each cell's string is a cache miss wherever it is first read; here the misses
    /// of consecutive cells overlap, where the thread turning rows into records, reading one cell
    /// at a time, would wait for each in turn. That thread then reads the texts in order.
    mutating func copySharedStrings(_ table: SharedStringTable) {
        // Two passes of independent loads (where each string is, then its bytes), so that the
        // processor has many misses in flight; one pass interleaving both waits on each in turn.
        var spans: [(cell: Int32, start: UInt32, end: UInt32)] = []
        spans.reserveCapacity(cells.count)
        var total = 0
        table.withBuffers { _, ends in
            cells.withUnsafeBufferPointer { cells in
                for i in 0..<cells.count where cells[i].kind == .shared {
                    let index = Int(cells[i].index)
                    let start = index == 0 ? 0 : ends[index - 1]
                    spans.append((Int32(i), start, ends[index]))
                    total += Int(ends[index] - start)
                }
            }
        }
        guard !spans.isEmpty, texts.appendStrings(count: spans.count, bytes: total, { out, outEnds in
            table.withBuffers { bytes, _ in
                guard let source = bytes.baseAddress else { return }
                var at = 0
                for (k, span) in spans.enumerated() {
                    let count = Int(span.end - span.start)
                    (out + at).update(from: source + Int(span.start), count: count)
                    at += count
                    outEnds[k] = UInt32(at)
                }
            }
        }) else { return }
        let first = texts.count - spans.count
        cells.withUnsafeMutableBufferPointer { cells in
            for (k, span) in spans.enumerated() {
                cells[Int(span.cell)].kind = .text
                cells[Int(span.cell)].index = Int32(first + k)
            }
        }
    }

    /// Hands the rows to `body` in one batch, with their row numbers resolved. `regular` is
    /// `isRegular`, when the parsing thread already knows it. Irregular rows go through `deliver`
    /// (columns ordered, empty rows left out) and are written back into a batch; a bad shared
    /// string index is reported after the rows before it are handed out.
    func deliverBatch(sharedStrings: SharedStringTable, regular: Bool? = nil, previousRow: inout Int,
                      context: (String?) -> XLSXError, _ body: (SheetRowBatch) throws -> Void) throws {
        guard !rowNumbers.isEmpty else { return }
        if regular ?? isRegular(sharedStringCount: sharedStrings.count) {
            var batch = self
            batch.merges = []
            for row in batch.rowNumbers.indices {
                if batch.rowNumbers[row] <= 0 { batch.rowNumbers[row] = Int32(truncatingIfNeeded: previousRow + 1) }
                previousRow = Int(batch.rowNumbers[row])
            }
            try body(SheetRowBatch(batch: batch, sharedStrings: sharedStrings))
            return
        }
        var rebuilt = SheetBatch()
        do {
            try deliver(sharedStrings: sharedStrings, previousRow: &previousRow, context: context) { rebuilt.append($0) }
        } catch {
            if !rebuilt.rowNumbers.isEmpty { try body(SheetRowBatch(batch: rebuilt, sharedStrings: sharedStrings)) }
            throw error
        }
        if !rebuilt.rowNumbers.isEmpty { try body(SheetRowBatch(batch: rebuilt, sharedStrings: sharedStrings)) }
    }

    /// A delivered row written back (its number resolved, its strings the batch's own).
    private mutating func append(_ row: SheetRow) {
        rowNumbers.append(Int32(truncatingIfNeeded: row.number))
        rowStarts.append(Int32(cells.count))
        for cell in row.cells {
            let column = Int32(cell.column)
            switch cell.value {
            case .empty: continue
            case .number(let n): cells.append(RawCell(column: column, kind: .number, index: 0, number: n))
            case .date(let d): cells.append(RawCell(column: column, kind: Kind(d.kind), index: 0, number: d.serial))
            case .bool(let b): cells.append(RawCell(column: column, kind: .bool, index: 0, number: b ? 1 : 0))
            case .string(let s):
                _ = texts.append(s)
                cells.append(RawCell(column: column, kind: .text, index: Int32(texts.count - 1), number: 0))
            case .error(let e):
                _ = texts.append(e)
                cells.append(RawCell(column: column, kind: .error, index: Int32(texts.count - 1), number: 0))
            }
        }
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
