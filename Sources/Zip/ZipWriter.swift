import CZlib

/// Writes a zip archive in memory, deterministically: entries in insertion order, every entry
/// dated 1980-01-01 00:00 (the earliest DOS date), UTF-8 names flagged, DEFLATE at level 6 unless
/// asked to store. The same inputs always give the same bytes, which keeps DOCX/XLSX outputs
/// byte-identical across reruns. zip64 records are written only when an entry or the archive
/// needs them.
public struct ZipWriter: Sendable {
    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1   // 1980-01-01
    static let utf8Flag: UInt16 = 1 << 11

    public init() {}

    public mutating func add(path: String, text: String) {
        add(path: path, bytes: Array(text.utf8))
    }

    public mutating func add(path: String, bytes: [UInt8], store: Bool = false) {
        let crc = CRC32.checksum(bytes)
        var method: UInt16 = store ? 0 : 8
        var payload = store ? bytes : ZipWriter.deflate(bytes)
        if !store && payload.count >= bytes.count && !bytes.isEmpty {
            method = 0                // incompressible: storing is smaller
            payload = bytes
        }
        let name = Array(path.utf8)
        let offset = output.count
        let needs64 = bytes.count >= 0xFFFF_FFFF || payload.count >= 0xFFFF_FFFF || offset >= 0xFFFF_FFFF
        var extra: [UInt8] = []
        if needs64 {
            extra.le16(0x0001); extra.le16(24)
            extra.le64(UInt64(bytes.count)); extra.le64(UInt64(payload.count)); extra.le64(UInt64(offset))
        }
        let size32 = { (n: Int) -> UInt32 in needs64 ? 0xFFFF_FFFF : UInt32(n) }

        output.le32(CentralDirectory.localSignature)
        output.le16(needs64 ? 45 : 20)
        output.le16(ZipWriter.utf8Flag)
        output.le16(method)
        output.le16(ZipWriter.dosTime); output.le16(ZipWriter.dosDate)
        output.le32(crc)
        output.le32(size32(payload.count)); output.le32(size32(bytes.count))
        output.le16(UInt16(name.count))
        let localExtra = needs64 ? Array(extra.prefix(20)) : []     // local zip64 field: sizes only
        var local = localExtra
        if needs64 { local[2] = 16; local[3] = 0 }
        output.le16(UInt16(local.count))
        output += name
        output += local
        output += payload

        central.le32(CentralDirectory.entrySignature)
        central.le16(needs64 ? 45 : 20)   // made by: MS-DOS compatible, spec version
        central.le16(needs64 ? 45 : 20)
        central.le16(ZipWriter.utf8Flag)
        central.le16(method)
        central.le16(ZipWriter.dosTime); central.le16(ZipWriter.dosDate)
        central.le32(crc)
        central.le32(size32(payload.count)); central.le32(size32(bytes.count))
        central.le16(UInt16(name.count))
        central.le16(UInt16(extra.count))
        central.le16(0)                   // comment
        central.le16(0)                   // disk
        central.le16(0)                   // internal attributes
        central.le32(0)                   // external attributes
        central.le32(size32(offset))
        central += name
        central += extra
        count += 1
    }

    /// The finished archive.
    public func finish() -> [UInt8] {
        var bytes = output
        let directoryOffset = bytes.count
        bytes += central
        let needs64 = count >= 0xFFFF || directoryOffset >= 0xFFFF_FFFF || central.count >= 0xFFFF_FFFF
        if needs64 {
            let record = bytes.count
            bytes.le32(CentralDirectory.zip64EndSignature)
            bytes.le64(44)
            bytes.le16(45); bytes.le16(45)
            bytes.le32(0); bytes.le32(0)
            bytes.le64(UInt64(count)); bytes.le64(UInt64(count))
            bytes.le64(UInt64(central.count)); bytes.le64(UInt64(directoryOffset))
            bytes.le32(CentralDirectory.zip64LocatorSignature)
            bytes.le32(0); bytes.le64(UInt64(record)); bytes.le32(1)
        }
        bytes.le32(CentralDirectory.endSignature)
        bytes.le16(0); bytes.le16(0)
        bytes.le16(needs64 ? 0xFFFF : UInt16(count)); bytes.le16(needs64 ? 0xFFFF : UInt16(count))
        bytes.le32(needs64 ? 0xFFFF_FFFF : UInt32(central.count))
        bytes.le32(needs64 ? 0xFFFF_FFFF : UInt32(directoryOffset))
        bytes.le16(0)
        return bytes
    }

    /// Raw DEFLATE (no zlib header), level 6.
    static func deflate(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                            zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return input }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
        var produced = 0
        input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                var consumed = 0
                var status = Z_OK
                repeat {
                    if stream.avail_in == 0 && consumed < source.count {
                        let n = min(source.count - consumed, 1 << 30)
                        stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress!.advanced(by: consumed)
                            .assumingMemoryBound(to: Bytef.self))
                        stream.avail_in = uInt(n)
                        consumed += n
                    }
                    let room = min(target.count - produced, 1 << 30)
                    stream.next_out = target.baseAddress!.advanced(by: produced).assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(room)
                    status = CZlib.deflate(&stream, consumed < source.count ? Z_NO_FLUSH : Z_FINISH)
                    produced += room - Int(stream.avail_out)
                } while status == Z_OK || (status == Z_BUF_ERROR && produced < target.count)
            }
        }
        return Array(output.prefix(produced))
    }
}

extension Array where Element == UInt8 {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { for s in stride(from: 0, to: 32, by: 8) { append(UInt8((v >> UInt32(s)) & 0xFF)) } }
    mutating func le64(_ v: UInt64) { for s in stride(from: 0, to: 64, by: 8) { append(UInt8((v >> UInt64(s)) & 0xFF)) } }
}
