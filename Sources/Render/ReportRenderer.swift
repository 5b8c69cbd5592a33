import Foundation
import Metrics
import Model
import Stencil

/// A file a run writes, relative to the period folder.
public struct RenderedFile: Sendable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Renders every template in `Templates/` for the figures of a run: the Markdown templates and the
/// writers' own Word documents (`DocxTemplateFile`).
///
/// Every template is checked first (unknown variables, filters, tags, unclosed blocks; in a Word
/// document unknown names, lists and filters in its placeholders); when any has a problem nothing
/// is rendered, and the problems name the template and the line and column (Markdown) or the place
/// in the document and the placeholder (Word).
public struct ReportRenderer {
    public let templates: [TemplateFile]
    public let wordTemplates: [DocxTemplateFile]
    /// Size, nesting and loop bounds, checked before rendering.
    public var limits: TemplateLimits = .default

    /// The templates of `source`: a folder's, or the shipped ones built into the tool.
    public init(source: TemplateSource, limits: TemplateLimits = .default) throws {
        switch source {
        case .folder(let path): try self.init(templatesDirectory: path, limits: limits)
        case .shipped: try self.init(templates: Self.shippedTemplates())
        }
        self.limits = limits
    }

    /// The default templates built into the tool (`ShippedTemplates`, made from Templates/).
    public static func shippedTemplates() throws -> [TemplateFile] {
        try ShippedTemplates.files.map { file in
            try TemplateFile(name: String(file.name.dropLast(3)), path: "内置模板/" + file.name, text: file.text)
        }
    }

