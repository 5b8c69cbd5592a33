/// An OLE2 compound file (MS-CFB), the container of .xls and .et workbooks: a FAT of sector chains,
/// a directory of streams, and a mini stream (with its own mini FAT) for streams under the cutoff.
///
/// Nothing in the file is trusted: every sector number is checked against the file, every chain is
/// walked at most once per sector the table holds (so a loop ends in an error, not a hang), and
/// every size is compared with what the file can hold before anything is allocated.
struct CompoundFile {
    struct Entry {
        let name: String
        /// 1 storage, 2 stream, 5 root.
        let type: UInt8
        let start: UInt32
        let size: Int
    }

    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let freeSector: UInt32 = 0xFFFF_FFFF
    /// Sector numbers above this are markers, never sectors.
    static let maxRegularSector: UInt32 = 0xFFFF_FFFA

    let bytes: [UInt8]
    let sectorSize: Int
    let miniSectorSize: Int
    let miniStreamCutoff: Int
    /// Sectors wholly or partly in the file after the header.
    let sectorCount: Int
    let fat: [UInt32]
    let miniFAT: [UInt32]
    let entries: [Entry]
    /// The root entry's stream: where mini-stream sectors live.
    private let miniStream: [UInt8]

    static func isCompoundFile(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 8 && bytes.prefix(8).elementsEqual(signature)
    }

