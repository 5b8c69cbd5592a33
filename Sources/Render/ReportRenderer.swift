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

/// Renders every template in `Templates/` for the figures of a run.
///
/// Every template is checked first (unknown variables, filters, tags, unclosed blocks); a template
/// with problems produces no output at all, and the problems name the template, line and column.
public struct ReportRenderer {
    public let templates: [TemplateFile]

    /// Loads every `*.md` in the folder, in name order.
    public init(templatesDirectory: String) throws {
        let url = URL(fileURLWithPath: templatesDirectory, isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw RenderError.templates("找不到模板文件夹 \(templatesDirectory)")
        }
        var templates: [TemplateFile] = []
        for file in names.sorted() where file.hasSuffix(".md") && !file.hasPrefix(".") {
            let path = url.appendingPathComponent(file).path
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw RenderError.templates("无法读取模板 \(file)(须为 UTF-8 文本)")
            }
            templates.append(try TemplateFile(name: String(file.dropLast(3)), path: path, text: text))
        }
        self.templates = templates
    }

    public init(templates: [TemplateFile]) { self.templates = templates }

    /// All problems of all templates against these figures (empty when every template is fine).
    public func check(_ figures: Figures) -> [TemplateError] {
        templates.flatMap { check($0, figures) }
    }

    func check(_ template: TemplateFile, _ figures: Figures) -> [TemplateError] {
        let scopes = template.scope == .region ? [figures.regionScope] : figures.scopes
        var schema: TemplateSchema?
        let prototypes = ReportContext.listPrototypes(figures)
        for scope in scopes {
            let s = TemplateSchema.of(ReportContext.scope(scope, in: figures), prototypes: prototypes)
            schema = schema.map { $0.merged(with: s) } ?? s
        }
        let checker = TemplateChecker(templateName: template.name + ".md", schema: schema ?? .leaf, filters: TemplateFilters.names)
        return checker.problems(in: template.text)
    }

    /// Renders the templates whose outputs are among `formats`. Throws `RenderError.invalid` with
    /// every problem when a template fails its check (nothing is rendered then).
    public func render(_ figures: Figures, formats: Set<OutputFormat>) throws -> [RenderedFile] {
        let problems = check(figures)
        if !problems.isEmpty { throw RenderError.invalid(problems) }
        let ext = Extension()
        TemplateFilters.register(in: ext)
        let environment = Environment(extensions: [ext])
        var files: [RenderedFile] = []
        for template in templates {
            let wanted = template.formats.filter { formats.contains($0) }
            if wanted.isEmpty { continue }
            let scopes = template.scope == .region ? [figures.regionScope] : figures.scopes
            for scope in scopes {
                let markdown: String
                do {
                    let compiled = Template(templateString: template.text, environment: environment, name: template.name + ".md")
                    markdown = Self.tidy(try compiled.render(ReportContext.scope(scope, in: figures)))
                } catch {
                    throw RenderError.invalid([Self.locate(error, template: template)])
                }
                let folder = template.scope == .everyScope ? scope.scope + "/" : ""
                let document = MarkdownReader.read(markdown)
                let charts = ReportCharts.charts(for: scope, in: figures)
                for format in wanted {
                    let path = folder + template.name + "." + format.rawValue
                    switch format {
                    case .md: files.append(RenderedFile(path: path, bytes: Array(markdown.utf8)))
                    case .html:
                        let html = HTMLWriter.html(document, charts: charts)
                        files.append(RenderedFile(path: path, bytes: Array(html.utf8)))
                    case .docx: files.append(RenderedFile(path: path, bytes: DocxWriter.bytes(document, charts: charts)))
                    case .xlsx: files.append(RenderedFile(path: path, bytes: StatisticsWorkbook.bytes(document)))
                    case .json, .csv: break
                    }
                }
            }
        }
        return files
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
    case templates(String)
    case invalid([TemplateError])

    public var description: String {
        switch self {
        case .templates(let message): return message
        case .invalid(let problems): return problems.map(\.description).joined(separator: "\n")
        }
    }
}
