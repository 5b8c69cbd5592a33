/// The TOML parser's English error (`Error while parsing string: unescaped control characters …`)
/// said in the words of a report writer who edits config.toml in Notepad (「字符串缺少结束引号」).
///
/// The parser (toml++ inside TOMLKit) writes `Error while parsing <what>: <reason>`; the reasons
/// matched here are the ones a hand-edited file meets. Anything else still gets a Chinese sentence,
/// with the parser's own words after it for whoever debugs it.
enum TOMLSyntaxMessage {
    /// - Parameters:
    ///   - parserMessage: the parser's description.
    ///   - lineText: the line the parser stopped on, as typed (to tell a missing quote from a stray
    ///     control character, and to spot Chinese punctuation).
    static func chinese(_ parserMessage: String, lineText: String) -> String {
        var what = ""
        var reason = parserMessage
        if let range = parserMessage.range(of: "Error while parsing ") {
            let rest = parserMessage[range.upperBound...]
            if let colon = rest.range(of: ": ") {
                what = String(rest[..<colon.lowerBound])
                reason = String(rest[colon.upperBound...])
            }
        }
        let saw = Self.saw(reason)
        if let saw, let ascii = fullWidth[saw] {
            return "这里用了中文符号「\(saw)」，config.toml 的符号须为英文半角「\(ascii)」"
        }
        if lineText.contains(where: { fullWidthQuotes.contains($0) }) && (what == "value" || reason.contains("determine value type")) {
            return "文字须用英文半角双引号 \" 括起，而不是中文引号 “ ” 或「」"
        }
        switch what {
        case "string", "literal string":
            if reason.contains("end-of-file") {
                let triple = lineText.contains("\"\"\"") || lineText.contains("'''")
                return triple ? "多行字符串缺少结束的三引号（\"\"\" 或 '''）" : "字符串缺少结束引号"
            }
            if reason.contains("control character") {
                return lineText.contains(where: isControlCharacter) ? "字符串中有不可见的控制字符，请删除后重新输入" : "字符串缺少结束引号"
            }
            if reason.contains("escape sequence") {
                return "字符串中的反斜杠 \\ 须写成 \\\\（或把整个字符串改用单引号 '…' 括起），例如文件夹路径"
            }
            if reason.contains("surrogate") { return "字符串中有无效的字符" }
        case "table header":
            if reason.contains("redefine existing array") {
                return "此配置节前面已写成 [[…]]（可重复的表），这里不能再写成 […]"
            }
            if reason.contains("redefine existing") { return "配置节\(quotedName(reason).map { " [\($0)]" } ?? "")重复出现，同一配置节只能写一次" }
            if reason.contains("expected ']'") { return "配置节名缺少结束的 ]（应写成 [region] 这样）" }
            if reason.contains("blank bare keys") { return "配置节名不能为空" }
        case "key-value pair":
            if reason.contains("redefine existing") {
                return "「\(quotedName(reason) ?? "此项")」重复出现，同一配置节中每项只能写一次"
            }
            if reason.contains("expected value") { return "「=」后面缺少值（文字要加英文双引号，如 name = \"示例市\"；数字直接写，如 year = 2020）" }
            if reason.contains("expected '='") { return "缺少「=」：每行应写成 名称 = 值（名称中有空格或符号时要加英文双引号）" }
            if reason.contains("comment or whitespace") {
                return "一行只能写一项「名称 = 值」，\(saw.map { "「\($0)」" } ?? "")及其后的内容多余（多个值请写成列表 [\"甲\", \"乙\"]）"
            }
        case "array":
            if reason.contains("end-of-file") { return "列表缺少结束的 ]" }
            if reason.contains("saw comma") { return "列表中有多余的逗号" }
            if reason.contains("comma or closing") { return "列表的各项之间要用英文逗号 , 分隔，列表以 ] 结束" }
        case "inline table":
            if reason.contains("dangling comma") || reason.contains("saw comma") { return "花括号 { } 中最后一项后面不能有逗号" }
            if reason.contains("end-of-file") || reason.contains("closing '}'") { return "花括号 { } 中的各项要用英文逗号分隔，并以 } 结束，且要写在同一行" }
        case "root table":
            return "这一行无法识别：每行应为 [配置节]、名称 = 值，或以 # 开头的注释"
        case "value":
            if reason.contains("determine value type") {
                return "无法识别的值：文字要用英文双引号括起（如 \"东城区\"），数字直接写（如 2020），真假写 true 或 false"
            }
            if reason.contains("control character") { return "这一行有不可见的控制字符，请删除后重新输入" }
        case "date", "date-time", "date-time offset", "time":
            return "日期或时间无效（日期应写成 2020-01-31；若是文字请加英文双引号）"
        case "boolean":
            return "真假值应写成 true 或 false（若是文字请加英文双引号）"
        case "key":
            return "名称无法识别：含中文、空格或符号的名称请用英文双引号括起，如 \"东城区\" = [\"东城\"]"
        default:
            if what.contains("integer") || what.contains("floating-point") {
                if reason.contains("leading zeroes") { return "数字不能以 0 开头（如 01）；若是编号等文字请加英文双引号" }
                return "数字格式错误\(saw.map { "（「\($0)」不是数字的一部分）" } ?? "")；若是文字请加英文双引号"
            }
        }
        return "TOML 格式错误，请检查这一行的引号、括号和等号（解析器原文：\(parserMessage)）"
    }

