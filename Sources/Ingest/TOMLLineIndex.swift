/// Where keys and tables sit in a TOML text, so that a config error can name its line: TOMLKit
/// gives lines for syntax errors only, and lists a table's keys sorted rather than in file order.
struct TOMLLineIndex: Sendable {
    struct Entry: Sendable, Equatable {
        /// `region`, `districts`, `targets` (array tables keep their name), or "" at the top.
        let table: String
        /// 0-based occurrence of an array table (`[[targets]]`), 0 otherwise.
        let occurrence: Int
        let key: String
        let line: Int
    }

    private(set) var entries: [Entry] = []
    /// Header line of each table, and of each occurrence of an array table.
    private(set) var tableLines: [String: [Int]] = [:]

    init(text: String) {
        var table = ""
        var occurrence = 0
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = TOMLLineIndex.stripComment(rawLine).trimmingSpaces
            if line.isEmpty { continue }
            if line.hasPrefix("[[") {
                let name = TOMLLineIndex.unquote(line.dropFirst(2).prefix { $0 != "]" }.trimmingSpaces)
                table = name
                occurrence = tableLines[name]?.count ?? 0
                tableLines[name, default: []].append(lineNumber)
            } else if line.hasPrefix("[") {
                let name = TOMLLineIndex.unquote(line.dropFirst().prefix { $0 != "]" }.trimmingSpaces)
                table = name
                occurrence = 0
                tableLines[name, default: []].append(lineNumber)
            } else if let eq = TOMLLineIndex.keyEnd(line) {
                let key = TOMLLineIndex.unquote(line[..<eq].trimmingSpaces)
                entries.append(Entry(table: table, occurrence: occurrence, key: key, line: lineNumber))
            }
        }
    }

    /// The line of `key` in `table` (occurrence `n` of an array table), else the table's header line.
    func line(table: String, occurrence: Int = 0, key: String? = nil) -> Int? {
        if let key, let e = entries.first(where: { $0.table == table && $0.occurrence == occurrence && $0.key == key }) {
            return e.line
        }
        if let lines = tableLines[table], occurrence < lines.count { return lines[occurrence] }
        return nil
    }

    /// Keys of `table` in file order.
    func keys(table: String) -> [String] {
        entries.filter { $0.table == table }.map(\.key)
    }

    /// The `=` that ends the key, skipping quoted keys.
    private static func keyEnd(_ line: Substring) -> Substring.Index? {
        var quote: Character?
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "=" {
                return i
            }
            i = line.index(after: i)
        }
        return nil
    }

    private static func stripComment(_ line: Substring) -> Substring {
        var quote: Character?
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                return line[..<i]
            }
            i = line.index(after: i)
        }
        return line
    }

    private static func unquote(_ s: Substring) -> String {
        if s.count >= 2, let f = s.first, let l = s.last, f == l, f == "\"" || f == "'" {
            return String(s.dropFirst().dropLast())
        }
        return String(s)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
