import Zip

/// Why a workbook could not be read, naming the file, the part and, where known, the sheet and cell.
/// The description is bilingual (Chinese first) because report writers read it.
public struct XLSXError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// The container could not be read (not a zip, truncated, encrypted, old .xls, zip bomb…).
        case zip(ZipError)
        /// A zip without a workbook in it (e.g. a .docx renamed .xlsx).
        case notAWorkbook
        /// A part the workbook refers to is not in the archive.
        case missingPart
        case malformedXML(line: Int, detail: String)
        /// A `<!DOCTYPE …>`: refused so that entity expansion and external entities can never happen.
        case documentTypeRefused
        case nestingTooDeep(limit: Int)
        /// A cell whose value does not fit its type (e.g. t="n" with text, a shared string index
        /// beyond the table).
        case badCell(found: String, expected: String)
        case unknownSheet(String)
        /// One cell's (or shared string's) text beyond `limit` bytes; Excel itself stops at 32 767 characters.
        case valueTooLong(limit: Int)
    }

    public let kind: Kind
    public let file: String
    public var part: String?
    public var sheet: String?
    public var cell: String?

    public init(_ kind: Kind, file: String, part: String? = nil, sheet: String? = nil, cell: String? = nil) {
        self.kind = kind
        self.file = file
        self.part = part
        self.sheet = sheet
        self.cell = cell
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
        if let part {
            place += "（部件 \(part)）"
            placeEnglish += " (part \(part))"
        }
        let (chinese, english) = explanation
        return "\(place)：\(chinese) / \(placeEnglish): \(english)"
    }

    private var explanation: (String, String) {
        switch kind {
        case .zip(let error):
            return ("无法读取压缩包：\(error)", "cannot read the archive: \(error)")
        case .notAWorkbook:
            return ("不是 Excel 工作簿（找不到 workbook 部件）", "not an Excel workbook (no workbook part found)")
        case .missingPart:
            return ("工作簿引用的部件不存在，文件可能已损坏", "a part the workbook refers to is missing; the file may be damaged")
        case .malformedXML(let line, let detail):
            return ("XML 格式错误（第 \(line) 行：\(detail)），文件可能已损坏或被截断",
                    "malformed XML (line \(line): \(detail)); the file may be damaged or truncated")
        case .documentTypeRefused:
            return ("含有 DOCTYPE 声明，为安全起见拒绝读取（Excel 文件不应包含）",
                    "contains a DOCTYPE declaration, refused for safety (Excel files never contain one)")
        case .nestingTooDeep(let limit):
            return ("XML 嵌套超过 \(limit) 层，拒绝读取", "XML nested deeper than \(limit) levels, refused")
        case .badCell(let found, let expected):
            return ("值「\(found)」不是\(expected.chinese)", "value \"\(found)\" is not \(expected)")
        case .valueTooLong(let limit):
            return ("单元格文本超过 \(limit) 字节，拒绝读取", "cell text longer than \(limit) bytes, refused")
        case .unknownSheet(let name):
            return ("没有名为「\(name)」的工作表", "there is no sheet \"\(name)\"")
        }
    }
}

private extension String {
    /// The few expectations `badCell` names, in Chinese.
    var chinese: String {
        switch self {
        case "a number": return "数字"
        case "a shared string index": return "有效的共享字符串序号"
        case "a boolean (0 or 1)": return "布尔值（0 或 1）"
        case "an ISO 8601 date": return "ISO 8601 日期"
        default: return self
        }
    }
}

extension XLSXError.Kind: Error {}