    /// The line where a string starts that the text never closes, or nil. The parser names the end
    /// of the file for a string left open on the last line or for a multi-line string, while the
    /// writer has to look where the string began.
    static func unclosedStringLine(_ text: String) -> Int? {
        let s = Array(text.unicodeScalars)
        var i = 0, line = 1
        func starts(_ quote: Unicode.Scalar, _ n: Int) -> Bool {
            i + n <= s.count && (0..<n).allSatisfy { s[i + $0] == quote }
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" { line += 1; i += 1; continue }
            if c == "#" { while i < s.count && s[i] != "\n" { i += 1 }; continue }
            guard c == "\"" || c == "'" else { i += 1; continue }
            let opened = line
            let triple = starts(c, 3)
            i += triple ? 3 : 1
            var closed = false
            while i < s.count {
                if c == "\"" && s[i] == "\\" { i += 2; continue }
                if s[i] == "\n" {
                    if !triple { return opened }
                    line += 1
                }
                if triple ? starts(c, 3) : s[i] == c {
                    i += triple ? 3 : 1
                    while triple && i < s.count && s[i] == c { i += 1 }
                    closed = true
                    break
                }
                i += 1
            }
            if !closed { return opened }
        }
        return nil
    }

    /// Chinese punctuation a writer's input method puts where TOML needs the ASCII one.
    static let fullWidth: [String: String] = [
        "，": ",", "＝": "=", "［": "[", "］": "]", "｛": "{", "｝": "}", "：": "=", "“": "\"", "”": "\"",
        "‘": "'", "’": "'", "「": "\"", "」": "\"", "＃": "#", "、": ",",
    ]
    static let fullWidthQuotes: Set<Character> = ["“", "”", "「", "」", "‘", "’"]

    /// `saw 'x'` in a parser reason, as the character it names.
    static func saw(_ reason: String) -> String? {
        guard let range = reason.range(of: "saw '") else { return nil }
        let rest = reason[range.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        let text = String(rest[..<end])
        return text == "\\n" ? nil : text
    }

    /// The name in `cannot redefine existing table 'x'`.
    static func quotedName(_ reason: String) -> String? {
        guard let start = reason.firstIndex(of: "'"), let end = reason[reason.index(after: start)...].firstIndex(of: "'") else { return nil }
        return String(reason[reason.index(after: start)..<end])
    }

    static func isControlCharacter(_ c: Character) -> Bool {
        c.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }
    }
}
