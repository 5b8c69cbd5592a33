import Model

/// Sums of the count and money columns of a sheet's data rows, to cross-check its 合计/总计/小计
/// rows (INPUTS.md: only cells that parse as numbers are compared, and a mismatch only warns).
struct TotalsCheck: Sendable {
    enum Kind: Sendable, Equatable {
        /// 合计 or 总计: compared with every data row of the sheet.
        case grand
        /// 小计: compared with the data rows since the previous 小计/合计.
        case sub
    }

    /// Per kind column: counts, or money in 分.
    var all: [Int64]
    var section: [Int64]

    init(slots: Int) {
        all = Array(repeating: 0, count: slots)
        section = Array(repeating: 0, count: slots)
    }

    /// Whether a cell's text marks a total row: `合计`, `总 计`, `小计：`, `全区合计`, `本页小计`.
    static func kind(of text: String) -> Kind? {
        // Fast path: the text must end in 计 (E8 AE A1), ignoring trailing spaces and colons.
        guard let lastByte = text.utf8.last,
              lastByte == 0xA1 || lastByte == 0x20 || lastByte == 0x3A || lastByte == 0x9A || lastByte == 0x80
                || (lastByte >= 0x09 && lastByte <= 0x0D) else { return nil }
        var copy = text
        let endsInJi = copy.withUTF8 { b -> Bool in
            guard b.count <= 48 else { return false }
            var end = b.count
            while end > 0 {
                let c = b[end - 1]
                if c == 0x20 || c == 0x3A || (c >= 0x09 && c <= 0x0D) { end -= 1; continue }
                if end >= 3, b[end - 3] == 0xEF, b[end - 2] == 0xBC, b[end - 1] == 0x9A { end -= 3; continue }  // ：
                if end >= 3, b[end - 3] == 0xE3, b[end - 2] == 0x80, b[end - 1] == 0x80 { end -= 3; continue }  // 　
                break
            }
            return end >= 3 && b[end - 3] == 0xE8 && b[end - 2] == 0xAE && b[end - 1] == 0xA1
        }
        guard endsInJi else { return nil }
        var k = HeaderText(text).key
        while k.hasSuffix(":") { k.removeLast() }
        guard k.count <= 10 else { return nil }
        if k.hasSuffix("小计") { return .sub }
        if k.hasSuffix("合计") || k.hasSuffix("总计") { return .grand }
        return nil
    }
}

extension SheetIngestor {
    mutating func addToTotals() {
        for s in numericSlots where numericProblems[s] == nil {
            let v = types[s] == .count ? Int64(counts[s]) : money[s].fen
            totals.all[s] &+= v
            totals.section[s] &+= v
        }
    }

    /// Compares a total row's numeric cells with the sums of the rows it totals; warns on a mismatch.
    /// A chunk's ingestor (`SheetChunks`) does not know the sums of the rows before its chunk: it
    /// keeps the row's stated values and its own sums, and the comparison is made when the chunk
    /// joins its sheet (`compareTotal`), in row order.
    mutating func checkTotal(_ kind: TotalsCheck.Kind, into partial: inout FilePartial) {
        guard let layout else { return }
        var stated: [(slot: Int, value: Int64)] = []
        for s in numericSlots {
            let cell = values[s]
            if cell.isBlank { continue }
            if types[s] == .count {
                guard case .success(let v) = CountParser.parse(cell) else { continue }
                stated.append((s, Int64(v)))
            } else {
                guard case .success(let m) = MoneyParser.parse(cell, unit: layout.moneyUnits[s]) else { continue }
                stated.append((s, m.fen))
            }
        }
        if defersTotals {
            pendingTotals.append(PendingTotal(row: rowNumber, kind: kind, stated: stated, all: totals.all,
                                              section: totals.section, sectionFromStart: !sawTotal))
            sawTotal = true
        } else {
            compareTotal(kind, stated: stated, all: totals.all, section: totals.section, into: &partial)
        }
        totals.section = Array(repeating: 0, count: totals.section.count)
    }

    /// Warns for each stated total that differs from the sum of the rows it totals.
    mutating func compareTotal(_ kind: TotalsCheck.Kind, stated: [(slot: Int, value: Int64)], all: [Int64], section: [Int64],
                               into partial: inout FilePartial) {
        guard let layout else { return }
        for (s, value) in stated {
            let unit = layout.moneyUnits[s]
            let sum = kind == .sub ? section[s] : all[s]
            if value != sum {
                let isCount = types[s] == .count
                let show: (Int64) -> String = { v in
                    isCount ? String(v) : ExactDecimal(significand: v, exponent: -unit.fenExponent).text + unit.name
                }
                let label = kind == .sub ? "小计" : "合计"
                warn("\(label)行的「\(layout.headers[s])」为 \(show(value))，而各行之和为 \(show(sum))（合计不计入，也不改变统计结果）",
                     slot: s, into: &partial)
            }
        }
    }
}

/// A 合计/小计 row met by a chunk's ingestor: what it states, and the chunk's own sums up to it.
struct PendingTotal: Sendable {
    let row: Int
    let kind: TotalsCheck.Kind
    let stated: [(slot: Int, value: Int64)]
    /// Sums of the chunk's data rows before this row.
    let all: [Int64]
    let section: [Int64]
    /// No total row came before it in the chunk: its section began before the chunk.
    let sectionFromStart: Bool
}
