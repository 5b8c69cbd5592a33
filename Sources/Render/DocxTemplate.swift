import Foundation
import Metrics
import Zip

/// A writer's own Word document used as a template: its `{{…}}` placeholders are filled with the
/// figures of a scope and everything else in the document — fonts, page layout, letterhead,
/// headers and footers, images, tables — is kept as they made it.
///
/// Placeholders are found in the body, headers, footers and notes, even where Word split the typed
/// text across runs or wrapped proofing marks and bookmarks around it (see `DocxTemplatePart`); a
/// filled value keeps the formatting of the run where `{{` was typed. A table row holding
/// `{{#下辖}}` is repeated once per part of the region (syntax: `DocxPlaceholder`). Values are the
/// variables and filters of the Markdown templates (README §模板变量), checked before anything is
/// filled: an unknown name, filter or list is an error naming the place in the document, and no
/// output is produced for that template. Parts other than the ones filled are copied unchanged, in
/// their original order; the package is written with fixed dates, so reruns are byte-identical.
public struct DocxTemplate: Sendable {
    /// The file name, used in every message.
    public let name: String
    let archive: ZipArchive
    /// The filled parts: the main document first, then headers, footers and notes by path.
    let parts: [DocxTemplatePart]

    /// Every placeholder, in document order (body first, then the other parts by path).
    public var placeholders: [DocxPlaceholder] { parts.flatMap { $0.sites.map(\.placeholder) } }

