/// Why an archive or a part of it cannot be read — in words a report writer can act on.
public enum ZipError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case notZip
    case truncated(String)
    /// An OLE/CFB container holding an encrypted OOXML package.
    case passwordProtected
    /// An OLE/CFB container that is an old Excel 97–2003 workbook.
    case legacyXLS
    case encryptedEntry(String)
    case unsupportedMethod(String, UInt16)
    case badCRC(String)
    case sizeMismatch(String)
    case corrupt(String, String)
    case tooLarge(String, limit: Int)
    case ratioExceeded(String, limit: Int)
    case totalTooLarge(limit: Int)
    /// Two entries whose local ranges (header and compressed data) overlap: a zip bomb's shared kernel.
    case overlappingEntries(String, String)
    case io(String)

    public var description: String {
        switch self {
        case .empty:
            return "文件为空 (empty file)"
        case .notZip:
            return "不是有效的 .xlsx 文件(不是 zip 格式)/ not an xlsx (zip) file"
        case .truncated(let what):
            return "文件不完整,可能下载或复制中断(\(what))/ truncated archive"
        case .passwordProtected:
            return "文件已加密(密码保护/password-protected),请在 Excel 中取消密码后另存为 .xlsx"
        case .legacyXLS:
            return "这是旧版 .xls 格式(old .xls format),请在 Excel 中另存为 .xlsx"
        case .encryptedEntry(let part):
            return "文件中的 \(part) 已加密(password-protected),请取消密码后另存"
        case .unsupportedMethod(let part, let method):
            return "\(part) 使用了不支持的压缩方式 \(method) (unsupported compression method)"
        case .badCRC(let part):
            return "\(part) 校验失败,文件已损坏 (bad CRC)"
        case .sizeMismatch(let part):
            return "\(part) 的实际大小与记录不符,文件已损坏 (size mismatch)"
        case .corrupt(let part, let detail):
            return "\(part) 已损坏: \(detail)"
        case .tooLarge(let part, let limit):
            return "\(part) 解压后超过 \(limit / (1 << 20)) MB 上限,疑似压缩炸弹 (zip bomb: part over the size limit)"
        case .ratioExceeded(let part, let limit):
            return "\(part) 的压缩比超过 \(limit):1,疑似压缩炸弹 (zip bomb: compression ratio over the limit)"
        case .totalTooLarge(let limit):
            return "文件解压后总大小超过 \(limit / (1 << 20)) MB 上限,疑似压缩炸弹 (zip bomb: archive over the size limit)"
        case .overlappingEntries(let first, let second):
            return "\(first) 与 \(second) 的数据区重叠,疑似压缩炸弹,拒绝读取 (zip bomb: overlapping entries)"
        case .io(let detail):
            return "无法读取文件: \(detail)"
        }
    }
}
