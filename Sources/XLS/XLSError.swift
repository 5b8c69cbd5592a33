/// Why a legacy .xls/.et workbook could not be read, naming the file and, where known, the sheet, the
/// cell and the record (its BIFF name and byte offset in the Workbook stream). The description is
/// bilingual (Chinese first), like `XLSXError`.
public struct XLSError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case empty
        /// Not an OLE2 compound file (no D0 CF 11 E0 signature).
        case notCompoundFile
        /// The container points past the end of the file: a sector, a stream, a table.
        case truncated(String)
        /// The container's own tables contradict themselves (a sector chain that loops, a FAT that
        /// claims more sectors than the file holds, an impossible header field).
        case corruptContainer(String)
        /// A compound file without a Workbook/Book stream (a Word .doc, an .msg …).
        case noWorkbookStream
        /// FILEPASS (an encrypted .xls) or an encrypted OOXML package in a compound file.
        case passwordProtected
        /// BIFF2–4 or an unknown BOF version.
        case unsupportedVersion(String)
        /// A record shorter than its fields, or a string running past its records.
        case malformedRecord(String)
        /// A cell value that cannot be what it claims (e.g. a shared-string index past the table).
        case badCell(found: String, expected: String)
        /// A BIFF5 workbook in a code page we do not decode (its text would come out wrong).
        case unsupportedCodePage(Int)
        /// A stream or table over `XLSLimits`.
        case tooLarge(what: String, limit: Int)
    }

    public let kind: Kind
    public let file: String
    public var sheet: String?
    public var cell: String?
    /// The BIFF record being read (`SST`, `LABELSST` …), if any.
    public var record: String?
    /// Byte offset of that record in the Workbook stream.
    public var offset: Int?

    public init(_ kind: Kind, file: String, sheet: String? = nil, cell: String? = nil, record: String? = nil, offset: Int? = nil) {
        self.kind = kind
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.record = record
        self.offset = offset
    }

    public var description: String {
        var place = "文件 \(file)"
        var placeEnglish = "file \(file)"
        if let sheet {
            place += "，工作表「\(sheet)」"
            placeEnglish += ", sheet \"\(sheet)\""
        }
        if let cell {
            place += "，单元格 \(cell)"
            placeEnglish += ", cell \(cell)"
        }
        if let record {
            let at = offset.map { " @\($0)" } ?? ""
            place += "（记录 \(record)\(at)）"
            placeEnglish += " (record \(record)\(at))"
        }
        let (chinese, english) = explanation
        return "\(place)：\(chinese) / \(placeEnglish): \(english)"
    }

    private var explanation: (String, String) {
        switch kind {
        case .empty:
            return ("文件为空", "empty file")
        case .notCompoundFile:
            return ("不是有效的 .xls 文件（不是 OLE2 复合文档）", "not an .xls file (not an OLE2 compound document)")
        case .truncated(let detail):
            return ("文件不完整，可能下载或复制中断（\(detail)）", "truncated file (\(detail))")
        case .corruptContainer(let detail):
            return ("文件结构已损坏（\(detail)），请用 Excel 或 WPS 打开后重新保存", "damaged compound document (\(detail)); open and save it again")
        case .noWorkbookStream:
            return ("不是 Excel 工作簿（复合文档中没有 Workbook 数据流，可能是 Word 等其他文件）",
                    "not an Excel workbook (no Workbook stream in the compound document)")
        case .passwordProtected:
            return ("文件已加密（密码保护/password-protected），请在 Excel 或 WPS 中取消密码后再放入",
                    "the workbook is password-protected; remove the password and save it again")
        case .unsupportedVersion(let version):
            return ("不支持的 Excel 版本（\(version)，早于 Excel 5.0），请用 Excel 另存为 .xlsx",
                    "unsupported Excel version (\(version), before Excel 5.0); save it as .xlsx")
        case .malformedRecord(let detail):
            return ("记录已损坏（\(detail)），文件可能已损坏或被截断", "malformed record (\(detail)); the file may be damaged or truncated")
        case .badCell(let found, let expected):
            return ("值「\(found)」不是\(expected.chinese)", "value \"\(found)\" is not \(expected)")
        case .unsupportedCodePage(let page):
            return ("文字编码（代码页 \(page)）不受支持，请用 Excel 另存为 .xlsx", "code page \(page) is not supported; save it as .xlsx")
        case .tooLarge(let what, let limit):
            return ("\(what.chinese)超过 \(limit / (1 << 20)) MB 上限，拒绝读取", "\(what) over the \(limit / (1 << 20)) MB limit, refused")
        }
    }
}

private extension String {
    /// The few names `badCell` and `tooLarge` use, in Chinese.
    var chinese: String {
        switch self {
        case "a shared string index": return "有效的共享字符串序号"
        case "the Workbook stream": return "Workbook 数据流"
        case "the container's tables": return "复合文档的分配表"
        default: return self
        }
    }
}

extension XLSError.Kind: Error {}