    public init(path: String) throws(DocxTemplateError) {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(template: name, reason: "找不到或无法读取文件 \(path)")
        }
        try self.init(bytes: [UInt8](data), name: name)
    }

    /// `maxPartBytes` bounds every part once inflated (TemplateLimits.maxWordPartBytes): checked
    /// against the declared size before inflating and while inflating, so a document body that
    /// would inflate to gigabytes is refused without allocating them.
    public init(bytes: [UInt8], name: String, maxPartBytes: Int = TemplateLimits.default.maxWordPartBytes) throws(DocxTemplateError) {
        self.name = name
        do {
            archive = try ZipArchive(bytes: bytes, limits: ZipLimits(maxEntrySize: maxPartBytes, maxTotalSize: 8 * maxPartBytes))
        } catch {
            throw .unreadable(template: name, reason: Self.reason(error))
        }
        let archive = self.archive
        func read(_ entry: ZipEntry) throws(DocxTemplateError) -> [UInt8] {
            guard entry.uncompressedSize <= maxPartBytes else {
                throw .unreadable(template: name, reason: "\(entry.path) 解压后有 \(TemplateChecker.megabytes(entry.uncompressedSize)) MB，"
                                  + "超过 Word 模板每个部件 \(TemplateChecker.megabytes(maxPartBytes)) MB 的上限（用 --word-template-max-mb 调高）")
            }
            do { return try archive.read(entry) } catch { throw .unreadable(template: name, reason: "\(entry.path):\(error)") }
        }

        var mainPath = "word/document.xml"
        if let rels = archive.entry("_rels/.rels") {
            for rel in Self.relationships(try read(rels)) where rel.type.hasSuffix("/officeDocument") {
                mainPath = Self.resolve(rel.target, base: "")
            }
        }
        guard let main = archive.entry(mainPath) else {
            throw .unreadable(template: name, reason: "没有正文部件 \(mainPath),不是 Word 文档(.docx)")
        }
        var wanted: [(path: String, label: String)] = []
        let slash = main.path.lastIndex(of: "/")
        let folder = slash.map { String(main.path[..<$0]) } ?? ""
        let file = slash.map { String(main.path[main.path.index(after: $0)...]) } ?? main.path
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        if let rels = archive.entry(relsPath) {
            for rel in Self.relationships(try read(rels)) where rel.external == false {
                let label: String
                switch rel.type.split(separator: "/").last.map(String.init) ?? "" {
                case "header": label = "页眉"
                case "footer": label = "页脚"
                case "footnotes": label = "脚注"
                case "endnotes": label = "尾注"
                default: continue
                }
                if let entry = archive.entry(Self.resolve(rel.target, base: folder)), entry.path != main.path {
                    wanted.append((entry.path, label))
                }
            }
        }
        wanted.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        var seen: Set<String> = []
        var parts: [DocxTemplatePart] = []
        for (path, label) in [(main.path, "正文")] + wanted where seen.insert(path).inserted {
            guard let entry = archive.entry(path) else { continue }
            let bytes = try read(entry)
            do {
                parts.append(try DocxTemplatePart(path: path, label: label, bytes: bytes))
            } catch {
                let line = bytes[..<min(error.offset, bytes.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
                throw .unreadable(template: name, reason: "\(path) 第\(line)行 XML 格式有误:\(error.reason)")
            }
        }
        if let body = parts.first, let root = body.tokens.first(where: { $0.kind == .start }),
           root.name != body.names.prefix + "document" {
            throw .unreadable(template: name, reason: "\(main.path) 不是 Word 正文(根元素为 \(root.name)),请使用 .docx 文件")
        }
        self.parts = parts
    }

    // MARK: Checking

    /// Every problem of the template against the names `schema` offers, in document order; empty
    /// when every placeholder can be filled.
    public func problems(schema: TemplateSchema) -> [DocxTemplateProblem] {
        var result: [DocxTemplateProblem] = []
        for part in parts {
            result += part.syntaxProblems
            var checked: [String: [String]] = [:]    // the same expression in the same blocks is checked once
            for site in part.sites {
                if let error = site.syntaxError { result.append(part.problem(site, error)); continue }
                // Inside a block over a list whose elements are unknown (empty, no prototype) nothing can be checked.
                guard let effective = Self.schema(for: site, in: part, root: schema) else { continue }
                switch site.placeholder.role {
                case .value(let expression):
                    let key = site.scopes.map(String.init).joined(separator: ",") + "|" + expression
                    let messages = checked[key] ?? Self.check(expression, schema: effective)
                    checked[key] = messages
                    result += messages.map { part.problem(site, $0) }
                case .loopStart(let list, _):
                    switch effective.resolve(list.split(separator: ".", omittingEmptySubsequences: false)) {
                    case .success(.list): break
                    case .success: result.append(part.problem(site, "「\(list)」不是列表,不能逐项重复"))
                    case .failure(let missing): result.append(part.problem(site, "未知的列表「\(list)」(没有「\(missing.name)」)"))
                    }
                case .loopEnd: break
                }
            }
        }
        return result
    }

    /// Problems against every scope of a run (the region and each part), as `ReportRenderer.check` does.
    public func problems(for figures: Figures) -> [DocxTemplateProblem] {
        let prototypes = ReportContext.listPrototypes(figures)
        var schema: TemplateSchema?
        for scope in figures.scopes {
            let s = TemplateSchema.of(ReportContext.scope(scope, in: figures), prototypes: prototypes)
            schema = schema.map { $0.merged(with: s) } ?? s
        }
        return problems(schema: schema ?? .leaf)
    }

    /// The names a placeholder sees: the context's, plus those of each block it is repeated in.
    /// nil when a block's elements are of unknown shape (an empty list without a prototype).
    static func schema(for site: DocxTemplatePart.Site, in part: DocxTemplatePart, root: TemplateSchema) -> TemplateSchema? {
        var current = root
        for l in site.scopes {
            let loop = part.loops[l]
            guard case .object(var members, let renders) = current else { break }
            let element: TemplateSchema
            switch current.resolve(loop.list.split(separator: ".", omittingEmptySubsequences: false)) {
            case .success(.list(.leaf)): return nil
            case .success(.list(let e)): element = e
            default: element = .leaf     // the loop's own marker reports it
            }
            if let name = loop.element {
                members[name] = element
            } else if case .object(let elementMembers, _) = element {
                members.merge(elementMembers) { $1 }
            }
            current = .object(members, renders: renders)
        }
        return current
    }

    /// Problems of one value expression, in the Markdown templates' words.
    static func check(_ expression: String, schema: TemplateSchema) -> [String] {
        if !expression.contains("|"), !expression.contains("\""), !expression.contains("'"),
           case .success(.list) = schema.resolve(expression.split(separator: ".", omittingEmptySubsequences: false)) {
            return ["「\(expression)」是列表,请在表格行中用 {{#\(expression)}} 逐项输出"]
        }
        let checker = TemplateChecker(templateName: "", schema: schema, filters: TemplateFilters.names)
        return checker.problems(in: "{{ \(expression) }}").map(\.message)
    }

    // MARK: Filling

    /// The filled document. `context` is what the Markdown templates get (`ReportContext.scope`);
    /// `prototypes` describe lists that may be empty (`ReportContext.listPrototypes`).
    public func render(context: [String: Any], prototypes: [String: Any] = [:]) throws(DocxTemplateError) -> [UInt8] {
        try render(context: context, schema: TemplateSchema.of(context, prototypes: prototypes))
    }

    /// The filled document, checked against `schema` first (nothing is filled when a placeholder has a problem).
    public func render(context: [String: Any], schema: TemplateSchema) throws(DocxTemplateError) -> [UInt8] {
        let problems = self.problems(schema: schema)
        guard problems.isEmpty else { throw .invalid(template: name, problems: problems) }
        let filler = DocxTemplateFiller(context: context)
        var filled: [String: [UInt8]] = [:]
        for part in parts { filled[part.path] = filler.fill(part) }
        guard filler.problems.isEmpty else { throw .invalid(template: name, problems: filler.problems) }
        var zip = ZipWriter()
        for entry in archive.entries {
            if let bytes = filled[entry.path] {
                zip.add(path: entry.path, bytes: bytes)
            } else {
                do {
                    zip.add(path: entry.path, bytes: try archive.read(entry), store: entry.method == 0)
                } catch {
                    throw .unreadable(template: name, reason: "\(entry.path):\(error)")
                }
            }
        }
        return zip.finish()
    }

    /// The filled document for plain values: `["地区": "东城区", "事故.起数": "12"]` (a dotted key is
    /// a member, as `{{ 事故.起数 }}` reads it; `事故.起数` and `事故.起数.同比` may both be given) and
    /// lists for repeated rows, each element the same kind of map.
    public func render(_ values: [String: String], lists: [String: [[String: String]]] = [:]) throws(DocxTemplateError) -> [UInt8] {
        let (context, schema) = DocxTemplateValue.context(values, lists: lists)
        return try render(context: context, schema: schema)
    }

    /// The filled document for one scope of a run: the region or one of its parts.
    public func render(scope: ScopeFigures, in figures: Figures) throws(DocxTemplateError) -> [UInt8] {
        try render(context: ReportRenderer.context(scope, in: figures), prototypes: ReportContext.listPrototypes(figures))
    }

    // MARK: Package

    struct Relationship {
        let type: String
        let target: String
        let external: Bool
    }

    static func relationships(_ bytes: [UInt8]) -> [Relationship] {
        guard let tokens = try? DocxTemplateTokenizer.tokens(bytes) else { return [] }
        var result: [Relationship] = []
        for token in tokens where (token.kind == .start || token.kind == .empty)
            && (token.name == "Relationship" || token.name.hasSuffix(":Relationship")) {
            var type = "", target = "", external = false
            for (name, value) in DocxTemplateTokenizer.attributes(bytes, token) {
                switch name {
                case "Type": type = value
                case "Target": target = value
                case "TargetMode": external = value == "External"
                default: break
                }
            }
            result.append(Relationship(type: type, target: target, external: external))
        }
        return result
    }

    /// A relationship target as a package path: absolute (`/word/header1.xml`) or relative to `base`.
    static func resolve(_ target: String, base: String) -> String {
        var segments: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for segment in target.split(separator: "/") {
            if segment == "." { continue }
            if segment == ".." { _ = segments.popLast(); continue }
            segments.append(segment)
        }
        return segments.joined(separator: "/")
    }

    static func reason(_ error: ZipError) -> String {
        switch error {
        case .notZip, .empty: return "不是 .docx 文件(不是 zip 格式);若是 .doc 或 .wps,请在 Word/WPS 中另存为 .docx"
        case .legacyXLS: return "是旧版 Office 文件,请在 Word/WPS 中另存为 .docx"
        case .passwordProtected: return "文件已加密(密码保护),请在 Word 中取消密码后另存为 .docx"
        default: return error.description
        }
    }
}
