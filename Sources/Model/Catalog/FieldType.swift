/// What a declared field's cells hold (CATALOG.md §Kinds), and therefore how they are parsed,
/// stored and compared.
public enum FieldType: String, Sendable, CaseIterable, Codable {
    /// A record id: duplicates by id are one record (the later file wins).
    case id
    case date
    /// 区县: resolved through [districts]; the part at level 市.
    case district
    /// 镇街: the part at level 区/县.
    case town
    /// 行业领域: mapped to the canonical list of INPUTS.md.
    case industry
    case text
    /// Several values in one cell, split on `；;、,，/`.
    case list
    /// A non-negative integer; an empty cell is 0.
    case count
    /// An exact decimal.
    case number
    /// 元 or 万元 (from the header, a unit line, or the field's default unit), kept in 分.
    case money
    /// 是/否 (√/×, Y/N, TRUE/FALSE, 1/0); empty is 否.
    case bool
    /// 一般/较大/重大/特别重大 (with or without 事故/火灾/隐患 after it).
    case level
    /// 整改状态: 已整改/已完成/是 … or 未整改/整改中/否 …; empty says nothing.
    case status
    /// Free text kept only to tell id-less duplicates apart (隐患描述); not usable in `where`.
    case note
    /// A calendar year (年度 of 目标 and 填报指标 sheets).
    case year

    /// How a column of this type is stored.
    public var storage: Column.Storage {
        switch self {
        case .id, .district, .town, .industry, .text, .list, .note: return .codes
        case .date: return .days
        case .count, .year: return .int32
        case .money: return .int64
        case .number: return .decimals
        case .bool, .level, .status: return .bytes
        }
    }

    /// Types whose values are summed by `sum:` measures and compared as numbers.
    public var isNumeric: Bool { self == .count || self == .money || self == .number || self == .year }

    /// Types whose values are dictionary codes into one of the dataset's dictionaries.
    public var isCoded: Bool { storage == .codes }
}