    /// Loads every `*.md` and `*.docx` in the folder, in name order.
    public init(templatesDirectory: String, limits: TemplateLimits = .default) throws {
        self.limits = limits
        let url = URL(fileURLWithPath: templatesDirectory, isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw RenderError.templates("无法读取模板文件夹 \(url.standardizedFileURL.path)(用 --templates 指定另一个文件夹)")
        }
        var templates: [TemplateFile] = []
        var wordTemplates: [DocxTemplateFile] = []
        for file in names.sorted() where !file.hasPrefix(".") && !file.hasPrefix("~$") {
            let lowercased = file.lowercased()
            if lowercased.hasSuffix(".doc") || lowercased.hasSuffix(".wps") {
                // Silently skipping it would leave the writer looking for an output that never comes.
                throw RenderError.templates("模板 \(file) 是旧版 Word/WPS 文件,请在 Word 或 WPS 中另存为 .docx")
            }
            if DocxTemplateFile.isTemplate(file) {
                do {
                    wordTemplates.append(try DocxTemplateFile(path: url.appendingPathComponent(file).path, limits: limits))
                } catch {
                    throw RenderError.templates(error.description)
                }
                continue
            }
            guard file.hasSuffix(".md") else { continue }
            let path = url.appendingPathComponent(file).path
            // Bounded before it is read: the engine would take hours on a 50 MB template.
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limits.maxBytes {
                throw RenderError.invalid([TemplateError(template: file, line: 1, column: 1,
                    message: "模板有 \(TemplateChecker.megabytes(size)) MB，超过模板大小上限 \(TemplateChecker.megabytes(limits.maxBytes)) MB"
                        + "（模板通常只有几 KB；确需更大时用 --template-max-mb 调高，越大越慢）")])
            }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw RenderError.templates("无法读取模板 \(file)(须为 UTF-8 文本)")
            }
            templates.append(try TemplateFile(name: String(file.dropLast(3)), path: path, text: text))
        }
        self.templates = templates
        self.wordTemplates = wordTemplates
    }

    public init(templates: [TemplateFile], wordTemplates: [DocxTemplateFile] = []) {
        self.templates = templates
        self.wordTemplates = wordTemplates
    }

    /// All problems of all Markdown templates against these figures (empty when every template is fine).
    public func check(_ figures: Figures) -> [TemplateError] {
        templates.flatMap { check($0, figures) }
    }

    func check(_ template: TemplateFile, _ figures: Figures) -> [TemplateError] {
        let schema = Self.schema(template.scope, figures)
        let checker = TemplateChecker(templateName: template.name + ".md", schema: schema, filters: TemplateFilters.names,
                                      limits: limits, listLengths: Self.listLengths(figures))
        return checker.problems(in: template.text)
    }

    /// The problems of each Word template against these figures, one error per template that has any.
    public func checkWordTemplates(_ figures: Figures) -> [DocxTemplateError] {
        wordTemplates.compactMap { word in
            let problems = word.template.problems(schema: Self.schema(word.scope, figures))
            return problems.isEmpty ? nil : .invalid(template: word.fileName, problems: problems)
        }
    }

    /// How long each list of the context can be in this run, for the loop bound.
    static func listLengths(_ figures: Figures) -> [String: Int] {
        let parts = figures.parts.count
        return [
            "下辖": parts, figures.level.partsWord: parts,
            "行业领域": figures.scopes.map(\.industries.count).max() ?? 0,
            "月份": figures.scopes.map(\.months.count).max() ?? 0,
            "目标": figures.scopes.map { $0.metrics.filter { $0.kind == .completion }.count }.max() ?? 0,
        ]
    }

    /// Templates that would write the same file (`工作总结.md` with docx output beside
    /// `工作总结.docx`), each as a sentence; one output would silently replace the other.
    public func outputClashes() -> [String] {
        var writers: [String: [String]] = [:]
        var order: [String] = []
        func add(_ key: String, _ template: String) {
            if writers[key] == nil { order.append(key) }
            writers[key, default: []].append(template)
        }
        for template in templates where template.formats.contains(.docx) {
            add(Self.outputKey(template.scope, template.name), template.name + ".md")
        }
        for word in wordTemplates { add(Self.outputKey(word.scope, word.name), word.fileName) }
        return order.compactMap { key in
            guard let names = writers[key], names.count > 1 else { return nil }
            let place = key.hasPrefix("/") ? "各地区文件夹中的 \(key.dropFirst())" : key
            return "模板 " + names.joined(separator: " 与 ") + " 都会写出 \(place),请给其中一个改名"
        }
    }

    static func outputKey(_ scope: TemplateFile.Scope, _ name: String) -> String {
        (scope == .everyScope ? "/" : "") + name + ".docx"
    }

    /// The names a template of this scope may use: the contexts of every scope it is rendered for,
    /// merged, with prototypes for lists that happen to be empty.
    static func schema(_ scope: TemplateFile.Scope, _ figures: Figures) -> TemplateSchema {
        // Every part's context is built by the same code from the same declarations, so the
        // region and one part give every name (walking 3 000 districts' contexts did not finish).
        let scopes = scope == .region ? [figures.regionScope] : Array(figures.scopes.prefix(2))
        var schema: TemplateSchema?
        let prototypes = ReportContext.listPrototypes(figures).merging(UncountedFiles.prototypes) { a, _ in a }
            .merging(MissingDataNote.prototypes) { a, _ in a }
        for scope in scopes {
            let s = TemplateSchema.of(context(scope, in: figures, uncounted: UncountedFiles()), prototypes: prototypes)
            schema = schema.map { $0.merged(with: s) } ?? s
        }
        return schema ?? .leaf
    }

    /// What a template of `scope` sees: the figures' variables (`ReportContext`), the note on
    /// files that were not counted (`UncountedFiles`) and the one on data not sent (`MissingDataNote`).
    static func context(_ scope: ScopeFigures, in figures: Figures, uncounted: UncountedFiles) -> [String: Any] {
        Self.context(scope, in: figures).merging(uncounted.context) { a, _ in a }
            .merging(MissingDataNote(figures, scope: scope).context) { a, _ in a }
    }

    /// Renders the templates whose outputs are among `formats` (a Word template gives docx only).
    /// Throws `RenderError.invalid` with every problem when a template fails its check, and
    /// `RenderError.templates` when two templates would write one file (nothing is rendered then).
    /// `uncounted` names input files the run could not read; every document then says so.
    public func render(_ figures: Figures, formats: Set<OutputFormat>,
                       uncounted: UncountedFiles = UncountedFiles()) throws -> [RenderedFile] {
        let clashes = outputClashes()
        if !clashes.isEmpty { throw RenderError.templates(clashes.joined(separator: "\n")) }
        let problems = check(figures)
        let wordProblems = checkWordTemplates(figures)
        if !problems.isEmpty || !wordProblems.isEmpty { throw RenderError.invalid(problems, word: wordProblems) }
        // Folder names from data (district and town names) pass through OutputName only.
        var topLevel: Set<String> = ["figures.json", "figures.csv", "rejects.csv", "manifest.json"]
        for template in templates where template.scope == .region {
            for format in template.formats { topLevel.insert(template.name + "." + format.rawValue) }
        }
        for word in wordTemplates where word.scope == .region { topLevel.insert(word.name + ".docx") }
        let folders = try OutputName.folders(figures.scopes.map(\.scope), besides: topLevel)
        let ext = Extension()
        TemplateFilters.register(in: ext)
        let environment = Environment(extensions: [ext])
        var files: [RenderedFile] = []
        for template in templates {
            let wanted = template.formats.filter { formats.contains($0) }
            if wanted.isEmpty { continue }
            let scopes = template.scope == .region ? [figures.regionScope] : figures.scopes
            // A template that does not place the note on uncounted files gets it under its title.
            let placed = UncountedFiles.isPlaced(in: template.text)
            // Lexed once (most of a small scope's rendering); each render parses the tokens afresh.
            let compiled = Template(templateString: template.text, environment: environment, name: template.name + ".md")
            files += try ScopesInParallel.map(scopes.count) { i throws(RenderError) -> [RenderedFile] in
                let scope = scopes[i]
                var markdown: String
                do {
                    // Text from data is escaped in Markdown (MarkdownText); MarkdownReader reads it back.
                    let context = MarkdownText.escapingText(in: Self.context(scope, in: figures, uncounted: uncounted))
                    markdown = Self.tidy(try compiled.render(context as? [String: Any] ?? [:]))
                } catch {
                    throw RenderError.invalid([Self.locate(error, template: template)])
                }
                let folder = template.scope == .everyScope ? (folders[scope.scope] ?? OutputName.folder(scope.scope)) + "/" : ""
                let workbookMarkdown = placed ? markdown : uncounted.addingNote(to: markdown, asTable: true)
                if !placed { markdown = uncounted.addingNote(to: markdown, asTable: false) }
                let document = MarkdownReader.read(markdown)
                let charts = ReportCharts.charts(for: scope, in: figures)
                var out: [RenderedFile] = []
                for format in wanted {
                    let path = folder + template.name + "." + format.rawValue
                    switch format {
                    case .md: out.append(RenderedFile(path: path, bytes: Array(markdown.utf8)))
                    case .html:
                        let html = HTMLWriter.html(document, charts: charts)
                        out.append(RenderedFile(path: path, bytes: Array(html.utf8)))
                    case .docx: out.append(RenderedFile(path: path, bytes: DocxWriter.bytes(document, charts: charts)))
                    case .xlsx:
                        let sheets = placed ? document : MarkdownReader.read(workbookMarkdown)
                        out.append(RenderedFile(path: path, bytes: StatisticsWorkbook.bytes(sheets)))
                    case .json, .csv: break
                    }
                }
                return out
            }.flatMap { $0 }
        }
        if formats.contains(.docx) {
            for word in wordTemplates {
                let schema = Self.schema(word.scope, figures)
                let scopes = word.scope == .region ? [figures.regionScope] : figures.scopes
                files += try ScopesInParallel.map(scopes.count) { i throws(RenderError) -> RenderedFile in
                    let scope = scopes[i]
                    do throws(DocxTemplateError) {
                        var bytes = try word.template.render(context: Self.context(scope, in: figures, uncounted: uncounted),
                                                             schema: schema)
                        if !word.template.placeholders.contains(where: { UncountedFiles.isPlaced(in: $0.text) }),
                           let main = word.template.parts.first?.path {
                            bytes = uncounted.addingNote(toDocx: bytes, mainPart: main)
                        }
                        return RenderedFile(path: word.outputPath(folder: folders[scope.scope] ?? OutputName.folder(scope.scope)), bytes: bytes)
                    } catch {
                        throw RenderError.invalid([], word: [error])
                    }
                }
            }
        }
        return files
    }

    /// The context of one document: `ReportContext`'s, with every amount of money in it told the
    /// decimals of the document's most precise amount (this period or the prior), for the `万元`
    /// filter — one precision per document.
    static func context(_ scope: ScopeFigures, in figures: Figures) -> [String: Any] {
        // Every amount in the document: the scope's, its breakdown rows', its named periods' and,
        // for the region, its parts'.
        var metrics = scope.metrics + scope.breakdowns.flatMap { $0.rows.flatMap(\.metrics) }
        for named in figures.namedPeriods { metrics += named.scopes.first { $0.scope == scope.scope }?.metrics ?? [] }
        if scope.kind == .region { metrics += figures.parts.flatMap(\.metrics) }
        let decimals = metrics.filter { $0.kind == .money && $0.hasValue }.map { f in
            max(TemplateFigure.decimals(of: f.value), f.prior.map(TemplateFigure.decimals) ?? 0)
        }.max() ?? 0
        return ReportContext.scope(scope, in: figures, moneyDecimals: decimals)
    }

    /// Blank lines collapsed, trailing spaces removed, one final newline: the rendered Markdown
    /// reads as a person would have typed it, whatever the template's tag layout.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blank = true
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            if line.isEmpty {
                if !blank { lines.append("") }
                blank = true
            } else {
                lines.append(line)
                blank = false
            }
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    static func locate(_ error: Error, template: TemplateFile) -> TemplateError {
        if let syntax = error as? TemplateSyntaxError, let token = syntax.token {
            let location = token.sourceMap.location
            return TemplateError(template: template.name + ".md", line: Int(location.lineNumber),
                                 column: location.lineOffset + 1, message: syntax.reason)
        }
        return TemplateError(template: template.name + ".md", line: 1, column: 1, message: "\(error)")
    }
}

/// Why rendering stopped.
public enum RenderError: Error, CustomStringConvertible, Sendable {
    /// The templates folder cannot be used as it is (missing, unreadable file, two templates for one output).
    case templates(String)
    /// Templates that fail their check: Markdown problems, then Word templates with theirs.
    case invalid([TemplateError], word: [DocxTemplateError] = [])

    public var description: String {
        switch self {
        case .templates(let message): return message
        case .invalid(let problems, let word): return (problems.map(\.description) + word.map(\.description)).joined(separator: "\n")
        }
    }
}
