import XLSX

/// A cell as the generator writes it, before it becomes an XLSX cell or CSV text.
enum GeneratedCell {
    case empty
    case text(String)
    case integer(Int)
    /// An exact decimal written as a number (`12.5`).
    case decimal(String)
    /// A real Excel date (CSV: the sheet's text date style).
    case date(CivilDate)
    case dateTime(CivilDate, Int, Int)

    var xlsx: CellInput {
        switch self {
        case .empty: return .empty
        case .text(let s): return .text(s)
        case .integer(let i): return .number(Double(i))
        case .decimal(let s): return .literal(s)
        case .date(let d): return .date(year: d.year, month: d.month, day: d.day)
        case .dateTime(let d, let h, let m):
            return .dateTime(year: d.year, month: d.month, day: d.day, hour: h, minute: m, second: 0)
        }
    }

    var csv: String {
        switch self {
        case .empty: return ""
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .decimal(let s): return s
        case .date(let d): return d.iso
        case .dateTime(let d, let h, let m): return d.iso + " " + two(h) + ":" + two(m)
        }
    }
}

func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
