/// The year (and months) a file, folder, sheet or title names — 「东城区2025年隐患台账」, a folder
/// `2025`, 「2022年1-11月」 — which dates a register sent without rows (CATALOG.md §Comparisons).
public enum PeriodInName {
    /// The first text that names a year gives it; months only from the same text.
    public static func find(in texts: [String]) -> (year: Int?, months: ClosedRange<Int>?) {
        for text in texts {
            if let found = parse(text) { return found }
        }
        return (nil, nil)
    }

    public static func parse(_ text: String) -> (year: Int?, months: ClosedRange<Int>?)? {
        let chars = Array(text.unicodeScalars).map { s -> Unicode.Scalar in
            (0xFF10...0xFF19).contains(s.value) ? Unicode.Scalar(s.value - 0xFEE0)! : s   // full-width digits
        }
        func digit(_ i: Int) -> Int? {
            guard i >= 0, i < chars.count, chars[i].value >= 48, chars[i].value <= 57 else { return nil }
            return Int(chars[i].value - 48)
        }
        var i = 0
        while i < chars.count {
            guard digit(i) != nil, digit(i - 1) == nil else { i += 1; continue }
            var j = i
            var n = 0
            while let d = digit(j) { n = n * 10 + d; j += 1 }
            if j - i == 4, (1990...2099).contains(n) {
                var months: ClosedRange<Int>?
                // 2022年1-11月 / 2022年1至11月 / 2022年3月
                var k = j
                if k < chars.count, chars[k] == "年" { k += 1 }
                if k < chars.count, chars[k] == "度" { k += 1 }
                var a = 0, ka = k
                while let d = digit(ka) { a = a * 10 + d; ka += 1 }
                if ka > k {
                    if ka < chars.count, chars[ka] == "月", (1...12).contains(a) {
                        months = a...a
                    } else if ka < chars.count, "-—－~～至到".unicodeScalars.contains(chars[ka]) {
                        var b = 0, kb = ka + 1
                        while let d = digit(kb) { b = b * 10 + d; kb += 1 }
                        if kb > ka + 1, kb < chars.count, chars[kb] == "月", (1...12).contains(a), (a...12).contains(b) {
                            months = a...b
                        }
                    }
                }
                return (n, months)
            }
            i = j
        }
        return nil
    }
}
