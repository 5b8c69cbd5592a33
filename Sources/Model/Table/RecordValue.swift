/// A field's value as a program states it, for datasets built by hand (tests, tools): the
/// dataset turns it into the column's storage, interning text in the field's dictionary.
public enum RecordValue: Sendable, Equatable {
    case text(String)
    case count(Int64)
    case money(Money)
    case day(Day)
    case decimal(ExactDecimal)
    case bool(Bool)
    case level(AccidentLevel)
    /// 整改状态: true 已整改, false 未整改.
    case status(Bool)
}

extension Dataset {
    /// Appends one record of kind `kind` for part `part` ("" for a record without one); fields
    /// not given are empty. A kind's level rule applies as ingest applies it: a level not given is
    /// derived from deaths, serious injuries and loss.
    public mutating func append(kind kindName: String, part: String, _ values: [String: RecordValue], provenance: Provenance) {
        guard let k = catalog.kind(named: kindName) else { preconditionFailure("unknown kind \(kindName)") }
        let kind = catalog.kinds[k]
        let partCode = part.isEmpty ? StringDictionary.absent : dictionaries[partDictionary].code(for: part)
        var row: [RowValue] = []
        for f in kind.fields {
            let field = catalog.fields[f]
            guard let value = values[field.name] else {
                switch field.type.storage {
                case .codes:
                    if field.type == (config.level.partsAreTowns ? .town : .district) { row.append(.code(partCode)) } else { row.append(.code(StringDictionary.absent)) }
                case .days: row.append(.day(nil))
                case .decimals: row.append(.decimal(ExactDecimal(0)))
                case .bytes:
                    let fallback = field.defaultValue.flatMap(AccidentLevel.init(name:))?.rawValue
                    row.append(.int(field.type == .level ? Int64(fallback ?? Column.noLevel) : 0))
                default: row.append(.int(0))
                }
                continue
            }
            switch value {
            case .text(let s): row.append(.code(field.dictionary >= 0 ? dictionaries[field.dictionary].code(for: s) : StringDictionary.absent))
            case .count(let n): row.append(.int(n))
            case .money(let m): row.append(.int(m.fen))
            case .day(let d): row.append(.day(d))
            case .decimal(let d): row.append(.decimal(d))
            case .bool(let b): row.append(.int(b ? 1 : 0))
            case .level(let l): row.append(.int(Int64(l.rawValue)))
            case .status(let rectified): row.append(.int(rectified ? 1 : 2))
            }
        }
        if let rule = kind.level, values[catalog.fields[kind.fields[rule.field]].name] == nil {
            func int(_ c: Int?) -> Int64 { if let c, case .int(let v) = row[c] { return v }; return 0 }
            let derived = AccidentLevel.derived(deaths: Int(rule.deaths.reduce(0) { $0 + int($1) }),
                                                seriousInjuries: Int(int(rule.seriousInjuries)), loss: Money(fen: int(rule.loss)))
            row[rule.field] = .int(Int64(derived.rawValue))
        }
        tables[k].append(row, part: partCode, provenance: provenance)
        for (c, f) in kind.fields.enumerated() where values[catalog.fields[f].name] != nil { mappedColumns[k][c] = true }
        if let d = kind.date { mappedColumns[k][d] = true }
    }
}
