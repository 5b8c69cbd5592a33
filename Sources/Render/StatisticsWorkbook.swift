import Model
import XLSX

/// Turns a rendered 统计表 document into a workbook for reading on screen and for printing: every
/// `##` heading with its table becomes a sheet, headed by the document's title.
///
/// - Cells that read as numbers or percentages are numeric cells: counts whole, percentages in the
///   precision the template printed them (`96.2%` → 0.962 shown `0.0%`), 同比 columns with their
///   sign (`+25.0%`), and every money column (a header naming 万元) of the workbook in one format
///   with the decimals of its most precise value, so amounts line up and none is cut.
/// - Header cells written `事故起数｜本期` are grouped under a merged 事故起数 (`TableHeader`);
///   the other header cells span both header rows.
/// - Thin borders round every cell of the table, bold header on grey, a bold 合计 row.
/// - Printing: landscape A4, shrunk to one page wide (as many pages down as the rows need), the
///   title and header rows repeated on every page, centred, page numbers in the footer; on screen
///   the title, header and first column stay in view.
public enum StatisticsWorkbook {
    public static func bytes(_ document: ReportDocument) -> [UInt8] {
        var tables: [(name: String, rows: [[String]])] = []
        var sheetTitle: String?
        var usedNames: Set<String> = []
        for block in document.blocks {
            switch block {
            case .heading1(let text), .heading2(let text): sheetTitle = text
            case .table(let rows):
                tables.append((uniqueSheetName(sheetTitle ?? "表\(usedNames.count + 1)", used: &usedNames), rows))
                sheetTitle = nil
            default: break
            }
        }
        // One money format for the whole workbook: as many decimals as its most precise amount.
        var moneyDecimals = 0
        for table in tables {
            let money = moneyColumns(TableHeader(table.rows.first ?? []))
            for row in table.rows.dropFirst() {
                for (column, text) in row.enumerated() where money.contains(column) && isPlainDecimal(Substring(text)) {
                    moneyDecimals = max(moneyDecimals, text.split(separator: ".").dropFirst().first?.count ?? 0)
                }
            }
        }
        var workbook = WorkbookWriter()
        workbook.includesTheme = true
        let title = document.title ?? ""
        for table in tables {
            workbook.add(sheet(name: table.name, title: title.isEmpty ? table.name : "\(title)(\(table.name))",
                               rows: table.rows, moneyDecimals: moneyDecimals))
        }
        return workbook.bytes()
    }

    static let font = "宋体"
    static let titleStyle = CellStyle(bold: true, fontSize: 16, fontName: font, horizontal: .center, verticalCenter: true)
    static let headerStyle = CellStyle(bold: true, fontName: font, border: true, horizontal: .center, verticalCenter: true,
                                       wrap: true, fill: "F2F2F2")
    static let labelStyle = CellStyle(fontName: font, border: true, horizontal: .center, verticalCenter: true)
    static let valueStyle = CellStyle(fontName: font, border: true, verticalCenter: true)

