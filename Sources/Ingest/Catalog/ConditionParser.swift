import Model
import TOMLKit

/// One `where` entry (`"来源" = ["专项整治", "专项检查"]`, `"事故等级" = ">=较大"`) → a condition
/// whose values are normalised the way the field's cells are (CATALOG.md §Metrics): district and
/// industry aliases resolved, 是/否 read as booleans, levels and dates parsed.
struct ConditionParser: Sendable {
    let parts: PartResolver
    let industries: IndustryCatalog

    private static let operators: [(String, MetricCondition.Operator)] = [
        ("!=", .notEqual), (">=", .atLeast), ("<=", .atMost), (">", .greater), ("<", .less),
    ]

    func parse(field: FieldReference, name: String, value: TOMLValueConvertible, kind: Int, catalog: Catalog,
               fail: (String) throws(IngestError) -> Never) throws(IngestError) -> MetricCondition {
        let type: FieldType
        switch field {
        case .column(let c): type = catalog.field(kind: kind, column: c).type
        case .rectified, .overdue: type = .bool
        case .month: type = .count
        }
        if type == .note { try fail("「\(name)」是说明文字，不能用作条件") }
        var items: [TOMLValueConvertible] = []
        if let array = value.array {
            for item in array { items.append(item) }
            if items.isEmpty { try fail("「\(name)」的条件列表是空的") }
        } else {
            items = [value]
        }
        var op = MetricCondition.Operator.equal
        var operands: [MetricCondition.Operand] = []
        for (n, item) in items.enumerated() {
            var text: String
            if let s = item.string {
                text = TextKey.trimmed(s)
            } else if let i = item.int {
                text = String(i)
            } else if let b = item.bool {
                text = b ? "是" : "否"
            } else if let d = item.date {
                text = "\(d.year)-\(d.month < 10 ? "0" : "")\(d.month)-\(d.day < 10 ? "0" : "")\(d.day)"
            } else if let d = item.double, let exact = NumberText.decimal(d) {
                text = exact.text
            } else {
                try fail("「\(name)」的条件应为文字、数字、日期或它们的列表")
            }
            var itemOp = MetricCondition.Operator.equal
            for (prefix, o) in ConditionParser.operators where text.hasPrefix(prefix) {
                itemOp = o
                text = TextKey.trimmed(String(text.dropFirst(prefix.count)))
                break
            }
            if text.hasPrefix("=") { text = TextKey.trimmed(String(text.dropFirst())) }
            if n == 0 { op = itemOp } else if itemOp != op || items.count > 1 && itemOp != .equal {
                try fail("「\(name)」的列表表示“其中任一”，列表里不能写 \(itemOp.rawValue)；比较请单独写一个条件")
            }
            operands.append(try operand(text, type: type, name: name, op: itemOp, kind: kind, field: field,
                                        catalog: catalog, fail: fail))
        }
        return MetricCondition(field: field, fieldName: name, op: op, operands: operands)
    }

    private func operand(_ text: String, type: FieldType, name: String, op: MetricCondition.Operator, kind: Int,
                         field: FieldReference, catalog: Catalog,
                         fail: (String) throws(IngestError) -> Never) throws(IngestError) -> MetricCondition.Operand {
        let ordered = op != .equal && op != .notEqual
        switch type {
        case .id, .text, .list, .note, .district, .town, .industry:
            if ordered { try fail("「\(name)」是文字，只能用 = 或 !=") }
            if text.isEmpty { try fail("「\(name)」的条件是空的") }
            switch type {
            case .district, .town:
                if case .part(let p) = parts.resolve(text) { return .text(TextKey.key(p)) }
                return .text(TextKey.key(text))
            case .industry:
                if case .known(let i) = industries.resolve(text) { return .text(TextKey.key(i)) }
                return .text(TextKey.key(text))
            default:
                return .text(TextKey.key(text))
            }
        case .bool:
            if ordered { try fail("「\(name)」是是/否，只能用 = 或 !=") }
            switch ChoiceParser.boolean(.text(text)) {
            case .success(let b) where !text.isEmpty: return .bool(b)
            default: try fail("「\(name)」的条件「\(text)」应为 是 或 否")
            }
        case .level:
            switch ChoiceParser.level(.text(text)) {
            case .success(let l?): return .level(l.rawValue)
            default: try fail("「\(name)」的条件「\(text)」应为 一般、较大、重大 或 特别重大")
            }
        case .status:
            switch ChoiceParser.status(.text(text)) {
            case .success(let s) where s != .unstated: return .level(UInt8(s.code))
            default: try fail("「\(name)」的条件「\(text)」应为 已整改 或 未整改（也可用派生字段 已整改 = 是）")
            }
        case .date:
            switch DateParser.parse(text: text) {
            case .success(let d): return .day(d)
            case .failure: try fail("「\(name)」的条件「\(text)」不是日期（应写成 2020-07-01）")
            }
        case .count, .year, .number, .money:
            guard let parsed = NumberText.parse(text), !parsed.percent else {
                try fail("「\(name)」的条件「\(text)」不是数字")
            }
            if type == .money {
                // Money compares in the field's own unit unless the value names one (10万元).
                let unit = MoneyUnit(word: parsed.suffix) ?? (catalog.fieldType(kind: kind, field)?.defaultUnit == .wanYuan ? .wanYuan : .yuan)
                guard parsed.suffix.isEmpty || MoneyUnit(word: parsed.suffix) != nil,
                      let fen = parsed.value.rescaled(toExponent: -unit.fenExponent) else {
                    try fail("「\(name)」的条件「\(text)」不是金额")
                }
                return .number(ExactDecimal(significand: fen, exponent: 0))
            }
            guard parsed.suffix.isEmpty || CountParser.units.contains(parsed.suffix) else {
                try fail("「\(name)」的条件「\(text)」不是数字")
            }
            if type == .count, field == .month, !(1...12).contains(parsed.value.rescaled(toExponent: 0) ?? 0) {
                try fail("月份的条件「\(text)」应在 1 到 12 之间")
            }
            return .number(parsed.value)
        }
    }
}

extension Catalog {
    /// The declaration of a referenced column, if it is one.
    func fieldType(kind: Int, _ reference: FieldReference) -> FieldDeclaration? {
        if case .column(let c) = reference { return field(kind: kind, column: c) }
        return nil
    }
}
