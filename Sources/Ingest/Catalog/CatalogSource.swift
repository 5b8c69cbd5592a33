import TOMLKit

/// One TOML text that declares catalog entries — the built-in catalog or config.toml — with what
/// it takes to name the line of any problem in it.
struct CatalogSource {
    let table: TOMLTable
    let lines: TOMLLineIndex
    /// The text's lines (after bare Chinese keys were quoted; line numbers are unchanged).
    let textLines: [Substring]
    /// `config.toml`, or `内置` for the built-in catalog.
    let path: String
    let isBuiltin: Bool

    init(table: TOMLTable, text: String, path: String, isBuiltin: Bool) {
        self.table = table
        lines = TOMLLineIndex(text: text)
        textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.path = path
        self.isBuiltin = isBuiltin
    }

    /// The entries of an array of tables (`[[kinds]]`), with their occurrence numbers.
    func entries(_ section: String) throws(IngestError) -> [(table: TOMLTable, occurrence: Int)] {
        guard let value = table[section] else { return [] }
        guard let array = value.array else {
            throw error(section: "", occurrence: 0, key: section, "「\(section)」应写成 [[\(section)]] 表数组")
        }
        var out: [(TOMLTable, Int)] = []
        for (i, item) in array.enumerated() {
            guard let t = item.table else {
                throw error(section: section, occurrence: i, key: nil, "[[\(section)]] 第\(i + 1)项应为表")
            }
            out.append((t, i))
        }
        return out
    }

    /// The line of `key` in occurrence `occurrence` of `[[section]]`, else its header line.
    func line(section: String, occurrence: Int, key: String? = nil) -> Int? {
        lines.line(table: section, occurrence: occurrence, key: key)
    }

    /// The first line at or after occurrence `occurrence`'s header (and before the next header)
    /// that contains `needle` — where an inline entry such as one field of `fields = [ … ]` sits.
    func line(section: String, occurrence: Int, containing needle: String) -> Int? {
        guard let start = line(section: section, occurrence: occurrence) else { return nil }
        var i = start
        while i <= textLines.count {
            let text = textLines[i - 1]
            if i > start, text.trimmingSpaces.hasPrefix("[") { break }
            if text.contains(needle) { return i }
            i += 1
        }
        return start
    }

    /// `config.toml 第12行` or `内置`.
    func origin(_ line: Int?) -> String {
        guard !isBuiltin, let line else { return path }
        return "\(path) 第\(line)行"
    }

    func error(section: String, occurrence: Int, key: String?, _ message: String) -> IngestError {
        IngestError(path: path, line: line(section: section, occurrence: occurrence, key: key), message: message)
    }

    func error(line: Int?, _ message: String) -> IngestError {
        IngestError(path: path, line: line, message: message)
    }
}
