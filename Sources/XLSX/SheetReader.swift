import CLibXML2

/// SAX handler for a worksheet (or one stretch of it): turns `<row>`/`<c>` events into a `SheetBatch`.
/// Numbers are parsed from the raw bytes and strings stay indices, so a cell costs no allocation.
final class SheetReader: SAXHandler {
    private enum CellType: UInt8 {
        case number, shared, bool, error, formulaString, inline, isoDate, unknown
    }

    @exclusivity(unchecked) var batch = SheetBatch()
    /// Style index → date kind (nil: not a date format).
    private let dateKinds: [DateKind?]
    private let date1904: Bool

    @exclusivity(unchecked) private var nameRow: UnsafePointer<xmlChar>?
    @exclusivity(unchecked) private var nameC: UnsafePointer<xmlChar>?
    @exclusivity(unchecked) private var nameV: UnsafePointer<xmlChar>?
    @exclusivity(unchecked) private var nameIs: UnsafePointer<xmlChar>?
    @exclusivity(unchecked) private var nameT: UnsafePointer<xmlChar>?
    @exclusivity(unchecked) private var nameSpace: UnsafePointer<xmlChar>?
    /// An inline string's open `<t>`: where its text starts in `value`, whether it keeps its edge whitespace.
    @exclusivity(unchecked) private var textStart = 0
    @exclusivity(unchecked) private var preserveText = false
    @exclusivity(unchecked) private var nameRPh: UnsafePointer<xmlChar>?
    @exclusivity(unchecked) private var nameR: UnsafePointer<xmlChar>?
    @exclusivity(unchecked) private var nameS: UnsafePointer<xmlChar>?
    @exclusivity(unchecked) private var nameMergeCell: UnsafePointer<xmlChar>?
    @exclusivity(unchecked) private var nameRef: UnsafePointer<xmlChar>?

    @exclusivity(unchecked) private var rowOpen = false
    /// The open row had no r= and has not seen a cell yet.
    @exclusivity(unchecked) private var rowNeedsNumber = false
    @exclusivity(unchecked) private var lastColumn = -1
    @exclusivity(unchecked) private var cellOpen = false
    @exclusivity(unchecked) private var cellColumn = 0
    @exclusivity(unchecked) private var cellRow = 0
    @exclusivity(unchecked) private var cellType = CellType.number
    @exclusivity(unchecked) private var cellStyle = 0
    @exclusivity(unchecked) private var hasValue = false
    @exclusivity(unchecked) private var collecting = false
    @exclusivity(unchecked) private var inInline = false
    @exclusivity(unchecked) private var phoneticDepth = 0
    /// The text of the current `<v>` or inline string: a plain growable buffer, reused for every cell.
    @exclusivity(unchecked) private var value = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    @exclusivity(unchecked) private var valueCapacity = 256
    @exclusivity(unchecked) private var valueCount = 0

    /// Excel holds at most 32 767 characters in a cell (≤ 128 KiB of UTF-8); far more is an attack
    /// on memory, not data.
    static let maxValueBytes = 1 << 20

    init(dateKinds: [DateKind?], date1904: Bool) {
        self.dateKinds = dateKinds
        self.date1904 = date1904
    }

    deinit {
        value.deallocate()
    }

    override func prepare() {
        nameRow = intern("row")
        nameC = intern("c")
        nameV = intern("v")
        nameIs = intern("is")
        nameT = intern("t")
        nameSpace = intern("space")
        nameRPh = intern("rPh")
        nameR = intern("r")
        nameS = intern("s")
        nameMergeCell = intern("mergeCell")
        nameRef = intern("ref")
    }

