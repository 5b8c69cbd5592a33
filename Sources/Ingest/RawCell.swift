/// One cell as ingest sees it, whether it came from a workbook or a CSV file.
enum RawCell: Sendable, Equatable {
    case empty
    case text(String)
    /// Text borrowed from a CSV reader's buffer for the row being read (`FieldBytes`); every
    /// parser reads it as it reads the same `.text`.
    case utf8(FieldBytes)
    case number(Double)
    /// A date-styled number: days since 1899-12-30 (already corrected by the reader); `timeOnly`
    /// when its format shows a time of day only.
    case date(Double, timeOnly: Bool)
    case bool(Bool)
    case error(String)

    /// Empties an initialised slot, releasing only what holds a `String`: as plain assignments,
    /// clearing and then filling a row's slots called the enum's outlined destroy twice per slot.
    @inline(__always)
    static func clear(_ slot: UnsafeMutablePointer<RawCell>) {
        switch slot.pointee {
        case .text, .error: slot.pointee = .empty
        default: slot.initialize(to: .empty)            // nothing to release
        }
    }

    /// Puts `cell` into an initialised slot (empty, as a row's slots are once cleared).
    @inline(__always)
    static func store(_ cell: RawCell, at slot: UnsafeMutablePointer<RawCell>) {
        if case .empty = slot.pointee { slot.initialize(to: cell) } else { slot.pointee = cell }
    }

    /// Empty, or text made of whitespace only.
    var isBlank: Bool {
        switch self {
        case .empty: return true
        case .text(let s): return RawCell.isBlankText(s)
        case .utf8(let b): return RawCell.isBlankText(b.buffer)
        default: return false
        }
    }

    /// A `.utf8` cell as `.text`, for what keeps or compares the cell; others as they are.
    var materialised: RawCell {
        if case .utf8(let b) = self { return .text(b.string) }
        return self
    }

    static func isBlankText(_ s: String) -> Bool {
        if s.isEmpty { return true }
        if let first = s.utf8.first, startsNonBlank(first) { return false }
        for u in s.unicodeScalars where !HeaderText.isSpace(u.value) { return false }
        return true
    }

    /// `isBlankText` of UTF-8 bytes: the same first-byte test, the rare rest on the text.
    static func isBlankText(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first else { return true }
        if startsNonBlank(first) { return false }
        return isBlankText(String(decoding: b, as: UTF8.self))
    }

    /// The common cases, by the first byte: ASCII other than space, or a lead byte no space
    /// character starts with (spaces start 0x09–0x0D, 0x20, C2, E2, E3, EF).
    @inline(__always)
    private static func startsNonBlank(_ first: UInt8) -> Bool {
        (first > 0x20 && first < 0x80) || (first >= 0xC3 && first != 0xE2 && first != 0xE3 && first != 0xEF)
    }

    /// The text a person would see, for rejects.csv and messages: numbers in their shortest form,
    /// dates as `YYYY-MM-DD`.
    var display: String {
        switch self {
        case .empty: return ""
        case .text(let s): return s
        case .utf8(let b): return b.string
        case .number(let d): return NumberText.shortest(d)
        case .date(let serial, let timeOnly):
            return DateParser.display(serial: serial, timeOnly: timeOnly)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        }
    }
}

/// A row of cells from any source, streamed without copying: the sheet ingestor is generic over it.
protocol GridRow {
    /// The row number as the user sees it (Excel row, or the CSV line where the record starts).
    var number: Int { get }
    /// Calls `body` with each cell that may hold a value, in ascending 0-based column order.
    func forEachCell(_ body: (Int, RawCell) -> Void)
}

/// A row held in memory: buffered rows of a sheet's top, and test input.
struct RawRow: GridRow, Sendable, Equatable {
    let number: Int
    /// Sparse, ascending column.
    var cells: [(column: Int, value: RawCell)]

    init(number: Int, cells: [(column: Int, value: RawCell)]) {
        self.number = number
        self.cells = cells
    }

    /// A dense row: column i holds `values[i]` (`""` → empty).
    init(number: Int, texts: [String]) {
        self.number = number
        cells = texts.enumerated().compactMap { i, t in t.isEmpty ? nil : (i, .text(t)) }
    }

    init<R: GridRow>(copying row: R) {
        number = row.number
        var cells: [(column: Int, value: RawCell)] = []
        row.forEachCell { c, v in if v != .empty { cells.append((c, v.materialised)) } }
        self.cells = cells
    }

    func forEachCell(_ body: (Int, RawCell) -> Void) {
        for c in cells { body(c.column, c.value) }
    }

    subscript(column: Int) -> RawCell {
        for c in cells where c.column == column { return c.value }
        return .empty
    }

    var isBlank: Bool { cells.allSatisfy { $0.value.isBlank } }

    static func == (a: RawRow, b: RawRow) -> Bool {
        a.number == b.number && a.cells.count == b.cells.count
            && zip(a.cells, b.cells).allSatisfy { $0.column == $1.column && $0.value == $1.value }
    }
}

/// Whitespace at either end of UTF-8 text, without decoding it: the checks that run on every cell.
enum UTF8Space {
    /// The spaces `HeaderText.isSpace` knows start with 0x09–0x0D, 0x20, C2 A0, E2 80 8x, E3 80 80 or EF BB BF.
    // Both checks in line: each text cell of every row asks them, and as calls they cost more
    // than the checks (a few comparisons for the usual Chinese or ASCII edge).
    @inline(__always)
    static func startsWithSpace(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first else { return false }
        if first < 0x80 { return first == 0x20 || (first >= 0x09 && first <= 0x0D) }
        guard b.count >= 2 else { return false }
        switch (first, b[1]) {
        case (0xC2, 0xA0): return true
        case (0xE2, 0x80), (0xE3, 0x80), (0xEF, 0xBB): return isSpaceScalar(decode3(b, 0))
        default: return false
        }
    }

    @inline(__always)
    static func endsWithSpace(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = b.last else { return false }
        if last < 0x80 { return last == 0x20 || (last >= 0x09 && last <= 0x0D) }
        let n = b.count
        if n >= 2, b[n - 2] == 0xC2, last == 0xA0 { return true }
        if n >= 3, b[n - 3] == 0xE2 || b[n - 3] == 0xE3 || b[n - 3] == 0xEF { return isSpaceScalar(decode3(b, n - 3)) }
        return false
    }

    private static func decode3(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32 {
        guard i + 2 < b.count else { return 0 }
        return UInt32(b[i] & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
    }

    private static func isSpaceScalar(_ v: UInt32) -> Bool { HeaderText.isSpace(v) }
}
