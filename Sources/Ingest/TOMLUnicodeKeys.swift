/// Quotes bare keys that hold non-ASCII characters — `[地区]`, `东城区 = ["东城"]` — before the text
/// reaches the TOML parser.
///
/// TOML 1.0 allows only A–Z, a–z, 0–9, `_` and `-` in bare keys (TOML 1.1 allows Unicode), yet a
/// report writer types Chinese keys without quotes as a matter of course. The parser we use reports
/// most such keys as a syntax error, but asserts (aborts the process) on a table header like
/// `[地区]`; so those keys are quoted here, which reads them the way TOML 1.1 does. Only keys are
/// touched: strings, comments and values (arrays, inline tables) are copied as they are, and line
/// numbers do not change.
enum TOMLUnicodeKeys {
    static func quoted(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let s = Array(text.unicodeScalars)
        var i = 0
        var depth = 0                       // open [ and { of values
        var brackets: [Unicode.Scalar] = []  // which of them, innermost last: keys follow { and , inside {
        var lineStart = true                // only whitespace so far on this line
        var inHeader = false                // inside [table] or [[table]]
        var keyAllowed = true               // a key may start here (line start at depth 0, or a header)

        func copy(_ n: Int) { for k in 0..<n where i + k < s.count { out.append(s[i + k]) }; i += n }
        func starts(_ p: String) -> Bool {
            let ps = Array(p.unicodeScalars)
            guard i + ps.count <= s.count else { return false }
            for k in 0..<ps.count where s[i + k] != ps[k] { return false }
            return true
        }
        func copyString() {
            // Basic, literal or multi-line string from s[i], copied whole (to its end or the text's).
            let quote = s[i]
            let triple = starts(String(repeating: String(quote), count: 3))
            let fence = triple ? 3 : 1
            copy(fence)
            while i < s.count {
                if quote == "\"" && s[i] == "\\" { copy(2); continue }
                if !triple && s[i] == "\n" { return }
                if s[i] == quote && (!triple || starts(String(repeating: String(quote), count: 3))) {
                    copy(fence)
                    while triple && i < s.count && s[i] == quote { copy(1) }   // """" ends with a quote inside
                    return
                }
                copy(1)
            }
        }
        func isBare(_ c: Unicode.Scalar) -> Bool {
            !(c == " " || c == "\t" || c == "\n" || c == "\r" || c == "." || c == "=" || c == "]" || c == "["
              || c == "\"" || c == "'" || c == "#" || c == "{" || c == "}" || c == ",")
        }

        while i < s.count {
            let c = s[i]
            if c == "\n" { copy(1); lineStart = true; keyAllowed = depth == 0; continue }
            if depth > 0 && !inHeader && c == "," {
                copy(1)
                keyAllowed = brackets.last == "{"
                continue
            }
            if c == " " || c == "\t" || c == "\r" { copy(1); continue }
            if c == "#" { while i < s.count && s[i] != "\n" { copy(1) }; continue }
            if c == "\"" || c == "'" { copyString(); lineStart = false; continue }
            if lineStart && depth == 0 && c == "[" {
                copy(starts("[[") ? 2 : 1)
                inHeader = true; keyAllowed = true; lineStart = false
                continue
            }
            lineStart = false
            if inHeader && c == "]" { copy(starts("]]") ? 2 : 1); inHeader = false; keyAllowed = false; continue }
            if keyAllowed && c == "." { copy(1); continue }
            if keyAllowed && c == "=" { copy(1); keyAllowed = false; continue }
            if keyAllowed && isBare(c) {
                var j = i
                while j < s.count && isBare(s[j]) { j += 1 }
                let part = s[i..<j]
                if part.contains(where: { !$0.isASCII }) {
                    out.append("\"")
                    for scalar in part {
                        if scalar == "\\" { out.append("\\") }
                        out.append(scalar)
                    }
                    out.append("\"")
                    i = j
                } else {
                    copy(j - i)
                }
                continue
            }
            if !inHeader && (!keyAllowed || depth > 0) {
                if c == "[" || c == "{" {
                    depth += 1
                    brackets.append(c)
                    copy(1)
                    keyAllowed = c == "{"          // an inline table's first key
                    continue
                } else if (c == "]" || c == "}") && depth > 0 {
                    depth -= 1
                    brackets.removeLast()
                    keyAllowed = false
                }
            }
            copy(1)
        }
        return String(out)
    }
}