    init(bytes: [UInt8], limits: XLSLimits) throws(XLSError.Kind) {
        self.bytes = bytes
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count >= 8, bytes[0..<8].elementsEqual(CompoundFile.signature) else { throw .notCompoundFile }
        guard bytes.count >= 512 else { throw .truncated("文件头不足 512 字节 (header cut off)") }
        let major = bytes.le16(26)
        let sectorShift = bytes.le16(30)
        let miniShift = bytes.le16(32)
        guard bytes.le16(28) == 0xFFFE else { throw .corruptContainer("字节序标记错误 (bad byte-order mark)") }
        // Version 3 files use 512-byte sectors, version 4 files 4096; a few writers pair them otherwise,
        // which readers accept, but no other size exists.
        guard (major == 3 || major == 4), sectorShift == 9 || sectorShift == 12 else {
            throw .corruptContainer("扇区大小 2^\(sectorShift) 无效 (bad sector size)")
        }
        guard miniShift == 6 else { throw .corruptContainer("小扇区大小 2^\(miniShift) 无效 (bad mini sector size)") }
        sectorSize = 1 << Int(sectorShift)
        miniSectorSize = 64
        miniStreamCutoff = Int(bytes.le32(56))
        guard miniStreamCutoff == 4096 else { throw .corruptContainer("小流上限 \(miniStreamCutoff) 无效 (bad mini stream cutoff)") }
        sectorCount = bytes.count <= sectorSize ? 0 : (bytes.count - sectorSize + sectorSize - 1) / sectorSize

        let fatSectorCount = Int(bytes.le32(44))
        let firstDirectory = bytes.le32(48)
        let firstMiniFAT = bytes.le32(60)
        let miniFATSectorCount = Int(bytes.le32(64))
        let firstDIFAT = bytes.le32(68)
        // The FAT's own sectors are in the file, so there cannot be more of them than sectors.
        guard fatSectorCount <= sectorCount, miniFATSectorCount <= sectorCount else {
            // Most often a file cut short while it was copied; a hostile claim (2^31 sectors) ends here too.
            throw .truncated("分配表声明 \(max(fatSectorCount, miniFATSectorCount)) 个扇区，文件只有 \(sectorCount) 个 (FAT larger than the file)")
        }

        // DIFAT: 109 FAT sector numbers in the header, the rest in a chain of DIFAT sectors whose last
        // slot links to the next.
        var fatSectors: [UInt32] = []
        fatSectors.reserveCapacity(fatSectorCount)
        for i in 0..<109 where fatSectors.count < fatSectorCount {
            fatSectors.append(bytes.le32(76 + 4 * i))
        }
        var difat = firstDIFAT
        var difatSeen = 0
        let perDIFAT = sectorSize / 4 - 1
        while fatSectors.count < fatSectorCount {
            guard difat <= CompoundFile.maxRegularSector, Int(difat) < sectorCount else {
                throw .truncated("DIFAT 扇区 \(difat) 超出文件 (DIFAT sector past the end)")
            }
            difatSeen += 1
            guard difatSeen <= sectorCount else {
                throw .corruptContainer("DIFAT 链循环 (DIFAT chain loops)")
            }
            let base = CompoundFile.offset(of: difat, sectorSize: sectorSize)
            guard base + sectorSize <= bytes.count else { throw .truncated("DIFAT 扇区不完整 (DIFAT sector cut off)") }
            for i in 0..<perDIFAT where fatSectors.count < fatSectorCount {
                fatSectors.append(bytes.le32(base + 4 * i))
            }
            difat = bytes.le32(base + 4 * perDIFAT)
        }

        var fat: [UInt32] = []
        fat.reserveCapacity(fatSectorCount * sectorSize / 4)
        for sector in fatSectors {
            guard sector <= CompoundFile.maxRegularSector, Int(sector) < sectorCount else {
                throw .truncated("FAT 扇区 \(sector) 超出文件 (FAT sector past the end)")
            }
            let base = CompoundFile.offset(of: sector, sectorSize: sectorSize)
            guard base + sectorSize <= bytes.count else { throw .truncated("FAT 扇区不完整 (FAT sector cut off)") }
            for i in 0..<(sectorSize / 4) { fat.append(bytes.le32(base + 4 * i)) }
        }
        self.fat = fat

        // Directory: 128-byte entries in the chain from firstDirectory.
        let directory = try CompoundFile.chainBytes(bytes, fat: fat, start: firstDirectory, sectorSize: sectorSize,
                                                    sectorCount: sectorCount, size: nil, what: "目录 (directory)")
        var entries: [Entry] = []
        entries.reserveCapacity(directory.count / 128)
        for base in stride(from: 0, to: directory.count - 127, by: 128) {
            let nameLength = min(Int(directory.le16(base + 64)), 64)
            var units: [UInt16] = []
            for i in stride(from: 0, to: max(nameLength - 2, 0), by: 2) { units.append(directory.le16(base + i)) }
            let type = directory[base + 66]
            var size = Int(directory.le32(base + 120))
            // Version 3 files keep only 32 bits of size; the high half may hold garbage.
            if major == 4 { size |= Int(directory.le32(base + 124) & 0x7FFF_FFFF) << 32 }
            entries.append(Entry(name: String(decoding: units, as: UTF16.self), type: type, start: directory.le32(base + 116), size: size))
        }
        self.entries = entries
        guard let root = entries.first, root.type == 5 else { throw .corruptContainer("缺少根目录项 (no root entry)") }

        if miniFATSectorCount > 0, firstMiniFAT <= CompoundFile.maxRegularSector {
            let table = try CompoundFile.chainBytes(bytes, fat: fat, start: firstMiniFAT, sectorSize: sectorSize,
                                                    sectorCount: sectorCount, size: nil, what: "小扇区分配表 (mini FAT)")
            miniFAT = (0..<(table.count / 4)).map { table.le32($0 * 4) }
        } else {
            miniFAT = []
        }
        guard root.size <= bytes.count else { throw .truncated("小流大于文件 (mini stream larger than the file)") }
        miniStream = root.size == 0 || root.start > CompoundFile.maxRegularSector ? [] :
            try CompoundFile.chainBytes(bytes, fat: fat, start: root.start, sectorSize: sectorSize,
                                        sectorCount: sectorCount, size: root.size, what: "小流 (mini stream)")
        _ = limits
    }

