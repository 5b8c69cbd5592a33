import Model

/// Cells that hold one of a few words: booleans, 整改状态, 事故等级, 隐患等级.
enum ChoiceParser {
    /// INPUTS.md clarification: 是/√/Y/y/TRUE/1 → yes; 否/×/N/n/FALSE/0/empty → no.
    static func boolean(_ cell: RawCell) -> Result<Bool, ValueProblem> {
        switch cell {
        case .empty: return .success(false)
        case .utf8(let b): return boolean(.text(b.string))      // parsed once per distinct text (cached)
        case .bool(let b): return .success(b)
        case .number(let d):
            if d == 1 { return .success(true) }
            if d == 0 { return .success(false) }
            return .failure(.notBoolean)
        case .text(let s):
            let t = HeaderText(s).key
            switch t {
            case "是", "√", "✓", "✔", "Y", "YES", "TRUE", "1", "有", "☑": return .success(true)
            case "否", "×", "✗", "✘", "N", "NO", "FALSE", "0", "无", "", "☐": return .success(false)
            default: return .failure(.notBoolean)
            }
        case .date, .error: return .failure(.notBoolean)
        }
    }

    enum Status: Sendable, Equatable {
        case rectified
        /// Written as not rectified (未整改, 整改中, 否 …): contradicts a completion date.
        case notRectified
        /// Left empty: not rectified unless a completion date says otherwise.
        case unstated

        var code: Int8 {
            switch self {
            case .unstated: return 0
            case .rectified: return 1
            case .notRectified: return 2
            }
        }

        init(code: Int8) {
            self = code == 1 ? .rectified : code == 2 ? .notRectified : .unstated
        }
    }

    /// 整改状态: 已整改/已完成/是/√ → rectified; 未整改/整改中/否/空 → not (INPUTS.md §隐患).
    static func status(_ cell: RawCell) -> Result<Status, ValueProblem> {
        switch cell {
        case .empty: return .success(.unstated)
        case .utf8(let b): return status(.text(b.string))
        case .bool(let b): return .success(b ? .rectified : .notRectified)
        case .number(let d):
            if d == 1 { return .success(.rectified) }
            if d == 0 { return .success(.notRectified) }
            return .failure(.notStatus)
        case .text(let s):
            let t = HeaderText(s).key
            switch t {
            case "": return .success(.unstated)
            case "已整改", "已完成", "是", "√", "✓", "✔", "完成", "整改完成", "已整改完成", "已销号", "销号",
                 "已完成整改", "Y", "YES", "TRUE", "1", "已整改销号", "已闭环":
                return .success(.rectified)
            case "未整改", "整改中", "否", "×", "✗", "未完成", "正在整改", "未销号", "未完成整改", "N", "NO",
                 "FALSE", "0", "逾期未整改", "限期整改", "待整改":
                return .success(.notRectified)
            default: return .failure(.notStatus)
            }
        case .date, .error: return .failure(.notStatus)
        }
    }

    /// 事故等级 / 火灾等级 / 隐患等级: 一般/较大/重大/特别重大, with or without 事故/火灾/隐患 after it;
    /// nil when empty.
    static func level(_ cell: RawCell) -> Result<AccidentLevel?, ValueProblem> {
        switch cell {
        case .empty: return .success(nil)
        case .utf8(let b): return level(.text(b.string))
        case .text(let s):
            var t = HeaderText(s).key
            if t.isEmpty { return .success(nil) }
            for suffix in ["生产安全事故", "事故隐患", "安全隐患", "隐患", "事故", "火灾", "级"] where t.hasSuffix(suffix) && t.count > suffix.count {
                t.removeLast(suffix.count)
                break
            }
            if let level = AccidentLevel(name: t) { return .success(level) }
            return .failure(.notLevel)
        default: return .failure(.notLevel)
        }
    }
}
