/// Checks a Stencil template before it is rendered.
///
/// Stencil renders an unknown variable as empty text and lets an unclosed `{% if %}` pass, and an
/// empty figure in an official report is a wrong report. So every `{{ … }}` and `{% … %}` is read
/// here: variables must exist in the context's schema (loop variables included), filters and tags
/// must be known, blocks must close. Problems come back with line and column.
///
/// One exception makes optional paragraphs possible: `{% if 路径 %}` whose condition is a single
/// path that this run's data does not have (`{% if 专项整治以来.专项整治 %}` without those
/// declarations) renders nothing, so its body is not checked — whatever is in it can never be
/// printed. When the path exists, the body is checked like any other; `elif`/`else` always are.
/// Only a name missing from a group counts: a misspelt member of a figure is still an error.
public struct TemplateChecker {
    public let templateName: String
    public let schema: TemplateSchema
    public let filters: Set<String>
    /// Size, nesting and loop bounds (`TemplateLimits`).
    public let limits: TemplateLimits
    /// How long each list is in this run (by its name: 下辖, 行业领域, 月份 …), for bounding what
    /// nested loops repeat; a list not named here counts as one element.
    public let listLengths: [String: Int]

    /// Tags our templates may use. `now` is left out on purpose: outputs must not depend on the clock.
    static let blockTags: [String: String] = ["if": "endif", "for": "endfor", "filter": "endfilter"]
    static let middleTags: [String: Set<String>] = ["elif": ["if"], "else": ["if", "for"], "empty": ["for"]]
    static let operators: Set<String> = ["and", "or", "not", "==", "!=", "<", ">", "<=", ">=", "in"]
    /// Stencil's own filters.
    public static let builtinFilters: Set<String> = [
        "capitalize", "uppercase", "lowercase", "default", "join", "split", "indent", "filter",
    ]

    public init(templateName: String, schema: TemplateSchema, filters: Set<String>,
                limits: TemplateLimits = .default, listLengths: [String: Int] = [:]) {
        self.templateName = templateName
        self.schema = schema
        self.filters = filters.union(Self.builtinFilters)
        self.limits = limits
        self.listLengths = listLengths
    }

    private struct OpenBlock {
        let tag: String
        let line: Int
        let column: Int
        let scope: [String: TemplateSchema]
        /// How many times the text inside this block is repeated: the product of the lengths of
        /// the loops around it.
        let repetitions: Int
    }

