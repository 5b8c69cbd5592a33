import Foundation
import XLSX
#if canImport(Glibc)
import Glibc
#endif

/// A legacy Excel 97–2003 (.xls, BIFF8; also Excel 5.0/95, BIFF5) or WPS (.et) workbook: an OLE2
/// compound file whose Workbook stream holds the workbook globals and one substream per sheet. The
/// sheets come out as the same `SheetRow`s as an .xlsx `Workbook`'s, so inspect and ingest treat both
/// alike.
///
/// The file is read into memory (not mapped: a file cut short while it is read gives an error, not a
/// signal) and the Workbook stream is assembled from its sectors once; the globals (formats, shared
/// strings, sheet list) are parsed on opening, a sheet when it is read.
public final class XLSWorkbook: SheetSource, @unchecked Sendable {
    public let file: String
    public let sheets: [SheetInfo]
    public let date1904: Bool
    /// 8 for Excel 97–2003 and WPS, 5 for Excel 5.0/95.
    public let biffVersion: Int

    private let stream: [UInt8]
    private let globals: WorkbookGlobals
    private let offsets: [Int]
    private let lock = NSLock()
    private var mergesBySheet: [Int: [CellRange]] = [:]

    /// Stream names: BIFF8 writes `Workbook`, BIFF5 `Book`.
    static let streamNames = ["Workbook", "Book"]

    /// A workbook file; `name` (default: the path) stands for it in error messages.
    public convenience init(path: String, name: String? = nil, limits: XLSLimits = .default) throws {
        let file = name ?? path
        let bytes: [UInt8]
        do {
            bytes = try XLSWorkbook.readFile(path, limit: limits.maxFileSize)
        } catch {
            throw XLSError(error, file: file)
        }
        try self.init(bytes: bytes, name: file, limits: limits)
    }

    /// A workbook held in memory; `name` stands for the file in errors.
    public init(bytes: [UInt8], name: String, limits: XLSLimits = .default) throws {
        file = name
        let container: CompoundFile
        do {
            guard bytes.count <= limits.maxFileSize else { throw XLSError.Kind.tooLarge(what: "the file", limit: limits.maxFileSize) }
            container = try CompoundFile(bytes: bytes, limits: limits)
        } catch let kind as XLSError.Kind {
            // A damaged container that names an encrypted package is still, first of all, encrypted.
            throw XLSError(XLSWorkbook.namesEncryptedPackage(bytes) ? .passwordProtected : kind, file: name)
        }
        guard let entry = container.entry(named: XLSWorkbook.streamNames) else {
            // An encrypted .xlsx is a compound file holding EncryptedPackage.
            let encrypted = container.entries.contains { $0.name == "EncryptedPackage" || $0.name == "EncryptionInfo" }
            throw XLSError(encrypted ? .passwordProtected : .noWorkbookStream, file: name)
        }
        do {
            stream = try container.read(entry, limits: limits)
        } catch {
            throw XLSError(error, file: name)
        }
        let globals = try stream.withUnsafeBytes { raw throws(XLSError) in try WorkbookGlobals(stream: raw, file: name) }
        self.globals = globals
        date1904 = globals.date1904
        biffVersion = globals.biff
        sheets = globals.sheets.enumerated().map { index, sheet in
            SheetInfo(name: sheet.name, index: index + 1, visibility: sheet.visibility, partPath: "")
        }
        offsets = globals.sheets.map(\.offset)
    }

    public func readRows(_ sheet: SheetInfo, _ body: (SheetRow) throws -> Void) throws {
        let records = SheetRecords(globals: globals, file: file, sheet: sheet.name)
        let offset = offsets[sheet.index - 1]
        let merges = try stream.withUnsafeBytes { raw in try records.read(offset: offset, in: raw, rows: body) }
        lock.withLock { mergesBySheet[sheet.index] = merges }
    }

    public func mergedRanges(_ sheet: SheetInfo) throws -> [CellRange] {
        if let known = lock.withLock({ mergesBySheet[sheet.index] }) { return known }
        let records = SheetRecords(globals: globals, file: file, sheet: sheet.name)
        let offset = offsets[sheet.index - 1]
        let merges = try stream.withUnsafeBytes { raw in try records.read(offset: offset, in: raw, wantRows: false) { _ in } }
        lock.withLock { mergesBySheet[sheet.index] = merges }
        return merges
    }

    /// Whether the first 4 MiB hold the UTF-16 name `EncryptedPackage` (as the zip reader tells an
    /// encrypted .xlsx from an .xls).
    static func namesEncryptedPackage(_ bytes: [UInt8]) -> Bool {
        let marker = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let end = min(bytes.count, 4 << 20) - marker.count
        guard end >= 0 else { return false }
        var i = 0
        while i <= end {
            if bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) { return true }
            i += 1
        }
        return false
    }

    /// True when the bytes start with the compound-file signature (an .xls, .et, or an encrypted .xlsx).
    public static func isCompoundFile(_ bytes: UnsafeRawBufferPointer) -> Bool {
        CompoundFile.isCompoundFile(bytes)
    }

    /// True when the file starts with the compound-file signature; false when it is shorter or unreadable.
    public static func fileIsCompound(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        var head = [UInt8](repeating: 0, count: 8)
        let n = head.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, 8) }
        return n == 8 && head == CompoundFile.signature
    }

    /// The whole file, its size checked before anything is allocated; a file that shrinks while it
    /// is read is a truncation error.
    static func readFile(_ path: String, limit: Int) throws(XLSError.Kind) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { throw .truncated("无法打开: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .truncated("无法读取: \(String(cString: strerror(errno)))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .truncated("不是普通文件 (not a regular file)") }
        let size = Int(info.st_size)
        guard size > 0 else { throw .empty }
        guard size <= limit else { throw .tooLarge(what: "the file", limit: limit) }
        var bytes = [UInt8](repeating: 0, count: size)
        var count = 0
        while count < size {
            let n = bytes.withUnsafeMutableBytes { buffer in Foundation.read(fd, buffer.baseAddress! + count, size - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .truncated("读取失败: \(String(cString: strerror(errno)))")
            }
            if n == 0 { throw .truncated("文件在读取时变短 (the file shrank while it was read)") }
            count += n
        }
        return bytes
    }
}
