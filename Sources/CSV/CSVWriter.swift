/// Writes RFC 4180 CSV: a field is quoted only when it holds the delimiter, a double quote, CR or
/// LF, with quotes doubled.
///
/// With `guardFormulas`, a field that a spreadsheet would run as a formula (starting with `=`,
/// `+`, `-`, `@`, tab or CR) gets a leading `'` — except a plain number such as `-5` or `+1.5`,
/// which a spreadsheet reads as a number and which cannot carry a formula; guarding it would turn
/// legitimate figures (a change of −5) into text.
public struct CSVWriter: Sendable {
    public let delimiter: Character
    public let lineEnding: String
    public let guardFormulas: Bool
    public private(set) var text = ""

    public init(delimiter: Character = ",", lineEnding: String = "\n", guardFormulas: Bool = false) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.guardFormulas = guardFormulas
    }

    public mutating func write(_ fields: [String]) {
        text += fields.map(encode).joined(separator: String(delimiter))
        text += lineEnding
    }

    func encode(_ raw: String) -> String {
        var field = raw
        if guardFormulas, let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           !CSVWriter.isPlainNumber(field) {
            field = "'" + field
        }
        // Scalars, not Characters: a quote or comma followed by a combining mark is one Character
        // that is neither, yet the reader sees the quote or comma byte.
        let delimiterScalars = Array(delimiter.unicodeScalars)
        let special = field.unicodeScalars.contains { $0 == "\"" || $0 == "\n" || $0 == "\r" || (delimiterScalars.count == 1 && $0 == delimiterScalars[0]) }
        guard special || (delimiterScalars.count > 1 && field.contains(delimiter)) else { return field }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in field.unicodeScalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// `-5`, `+1.5`, `-0.25`: a sign, digits and at most one decimal point.
    static func isPlainNumber(_ s: String) -> Bool {
        var body = Substring(s)
        if let f = body.first, f == "-" || f == "+" { body = body.dropFirst() }
        guard !body.isEmpty, body.first != ".", body.last != "." else { return false }
        var dots = 0
        for c in body.unicodeScalars {
            if c == "." { dots += 1; if dots > 1 { return false } } else if !("0"..."9").contains(c) { return false }
        }
        return true
    }
}

import Foundation
