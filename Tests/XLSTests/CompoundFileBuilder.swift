/// Builds small compound files and BIFF streams by hand, so that any field can be made hostile:
/// a version-3 file (512-byte sectors) with the given streams in the root storage, each stored in
/// FAT sectors (padded to 4096 bytes so no mini stream is involved).
struct CompoundFileBuilder {
    var streams: [(name: String, bytes: [UInt8])] = []

    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let free: UInt32 = 0xFFFF_FFFF

    /// The file, with the byte offsets of its parts for tests that corrupt them.
    struct Layout {
        var bytes: [UInt8]
        /// Sector number of each stream's first sector.
        var starts: [UInt32]
        var fatSector: UInt32
        var directorySector: UInt32
        func offset(ofSector sector: UInt32) -> Int { (Int(sector) + 1) * 512 }
        /// Byte offset of the FAT slot of `sector`.
        func fatSlot(_ sector: UInt32) -> Int { offset(ofSector: fatSector) + 4 * Int(sector) }
        /// Byte offset of directory entry `index` (0 is the root).
        func directoryEntry(_ index: Int) -> Int { offset(ofSector: directorySector) + 128 * index }

        mutating func put32(_ value: UInt32, at offset: Int) {
            for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
        }
    }

    func build() -> Layout {
        var sectors: [[UInt8]] = []
        var fat: [UInt32] = []
        var starts: [UInt32] = []
        var sizes: [Int] = []
        for stream in streams {
            var data = stream.bytes
            // Padded (as xlwt pads) and declared at the padded size, so the stream is in FAT sectors.
            if data.count < 4096 { data += [UInt8](repeating: 0, count: 4096 - data.count) }
            sizes.append(data.count)
            let first = sectors.count
            let count = (data.count + 511) / 512
            for i in 0..<count {
                var sector = Array(data[(i * 512)..<min(data.count, (i + 1) * 512)])
                sector += [UInt8](repeating: 0, count: 512 - sector.count)
                sectors.append(sector)
                fat.append(i + 1 < count ? UInt32(first + i + 1) : CompoundFileBuilder.endOfChain)
            }
            starts.append(UInt32(first))
        }
        // Directory: root + one entry per stream, siblings as a right-leaning chain.
        var directory: [UInt8] = []
        func entry(_ name: String, type: UInt8, start: UInt32, size: UInt32, child: UInt32, right: UInt32) -> [UInt8] {
            var raw: [UInt8] = Array(name.utf16).flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] } + [0, 0]
            let length = UInt16(raw.count)
            raw += [UInt8](repeating: 0, count: 64 - raw.count)
            let links: [UInt8] = le32(CompoundFileBuilder.free) + le32(right) + le32(child)
            raw += le16(length) + [type, 1] + links
            let tail: [UInt8] = le32(start) + le32(size) + le32(0)
            raw += [UInt8](repeating: 0, count: 16 + 4 + 16) + tail
            return raw
        }
        directory += entry("Root Entry", type: 5, start: CompoundFileBuilder.endOfChain, size: 0,
                           child: streams.isEmpty ? CompoundFileBuilder.free : 1, right: CompoundFileBuilder.free)
        for (i, stream) in streams.enumerated() {
            directory += entry(stream.name, type: 2, start: starts[i], size: UInt32(sizes[i]),
                               child: CompoundFileBuilder.free, right: i + 1 < streams.count ? UInt32(i + 2) : CompoundFileBuilder.free)
        }
        directory += [UInt8](repeating: 0, count: (512 - directory.count % 512) % 512)
        let directoryStart = UInt32(sectors.count)
        for i in 0..<(directory.count / 512) {
            sectors.append(Array(directory[(i * 512)..<((i + 1) * 512)]))
            fat.append(i + 1 < directory.count / 512 ? directoryStart + UInt32(i + 1) : CompoundFileBuilder.endOfChain)
        }
        let fatSector = UInt32(sectors.count)
        fat.append(0xFFFF_FFFD)
        precondition(fat.count <= 128, "one FAT sector only")
        fat += [UInt32](repeating: CompoundFileBuilder.free, count: 128 - fat.count)
        sectors.append(fat.flatMap(le32))

        var header: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 16)
        header += le16(0x3E) + le16(3) + le16(0xFFFE) + le16(9) + le16(6) + [UInt8](repeating: 0, count: 6)
        header += le32(0) + le32(1) + le32(directoryStart) + le32(0) + le32(4096)
        header += le32(CompoundFileBuilder.endOfChain) + le32(0) + le32(CompoundFileBuilder.endOfChain) + le32(0)
        header += le32(fatSector)
        for _ in 1..<109 { header += le32(CompoundFileBuilder.free) }
        return Layout(bytes: header + sectors.flatMap { $0 }, starts: starts, fatSector: fatSector, directorySector: directoryStart)
    }
}

