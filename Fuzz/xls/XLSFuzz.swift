// libFuzzer target for the legacy .xls/.et reader (compound file + BIFF). Built by Fuzz/run-xls.sh
// together with Sources/XLS (one module, so the target sees internal types too) against the XLSX and
// CSV modules; not part of the package.
//
// An input starting with the compound-file signature is a whole file. Any other input is a Workbook
// stream (BIFF records), put into a compound file here — with 512- or 4096-byte sectors, chosen by
// the input — so the fuzzer mutates records directly.
//
// Whatever the input, reading ends in rows or an XLSError; the rows keep the SheetRow invariants
// (row numbers rising, columns rising within a row, at least one cell), and reading a sheet twice
// gives the same rows and merged areas.

import XLSX

func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

let fuzzLimits = XLSLimits(maxStreamSize: 8 << 20, maxFileSize: 16 << 20)

@_cdecl("LLVMFuzzerTestOneInput")
public func xlsFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let file = input.starts(with: CompoundFile.signature) ? input : FuzzContainer.wrap(input, bigSectors: input.count % 3 == 0)
    let workbook: XLSWorkbook
    do {
        workbook = try XLSWorkbook(bytes: file, name: "fuzz.xls", limits: fuzzLimits)
    } catch is XLSError {
        return 0
    } catch {
        fatalError("not an XLSError: \(error)")
    }
    fuzzCheck(workbook.sheets.map(\.index) == Array(workbook.sheets.indices).map { $0 + 1 }, "sheet indices")
    for sheet in workbook.sheets {
        let first = read(workbook, sheet)
        let second = read(workbook, sheet)
        fuzzCheck(first == second, "reading sheet \(sheet.index) twice differs")
    }
    return 0
}

/// Rows printed one per string plus the merged areas, or the error's text.
func read(_ workbook: XLSWorkbook, _ sheet: SheetInfo) -> [String] {
    var lines: [String] = []
    var previous = 0
    do {
        try workbook.readRows(sheet) { row in
            fuzzCheck(row.number > previous, "row \(row.number) after \(previous)")
            fuzzCheck(!row.cells.isEmpty, "empty row \(row.number) delivered")
            for (a, b) in zip(row.cells, row.cells.dropFirst()) {
                fuzzCheck(a.column < b.column, "columns \(a.column), \(b.column) in row \(row.number)")
            }
            previous = row.number
            lines.append("\(row.number):" + row.cells.map { "\($0.column)=\(InspectFormat.render($0.value))" }.joined(separator: ","))
        }
        lines.append(contentsOf: try workbook.mergedRanges(sheet).map(\.description))
    } catch let error as XLSError {
        return ["error: \(error)"]
    } catch {
        fatalError("not an XLSError: \(error)")
    }
    return lines
}

/// A minimal compound file around one Workbook stream: version 3 (512-byte sectors) or 4 (4096).
enum FuzzContainer {
    static func wrap(_ stream: [UInt8], bigSectors: Bool) -> [UInt8] {
        let sector = bigSectors ? 4096 : 512
        var data = stream
        // Streams under 4096 bytes belong in the mini stream; padding keeps them in FAT sectors.
        if data.count < 4096 { data += [UInt8](repeating: 0, count: 4096 - data.count) }
        let streamSectors = (data.count + sector - 1) / sector
        data += [UInt8](repeating: 0, count: streamSectors * sector - data.count)
        let perFAT = sector / 4
        var fatSectors = 1
        while streamSectors + 1 + fatSectors > fatSectors * perFAT { fatSectors += 1 }
        let directorySector = streamSectors
        var fat: [UInt32] = (0..<streamSectors).map { $0 + 1 < streamSectors ? UInt32($0 + 1) : 0xFFFF_FFFE }
        fat.append(0xFFFF_FFFE)
        fat += [UInt32](repeating: 0xFFFF_FFFD, count: fatSectors)
        fat += [UInt32](repeating: 0xFFFF_FFFF, count: fatSectors * perFAT - fat.count)
        var directory = entry("Root Entry", type: 5, start: 0xFFFF_FFFE, size: 0, child: 1)
        directory += entry("Workbook", type: 2, start: 0, size: UInt32(data.count), child: 0xFFFF_FFFF)
        directory += [UInt8](repeating: 0, count: sector - directory.count)
        var header: [UInt8] = CompoundFile.signature + [UInt8](repeating: 0, count: 16)
        header += le16(0x3E) + le16(bigSectors ? 4 : 3) + le16(0xFFFE) + le16(bigSectors ? 12 : 9) + le16(6) + [UInt8](repeating: 0, count: 6)
        header += le32(bigSectors ? 1 : 0) + le32(UInt32(fatSectors)) + le32(UInt32(directorySector)) + le32(0) + le32(4096)
        header += le32(0xFFFF_FFFE) + le32(0) + le32(0xFFFF_FFFE) + le32(0)
        for i in 0..<109 { header += le32(i < fatSectors ? UInt32(streamSectors + 1 + i) : 0xFFFF_FFFF) }
        header += [UInt8](repeating: 0, count: sector - header.count)
        return header + data + directory + fat.flatMap(le32)
    }

    static func entry(_ name: String, type: UInt8, start: UInt32, size: UInt32, child: UInt32) -> [UInt8] {
        var raw: [UInt8] = name.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] } + [0, 0]
        let length = UInt16(raw.count)
        raw += [UInt8](repeating: 0, count: 64 - raw.count)
        raw += le16(length) + [type, 1]
        raw += le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le32(child)
        raw += [UInt8](repeating: 0, count: 36)
        raw += le32(start) + le32(size) + le32(0)
        return raw
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) } }
}