    static func sheet(name: String, title: String, rows: [[String]], moneyDecimals: Int = 2) -> WorksheetWriter {
        var sheet = WorksheetWriter(name: name)
        let columns = max(rows.map(\.count).max() ?? 1, 1)
        let header = TableHeader(rows.first ?? [])
        let headerRows = header.hasGroups ? 2 : 1
        let lastColumn = columnLetters(columns - 1)

        sheet.append([.styled(.text(title), titleStyle)])
        sheet.rowHeights[1] = 30
        if columns > 1 { sheet.merge("A1:\(lastColumn)1") }

        // Header: a group over its columns in the first row, ungrouped columns down both rows.
        var widths = [Int](repeating: 6, count: columns)
        var top = [CellInput](repeating: .styled(.empty, headerStyle), count: columns)
        var bottom = top
        for column in 0..<columns {
            let cell = column < header.columns.count ? header.columns[column] : TableHeader.Column(group: nil, title: "")
            if header.hasGroups {
                if cell.group == nil {
                    top[column] = .styled(.text(twoLines(cell.title)), headerStyle)
                } else {
                    bottom[column] = .styled(.text(cell.title), headerStyle)
                }
            } else {
                top[column] = .styled(.text(cell.title), headerStyle)
            }
            // A header over both rows puts its unit on the second line: 执法检查 / （家次）.
            let lines = header.hasGroups && cell.group == nil ? twoLines(cell.title).split(separator: "\n").map(String.init) : [cell.title]
            widths[column] = max(widths[column], (lines.map(displayWidth).max() ?? 0) + 2)
        }
        if header.hasGroups {
            for span in header.spans where span.first < columns {
                let first = columnLetters(span.first), last = columnLetters(span.first + span.count - 1)
                if span.grouped {
                    top[span.first] = .styled(.text(span.title), headerStyle)
                    if span.count > 1 { sheet.merge("\(first)2:\(last)2") }
                    // A group title wider than its columns widens them.
                    let room = (span.first..<(span.first + span.count)).reduce(0) { $0 + widths[$1] }
                    if displayWidth(span.title) + 2 > room { widths[span.first + span.count - 1] += displayWidth(span.title) + 2 - room }
                } else {
                    sheet.merge("\(first)2:\(first)3")
                }
            }
        }
        sheet.append(top)
        sheet.rowHeights[2] = 22
        if header.hasGroups {
            sheet.append(bottom)
            sheet.rowHeights[3] = 22
        }

        let money = moneyColumns(header)
        for row in rows.dropFirst() {
            let total = ["合计", "总计"].contains(row.first ?? "")
            var cells: [CellInput] = []
            for column in 0..<columns {
                let text = column < row.count ? row[column] : ""
                let kind: Measure = money.contains(column) ? .money(decimals: moneyDecimals)
                    : header.columns.indices.contains(column) && isChange(header.columns[column]) ? .change : .plain
                let (input, numeric) = cell(text, measure: kind)
                var style = column == 0 || !numeric ? labelStyle : valueStyle
                style.bold = total
                cells.append(.styled(input, style))
                widths[column] = max(widths[column], displayWidth(text) + 2)
            }
            sheet.append(cells)
            sheet.rowHeights[sheet.rowCount] = 18
        }
        // The figure columns alike wide, as a printed table has them.
        if columns > 1 {
            let common = widths.dropFirst().max() ?? 8
            for c in 1..<columns { widths[c] = common }
        }
        sheet.frozenRows = 1 + headerRows   // title and header stay in view
        sheet.frozenColumns = 1             // and the row labels of a wide table
        for (c, w) in widths.enumerated() { sheet.columnWidths[c] = Double(min(w, 40)) }
        sheet.pageSetup = WorksheetWriter.PageSetup(orientation: .landscape, fitToWidth: 1, fitToHeight: 0,
                                                    repeatRows: 1...(1 + headerRows), centerHorizontally: true,
                                                    footer: "&C第 &P 页，共 &N 页")
        return sheet
    }

    /// `执法检查（家次）` → `执法检查` and `（家次）` on two lines.
    static func twoLines(_ title: String) -> String {
        guard let bracket = title.firstIndex(where: { $0 == "（" || $0 == "(" }), bracket != title.startIndex else { return title }
        return String(title[..<bracket]) + "\n" + String(title[bracket...])
    }

    /// What a column holds, for its number format.
    enum Measure: Equatable {
        case plain
        /// 同比: a signed percentage.
        case change
        case money(decimals: Int)
    }

    /// Columns whose header (or group) names 万元.
    static func moneyColumns(_ header: TableHeader) -> Set<Int> {
        Set(header.columns.indices.filter { index in
            let column = header.columns[index]
            return column.title.contains("万元") || (column.group?.contains("万元") ?? false)
        })
    }

    static func isChange(_ column: TableHeader.Column) -> Bool {
        column.title.contains("同比") || column.title.contains("增减")
    }

    /// A number, a percentage, or text; and whether it is numeric.
    static func cell(_ text: String, measure: Measure = .plain) -> (CellInput, Bool) {
        if text.isEmpty { return (.empty, false) }
        if text.hasSuffix("%"), isPlainDecimal(text.dropLast()), let percent = ExactDecimal(text.dropLast()) {
            // 96.2% is the exact decimal 0.962: move the point, never divide in binary.
            let fraction = ExactDecimal(significand: percent.significand, exponent: percent.exponent - 2)
            let decimals = -percent.exponent
            let digits = decimals == 0 ? "0%" : "0." + String(repeating: "0", count: decimals) + "%"
            let format = measure == .change ? "+\(digits);-\(digits);\(digits)" : digits
            return (.number(Double(fraction.text) ?? 0, format: format), true)
        }
        if isPlainDecimal(Substring(text)), let value = Double(text) {
            switch measure {
            case .money(let decimals):
                return (.number(value, format: decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals)), true)
            case .plain, .change:
                return (.number(value, format: text.contains(".") ? "0.0#####" : nil), true)
            }
        }
        return (.text(text), false)
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
