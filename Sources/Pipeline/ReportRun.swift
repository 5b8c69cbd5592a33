import Foundation
import Ingest
import Metrics
import Model
import Render

/// One `safetystats run`: ingest → figures → every output, written atomically into
/// `<output>/<period-id>/`. A failure at any step leaves the previous outputs untouched.
public enum ReportRun {
    public static func run(_ options: RunOptions) throws(PipelineError) -> RunSummary {
        let inputs = absolute(options.inputs)
        let output = absolute(options.output)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inputs, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .inputs("找不到输入文件夹 \(inputs)(用 --inputs 指定放各区县报表的文件夹)")
        }
        // Templates are found before the inputs are read, so a wrong --templates fails at once.
        let templates: TemplateSource
        do {
            templates = try TemplateSource.resolve(options.templates)
        } catch {
            throw .template(error.description)
        }

        options.progress("读取输入 \(inputs) …")
        var ingest: IngestResult
        do {
            var ingestOptions = IngestOptions(strict: options.strict)
            ingestOptions.progress = ReadProgress(show: options.progress).callback
            ingest = try Ingest.run(inputs: inputs, options: ingestOptions)
        } catch {
            throw .inputs("\(error)")
        }
        let uncounted = UncountedFiles(ingest.files.compactMap { file in
            file.error.map { UncountedFiles.File(path: file.path, reason: shortReason($0, path: file.path)) }
        })
        if !uncounted.isEmpty && !options.skipUnreadable {
            throw .unreadable(uncounted.files.map { ($0.path, $0.reason) })
        }

        let period: ReportPeriod
        do {
            period = try options.period.resolve(for: ingest.dataset)
        } catch {
            throw .noData(error.description)
        }
        options.progress("计算 \(period.label) 指标 …")
        let figures = FiguresBuilder.compute(ingest.dataset, period: period)
        if let overflow = figures.overflow { throw .overflow(overflow) }
        // A part without data of a kind for P would silently lower every total it feeds.
        if !figures.missing.isEmpty && !options.allowMissing {
            throw .missing(figures.missing, skipped: uncounted.files.map(\.path))
        }
        let coverage = Coverage(ingest.dataset, undatedYear: period.year)
        // Nothing after this point reads a record (documents are made from the figures), and a
        // province's tables are most of the run's memory: they are given back before rendering.
        ingest.dataset = Dataset(config: ingest.dataset.config, catalog: ingest.dataset.catalog)

        options.progress("生成报告(模板:\(templates)) …")
        var files: [RenderedFile] = []
        do {
            let renderer = try ReportRenderer(source: templates, limits: options.templateLimits)
            files = try renderer.render(figures, formats: options.formats, uncounted: uncounted)
        } catch {
            throw .template("\(error)")
        }
        if options.formats.contains(.json) {
            files.append(RenderedFile(path: "figures.json", bytes: FiguresJSON.bytes(figures)))
        }
        if options.formats.contains(.csv) {
            files.append(RenderedFile(path: "figures.csv", bytes: Array(FiguresCSV.text(figures).utf8)))
        }
        files.append(RenderedFile(path: "rejects.csv", bytes: Array(RejectsFile.text(ingest.rejects).utf8)))
        let paths = (files.map(\.path) + ["manifest.json"]).sorted()
        let manifest = ManifestFile.text(ingest, period: period, options: options, outputs: paths, uncounted: uncounted,
                                         coverage: coverage, figures: figures)
        files.append(RenderedFile(path: "manifest.json", bytes: Array(manifest.utf8)))

        let destination = (output as NSString).appendingPathComponent(period.id)
        options.progress("写入 \(destination) …")
        let folder: OutputFolder
        do {
            folder = try OutputFolder(parent: output, name: period.id)
            for file in files.sorted(by: { $0.path < $1.path }) {
                try folder.write(file.bytes, to: file.path)
            }
            try folder.commit()
        } catch let refused as OutputFolderError {
            throw .output(refused.message)
        } catch {
            throw .output("无法写入输出文件夹 \(destination)(用 --out 指定另一个输出文件夹):\(error.localizedDescription)")
        }
        return RunSummary(ingest: ingest, figures: figures, folder: folder.destination.path, files: paths, uncounted: uncounted)
    }

    /// A reader's message without what the note already says: the file's name in front
    /// (`文件 X：`) and the English repeat after ` / file X:`.
    static func shortReason(_ reason: String, path: String) -> String {
        var text = Substring(reason)
        for prefix in ["文件 \(path)：", "文件 \(path):", "\(path)：", "\(path): "] where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
        }
        if let english = text.range(of: " / file \(path)") { text = text[..<english.lowerBound] }
        return String(text)
    }

    /// `path` against the working folder, so every message names the place it tried.
    static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}
