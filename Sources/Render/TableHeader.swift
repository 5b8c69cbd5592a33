/// The header row of a template's table, with column groups: a header cell written
/// `事故起数｜本期` (a full-width bar, which Markdown does not read as a cell border) is the column
/// 本期 under the group 事故起数. Neighbouring cells of one group share it, so
/// `| 事故起数｜本期 | 事故起数｜上年同期 | 事故起数｜同比 |` heads three columns with one 事故起数
/// above them. The workbook and HTML writers draw the two levels; Word shows `事故起数本期`.
struct TableHeader: Equatable {
    static let separator: Character = "｜"

    struct Column: Equatable {
        let group: String?
        let title: String
    }

    /// A run of neighbouring columns: one group's, or a single ungrouped column.
    struct Span: Equatable {
        let title: String
        let grouped: Bool
        let first: Int
        let count: Int
    }

    let columns: [Column]

    init(_ cells: [String]) {
        columns = cells.map { cell in
            guard let bar = cell.firstIndex(of: Self.separator) else { return Column(group: nil, title: cell) }
            return Column(group: cell[..<bar].trimmingWhitespace(), title: cell[cell.index(after: bar)...].trimmingWhitespace())
        }
    }

    var hasGroups: Bool { columns.contains { $0.group != nil } }

    var spans: [Span] {
        var spans: [Span] = []
        for (index, column) in columns.enumerated() {
            if let group = column.group, let last = spans.last, last.grouped, last.title == group, last.first + last.count == index {
                spans[spans.count - 1] = Span(title: group, grouped: true, first: last.first, count: last.count + 1)
            } else {
                spans.append(Span(title: column.group ?? column.title, grouped: column.group != nil, first: index, count: 1))
            }
        }
        return spans
    }

    /// A column's name in one line, for writers without two header rows: 事故起数本期.
    static func flattened(_ cell: String) -> String {
        cell.filter { $0 != separator }
    }
}
