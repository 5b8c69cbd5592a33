import Foundation
import Testing
@testable import Zip

/// Broken and hostile archives: each gets its own clear error, in bounded time and memory.
@Suite struct HostileArchiveTests {
    func sample() -> [UInt8] {
        var writer = ZipWriter()
        writer.add(path: "xl/sheet.xml", text: String(repeating: "<row><c><v>1</v></c></row>", count: 2000))
        return writer.finish()
    }

    func error(_ bytes: [UInt8], limits: ZipLimits = .default, read: Bool = true) -> ZipError? {
        do {
            let archive = try ZipArchive(bytes: bytes, limits: limits)
            if read { for e in archive.entries { _ = try archive.read(e) } }
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyFile() {
        #expect(error([]) == .empty)
    }

    @Test func notAZip() {
        #expect(error(Array("序号,区县,死亡人数\n1,东城区,0\n".utf8)) == .notZip)
    }

    @Test func truncatedArchive() {
        let bytes = sample()
        #expect(error(Array(bytes.prefix(bytes.count / 2))).map { if case .truncated = $0 { true } else { false } } == true)
        #expect(error(Array(bytes.prefix(bytes.count - 5))) != nil)
    }

    /// A zip64 locator and end record alone (42 bytes): too short for the zip64 end record it
    /// points to. Found by the fuzz target (it trapped on a negative size).
    @Test func zip64LocatorInATinyFile() {
        var bytes: [UInt8] = []
        bytes.le32(0x0706_4B50); bytes.le32(0); bytes.le64(0); bytes.le32(1)           // locator → offset 0
        bytes.le32(0x0605_4B50); bytes.le16(0); bytes.le16(0)                           // end record
        bytes.le16(0xFFFF); bytes.le16(0xFFFF); bytes.le32(0xFFFF_FFFF); bytes.le32(0xFFFF_FFFF); bytes.le16(0)
        #expect(bytes.count == 42)
        #expect(error(bytes).map { if case .truncated = $0 { true } else { false } } == true)
    }

    @Test func badCRC() {
        var bytes = sample()
        // The CRC field of the central directory entry (offset 16 within it).
        let directory = bytes.count - 22 - (46 + "xl/sheet.xml".utf8.count)
        bytes[directory + 16] ^= 0xFF
        #expect(error(bytes) == .badCRC("xl/sheet.xml"))
    }

    @Test func corruptDeflateData() {
        var bytes = sample()
        for i in 40..<60 { bytes[i] = 0xFF }
        #expect(error(bytes) != nil)
    }

    @Test func encryptedEntry() {
        var bytes = sample()
        let directory = bytes.count - 22 - (46 + "xl/sheet.xml".utf8.count)
        bytes[directory + 8] |= 1
        #expect(error(bytes) == .encryptedEntry("xl/sheet.xml"))
    }

    @Test func compoundFileIsPasswordProtectedOrLegacyXLS() {
        let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        let name = "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let encrypted = magic + [UInt8](repeating: 0, count: 600) + name + [UInt8](repeating: 0, count: 200)
        #expect(error(encrypted) == .passwordProtected)
        let workbook = "Workbook".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let legacy = magic + [UInt8](repeating: 0, count: 600) + workbook + [UInt8](repeating: 0, count: 200)
        #expect(error(legacy) == .legacyXLS)
        #expect(ZipError.passwordProtected.description.contains("password-protected"))
        #expect(ZipError.legacyXLS.description.contains("old .xls format"))
    }

    @Test func declaredSizeOverTheLimitIsRefusedBeforeInflating() {
        var limits = ZipLimits.default
        limits.maxEntrySize = 10_000
        #expect(error(sample(), limits: limits) == .tooLarge("xl/sheet.xml", limit: 10_000))
    }

    /// A real high-ratio bomb: 200 MB of zeros deflate to about 200 KB. The ratio check stops it
    /// after the threshold, without inflating the rest or holding it in memory.
    @Test func zerosBombIsStoppedByTheRatioLimit() {
        var writer = ZipWriter()
        writer.add(path: "xl/worksheets/sheet1.xml", bytes: [UInt8](repeating: 0, count: 200 << 20))
        let bytes = writer.finish()
        #expect(bytes.count < 400_000)
        let started = Date()
        var streamed = 0
        do {
            let archive = try ZipArchive(bytes: bytes)
            try archive.stream(archive.entries[0]) { streamed += $0.count }
            Issue.record("bomb was inflated completely")
        } catch let e as ZipError {
            #expect(e == .ratioExceeded("xl/worksheets/sheet1.xml", limit: 250))
        } catch {
            Issue.record("\(error)")
        }
        #expect(streamed <= 17 << 20)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    /// A lying header: the directory declares a small size, the data inflates to far more.
    @Test func lyingDeclaredSizeIsStoppedAsSoonAsItIsPassed() {
        var writer = ZipWriter()
        writer.add(path: "p", bytes: [UInt8](repeating: 7, count: 1 << 20))
        var bytes = writer.finish()
        let directory = bytes.count - 22 - (46 + 1)
        bytes[directory + 24] = 100; bytes[directory + 25] = 0; bytes[directory + 26] = 0; bytes[directory + 27] = 0
        #expect(error(bytes) == .sizeMismatch("p"))
    }

    @Test func totalLimitAcrossParts() {
        var writer = ZipWriter()
        for i in 0..<5 { writer.add(path: "p\(i)", bytes: [UInt8](repeating: UInt8(i), count: 100_000)) }
        var limits = ZipLimits.default
        limits.maxTotalSize = 250_000
        #expect(error(writer.finish(), limits: limits) == .totalTooLarge(limit: 250_000))
    }

    @Test func errorsNameThePartAndSayWhatToDo() {
        #expect(ZipError.badCRC("xl/worksheets/sheet1.xml").description.contains("xl/worksheets/sheet1.xml"))
        #expect(ZipError.truncated("x").description.contains("不完整"))
    }
}

/// The "better zip bomb": many central-directory entries sharing one compressed kernel. Each entry
/// alone is within the limits; together they inflate without end. Overlapping local ranges are
/// refused when the archive is opened, before anything is inflated.
@Suite struct OverlappingEntriesTests {
    /// An archive of one deflated part whose central-directory entry is repeated `copies` times under
    /// other names, every copy pointing at the same local header.
    static func sharedKernel(copies: Int) -> [UInt8] {
        var writer = ZipWriter()
        writer.add(path: "xl/worksheets/sheet1.xml", bytes: [UInt8](repeating: 0x41, count: 1 << 20))
        let original = writer.finish()
        let end = original.count - 22
        let cdSize = Int(original[end + 12]) | Int(original[end + 13]) << 8 | Int(original[end + 14]) << 16 | Int(original[end + 15]) << 24
        let cdOffset = Int(original[end + 16]) | Int(original[end + 17]) << 8 | Int(original[end + 18]) << 16 | Int(original[end + 19]) << 24
        let entry = Array(original[cdOffset..<(cdOffset + cdSize)])
        var directory: [UInt8] = []
        for i in 0..<copies {
            var copy = entry
            let name = Array("xl/worksheets/s\(String(i, radix: 36)).xml".utf8)
            copy.replaceSubrange(46..<(46 + Int(entry[28]) | Int(entry[29]) << 8), with: name)
            copy[28] = UInt8(name.count & 0xFF); copy[29] = UInt8(name.count >> 8)
            directory += copy
        }
        var bytes = Array(original[0..<cdOffset]) + directory
        var record = Array(original[end...])
        for k in 0..<2 { record[8 + k] = UInt8(truncatingIfNeeded: copies >> (8 * k)); record[10 + k] = record[8 + k] }
        for k in 0..<4 { record[12 + k] = UInt8(truncatingIfNeeded: directory.count >> (8 * k)) }
        bytes += record
        return bytes
    }

    @Test func entriesSharingOneKernelAreRefusedOnOpening() {
        let bytes = Self.sharedKernel(copies: 10_000)
        #expect(throws: ZipError.overlappingEntries("xl/worksheets/s0.xml", "xl/worksheets/s1.xml")) {
            _ = try ZipArchive(bytes: bytes)
        }
        let description = ZipError.overlappingEntries("a", "b").description
        #expect(description.contains("重叠") && description.contains("压缩炸弹"))
    }

    @Test func entriesInAnotherOrderThanTheDirectoryAreFine() throws {
        var writer = ZipWriter()
        writer.add(path: "a.xml", text: "<a/>")
        writer.add(path: "b.xml", text: "<b/>")
        let bytes = writer.finish()
        // Swap the two central-directory entries: legal, the local ranges stay apart.
        let end = bytes.count - 22
        let cdOffset = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8
        let first = 46 + 5
        let swapped = Array(bytes[0..<cdOffset]) + Array(bytes[(cdOffset + first)..<(cdOffset + 2 * first)])
            + Array(bytes[cdOffset..<(cdOffset + first)]) + Array(bytes[end...])
        let archive = try ZipArchive(bytes: swapped)
        #expect(archive.entries.map(\.path) == ["b.xml", "a.xml"])
        #expect(try archive.read(archive.entries[1]) == Array("<a/>".utf8))
    }
}