    /// All problems in `text`, in order; empty when the template is fine.
    public func problems(in text: String) -> [TemplateError] {
        var errors: [TemplateError] = []
        // Limits first: the engine itself would crash or not finish on what they refuse.
        if text.utf8.count > limits.maxBytes {
            return [TemplateError(template: templateName, line: 1, column: 1,
                                  message: "模板有 \(Self.megabytes(text.utf8.count)) MB，超过模板大小上限 \(Self.megabytes(limits.maxBytes)) MB"
                                    + "（模板通常只有几 KB；确需更大时用 --template-max-mb 调高，越大越慢）")]
        }
        var stack: [OpenBlock] = []
        var locals: [String: TemplateSchema] = [:]
        // Inside the body of an `{% if %}` on a path this run does not have: blocks opened in it.
        var skipping: Int?
        let chars = Array(text)
        var i = 0
        var line = 1, column = 1

        func advance(to end: Int) {
            while i < end {
                if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
            }
        }
        func report(_ l: Int, _ c: Int, _ message: String) {
            errors.append(TemplateError(template: templateName, line: l, column: c, message: message))
        }

        while i < chars.count {
            guard chars[i] == "{", i + 1 < chars.count, "{%#".contains(chars[i + 1]) else { advance(to: i + 1); continue }
            let opener = chars[i + 1]
            let closer: Character = opener == "{" ? "}" : opener
            let startLine = line, startColumn = column
            var j = i + 2
            var found = false
            while j + 1 < chars.count {
                if chars[j] == closer && chars[j + 1] == "}" { found = true; break }
                j += 1
            }
            guard found else {
                report(startLine, startColumn, "「{\(opener)」没有对应的「\(closer)}」 (unclosed tag)")
                break
            }
            var inner = String(chars[(i + 2)..<j])
            if inner.hasPrefix("-") { inner.removeFirst() }
            if inner.hasSuffix("-") { inner.removeLast() }
            let content = inner.trimmingWhitespace()
            advance(to: j + 2)

            if let depth = skipping, opener != "#" {
                // Only the block structure matters here (and the depth limit: the engine parses it).
                guard opener == "%", let tag = splitWords(content).first else { continue }
                if Self.blockTags[tag] != nil {
                    guard stack.count + depth < limits.maxDepth else {
                        report(startLine, startColumn, "{% if/for %} 嵌套超过 \(limits.maxDepth) 层（用 --template-max-depth 调高，最多 \(TemplateLimits.deepestAllowed)）")
                        return errors
                    }
                    skipping = depth + 1
                    continue
                }
                if tag.hasPrefix("end"), depth > 0 { skipping = depth - 1; continue }
                guard depth == 0, tag.hasPrefix("end") || Self.middleTags[tag] != nil else { continue }
                skipping = nil   // the if's own elif/else/endif: checked below
            }

            switch opener {
            case "#": continue
            case "{":
                if content.isEmpty { report(startLine, startColumn, "空的 {{ }}"); continue }
                for problem in checkExpression(content, locals: locals) { report(startLine, startColumn, problem) }
            default:
                let words = splitWords(content)
                guard let tag = words.first else { report(startLine, startColumn, "空的 {% %}"); continue }
                if Self.blockTags[tag] != nil {
                    guard stack.count < limits.maxDepth else {
                        report(startLine, startColumn, "{% if/for %} 嵌套超过 \(limits.maxDepth) 层（用 --template-max-depth 调高，最多 \(TemplateLimits.deepestAllowed)）")
                        return errors
                    }
                    var repetitions = stack.last?.repetitions ?? 1
                    if tag == "for", let inIndex = words.firstIndex(of: "in"), inIndex + 1 < words.count {
                        let list = words[inIndex + 1].split(separator: ".").last.map(String.init) ?? ""
                        let (product, overflow) = repetitions.multipliedReportingOverflow(by: max(1, listLengths[list] ?? 1))
                        repetitions = overflow ? Int.max : product
                        if repetitions > limits.maxLoopRepetitions {
                            report(startLine, startColumn, "嵌套的 for 循环会把其中的内容重复约 \(repetitions == Int.max ? "无数" : String(repetitions)) 次，"
                                   + "超过上限 \(limits.maxLoopRepetitions) 次（请减少循环嵌套；确需时用 --template-max-loops 调高）")
                            return errors
                        }
                    }
                    stack.append(OpenBlock(tag: tag, line: startLine, column: startColumn, scope: locals, repetitions: repetitions))
                    switch tag {
                    case "for":
                        // for x[, y] in list [where condition]
                        guard let inIndex = words.firstIndex(of: "in"), inIndex >= 2, inIndex + 1 < words.count else {
                            report(startLine, startColumn, "for 的写法应为 {% for 项 in 列表 %}"); continue
                        }
                        let names = words[1..<inIndex].joined(separator: " ").split(separator: ",").map { $0.trimmingWhitespace() }
                        let listPath = words[inIndex + 1]
                        var elementSchema: TemplateSchema = .leaf
                        switch resolve(listPath, locals: locals) {
                        case .success(.list(let element)): elementSchema = element
                        case .success(.object(let members, _)) where names.count == 2:
                            elementSchema = members.values.first ?? .leaf   // dictionary iteration: key, value
                        case .success: report(startLine, startColumn, "「\(listPath)」不是列表,不能用于 for")
                        case .failure(let message): report(startLine, startColumn, message.text)
                        }
                        if names.count == 2 {
                            locals[names[0]] = .leaf
                            locals[names[1]] = elementSchema
                        } else if let name = names.first {
                            locals[name] = elementSchema
                        }
                        locals["forloop"] = .object(["counter": .leaf, "counter0": .leaf, "first": .leaf,
                                                     "last": .leaf, "length": .leaf], renders: false)
                        if let whereIndex = words.firstIndex(of: "where") {
                            for problem in checkCondition(Array(words[(whereIndex + 1)...]), locals: locals) {
                                report(startLine, startColumn, problem)
                            }
                        }
                    case "if":
                        if isAbsentPath(words, locals: locals) { skipping = 0; continue }
                        for problem in checkCondition(Array(words.dropFirst()), locals: locals) { report(startLine, startColumn, problem) }
                    default:   // filter block: {% filter name %}
                        for name in words.dropFirst() where !filters.contains(name) {
                            report(startLine, startColumn, "未知的过滤器「\(name)」")
                        }
                    }
                } else if let parents = Self.middleTags[tag] {
                    guard let top = stack.last, parents.contains(top.tag) else {
                        report(startLine, startColumn, "「\(tag)」不在 \(parents.sorted().joined(separator: "/")) 块内"); continue
                    }
                    if tag == "elif" {
                        if isAbsentPath(words, locals: locals) { skipping = 0; continue }
                        for problem in checkCondition(Array(words.dropFirst()), locals: locals) { report(startLine, startColumn, problem) }
                    }
                    if tag == "empty" { locals = top.scope }   // loop variables do not exist in {% empty %}
                } else if tag.hasPrefix("end") {
                    let opening = String(tag.dropFirst(3))
                    guard let top = stack.last else {
                        report(startLine, startColumn, "多余的「\(tag)」,没有对应的开始标签"); continue
                    }
                    if top.tag != opening {
                        report(startLine, startColumn, "「\(tag)」与第\(top.line)行的「\(top.tag)」不匹配")
                    }
                    stack.removeLast()
                    locals = top.scope
                } else {
                    report(startLine, startColumn, "未知的标签「\(tag)」")
                }
            }
        }
        for block in stack.reversed() {
            report(block.line, block.column, "「\(block.tag)」没有结束标签「\(Self.blockTags[block.tag] ?? "")」")
        }
        return errors
    }

