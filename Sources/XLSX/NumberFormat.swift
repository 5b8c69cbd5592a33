/// Which number formats make a number a date or time. Public so that the legacy .xls reader classifies
/// its FORMAT/XF records exactly as workbooks are.
public enum NumberFormat {
    /// Built-in format ids that display dates or times. 14–22 and 45–47 are the international ones;
    /// 27–36 and 50–58 are the East Asian built-ins, which in a Chinese locale are dates such as
    /// `yyyy"年"m"月"d"日"` (31) or times such as `h"时"mm"分"` (32) — ECMA-376 Part 1 §18.8.30.
    /// 46 (`[h]:mm:ss`) is an elapsed time.
    public static func builtinDateKind(_ id: Int) -> DateKind? {
        switch id {
        case 14, 15, 16, 17: return .date
        case 18, 19, 20, 21, 45, 47: return .time
        case 46: return .elapsed
        case 22: return .dateTime
        case 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58: return .date
        case 32, 33, 34, 35, 55, 56: return .time
        default: return nil
        }
    }

    /// Classifies a format code by the date and time letters (y m d h s) of its first section that
    /// stand outside quoted text, backslash escapes, `_x`/`*x` spacing codes and `[...]` brackets
    /// (colours, locales such as `[$-F800]`, `[DBNum1]`, conditions). An elapsed-time bracket (`[h]`,
    /// `[hh]`, `[mm]`, `[s]`) without date letters makes the format `.elapsed`; beside a date it counts
    /// as time. An `m` means minutes next to `h` or `s`, otherwise month.
    public static func dateKind(code: String) -> DateKind? {
        var hasElapsed = false
        var hasYearOrDay = false
        var hasMonthOrMinute = false
        var hasTime = false
        var iterator = code.unicodeScalars.makeIterator()
        var inQuotes = false
        while let scalar = iterator.next() {
            if inQuotes {
                if scalar == "\"" { inQuotes = false }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case "\\", "_", "*": _ = iterator.next()
            case ";": return classify(hasYearOrDay, hasMonthOrMinute, hasTime, hasElapsed)
            case "[":
                var inside = ""
                while let next = iterator.next(), next != "]" { inside.unicodeScalars.append(next) }
                let lowered = inside.lowercased()
                if let first = lowered.first, "hms".contains(first), lowered.allSatisfy({ $0 == first }) { hasElapsed = true }
            case "y", "Y", "d", "D": hasYearOrDay = true
            case "m", "M": hasMonthOrMinute = true
            case "h", "H", "s", "S": hasTime = true
            default: break
            }
        }
        return classify(hasYearOrDay, hasMonthOrMinute, hasTime, hasElapsed)
    }

    private static func classify(_ hasYearOrDay: Bool, _ hasMonthOrMinute: Bool, _ hasTime: Bool, _ hasElapsed: Bool) -> DateKind? {
        if hasElapsed && !hasYearOrDay { return .elapsed }
        let hasTime = hasTime || hasElapsed
        let hasDate = hasYearOrDay || (hasMonthOrMinute && !hasTime)
        switch (hasDate, hasTime) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        case (false, false): return nil
        }
    }

    /// Built-in ids of the writer: a format code the reader of any locale knows without a `<numFmt>`.
    static let builtinIDs: [String: Int] = [
        "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4,
        "0%": 9, "0.00%": 10, "0.00E+00": 11, "# ?/?": 12, "# ??/??": 13,
        "mm-dd-yy": 14, "d-mmm-yy": 15, "d-mmm": 16, "mmm-yy": 17,
        "h:mm AM/PM": 18, "h:mm:ss AM/PM": 19, "h:mm": 20, "h:mm:ss": 21, "m/d/yy h:mm": 22,
        "#,##0 ;(#,##0)": 37, "#,##0 ;[Red](#,##0)": 38, "#,##0.00;(#,##0.00)": 39, "#,##0.00;[Red](#,##0.00)": 40,
        "mm:ss": 45, "[h]:mm:ss": 46, "mmss.0": 47, "##0.0E+0": 48, "@": 49,
    ]
}
