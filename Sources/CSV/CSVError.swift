/// Why a CSV file cannot be read.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case undetectableEncoding(offset: Int)
    case invalidGB18030(offset: Int)
    case unterminatedQuote(line: Int)
    case io(String)

    public var description: String {
        switch self {
        case .empty: return "文件为空 (empty file)"
        case .undetectableEncoding(let offset):
            return "无法识别的文件编码(既不是 UTF-8 也不是 GB18030/GBK),第 \(offset) 字节处 / undetectable encoding at byte \(offset);请另存为 UTF-8 CSV"
        case .invalidGB18030(let offset): return "GB18030 编码有误,第 \(offset) 字节处 (invalid GB18030 at byte \(offset))"
        case .unterminatedQuote(let line): return "第 \(line) 行的引号没有闭合 (unterminated quote starting on line \(line))"
        case .io(let detail): return "无法读取文件: \(detail)"
        }
    }
}