    /// `变量.成员|过滤器:参数,参数|过滤器`
    private func checkExpression(_ expression: String, locals: [String: TemplateSchema]) -> [String] {
        var problems: [String] = []
        let parts = splitOutsideQuotes(expression, separator: "|")
        guard let head = parts.first else { return ["空的表达式"] }
        if case .failure(let message) = resolveValue(head.trimmingWhitespace(), locals: locals, mustRender: parts.count == 1) {
            problems.append(message.text)
        }
        for filter in parts.dropFirst() {
            let pieces = splitOutsideQuotes(filter, separator: ":", limit: 1)
            let name = pieces[0].trimmingWhitespace()
            if !filters.contains(name) { problems.append("未知的过滤器「\(name)」"); continue }
            if pieces.count > 1 {
                for argument in splitOutsideQuotes(pieces[1], separator: ",") {
                    if case .failure(let message) = resolveValue(argument.trimmingWhitespace(), locals: locals, mustRender: false) {
                        problems.append(message.text)
                    }
                }
            }
        }
        return problems
    }

    /// `if`/`elif` with one variable path (not a literal, not a loop variable) that this run's
    /// schema does not have: false when rendered, so its body can never print.
    private func isAbsentPath(_ words: [String], locals: [String: TemplateSchema]) -> Bool {
        guard words.count == 2, let path = words.last, let first = path.first, first != "\"", first != "'",
              Double(path) == nil, !Self.operators.contains(path) else { return false }
        let segments = path.split(separator: ".", omittingEmptySubsequences: false)
        guard !segments.contains(where: \.isEmpty), locals[String(segments[0])] == nil else { return false }
        // A misspelt member of a figure (`事故.起数.降为零x`) stays an error.
        if case .failure(let missing) = schema.resolve(segments) { return missing.inGroup }
        return false
    }

    private func checkCondition(_ words: [String], locals: [String: TemplateSchema]) -> [String] {
        var problems: [String] = []
        if words.isEmpty { problems.append("条件为空") }
        for word in words where !Self.operators.contains(word) {
            if case .failure(let message) = resolveValue(word, locals: locals, mustRender: false) { problems.append(message.text) }
        }
        return problems
    }

    /// A literal (number, quoted string) or a variable path.
    private func resolveValue(_ token: String, locals: [String: TemplateSchema], mustRender: Bool) -> Result<Void, TemplateErrorMessage> {
        if token.isEmpty { return .failure(TemplateErrorMessage("缺少值")) }
        if token.first == "\"" || token.first == "'" {
            return token.count >= 2 && token.last == token.first ? .success(()) : .failure(TemplateErrorMessage("引号不配对: \(token)"))
        }
        if Double(token) != nil { return .success(()) }
        switch resolve(token, locals: locals) {
        case .failure(let message): return .failure(message)
        case .success(let schema):
            if mustRender {
                switch schema {
                case .leaf, .object(_, renders: true): return .success(())
                case .object: return .failure(TemplateErrorMessage("「\(token)」是一组数据,不能直接输出,请写到具体项目,例如「\(token).起数」"))
                case .list: return .failure(TemplateErrorMessage("「\(token)」是列表,请用 {% for … in \(token) %} 输出"))
                }
            }
            return .success(())
        }
    }

    private func resolve(_ path: String, locals: [String: TemplateSchema]) -> Result<TemplateSchema, TemplateErrorMessage> {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = segments.first, !first.isEmpty else { return .failure(TemplateErrorMessage("变量「\(path)」写法有误")) }
        let root: TemplateSchema
        if let local = locals[String(first)] {
            root = local
        } else {
            switch schema.resolve([first]) {
            case .success(let s): root = s
            case .failure: return .failure(TemplateErrorMessage("未知的变量「\(first)」"))
            }
        }
        switch root.resolve(Array(segments.dropFirst())) {
        case .success(let s): return .success(s)
        case .failure(let missing): return .failure(TemplateErrorMessage("「\(path)」中没有「\(missing.name)」这一项"))
        }
    }

    private func splitWords(_ text: String) -> [String] {
        splitOutsideQuotes(text, separator: " ").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    private func splitOutsideQuotes(_ text: String, separator: Character, limit: Int = .max) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for ch in text {
            if let q = quote {
                current.append(ch)
                if ch == q { quote = nil }
            } else if ch == "\"" || ch == "'" {
                quote = ch
                current.append(ch)
            } else if ch == separator && parts.count < limit {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        return parts
    }
}

extension TemplateChecker {
    /// `1`, `0.5`, `50`: megabytes with at most one decimal.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}

/// A problem sentence (wrapped so `Result` can carry it).
struct TemplateErrorMessage: Error {
    let text: String
    init(_ text: String) { self.text = text }
}
