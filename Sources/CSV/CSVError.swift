/// Why a CSV file cannot be read.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case undetectableEncoding(offset: Int)
    case invalidGB18030(offset: Int)
    case unterminatedQuote(line: Int)
    case io(String)
    /// A file that starts with a UTF-8 BOM but holds bytes that are not UTF-8.
    case invalidUTF8(offset: Int)
    /// A file that starts with a UTF-16 BOM but has an unpaired surrogate or an odd last byte.
    case invalidUTF16(offset: Int)
    /// One field longer than `limit` bytes (`field` is 1-based in the record starting on `line`).
    case fieldTooLong(line: Int, field: Int, limit: Int)
    /// A mapped file truncated or written while it was read (`FileBytes.changedWhileRead`): what
    /// was read is neither the old file nor the new one.
    case changedWhileRead

    public var description: String {
        switch self {
        case .empty: return "文件为空 (empty file)"
        case .undetectableEncoding(let offset):
            return "无法识别的文件编码(既不是 UTF-8 也不是 GB18030/GBK),第 \(offset) 字节处 / undetectable encoding at byte \(offset);请另存为 UTF-8 CSV"
        case .invalidGB18030(let offset): return "GB18030 编码有误,第 \(offset) 字节处 (invalid GB18030 at byte \(offset))"
        case .unterminatedQuote(let line): return "第 \(line) 行的引号没有闭合 (unterminated quote starting on line \(line))"
        case .io(let detail): return "无法读取文件: \(detail)"
        case .invalidUTF8(let offset):
            return "文件标明为 UTF-8(带 BOM),但第 \(offset) 字节处不是 UTF-8 / invalid UTF-8 at byte \(offset) after a UTF-8 BOM"
        case .fieldTooLong(let line, let field, let limit):
            return "第 \(line) 行第 \(field) 列的内容超过 \(limit / (1 << 20)) MB 上限,拒绝读取(文件可能已损坏)/ field \(field) of line \(line) longer than \(limit / (1 << 20)) MB, refused"
        case .changedWhileRead:
            return "文件在读取过程中被其他程序改写或截短，本次未计入；请等文件复制完成后重新运行 (the file changed while it was read)"
        case .invalidUTF16(let offset):
            return "文件标明为 UTF-16(带 BOM),但第 \(offset) 字节处有误 / invalid UTF-16 at byte \(offset)"
        }
    }
}