func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) } }

/// BIFF8 records and streams for tests.
enum BIFF {
    static func record(_ type: UInt16, _ body: [UInt8]) -> [UInt8] { le16(type) + le16(UInt16(body.count)) + body }
    static func bof(_ kind: UInt16, version: UInt16 = 0x0600) -> [UInt8] { record(0x0809, le16(version) + le16(kind) + [UInt8](repeating: 0, count: 12)) }
    static let eof = record(0x000A, [])
    /// XLUnicodeString with a 2-byte count, UTF-16.
    static func wide(_ text: String) -> [UInt8] {
        le16(UInt16(text.utf16.count)) + [1] + text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] }
    }
    static func sst(_ strings: [String], declared: UInt32? = nil) -> [UInt8] {
        record(0x00FC, le32(UInt32(strings.count)) + le32(declared ?? UInt32(strings.count)) + strings.flatMap(wide))
    }
    static func labelSST(_ row: UInt16, _ column: UInt16, _ index: UInt32, xf: UInt16 = 15) -> [UInt8] {
        record(0x00FD, le16(row) + le16(column) + le16(xf) + le32(index))
    }
    static func number(_ row: UInt16, _ column: UInt16, _ value: Double, xf: UInt16 = 15) -> [UInt8] {
        record(0x0203, le16(row) + le16(column) + le16(xf) + (0..<8).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * UInt64($0))) })
    }
    static func xf(format: UInt16) -> [UInt8] { record(0x00E0, le16(0) + le16(format) + [UInt8](repeating: 0, count: 16)) }

    /// A workbook stream: globals (`globals` records after the BOF, 16 XFs with XF 15 = General and
    /// XF 16 = format 14, then BOUNDSHEETs and `strings`), one substream per sheet.
    static func workbook(globals: [[UInt8]] = [], strings: [String]? = nil, declaredStrings: UInt32? = nil,
                         sheets: [(name: String, records: [[UInt8]])], version: UInt16 = 0x0600) -> [UInt8] {
        func boundSheet(_ offset: UInt32, _ name: String) -> [UInt8] {
            let nameBytes: [UInt8] = version == 0x0600
                ? [UInt8(name.utf16.count), 1] + name.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] }
                : [UInt8(name.utf8.count)] + Array(name.utf8)
            return record(0x0085, le32(offset) + [0, 0] + nameBytes)
        }
        var head = bof(0x0005, version: version) + globals.flatMap { $0 }
        for _ in 0..<16 { head += xf(format: 0) }
        head += xf(format: 14)
        var tail = strings.map { sst($0, declared: declaredStrings) } ?? []
        tail += eof
        let placeholders = sheets.map { boundSheet(0, $0.name) }
        var offset = head.count + placeholders.reduce(0) { $0 + $1.count } + tail.count
        var bounds: [UInt8] = []
        var bodies: [UInt8] = []
        for sheet in sheets {
            bounds += boundSheet(UInt32(offset), sheet.name)
            let body = bof(0x0010, version: version) + sheet.records.flatMap { $0 } + eof
            bodies += body
            offset += body.count
        }
        return head + bounds + tail + bodies
    }

    static func file(_ stream: [UInt8], name: String = "Workbook") -> [UInt8] {
        CompoundFileBuilder(streams: [(name, stream)]).build().bytes
    }
}
