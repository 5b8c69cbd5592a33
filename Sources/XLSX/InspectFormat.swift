/// Renders cell values as `safetystats inspect` prints them (INPUTS.md §"inspect format").
public enum InspectFormat {
    public static func render(_ value: CellValue) -> String {
        switch value {
        case .empty: return ""
        case .string(let text): return text
        case .number(let number): return renderNumber(number)
        case .bool(let flag): return flag ? "TRUE" : "FALSE"
        case .error(let text): return text
        case .date(let date): return renderDate(date)
        }
    }

    /// Integer form when integral and |x| < 1e15; otherwise the shortest round-trip decimal written the
    /// way Python's `repr` writes it (fixed notation for exponents −4…15, else `1e-05`, `1e+16`), so that
    /// any reader can be compared with ours byte for byte.
    public static func renderNumber(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        if number == number.rounded(.towardZero) && abs(number) < 1e15 {
            return String(Int64(number))
        }
        return ShortestDecimal.pythonRepr(number)
    }

    /// `YYYY-MM-DD`; `YYYY-MM-DDTHH:MM:SS` when the value has a time of day; `HH:MM:SS` for a time-only
    /// format; `[-]H…H:MM:SS` for an elapsed-time format (hours unbounded, at least two digits, `-` before
    /// a negative duration). Serials outside years 1–9999 are shown as the number they are.
    public static func renderDate(_ date: ExcelDate) -> String {
        if date.kind == .elapsed {
            guard let span = date.elapsed else { return renderNumber(date.serial) }
            return (span.negative ? "-" : "") + pad(span.hours, 2) + ":" + pad(span.minute, 2) + ":" + pad(span.second, 2)
        }
        guard let parts = date.components else { return renderNumber(date.serial) }
        let time = pad(parts.hour, 2) + ":" + pad(parts.minute, 2) + ":" + pad(parts.second, 2)
        if date.kind == .time { return time }
        let day = pad(parts.year, 4) + "-" + pad(parts.month, 2) + "-" + pad(parts.day, 2)
        if parts.hour == 0 && parts.minute == 0 && parts.second == 0 { return day }
        return day + "T" + time
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
