import Model

/// How a recognised sheet is laid out: its kind, where its header is, and which sheet column holds
/// which column of the kind, in which unit.
final class SheetLayout: Sendable {
    let schema: KindSchema
    /// Row number of the (upper) header row.
    let headerRow: Int
    /// 1 or 2.
    let headerRowCount: Int
    /// Sheet column index → kind column, or -1.
    let columnSlot: [Int16]
    /// Kind column → sheet column index, or -1.
    let slotColumn: [Int]
    /// Kind column → the header as written (line breaks removed).
    let headers: [String]
    /// Kind column → the header's `HeaderText` key (to recognise a repeated header row).
    let headerKeys: [String]
    /// Kind column → unit of a money column (header's own unit, else the unit line, else the default).
    let moneyUnits: [MoneyUnit]
    /// Required kind columns the header lacks (for a `required_any` group: its first column).
    let missing: [Int]
    /// Of `missing`, those that stand for a whole `required_any` group (names joined with 或).
    let missingGroups: [[Int]]
    let ignored: [String]
    let unitLine: MoneyUnit?
    /// Texts of the rows above the header (titles such as 「2025年度东城区隐患台账」).
    let titles: [String]

    init(schema: KindSchema, headerRow: Int, headerRowCount: Int, columnSlot: [Int16], slotColumn: [Int],
         headers: [String], headerKeys: [String], moneyUnits: [MoneyUnit], missing: [Int], missingGroups: [[Int]],
         ignored: [String], unitLine: MoneyUnit?, titles: [String]) {
        self.schema = schema
        self.headerRow = headerRow
        self.headerRowCount = headerRowCount
        self.columnSlot = columnSlot
        self.slotColumn = slotColumn
        self.headers = headers
        self.headerKeys = headerKeys
        self.moneyUnits = moneyUnits
        self.missing = missing
        self.missingGroups = missingGroups
        self.ignored = ignored
        self.unitLine = unitLine
        self.titles = titles
    }

    var lastHeaderRow: Int { headerRow + headerRowCount - 1 }
    var kind: Int { schema.index }

    func column(of slot: Int) -> Int? {
        let c = slotColumn[slot]
        return c >= 0 ? c : nil
    }

    func has(_ slot: Int) -> Bool { slotColumn[slot] >= 0 }

    /// Kind columns the sheet maps, in sheet column order.
    var mappedSlots: [Int] { columnSlot.compactMap { $0 >= 0 ? Int($0) : nil } }

    func report(into sheet: inout SheetReport, catalog: Catalog) {
        sheet.kind = schema.name
        sheet.headerRow = headerRow
        sheet.headerRowCount = headerRowCount
        sheet.columns = columnSlot.enumerated().compactMap { column, raw in
            guard raw >= 0 else { return nil }
            let field = catalog.field(kind: schema.index, column: Int(raw))
            return SheetReport.MappedColumn(letter: ColumnName.letters(column), header: headers[Int(raw)],
                                            field: field.name,
                                            unit: field.type == .money ? moneyUnits[Int(raw)].name : nil)
        }
        sheet.ignoredColumns = ignored
        sheet.missingColumns = missing.map { slot in
            if let group = missingGroups.first(where: { $0.first == slot }) {
                return group.map { catalog.field(kind: schema.index, column: $0).name }.joined(separator: "或")
            }
            return catalog.field(kind: schema.index, column: slot).name
        }
        sheet.unitLine = unitLine?.name
    }
}

/// Excel column letters.
enum ColumnName {
    /// 0 → `A`, 25 → `Z`, 26 → `AA`.
    static func letters(_ column: Int) -> String {
        var n = column + 1
        var scalars: [Unicode.Scalar] = []
        while n > 0 {
            let r = (n - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(65 + r)))
            n = (n - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    /// `D25`.
    static func cell(column: Int, row: Int) -> String { letters(column) + String(row) }
}
