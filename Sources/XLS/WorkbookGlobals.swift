import XLSX

/// What the workbook-globals substream says: BIFF version, code page, date system, number formats
/// and cell formats (→ date kinds, by the same classifier as .xlsx), the sheets, the shared strings.
struct WorkbookGlobals {
    struct Sheet {
        let name: String
        let visibility: SheetVisibility
        /// Offset of the sheet's BOF in the Workbook stream.
        let offset: Int
    }

    /// 8 (Excel 97–2003, WPS) or 5 (Excel 5.0/95).
    var biff = 8
    var codePage = 1252
    var date1904 = false
    var sheets: [Sheet] = []
    var sharedStrings: [String] = []
    /// Per XF record (the cell's ixfe): the date kind of its number format, nil for plain numbers.
    var dateKinds: [DateKind?] = []

    /// Parses from the stream's first record to the globals' EOF. Errors carry the record and offset.
    init(stream: UnsafeRawBufferPointer, file: String) throws(XLSError) {
        var formats: [Int: String] = [:]
        var formatOfXF: [Int] = []
        var units = TextBuffers()
        var offset = 0
        var current: BIFFRecord?
        func located(_ kind: XLSError.Kind) -> XLSError {
            XLSError(kind, file: file, record: current.map { BIFFRecord.name($0.type) }, offset: current?.offset)
        }
        do throws(XLSError.Kind) {
            guard let bof = try BIFFRecord.at(0, in: stream) else { throw .empty }
            current = bof
            biff = try WorkbookGlobals.version(of: bof, in: stream)
            offset = bof.next
            while let record = try BIFFRecord.at(offset, in: stream) {
                current = record
                offset = record.next
                let body = UnsafeRawBufferPointer(rebasing: stream[record.body])
                switch record.type {
                case BIFFRecord.eof:
                    break
                case BIFFRecord.filePass:
                    throw .passwordProtected
                case BIFFRecord.codePage:
                    guard body.count >= 2 else { throw .malformedRecord("CODEPAGE 太短 (too short)") }
                    codePage = Int(body.le16(0))
                case BIFFRecord.dateMode:
                    guard body.count >= 2 else { throw .malformedRecord("DATEMODE 太短 (too short)") }
                    date1904 = body.le16(0) == 1
                case BIFFRecord.format:
                    var reader = try ContinuedRecord(record, in: stream)
                    let id = Int(try reader.u16())
                    formats[id] = try string(&reader, lengthBytes: biff == 8 ? 2 : 1, units: &units)
                case BIFFRecord.xf:
                    guard body.count >= 4 else { throw .malformedRecord("XF 太短 (too short)") }
                    formatOfXF.append(Int(body.le16(2)))
                case BIFFRecord.boundSheet:
                    var reader = try ContinuedRecord(record, in: stream)
                    let position = Int(try reader.u32())
                    let state = try reader.byte() & 3
                    let type = try reader.byte()
                    let name = try string(&reader, lengthBytes: 1, units: &units)
                    // Worksheets and macro sheets hold cells; chart sheets and VB modules do not.
                    guard type == 0 || type == 1 else { continue }
                    let visibility: SheetVisibility = state == 1 ? .hidden : state == 2 ? .veryHidden : .visible
                    sheets.append(Sheet(name: name, visibility: visibility, offset: position))
                case BIFFRecord.sst:
                    sharedStrings = try WorkbookGlobals.sharedStrings(record, in: stream, units: &units)
                default:
                    continue
                }
                if record.type == BIFFRecord.eof { break }
            }
        } catch {
            throw located(error)
        }
        dateKinds = formatOfXF.map { id in
            if let code = formats[id] { return NumberFormat.dateKind(code: code) }
            return NumberFormat.builtinDateKind(id)
        }
    }

    /// 8 or 5 from a BOF record; earlier versions are refused.
    static func version(of bof: BIFFRecord, in stream: UnsafeRawBufferPointer) throws(XLSError.Kind) -> Int {
        switch bof.type {
        case BIFFRecord.bof:
            guard bof.body.count >= 4 else { throw .malformedRecord("BOF 太短 (too short)") }
            let version = stream.le16(bof.body.lowerBound)
            switch version {
            case 0x0600: return 8
            case 0x0500: return 5
            default: throw .unsupportedVersion("BIFF 0x" + String(version, radix: 16))
            }
        case 0x0009: throw .unsupportedVersion("BIFF2")
        case 0x0209: throw .unsupportedVersion("BIFF3")
        case 0x0409: throw .unsupportedVersion("BIFF4")
        default: throw .malformedRecord("数据流不以 BOF 记录开头 (the stream does not start with BOF)")
        }
    }

    /// A string of the globals: BIFF8 `cch` (1 or 2 bytes), flags, characters; BIFF5 `cch` and bytes
    /// in the code page.
    func string(_ reader: inout ContinuedRecord, lengthBytes: Int, units: inout TextBuffers) throws(XLSError.Kind) -> String {
        let count = lengthBytes == 2 ? Int(try reader.u16()) : Int(try reader.byte())
        if biff == 8 {
            let flags = try reader.byte()
            return try reader.characters(count, highByte: flags & 1 != 0, text: &units)
        }
        return try reader.codePageText(count, page: codePage)
    }

    /// The SST record and its CONTINUEs: `cstUnique` XLUnicodeRichExtendedStrings, rich-text runs and
    /// phonetic blocks skipped. A count larger than the records hold ends where they end, as Excel
    /// and calamine read such files (some writers put the total of references there); a cell
    /// pointing past the strings present is then the error, naming the cell.
    static func sharedStrings(_ record: BIFFRecord, in stream: UnsafeRawBufferPointer,
                              units: inout TextBuffers) throws(XLSError.Kind) -> [String] {
        var reader = try ContinuedRecord(record, in: stream)
        _ = try reader.u32()
        let declared = Int(try reader.u32())
        // Each string takes at least 3 bytes (cch and flags): what is reserved is bounded by the
        // records, whatever the count claims; a count the records do not hold ends where they end.
        var strings: [String] = []
        strings.reserveCapacity(min(declared, (reader.end - record.body.lowerBound) / 3))
        for _ in 0..<declared {
            if reader.isAtEnd { break }
            let count = Int(try reader.u16())
            let flags = try reader.byte()
            let runs = flags & 0x08 != 0 ? Int(try reader.u16()) : 0
            let phonetic = flags & 0x04 != 0 ? Int(try reader.u32()) : 0
            strings.append(try reader.characters(count, highByte: flags & 1 != 0, text: &units))
            try reader.skip(4 * runs)
            try reader.skip(phonetic)
        }
        return strings
    }
}

extension ContinuedRecord {
    /// BIFF5 text of `count` bytes in a code page.
    mutating func codePageText(_ count: Int, page: Int) throws(XLSError.Kind) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for _ in 0..<count { bytes.append(try byte()) }
        let decoded = bytes.withUnsafeBytes { raw in Result { () throws(XLSError.Kind) in try CodePage.decode(raw, page: page) } }
        return try decoded.get()
    }
}
