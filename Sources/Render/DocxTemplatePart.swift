/// One XML part of a writer's .docx (the body, a header, a footer, the notes) read as a template.
///
/// Word stores what the writer typed as `{{事故起数}}` in pieces: `{{` in one run, `事故` in the next
/// with a `<w:proofErr>` in between, `起数}}` in a third, because of spell checking, revision ids or a
/// change of font halfway. So each paragraph's text is read as one string across its `<w:t>`
/// elements, ignoring everything between them, and every placeholder is moved whole into the
/// `<w:t>` where it began — the run whose formatting it then keeps. Nothing else in the part
/// changes: untouched tokens are copied back byte for byte.
struct DocxTemplatePart: Sendable {
    /// A placeholder found in the part, once it sits whole in one `<w:t>`.
    struct Site: Sendable {
        /// The text token holding it.
        let token: Int
        /// Unicode-scalar offsets within that token's rewritten text.
        let range: Range<Int>
        let placeholder: DocxPlaceholder
        /// The syntax problem when the text between the braces is no valid placeholder.
        let syntaxError: String?
        /// Loops whose values this placeholder is evaluated in, outermost first.
        var scopes: [Int] = []
    }

    /// A repeated block: whole table rows (or paragraphs) from `start` to `end` (token indexes).
    struct Loop: Sendable {
        let site: Int
        let list: String
        let element: String?
        let start: Int
        let end: Int
        /// The block holds every row of its table: with no element it is kept once with empty
        /// values, since Word refuses a table without rows.
        let keepOne: Bool
    }

    /// The qualified names of the WordprocessingML elements we look at, with the part's own prefix.
    struct Names: Sendable {
        let prefix, p, r, t, tr, tc, tbl, bookmarkStart, bookmarkEnd: String
        init(prefix: String) {
            self.prefix = prefix
            p = prefix + "p"; r = prefix + "r"; t = prefix + "t"; tr = prefix + "tr"; tc = prefix + "tc"
            tbl = prefix + "tbl"; bookmarkStart = prefix + "bookmarkStart"; bookmarkEnd = prefix + "bookmarkEnd"
        }
    }