    /// The first stream entry with one of `names` (compared ignoring case), in the order of `names`.
    func entry(named names: [String]) -> Entry? {
        for name in names {
            if let entry = entries.first(where: { $0.type == 2 && $0.name.lowercased() == name.lowercased() }) { return entry }
        }
        return nil
    }

    /// A stream's bytes, from the FAT or, under the cutoff, from the mini stream.
    func read(_ entry: Entry, limits: XLSLimits) throws(XLSError.Kind) -> [UInt8] {
        guard entry.size <= bytes.count else {
            throw .truncated("数据流「\(entry.name)」声明 \(entry.size) 字节，大于文件 (stream larger than the file)")
        }
        guard entry.size <= limits.maxStreamSize else { throw .tooLarge(what: "the Workbook stream", limit: limits.maxStreamSize) }
        if entry.size == 0 { return [] }
        if entry.size < miniStreamCutoff {
            return try CompoundFile.chainBytes(miniStream, fat: miniFAT, start: entry.start, sectorSize: miniSectorSize,
                                               sectorCount: miniStream.count / miniSectorSize, size: entry.size,
                                               what: "数据流「\(entry.name)」(stream)", headerSectors: 0)
        }
        return try CompoundFile.chainBytes(bytes, fat: fat, start: entry.start, sectorSize: sectorSize,
                                           sectorCount: sectorCount, size: entry.size, what: "数据流「\(entry.name)」(stream)")
    }

    /// Where a sector starts: the header takes the first sector's place.
    @inline(__always) static func offset(of sector: UInt32, sectorSize: Int, headerSectors: Int = 1) -> Int {
        (Int(sector) + headerSectors) * sectorSize
    }

    /// The bytes of the chain from `start`: `size` bytes (nil: the whole chain). A chain that loops,
    /// leaves the table or the file, or ends before `size`, is an error.
    static func chainBytes(_ bytes: [UInt8], fat: [UInt32], start: UInt32, sectorSize: Int, sectorCount: Int,
                           size: Int?, what: String, headerSectors: Int = 1) throws(XLSError.Kind) -> [UInt8] {
        var out: [UInt8] = []
        if let size { out.reserveCapacity(size) }
        var sector = start
        // A sector met twice is a loop, even one that the declared size would end: each sector of a
        // chain is marked once (one bit per sector of the table), so a chain costs at most one pass.
        var visited = [UInt64](repeating: 0, count: (min(fat.count, sectorCount) + 63) / 64)
        while sector != endOfChain {
            if let size, out.count >= size { break }
            guard sector <= maxRegularSector, Int(sector) < fat.count else {
                throw .corruptContainer("\(what)的扇区链指向不存在的扇区 \(sector) (chain leaves the table)")
            }
            guard Int(sector) < sectorCount else { throw .truncated("\(what)的扇区 \(sector) 超出文件 (sector past the end)") }
            let (word, bit) = (Int(sector) >> 6, UInt64(1) << UInt64(sector & 63))
            guard visited[word] & bit == 0 else { throw .corruptContainer("\(what)的扇区链循环 (sector chain loops)") }
            visited[word] |= bit
            let base = offset(of: sector, sectorSize: sectorSize, headerSectors: headerSectors)
            let wanted = size.map { min(sectorSize, $0 - out.count) } ?? sectorSize
            // The file's last sector may be short when the stream ends inside it.
            let end = min(base + wanted, bytes.count)
            guard end - base == wanted || size == nil else { throw .truncated("\(what)的扇区 \(sector) 不完整 (sector cut off)") }
            out.append(contentsOf: bytes[base..<end])
            sector = fat[Int(sector)]
        }
        if let size, out.count < size {
            throw .truncated("\(what)声明 \(size) 字节，扇区链只有 \(out.count) 字节 (chain shorter than the stream)")
        }
        return out
    }
}

extension Array where Element == UInt8 {
    @inline(__always) func le16(_ offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    @inline(__always) func le32(_ offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16 | UInt32(self[offset + 3]) << 24
    }
}
