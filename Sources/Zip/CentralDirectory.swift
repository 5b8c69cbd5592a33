/// Finds and parses a zip archive's central directory (with zip64 records when present), and
/// tells other containers apart: an OLE/CFB file is either an encrypted workbook or an old .xls.
enum CentralDirectory {
    static let endSignature: UInt32 = 0x0605_4B50
    static let zip64EndSignature: UInt32 = 0x0606_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    static let entrySignature: UInt32 = 0x0201_4B50
    static let localSignature: UInt32 = 0x0403_4B50
    static let cfbMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The entries of an archive of `fileSize` bytes, read through `fetch(offset, count)` (which
    /// returns exactly those bytes or throws): only the head, the tail, the zip64 record and the
    /// directory itself are fetched, so a file is never mapped or read whole.
    static func read(fileSize: Int, fetch: (Int, Int) throws(ZipError) -> [UInt8]) throws(ZipError) -> [ZipEntry] {
        guard fileSize > 0 else { throw .empty }
        let head = try fetch(0, min(fileSize, 8))
        if head.count == 8, head == cfbMagic {
            let prefix = try fetch(0, min(fileSize, 4 << 20))
            throw prefix.withUnsafeBytes { classifyCompoundFile($0) }
        }
        // The end record is in the last 22 + 65 535 bytes; the zip64 locator in the 20 before it.
        let tailStart = max(0, fileSize - (22 + 0xFFFF + 20))
        let tail = try fetch(tailStart, fileSize - tailStart)
        let found = tail.withUnsafeBytes { data in Result { () throws(ZipError) -> (count: Int, size: Int, offset: Int)? in
            guard let relative = findEndRecord(data) else { return nil }
            var count = Int(data.le16(relative + 10))
            var size = Int(data.le32(relative + 12))
            var offset = Int(data.le32(relative + 16))
            if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
                let locator = relative - 20
                guard locator >= 0, data.le32(locator) == zip64LocatorSignature else {
                    throw .truncated("缺少 zip64 目录 (missing zip64 locator)")
                }
                let record64 = data.le64(locator + 8)
                // (A file too short to hold the 56-byte record is refused before subtracting.)
                guard fileSize >= 56, record64 <= UInt64(fileSize - 56) else {
                    throw .truncated("zip64 目录位置有误 (bad zip64 end record)")
                }
                let record = try fetch(Int(record64), 56)
                let (count64, size64, offset64): (UInt64, UInt64, UInt64) = record.withUnsafeBytes { r in
                    (r.le32(0) == zip64EndSignature ? r.le64(32) : UInt64.max, r.le64(40), r.le64(48))
                }
                guard count64 != UInt64.max else { throw .truncated("zip64 目录位置有误 (bad zip64 end record)") }
                guard count64 < UInt64(Int32.max), size64 <= UInt64(fileSize), offset64 <= UInt64(fileSize) else {
                    throw .truncated("zip64 目录超出文件 (zip64 directory past the end)")
                }
                count = Int(count64); size = Int(size64); offset = Int(offset64)
            }
            return (count, size, offset)
        } }
        guard let (count, size, offset) = try found.get() else {
            if head.count >= 4, head[0..<4].elementsEqual([0x50, 0x4B, 0x03, 0x04]) { throw .truncated("找不到目录 (no central directory)") }
            throw .notZip
        }
        guard offset <= fileSize, size <= fileSize - offset else {
            throw .truncated("目录超出文件末尾 (central directory past the end)")
        }
        let directory = try fetch(offset, size)
        return try directory.withUnsafeBytes { data in
            Result { () throws(ZipError) in try entries(data, count: count, fileSize: fileSize) }
        }.get()
    }

    /// The `count` entries of a central directory (`data` holds exactly the directory).
    static func entries(_ data: UnsafeRawBufferPointer, count: Int, fileSize: Int) throws(ZipError) -> [ZipEntry] {
        var entries: [ZipEntry] = []
        entries.reserveCapacity(min(count, 100_000))
        var p = 0
        let limit = data.count
        for _ in 0..<count {
            guard p + 46 <= limit, data.le32(p) == entrySignature else {
                throw .truncated("目录项不完整 (central directory entry cut off)")
            }
            let flags = data.le16(p + 8)
            let method = data.le16(p + 10)
            let crc = data.le32(p + 16)
            var compressed = UInt64(data.le32(p + 20))
            var uncompressed = UInt64(data.le32(p + 24))
            let nameLength = Int(data.le16(p + 28))
            let extraLength = Int(data.le16(p + 30))
            let commentLength = Int(data.le16(p + 32))
            var localOffset = UInt64(data.le32(p + 42))
            let nameStart = p + 46
            let extraStart = nameStart + nameLength
            let next = extraStart + extraLength + commentLength
            guard next <= limit else { throw .truncated("目录项不完整 (central directory entry cut off)") }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: data[nameStart..<extraStart]), as: UTF8.self)

            // zip64 extended information: only the fields whose 32-bit value is saturated, in order.
            var e = extraStart
            while e + 4 <= extraStart + extraLength {
                let id = data.le16(e), length = Int(data.le16(e + 2))
                let fieldEnd = e + 4 + length
                guard fieldEnd <= extraStart + extraLength else { break }
                if id == 0x0001 {
                    var f = e + 4
                    if uncompressed == 0xFFFF_FFFF, f + 8 <= fieldEnd { uncompressed = data.le64(f); f += 8 }
                    if compressed == 0xFFFF_FFFF, f + 8 <= fieldEnd { compressed = data.le64(f); f += 8 }
                    if localOffset == 0xFFFF_FFFF, f + 8 <= fieldEnd { localOffset = data.le64(f); f += 8 }
                }
                e = fieldEnd
            }
            guard compressed <= UInt64(fileSize), localOffset <= UInt64(fileSize),
                  uncompressed <= UInt64(Int.max / 2) else {
                throw .truncated("\(name) 超出文件末尾 (entry past the end)")
            }
            entries.append(ZipEntry(path: name, compressedSize: Int(compressed), uncompressedSize: Int(uncompressed),
                                    method: method, crc32: crc, flags: flags, localHeaderOffset: Int(localOffset)))
            p = next
        }
        return entries
    }

    /// The end-of-central-directory record: 22 bytes plus a comment of up to 64 KiB at the end.
    static func findEndRecord(_ data: UnsafeRawBufferPointer) -> Int? {
        guard data.count >= 22 else { return nil }
        let lowest = max(0, data.count - 22 - 0xFFFF)
        var p = data.count - 22
        while p >= lowest {
            if data[p] == 0x50, data.le32(p) == endSignature, p + 22 + Int(data.le16(p + 20)) <= data.count {
                return p
            }
            p -= 1
        }
        return nil
    }

    /// Office wraps an encrypted .xlsx in a Compound File whose directory names the streams
    /// `EncryptionInfo` and `EncryptedPackage`; an old .xls is a Compound File with a `Workbook`
    /// or `Book` stream. Looking for the UTF-16LE stream name is enough to tell them apart.
    static func classifyCompoundFile(_ data: UnsafeRawBufferPointer) -> ZipError {
        let marker = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let bytes = Array(data.prefix(4 << 20))
        if bytes.count >= marker.count {
            var i = 0
            let last = bytes.count - marker.count
            while i <= last {
                if bytes[i] == marker[0], Array(bytes[i..<(i + marker.count)]) == marker { return .passwordProtected }
                i += 1
            }
        }
        return .legacyXLS
    }
}
