import Stencil

/// Fills the placeholders of template parts from a Stencil context, as the Markdown templates are
/// filled: same variables, same filters, same number styles.
///
/// A repeated block is written once per list element, with the element pushed onto the context
/// (its members by plain name, or under the name the marker gives). Values are XML-escaped; a line
/// break or tab in a value becomes Word's `<w:br/>` or `<w:tab/>` inside the same run. Problems are
/// collected rather than thrown so a writer sees all of them at once.
final class DocxTemplateFiller {
    let context: Context
    let environment: Environment
    private(set) var problems: [DocxTemplateProblem] = []
    private var compiled: [String: Template] = [:]
    /// Inside a block kept once for an empty list: every value is empty.
    private var blank = 0
    /// Values already rendered at the current context level (cleared on every push and pop).
    private var values: [String: String] = [:]

    init(context: [String: Any]) {
        let ext = Extension()
        TemplateFilters.register(in: ext)
        environment = Environment(extensions: [ext])
        self.context = Context(dictionary: context, environment: environment)
    }

    func fill(_ part: DocxTemplatePart) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(part.bytes.count + part.bytes.count / 4)
        emit(part, from: 0, through: part.tokens.count - 1, skipping: nil, copy: false, into: &out)
        return out
    }

    /// Writes tokens `from...through`; `skipping` is the loop being expanded (its start token is
    /// then plain content); `copy` marks a second or later copy of a block, whose bookmarks are
    /// left out (bookmark names must be unique in a document).
    private func emit(_ part: DocxTemplatePart, from: Int, through: Int, skipping: Int?, copy: Bool, into out: inout [UInt8]) {
        let tokens = part.tokens
        var k = from
        while k <= through {
            if let l = part.loopAt[k], l != skipping {
                let loop = part.loops[l]
                let items = self.items(loop, part)
                if items.isEmpty && loop.keepOne {
                    blank += 1
                    emit(part, from: loop.start, through: loop.end, skipping: l, copy: copy, into: &out)
                    blank -= 1
                }
                for (n, item) in items.enumerated() {
                    var pushed: [String: Any] = [:]
                    if let element = loop.element {
                        pushed[element] = item
                    } else if let object = item as? TemplateObject {
                        pushed = object.members
                    } else if let members = item as? [String: Any] {
                        pushed = members
                    }
                    let outer = values
                    values = [:]
                    context.push(dictionary: pushed) {
                        emit(part, from: loop.start, through: loop.end, skipping: l, copy: copy || n > 0, into: &out)
                    }
                    values = outer
                }
                k = loop.end + 1
                continue
            }
            let token = tokens[k]
            if copy, token.name == part.names.bookmarkStart || token.name == part.names.bookmarkEnd {
                k = token.match + 1
                continue
            }
            if token.kind == .text, part.rewritten[k] != nil || part.sitesByToken[k] != nil {
                writeText(part, k, into: &out)
            } else if part.preserveTags.contains(k) {
                // <w:t> → <w:t xml:space="preserve">: values may begin or end with spaces.
                let closing = token.kind == .empty ? 2 : 1
                out.append(contentsOf: part.bytes[token.start..<(token.end - closing)])
                out.append(contentsOf: Array(" xml:space=\"preserve\"".utf8))
                out.append(contentsOf: part.bytes[(token.end - closing)..<token.end])
            } else {
                out.append(contentsOf: part.bytes[token.start..<token.end])
            }
            k += 1
        }
    }

    private func writeText(_ part: DocxTemplatePart, _ k: Int, into out: inout [UInt8]) {
        let token = part.tokens[k]
        let text = part.rewritten[k] ?? DocxTemplateTokenizer.decode(part.bytes[token.start..<token.end])
        let scalars = Array(text.unicodeScalars)
        var position = 0
        var result = ""
        for index in part.sitesByToken[k] ?? [] {
            let site = part.sites[index]
            result += XMLText.escape(DocxTemplatePart.string(scalars[position..<site.range.lowerBound]))
            if case .value(let expression) = site.placeholder.role, site.syntaxError == nil {
                result += Self.runText(value(expression, site, part), prefix: part.names.prefix)
            }
            position = site.range.upperBound
        }
        result += XMLText.escape(DocxTemplatePart.string(scalars[position...]))
        out.append(contentsOf: Array(result.utf8))
    }

    /// A value as the content of a `<w:t>`: escaped, line breaks and tabs as Word's own elements.
    static func runText(_ value: String, prefix: String) -> String {
        let lineBreak = "</\(prefix)t><\(prefix)br/><\(prefix)t xml:space=\"preserve\">"
        let tab = "</\(prefix)t><\(prefix)tab/><\(prefix)t xml:space=\"preserve\">"
        var result = ""
        var pendingCR = false
        for scalar in value.unicodeScalars {
            if pendingCR && scalar != "\n" { result += lineBreak }
            pendingCR = false
            switch scalar {
            case "\r": pendingCR = true
            case "\n": result += lineBreak
            case "\t": result += tab
            default: result += XMLText.escape(String(scalar))
            }
        }
        if pendingCR { result += lineBreak }
        return result
    }

    private func value(_ expression: String, _ site: DocxTemplatePart.Site, _ part: DocxTemplatePart) -> String {
        if blank > 0 { return "" }
        if let known = values[expression] { return known }
        do {
            let template: Template
            if let cached = compiled[expression] {
                template = cached
            } else {
                template = Template(templateString: "{{ \(expression) }}", environment: environment)
                compiled[expression] = template
            }
            let text = try template.render(context)
            values[expression] = text
            return text
        } catch {
            let reason = (error as? TemplateSyntaxError)?.reason ?? "\(error)"
            problems.append(part.problem(site, reason))
            return ""
        }
    }

    private func items(_ loop: DocxTemplatePart.Loop, _ part: DocxTemplatePart) -> [Any] {
        if blank > 0 { return [] }
        do {
            let resolved = try Variable(loop.list).resolve(context)
            if let list = resolved as? [Any] { return list }
            problems.append(part.problem(part.sites[loop.site], "「\(loop.list)」不是列表"))
        } catch {
            problems.append(part.problem(part.sites[loop.site], "\(error)"))
        }
        return []
    }
}
