import Model

/// How a recognised sheet is laid out: its kind, where its header is, and which column holds which
/// field in which unit.
final class SheetLayout: Sendable {
    let schema: KindSchema
    /// Row number of the (upper) header row.
    let headerRow: Int
    /// 1 or 2.
    let headerRowCount: Int
    /// Column index → `Field.rawValue`, or -1.
    let columnField: [Int16]
    /// `Field.rawValue` → column index, or -1.
    let fieldColumn: [Int]
    /// `Field.rawValue` → the header as written (line breaks removed).
    let headers: [String]
    /// `Field.rawValue` → the header's `HeaderText` key (to recognise a repeated header row).
    let headerKeys: [String]
    /// `Field.rawValue` → unit for money fields (header's own unit, else the unit line, else the default).
    let moneyUnits: [MoneyUnit]
    let missing: [Field]
    let ignored: [String]
    let unitLine: MoneyUnit?

    init(schema: KindSchema, headerRow: Int, headerRowCount: Int, columnField: [Int16], fieldColumn: [Int],
         headers: [String], headerKeys: [String], moneyUnits: [MoneyUnit], missing: [Field], ignored: [String],
         unitLine: MoneyUnit?) {
        self.schema = schema
        self.headerRow = headerRow
        self.headerRowCount = headerRowCount
        self.columnField = columnField
        self.fieldColumn = fieldColumn
        self.headers = headers
        self.headerKeys = headerKeys
        self.moneyUnits = moneyUnits
        self.missing = missing
        self.ignored = ignored
        self.unitLine = unitLine
    }

    var lastHeaderRow: Int { headerRow + headerRowCount - 1 }
    var kind: RecordKind { schema.kind }

    func column(of field: Field) -> Int? {
        let c = fieldColumn[field.rawValue]
        return c >= 0 ? c : nil
    }

    func has(_ field: Field) -> Bool { fieldColumn[field.rawValue] >= 0 }

    /// Fields the sheet maps, in column order.
    var mappedFields: [Field] {
        columnField.compactMap { $0 >= 0 ? Field(rawValue: Int($0)) : nil }
    }


    func report(into sheet: inout SheetReport) {
        sheet.kind = kind
        sheet.headerRow = headerRow
        sheet.headerRowCount = headerRowCount
        sheet.columns = columnField.enumerated().compactMap { column, raw in
            guard raw >= 0, let field = Field(rawValue: Int(raw)) else { return nil }
            return SheetReport.MappedColumn(letter: ColumnName.letters(column), header: headers[field.rawValue],
                                            field: field.name,
                                            unit: field.valueType == .money ? moneyUnits[field.rawValue].name : nil)
        }
        sheet.ignoredColumns = ignored
        sheet.missingColumns = missing.map(\.name)
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
