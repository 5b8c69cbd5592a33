/// One BIFF record of the Workbook stream: its type and where its body lies. Records are at most
/// 8224 bytes in BIFF8; longer content continues in CONTINUE records that follow.
struct BIFFRecord {
    let type: UInt16
    /// Offset of the record's header in the stream (for error messages).
    let offset: Int
    let body: Range<Int>

    static let bof: UInt16 = 0x0809
    static let eof: UInt16 = 0x000A
    static let boundSheet: UInt16 = 0x0085
    static let continued: UInt16 = 0x003C
    static let sst: UInt16 = 0x00FC
    static let labelSST: UInt16 = 0x00FD
    static let label: UInt16 = 0x0204
    static let richString: UInt16 = 0x00D6
    static let number: UInt16 = 0x0203
    static let rk: UInt16 = 0x027E
    static let mulRK: UInt16 = 0x00BD
    static let boolErr: UInt16 = 0x0205
    static let formula: UInt16 = 0x0006
    static let formulaBIFF4: UInt16 = 0x0406
    static let string: UInt16 = 0x0207
    static let format: UInt16 = 0x041E
    static let xf: UInt16 = 0x00E0
    static let dateMode: UInt16 = 0x0022
    static let mergedCells: UInt16 = 0x00E5
    static let codePage: UInt16 = 0x0042
    static let filePass: UInt16 = 0x002F
    static let sharedFormula: UInt16 = 0x04BC
    static let array: UInt16 = 0x0221
    static let table: UInt16 = 0x0236

    /// The name MS-XLS gives a record type, for error messages.
    static func name(_ type: UInt16) -> String {
        switch type {
        case bof: return "BOF"
        case eof: return "EOF"
        case boundSheet: return "BOUNDSHEET"
        case continued: return "CONTINUE"
        case sst: return "SST"
        case labelSST: return "LABELSST"
        case label: return "LABEL"
        case richString: return "RSTRING"
        case number: return "NUMBER"
        case rk: return "RK"
        case mulRK: return "MULRK"
        case boolErr: return "BOOLERR"
        case formula, formulaBIFF4: return "FORMULA"
        case string: return "STRING"
        case format: return "FORMAT"
        case xf: return "XF"
        case dateMode: return "DATEMODE"
        case mergedCells: return "MERGEDCELLS"
        case codePage: return "CODEPAGE"
        case filePass: return "FILEPASS"
        default: return "0x" + String(type, radix: 16, uppercase: true)
        }
    }

    /// The record at `offset`, or nil at the end of the stream; a header or body cut off by the end
    /// of the stream is an error.
    @inline(__always)
    static func at(_ offset: Int, in stream: UnsafeRawBufferPointer) throws(XLSError.Kind) -> BIFFRecord? {
        guard offset + 4 <= stream.count else {
            if offset >= stream.count { return nil }
            throw .malformedRecord("记录头在数据流末尾被截断 (record header cut off)")
        }
        let type = stream.le16(offset)
        let length = Int(stream.le16(offset + 2))
        guard offset + 4 + length <= stream.count else {
            throw .malformedRecord("\(name(type)) 记录超出数据流末尾 (record past the end of the stream)")
        }
        return BIFFRecord(type: type, offset: offset, body: (offset + 4)..<(offset + 4 + length))
    }

    var next: Int { body.upperBound }
}

extension UnsafeRawBufferPointer {
    @inline(__always) func le16(_ offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    @inline(__always) func le32(_ offset: Int) -> UInt32 {
        loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian
    }

    @inline(__always) func le64(_ offset: Int) -> UInt64 {
        loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
    }
}
