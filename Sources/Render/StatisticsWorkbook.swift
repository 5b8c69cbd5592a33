import Model
import XLSX

/// Turns a rendered 统计表 document into a workbook: every `##` heading with its table becomes a
/// sheet; the document title heads each sheet; cells that read as numbers or percentages become
/// numeric cells with a matching format, so a statistician can sum and chart them in Excel.
public enum StatisticsWorkbook {
    public static func bytes(_ document: ReportDocument) -> [UInt8] {
        var workbook = WorkbookWriter()
        workbook.includesTheme = true
        var sheetTitle: String?
        var usedNames: Set<String> = []
        let title = document.title ?? ""
        for block in document.blocks {
            switch block {
            case .heading1(let text), .heading2(let text): sheetTitle = text
            case .table(let rows):
                let name = uniqueSheetName(sheetTitle ?? "表\(usedNames.count + 1)", used: &usedNames)
                workbook.add(sheet(name: name, title: title.isEmpty ? name : "\(title)(\(name))", rows: rows))
                sheetTitle = nil
            default: break
            }
        }
        return workbook.bytes()
    }

    static func sheet(name: String, title: String, rows: [[String]]) -> WorksheetWriter {
        var sheet = WorksheetWriter(name: name)
        let columns = rows.map(\.count).max() ?? 1
        sheet.append([.text(title, bold: true)])
        if columns > 1 { sheet.merge("A1:\(columnLetters(columns - 1))1") }
        var widths = [Int](repeating: 6, count: columns)
        for (index, row) in rows.enumerated() {
            let cells: [CellInput] = row.map { index == 0 ? .text($0, bold: true) : cell($0) }
            sheet.append(cells)
            for (c, text) in row.enumerated() { widths[c] = max(widths[c], displayWidth(text) + 2) }
        }
        sheet.frozenRows = 2   // title and header stay in view
        for (c, w) in widths.enumerated() { sheet.columnWidths[c] = Double(min(w, 40)) }
        return sheet
    }

    /// A number, a percentage, or text.
    static func cell(_ text: String) -> CellInput {
        if text.isEmpty { return .empty }
        if text.hasSuffix("%"), isPlainDecimal(text.dropLast()), let percent = ExactDecimal(text.dropLast()) {
            // 96.2% is the exact decimal 0.962: move the point, never divide in binary.
            let fraction = ExactDecimal(significand: percent.significand, exponent: percent.exponent - 2)
            let decimals = -percent.exponent
            let format = decimals == 0 ? "0%" : "0." + String(repeating: "0", count: decimals) + "%"
            return .number(Double(fraction.text) ?? 0, format: format)
        }
        if isPlainDecimal(Substring(text)), let value = Double(text) {
            return .number(value, format: text.contains(".") ? "0.0#####" : nil)
        }
        return .text(text)
    }

    static func isPlainDecimal(_ text: Substring) -> Bool {
        var body = text
        if body.first == "-" { body = body.dropFirst() }
        guard !body.isEmpty, body.first != ".", body.last != "." else { return false }
        return body.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && body.filter { $0 == "." }.count <= 1
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
    }

    static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// Excel sheet names: at most 31 characters, none of []:*?/\ , unique.
    static func uniqueSheetName(_ proposed: String, used: inout Set<String>) -> String {
        var base = String(proposed.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        if base.isEmpty { base = "表" }
        var name = base
        var n = 2
        while used.contains(name) {
            let suffix = "(\(n))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        used.insert(name)
        return name
    }
}