    static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]

    let path: String
    /// How a writer names the part: 正文, 页眉, 页脚, 脚注, 尾注.
    let label: String
    let bytes: [UInt8]
    let tokens: [DocxTemplateToken]
    let names: Names
    /// Ordinals for messages: tables, and paragraphs outside tables, by start token.
    let numbers: [Int: Int]
    /// Text tokens whose text changes (placeholders moved in or out), by token index.
    private(set) var rewritten: [Int: String] = [:]
    private(set) var sites: [Site] = []
    private(set) var sitesByToken: [Int: [Int]] = [:]
    private(set) var loops: [Loop] = []
    private(set) var loopAt: [Int: Int] = [:]
    /// Problems found in the document itself (unclosed braces, misplaced loop markers).
    private(set) var syntaxProblems: [DocxTemplateProblem] = []
    /// `<w:t>` start tags that need `xml:space="preserve"` once their text changes.
    private(set) var preserveTags: Set<Int> = []

    init(path: String, label: String, bytes: [UInt8]) throws(DocxTemplateTokenizer.Malformed) {
        self.path = path
        self.label = label
        self.bytes = bytes
        let tokens = try DocxTemplateTokenizer.tokens(bytes)
        self.tokens = tokens
        var prefix = "w:"
        if let root = tokens.first(where: { $0.kind == .start || $0.kind == .empty }) {
            for (name, value) in DocxTemplateTokenizer.attributes(bytes, root) where Self.wordNamespaces.contains(value) {
                if name == "xmlns" { prefix = ""; break }
                if name.hasPrefix("xmlns:") { prefix = String(name.dropFirst(6)) + ":"; break }
            }
        }
        names = Names(prefix: prefix)
        numbers = Self.numbers(tokens, names)
        findPlaceholders()
        findLoops()
    }

    // MARK: Placeholders across runs

    private mutating func findPlaceholders() {
        // The text tokens of each paragraph, in order; a paragraph inside a text box is its own.
        var pieces: [Int: [Int]] = [:]
        var paragraphOrder: [Int] = []
        for (k, token) in tokens.enumerated() where token.kind == .text {
            guard token.parent >= 0, tokens[token.parent].name == names.t, let paragraph = ancestor(of: k, named: names.p) else { continue }
            if pieces[paragraph] == nil { paragraphOrder.append(paragraph) }
            pieces[paragraph, default: []].append(k)
        }
        for paragraph in paragraphOrder {
            guard let members = pieces[paragraph] else { continue }
            scanParagraph(paragraph, members)
        }
        sites.sort { ($0.token, $0.range.lowerBound) < ($1.token, $1.range.lowerBound) }
        for (index, site) in sites.enumerated() { sitesByToken[site.token, default: []].append(index) }
        for token in Set(rewritten.keys).union(sitesByToken.keys) {
            let tag = tokens[token].parent
            if !contains(bytes[tokens[tag].start..<tokens[tag].end], Array("xml:space".utf8)) {
                preserveTags.insert(tag)
            }
        }
    }

    private mutating func scanParagraph(_ paragraph: Int, _ members: [Int]) {
        var scalars: [Unicode.Scalar] = []
        var owner: [Int] = []            // which piece (index into members) each scalar belongs to
        for (piece, token) in members.enumerated() {
            let text = DocxTemplateTokenizer.decode(bytes[tokens[token].start..<tokens[token].end])
            for s in text.unicodeScalars { scalars.append(s); owner.append(piece) }
        }
        let original = owner
        var matches: [Range<Int>] = []
        var i = 0
        while i + 1 < scalars.count {
            guard DocxPlaceholder.isOpenBrace(scalars[i]), DocxPlaceholder.isOpenBrace(scalars[i + 1]) else { i += 1; continue }
            var j = i + 2
            var close: Int?
            var reopened: Int?
            while j + 1 < scalars.count {
                if DocxPlaceholder.isCloseBrace(scalars[j]) && DocxPlaceholder.isCloseBrace(scalars[j + 1]) { close = j; break }
                if DocxPlaceholder.isOpenBrace(scalars[j]) && DocxPlaceholder.isOpenBrace(scalars[j + 1]) { reopened = j; break }
                j += 1
            }
            guard let close else {
                let shown = Self.string(scalars[i..<min(scalars.count, i + 20)])
                syntaxProblems.append(problem(at: members[owner[i]], placeholder: shown,
                                              message: "占位符没有结束的「}}」(占位符须在同一段内写完)"))
                if let reopened { i = reopened; continue }
                break
            }
            matches.append(i..<(close + 2))
            for x in i..<(close + 2) { owner[x] = owner[i] }
            i = close + 2
        }
        guard !matches.isEmpty else { return }

        // New text of every piece; pieces that gained or lost characters are rewritten.
        var texts = Array(repeating: [UInt8](), count: members.count)
        var lengths = Array(repeating: 0, count: members.count)    // in scalars
        var changed = Array(repeating: false, count: members.count)
        var starts: [Int: Int] = [:]     // match start scalar → offset within its piece's new text
        let matchStarts = Set(matches.map(\.lowerBound))
        for x in 0..<scalars.count {
            let piece = owner[x]
            if matchStarts.contains(x) { starts[x] = lengths[piece] }
            UTF8.encode(scalars[x]) { texts[piece].append($0) }
            lengths[piece] += 1
            if piece != original[x] { changed[piece] = true; changed[original[x]] = true }
        }
        for (piece, token) in members.enumerated() where changed[piece] { rewritten[token] = String(decoding: texts[piece], as: UTF8.self) }
        // Every piece of a paragraph shares its table, row and cell: one location for all.
        let location = self.location(of: members[0], paragraphText: Self.string(scalars[...]))
        for match in matches {
            let piece = owner[match.lowerBound]
            let offset = starts[match.lowerBound] ?? 0
            let raw = Self.string(scalars[match])
            let inner = Self.string(scalars[(match.lowerBound + 2)..<(match.upperBound - 2)])
            switch DocxPlaceholder.role(of: inner) {
            case .success(let role):
                sites.append(Site(token: members[piece], range: offset..<(offset + match.count),
                                  placeholder: DocxPlaceholder(text: raw, role: role, part: path, location: location), syntaxError: nil))
            case .failure(let message):
                sites.append(Site(token: members[piece], range: offset..<(offset + match.count),
                                  placeholder: DocxPlaceholder(text: raw, role: .value(""), part: path, location: location),
                                  syntaxError: message.text))
            }
        }
    }

    // MARK: Loops

    private mutating func findLoops() {
        var open: [(site: Int, unit: Int)] = []
        var found: [(site: Int, unit: Int, closeUnit: Int)] = []
        for (index, site) in sites.enumerated() where site.syntaxError == nil {
            switch site.placeholder.role {
            case .value: continue
            case .loopStart:
                open.append((index, unit(of: site.token)))
            case .loopEnd(let list):
                let match = open.lastIndex { entry in
                    guard case .loopStart(let name, _) = sites[entry.site].placeholder.role else { return false }
                    return list == nil || list == name
                }
                guard let match else {
                    syntaxProblems.append(problem(site, "结束标记前没有对应的循环开始标记 {{#…}}"))
                    continue
                }
                for entry in open[(match + 1)...] { found.append((entry.site, entry.unit, entry.unit)) }
                let entry = open[match]
                open.removeSubrange(match...)
                let closeUnit = unit(of: site.token)
                let start = tokens[entry.unit]
                if tokens[closeUnit].parent != start.parent || closeUnit < entry.unit {
                    let what = tokens[entry.unit].name == names.tr ? "同一表格的某一行" : "与开始标记同一层级的段落"
                    syntaxProblems.append(problem(site, "结束标记须放在\(what)中"))
                    found.append((entry.site, entry.unit, entry.unit))
                } else {
                    found.append((entry.site, entry.unit, closeUnit))
                }
            }
        }
        for entry in open { found.append((entry.site, entry.unit, entry.unit)) }
        found.sort { $0.unit < $1.unit }

        // Blocks must nest: one inside another or apart, never overlapping, never two on one row.
        var stack: [Loop] = []
        for entry in found {
            guard case .loopStart(let list, let element) = sites[entry.site].placeholder.role else { continue }
            let loop = Loop(site: entry.site, list: list, element: element, start: entry.unit,
                            end: tokens[entry.closeUnit].match, keepOne: fillsParent(entry.unit, tokens[entry.closeUnit].match))
            while let top = stack.last, top.end < loop.start { stack.removeLast() }
            if let top = stack.last {
                if top.start == loop.start {
                    syntaxProblems.append(problem(sites[entry.site], "同一表格行(或段落)中只能有一个循环开始标记"))
                    continue
                }
                if loop.end > top.end {
                    syntaxProblems.append(problem(sites[entry.site], "与「\(sites[top.site].placeholder.text)」的重复区域交叉,重复区域须互相包含或互不重叠"))
                    continue
                }
            }
            stack.append(loop)
            loopAt[loop.start] = loops.count
            loops.append(loop)
        }
        for index in sites.indices {
            let token = sites[index].token
            sites[index].scopes = loops.indices.filter { l in
                loops[l].start <= token && token <= loops[l].end && loops[l].site != index
            }.sorted { loops[$0].start < loops[$1].start }
        }
    }

    /// The element a loop marker repeats: its table row, or its paragraph outside tables.
    func unit(of token: Int) -> Int {
        ancestor(of: token, named: names.tr) ?? ancestor(of: token, named: names.p) ?? token
    }

    /// True when the block from `start` to `end` holds every row of its table.
    private func fillsParent(_ start: Int, _ end: Int) -> Bool {
        let parent = tokens[start].parent
        guard parent >= 0, tokens[parent].name == names.tbl else { return false }
        let childName = names.tr
        var k = parent + 1
        while k < tokens[parent].match {
            let token = tokens[k]
            if token.parent == parent, token.name == childName, token.kind != .end, k < start || k > end { return false }
            k = token.kind == .start ? token.match + 1 : k + 1
        }
        return true
    }

    // MARK: Locations

    func ancestor(of token: Int, named name: String) -> Int? {
        var k = tokens[token].parent
        while k >= 0 {
            if tokens[k].name == name { return k }
            k = tokens[k].parent
        }
        return nil
    }

    /// `正文第3段「……」` or `正文第1个表格第2行第3列「……」`.
    func location(of token: Int, paragraphText: String) -> String {
        var snippet = paragraphText.trimmingWhitespace()
        if snippet.count > 30 { snippet = String(snippet.prefix(30)) + "…" }
        if let table = ancestor(of: token, named: names.tbl) {
            var where_ = "\(label)第\(numbers[table] ?? 0)个表格"
            if let row = ancestor(of: token, named: names.tr) {
                where_ += "第\(ordinal(of: row, named: names.tr, within: table))行"
                if let cell = ancestor(of: token, named: names.tc) {
                    where_ += "第\(ordinal(of: cell, named: names.tc, within: row))列"
                }
            }
            return where_ + "「\(snippet)」"
        }
        let paragraph = ancestor(of: token, named: names.p) ?? token
        return "\(label)第\(numbers[paragraph] ?? 0)段「\(snippet)」"
    }

    /// Tables numbered in document order, and paragraphs outside tables as a writer counts them.
    static func numbers(_ tokens: [DocxTemplateToken], _ names: Names) -> [Int: Int] {
        var result: [Int: Int] = [:]
        var tables = 0, paragraphs = 0
        var openTables = 0
        for (k, token) in tokens.enumerated() {
            if token.name == names.tbl {
                if token.kind == .start { tables += 1; result[k] = tables; openTables += 1 }
                if token.kind == .end { openTables -= 1 }
            } else if token.name == names.p, token.kind != .end, openTables == 0 {
                paragraphs += 1
                result[k] = paragraphs
            }
        }
        return result
    }

    /// 1-based position of `element` among the same-named elements whose nearest `within`-named ancestor is `within`.
    private func ordinal(of element: Int, named name: String, within: Int) -> Int {
        var n = 0
        for k in (within + 1)...element where tokens[k].name == name && tokens[k].kind != .end {
            if ancestor(of: k, named: tokens[within].name) == within { n += 1 }
        }
        return n
    }

    /// Scalars as a String, through UTF-8 (much cheaper than appending to a scalar view).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    func problem(_ site: Site, _ message: String) -> DocxTemplateProblem {
        DocxTemplateProblem(part: path, location: site.placeholder.location, placeholder: site.placeholder.text, message: message)
    }

    private func problem(at token: Int, placeholder: String, message: String) -> DocxTemplateProblem {
        let paragraph = ancestor(of: token, named: names.p)
        var text = ""
        if let paragraph {
            for k in paragraph..<tokens[paragraph].match where tokens[k].kind == .text && tokens[tokens[k].parent].name == names.t {
                text += DocxTemplateTokenizer.decode(bytes[tokens[k].start..<tokens[k].end])
            }
        }
        return DocxTemplateProblem(part: path, location: location(of: token, paragraphText: text), placeholder: placeholder, message: message)
    }

    private func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
