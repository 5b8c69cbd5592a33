/// One generated sheet (or CSV): title lines, header, data rows with their quirks, 合计 row —
/// and, per data row, what a correct ingest must make of it.
struct ExportSheet {
    enum Kind: String { case accident = "事故", fire = "火灾", hazard = "隐患", inspection = "执法检查", penalty = "行政处罚" }

    /// What became of a data row.
    enum Outcome {
        case accepted
        case rejected
        /// A row dropped as a duplicate (the earlier of two with one id, or a later identical id-less copy).
        case duplicate
    }

    let name: String
    let kind: Kind
    var rows: [[GeneratedCell]] = []
    var merges: [String] = []
    var read = 0
    var accepted = 0
    var rejected = 0
    var duplicates = 0

    init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    mutating func count(_ outcome: Outcome) {
        read += 1
        switch outcome {
        case .accepted: accepted += 1
        case .rejected: rejected += 1
        case .duplicate: rejected += 1; duplicates += 1
        }
    }
}

/// A column: its header (and, in a two-row header, its group) and how a record fills it.
struct ExportColumn<Record> {
    var header: String
    var group: String?
    var cell: (Record) -> GeneratedCell
    /// For the 合计 row: the record's contribution, when the column is summed.
    var total: ((Record) -> Int64)?
    var totalText: ((Int64) -> GeneratedCell)?
}

/// Builds the rows of a sheet from columns and records.
struct SheetAssembler<Record> {
    var style: SheetStyle
    var columns: [ExportColumn<Record>]
    var title: String
    var unitLine: String?

    /// Title lines, unit/填报 lines and the header; returns the rows and merges.
    func head() -> (rows: [[GeneratedCell]], merges: [String]) {
        var rows: [[GeneratedCell]] = []
        var merges: [String] = []
        let width = columns.count + (style.serialColumn ? 1 : 0)
        let last = columnLetter(width - 1)
        for t in 0..<style.titleRows {
            let text = t == 0 ? title : t == 1 ? "(统计口径:按发生日期)" : "数据截至\(title.prefix(4))年12月31日"
            rows.append([.text(text)])
            if width > 1 { merges.append("A\(rows.count):\(last)\(rows.count)") }
        }
        if let unitLine { rows.append([.text(unitLine)]) }
        if style.fillLine { rows.append([.text("填报单位:\(title.prefix(8))应急管理局    填报日期:\(title.prefix(4))年12月31日")]) }

        var first: [GeneratedCell] = style.serialColumn ? [.text("序号")] : []
        let grouped = style.twoRowHeader && columns.contains { $0.group != nil }
        if !grouped {
            first += columns.map { .text(header($0.header)) }
            rows.append(first)
            return (rows, merges)
        }
        var second: [GeneratedCell] = style.serialColumn ? [.empty] : []
        let top = rows.count + 1
        var c = style.serialColumn ? 1 : 0
        if style.serialColumn { merges.append("A\(top):A\(top + 1)") }
        var i = 0
        while i < columns.count {
            if let group = columns[i].group {
                var j = i
                while j + 1 < columns.count && columns[j + 1].group == group { j += 1 }
                first.append(.text(group))
                for k in i...j {
                    if k > i { first.append(.empty) }
                    second.append(.text(columns[k].header))
                }
                merges.append("\(columnLetter(c))\(top):\(columnLetter(c + j - i))\(top)")
                c += j - i + 1
                i = j + 1
            } else {
                first.append(.text(header(columns[i].header)))
                second.append(.empty)
                merges.append("\(columnLetter(c))\(top):\(columnLetter(c))\(top + 1)")
                c += 1
                i += 1
            }
        }
        rows.append(first)
        rows.append(second)
        return (rows, merges)
    }

    func header(_ text: String) -> String {
        guard style.headerLineBreak, text.count >= 4, !text.contains("(") && !text.contains("（") else { return text }
        let mid = text.index(text.startIndex, offsetBy: text.count / 2)
        return String(text[..<mid]) + "\n" + String(text[mid...])
    }

    func row(_ record: Record, serial: Int) -> [GeneratedCell] {
        (style.serialColumn ? [.integer(serial)] : []) + columns.map { $0.cell(record) }
    }

    /// The 合计 row over the accepted records; `wrong` adds one to the first summed column.
    func totalRow(_ records: [Record], wrong: Bool) -> [GeneratedCell] {
        var cells: [GeneratedCell] = [.text("合计")]
        var first = true
        for (i, column) in columns.enumerated() {
            if i == 0 && !style.serialColumn { continue }   // "合计" took the first column
            guard let total = column.total, let text = column.totalText else { cells.append(.empty); continue }
            var sum = records.reduce(Int64(0)) { $0 + total($1) }
            if wrong && first { sum += 1 }
            first = false
            cells.append(text(sum))
        }
        return cells
    }
}

func columnLetter(_ index: Int) -> String {
    var n = index + 1
    var s = ""
    while n > 0 {
        let r = (n - 1) % 26
        s = String(UnicodeScalar(UInt8(65 + r))) + s
        n = (n - 1) / 26
    }
    return s
}

/// Exact money text: 分 → 万元 / 元 with trailing zeros trimmed.
func moneyText(_ fen: Int64, wan: Bool) -> String {
    let exponent = wan ? 6 : 2
    var digits = String(fen.magnitude)
    if digits.count <= exponent { digits = String(repeating: "0", count: exponent - digits.count + 1) + digits }
    let integer = String(digits.dropLast(exponent))
    var fraction = String(digits.suffix(exponent))
    while fraction.last == "0" { fraction.removeLast() }
    return (fen < 0 ? "-" : "") + (fraction.isEmpty ? integer : integer + "." + fraction)
}

/// 1234567 → 1,234,567.
func withSeparators(_ text: String) -> String {
    let parts = text.split(separator: ".", maxSplits: 1)
    var integer = String(parts[0])
    var out = ""
    while integer.count > 3 {
        out = "," + integer.suffix(3) + out
        integer = String(integer.dropLast(3))
    }
    return integer + out + (parts.count > 1 ? "." + parts[1] : "")
}
