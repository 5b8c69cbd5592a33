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
    /// On the hot path of every cell, so it is a plain byte loop with wrapping arithmetic (lengths are
    /// bounded first, so nothing can overflow).
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        let count = bytes.count
        guard count >= 2, count <= 12 else { return nil }
        var index = 0
        if bytes[0] == UInt8(ascii: "$") { index = 1 }
        var column = 0
        let lettersStart = index
        while index < count {
            let letter = (bytes[index] | 0x20) &- 97  // ASCII letters to 0…25, either case
            guard letter < 26 else { break }
            column = column &* 26 &+ Int(letter) &+ 1
            index += 1
        }
        let letters = index - lettersStart
        guard letters > 0, letters <= 3 else { return nil }
        if index < count && bytes[index] == UInt8(ascii: "$") { index += 1 }
        let digitsStart = index
        var row = 0
        while index < count {
            let digit = bytes[index] &- 48
            guard digit < 10 else { return nil }
            row = row &* 10 &+ Int(digit)
            index += 1
        }
        let digits = index - digitsStart
        guard digits > 0, digits <= 7, row >= 1, row <= maxRow, column - 1 <= maxColumn else { return nil }
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