    override func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: SAXAttributes) {
        if name == nameC {
            startCell(attributes)
        } else if name == nameV {
            if cellOpen {
                collecting = true
                hasValue = true
                valueCount = 0
            }
        } else if name == nameRow {
            startRow(attributes)
        } else if name == nameT {
            if inInline && phoneticDepth == 0 {
                collecting = true
                textStart = valueCount
                preserveText = TextElement.preservesSpace(attributes, space: nameSpace)
            }
        } else if name == nameIs {
            if cellOpen {
                // An inline string is text whatever t= says (some generators leave t= out).
                cellType = .inline
                inInline = true
                hasValue = true
                valueCount = 0
            }
        } else if name == nameRPh {
            phoneticDepth += 1
        } else if name == nameMergeCell {
            for index in 0..<attributes.count where attributes.name(index) == nameRef {
                if let range = CellRange(attributes.string(index)) { batch.merges.append(range) }
            }
        }
    }

    override func endElement(_ name: UnsafePointer<xmlChar>) {
        if name == nameT && collecting && inInline && !preserveText && valueCount > textStart {
            valueCount = TextElement.trim(value, start: textStart, end: valueCount)
        }
        if name == nameV || name == nameT {
            collecting = false
        } else if name == nameC {
            if cellOpen { endCell() }
        } else if name == nameRow {
            rowOpen = false
        } else if name == nameIs {
            inInline = false
        } else if name == nameRPh {
            phoneticDepth -= 1
        }
    }

    override func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        guard collecting else { return }
        if valueCount + count > SheetReader.maxValueBytes {
            failedCell = CellReference(row: max(cellRow, 1), column: cellColumn).description
            stop(.valueTooLong(limit: SheetReader.maxValueBytes))
            return
        }
        if valueCount + count > valueCapacity {
            let capacity = max(valueCapacity * 2, valueCount + count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: value, count: valueCount)
            value.deallocate()
            value = grown
            valueCapacity = capacity
        }
        (value + valueCount).update(from: bytes, count: count)
        valueCount += count
    }

    private func startRow(_ attributes: SAXAttributes) {
        var number: Int32 = 0
        for index in 0..<attributes.count where attributes.name(index) == nameR && !attributes.hasNamespace(index) {
            if let parsed = ValueText.index(attributes.value(index)), parsed >= 1, parsed <= CellReference.maxRow {
                number = Int32(parsed)
            }
        }
        batch.rowNumbers.append(number)
        batch.rowStarts.append(Int32(batch.cells.count))
        rowOpen = true
        rowNeedsNumber = number == 0
        lastColumn = -1
    }

    private func startCell(_ attributes: SAXAttributes) {
        if !rowOpen {
            // A cell outside any row is invalid; give it a row of its own rather than lose it.
            batch.rowNumbers.append(0)
            batch.rowStarts.append(Int32(batch.cells.count))
            rowOpen = true
            rowNeedsNumber = true
            lastColumn = -1
        }
        cellOpen = true
        cellType = .number
        cellStyle = 0
        hasValue = false
        inInline = false
        phoneticDepth = 0
        cellColumn = lastColumn + 1
        cellRow = 0
        if let base = attributes.base {
            // Five pointers per attribute: local name, prefix, URI, value start, value end.
            for offset in stride(from: 0, to: attributes.count * 5, by: 5) {
                guard let name = base[offset], let start = base[offset + 3], let end = base[offset + 4] else { continue }
                let value = UnsafeBufferPointer(start: start, count: end - start)
                if name == nameR {
                    if let (column, row) = CellReference.parse(value) {
                        cellColumn = column
                        cellRow = row
                    }
                } else if name == nameT {
                    cellType = SheetReader.type(value)
                } else if name == nameS {
                    cellStyle = ValueText.index(value) ?? 0
                }
            }
        }
        // A row without r= takes its number from its first cell's reference when that has one.
        if rowNeedsNumber {
            rowNeedsNumber = false
            if cellRow > 0 { batch.rowNumbers[batch.rowNumbers.count - 1] = Int32(cellRow) }
        }
        lastColumn = cellColumn
    }

    private static func type(_ bytes: UnsafeBufferPointer<UInt8>) -> CellType {
        switch bytes.count {
        case 1:
            switch bytes[0] {
            case UInt8(ascii: "s"): return .shared
            case UInt8(ascii: "n"): return .number
            case UInt8(ascii: "b"): return .bool
            case UInt8(ascii: "e"): return .error
            case UInt8(ascii: "d"): return .isoDate
            default: return .unknown
            }
        case 3 where bytes.elementsEqual("str".utf8): return .formulaString
        case 9 where bytes.elementsEqual("inlineStr".utf8): return .inline
        default: return .unknown
        }
    }

    private func endCell() {
        cellOpen = false
        collecting = false
        guard hasValue else { return }
        let column = Int32(cellColumn)
        do {
            let bytes = UnsafeBufferPointer(start: value, count: valueCount)
            switch cellType {
            case .number:
                guard !bytes.isEmpty, !bytes.allSatisfy(ValueText.isSpace) else { return }
                guard let number = ValueText.number(bytes) else {
                    return fail(bytes, expected: "a number")
                }
                let kind = cellStyle < dateKinds.count ? dateKinds[cellStyle] : nil
                if let kind {
                    let serial = ExcelDate(stored: number, date1904: date1904, kind: kind).serial
                    let rawKind = SheetBatch.Kind(kind)
                    batch.cells.append(.init(column: column, kind: rawKind, index: 0, number: serial))
                } else {
                    batch.cells.append(.init(column: column, kind: .number, index: 0, number: number))
                }
            case .shared:
                guard !bytes.isEmpty else { return }
                guard let index = ValueText.index(bytes), index <= Int(Int32.max) else {
                    return fail(bytes, expected: "a shared string index")
                }
                batch.cells.append(.init(column: column, kind: .shared, index: Int32(index), number: 0))
            case .bool:
                guard !bytes.isEmpty else { return }
                guard let flag = ValueText.bool(bytes) else { return fail(bytes, expected: "a boolean (0 or 1)") }
                batch.cells.append(.init(column: column, kind: .bool, index: 0, number: flag ? 1 : 0))
            case .error:
                _ = batch.texts.append(utf8: Array(bytes))
                batch.cells.append(.init(column: column, kind: .error, index: Int32(batch.texts.count - 1), number: 0))
            case .formulaString, .inline, .unknown:
                let text = Array(bytes)
                _ = batch.texts.append(utf8: EscapedText.decodedUTF8(text))
                batch.cells.append(.init(column: column, kind: .text, index: Int32(batch.texts.count - 1), number: 0))
            case .isoDate:
                guard !bytes.isEmpty else { return }
                guard let (serial, contentKind) = ValueText.isoDate(bytes) else {
                    return fail(bytes, expected: "an ISO 8601 date")
                }
                let styled = cellStyle < dateKinds.count ? dateKinds[cellStyle] : nil
                let kind = styled ?? contentKind
                let rawKind = SheetBatch.Kind(kind)
                batch.cells.append(.init(column: column, kind: rawKind, index: 0, number: serial))
            }
        }
    }

    /// Cell where the failure happened (row known only when the cell or row said so).
    private(set) var failedCell: String?

    private func fail(_ bytes: UnsafeBufferPointer<UInt8>, expected: String) {
        let found = String(decoding: bytes.prefix(64), as: UTF8.self)
        let row = cellRow > 0 ? cellRow : Int(batch.rowNumbers.last ?? 0)
        failedCell = row > 0 ? CellReference(row: row, column: cellColumn).description : CellReference.columnName(cellColumn)
        stop(.badCell(found: found, expected: expected))
    }
}
