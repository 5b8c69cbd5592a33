import Foundation
import Ingest
import Metrics
import Model
import Render

/// One `safetystats run`: ingest → figures → every output, written atomically into
/// `<output>/<period-id>/`. A failure at any step leaves the previous outputs untouched.
public enum ReportRun {
    public static func run(_ options: RunOptions) throws(PipelineError) -> RunSummary {
        options.progress("读取输入 \(options.inputs) …")
        let ingest: IngestResult
        do {
            ingest = try Ingest.run(inputs: options.inputs, options: IngestOptions(strict: options.strict))
        } catch {
            throw .inputs("\(error)")
        }

        let period: ReportPeriod
        do {
            period = try ReportPeriod.resolve(for: ingest.dataset, year: options.year, through: options.through)
        } catch {
            throw .noData(error.description)
        }
        options.progress("计算 \(period.label) 指标 …")
        let figures = FiguresBuilder.compute(ingest.dataset, period: period)

        options.progress("生成报告 …")
        var files: [RenderedFile] = []
        do {
            let renderer = try ReportRenderer(templatesDirectory: options.templates)
            files = try renderer.render(figures, formats: options.formats)
        } catch {
            throw .template("\(error)")
        }
        if options.formats.contains(.json) {
            files.append(RenderedFile(path: "figures.json", bytes: Array(FiguresJSON.text(figures).utf8)))
        }
        if options.formats.contains(.csv) {
            files.append(RenderedFile(path: "figures.csv", bytes: Array(FiguresCSV.text(figures).utf8)))
        }
        files.append(RenderedFile(path: "rejects.csv", bytes: Array(RejectsFile.text(ingest.rejects).utf8)))
        let paths = (files.map(\.path) + ["manifest.json"]).sorted()
        let manifest = ManifestFile.text(ingest, period: period, options: options, outputs: paths)
        files.append(RenderedFile(path: "manifest.json", bytes: Array(manifest.utf8)))

        options.progress("写入 \(options.output)/\(period.id) …")
        let folder: OutputFolder
        do {
            folder = try OutputFolder(parent: options.output, name: period.id)
            for file in files.sorted(by: { $0.path < $1.path }) {
                try folder.write(file.bytes, to: file.path)
            }
            try folder.commit()
        } catch {
            throw .output("无法写入输出文件夹 \(options.output): \(error.localizedDescription)")
        }
        return RunSummary(ingest: ingest, figures: figures, folder: folder.destination.path, files: paths)
    }
}
