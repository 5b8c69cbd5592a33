/// A cell address such as `AB12`: 1-based row as Excel shows it, 0-based column (A = 0).
public struct CellReference: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let row: Int
    public let column: Int

    /// Largest sheet Excel allows (XFD1048576); references beyond it are refused.
    public static let maxRow = 1_048_576
    public static let maxColumn = 16_383

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `A1`, `ab12`, `$B$3`; nil when it is not a reference within Excel's grid.
    public init?(_ text: String) {
        var text = text
        guard let (column, row) = text.withUTF8({ CellReference.parse($0) }) else { return nil }
        self.init(row: row, column: column)
    }

    /// Parses the letters and digits of a reference from raw bytes: (0-based column, 1-based row).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        var column = 0
        var index = 0
        var letters = 0
        if index < bytes.count && bytes[index] == UInt8(ascii: "$") { index += 1 }
        while index < bytes.count {
            var byte = bytes[index]
            if byte >= 97 && byte <= 122 { byte -= 32 }
            guard byte >= 65 && byte <= 90 else { break }
            column = column * 26 + Int(byte - 64)
            letters += 1
            if letters > 3 { return nil }
            index += 1
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: "$") { index += 1 }
        guard letters > 0, index < bytes.count else { return nil }
        var row = 0
        var digits = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 48 && byte <= 57 else { return nil }
            row = row * 10 + Int(byte - 48)
            digits += 1
            if digits > 7 { return nil }
            index += 1
        }
        guard digits > 0, row >= 1, row <= maxRow, column - 1 <= maxColumn else { return nil }
        return (column - 1, row)
    }

    /// Column letters for a 0-based column: 0 → A, 25 → Z, 26 → AA.
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var letters: [UInt8] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(UInt8(65 + remainder))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    public var description: String { CellReference.columnName(column) + String(row) }
}
