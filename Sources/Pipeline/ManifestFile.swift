import Ingest
import Metrics
import Render

/// manifest.json: what a run read (path, size, sha256, kinds, rows) and how it was asked to run —
/// enough for a statistician to prove which inputs produced which outputs. No timestamps: the
/// manifest is as reproducible as every other output.
enum ManifestFile {
    static var toolVersion: String { ToolVersion.number }

    static func text(_ ingest: IngestResult, period: ReportPeriod, options: RunOptions, outputs: [String],
                     uncounted: UncountedFiles = UncountedFiles(), coverage: Coverage? = nil, figures: Figures? = nil) -> String {
        func string(_ s: String) -> String { FiguresJSON.quoted(s) }
        var out = "{\n"
        out += "  \"tool\": {\"name\": \"safetystats\", \"version\": \(string(toolVersion))},\n"
        out += "  \"period\": {\"id\": \(string(period.id)), \"label\": \(string(period.label)), \"prior_label\": \(string(period.priorLabel))},\n"
        let formats = options.formats.map(\.rawValue).sorted().map(string).joined(separator: ", ")
        let asked = options.period
        out += "  \"options\": {\"year\": \(asked.year.map(String.init) ?? "null"), \"through\": \(asked.through.map(String.init) ?? "null"), "
        out += "\"from\": \(asked.from.map { string($0.description) } ?? "null"), \"to\": \(asked.to.map { string($0.description) } ?? "null"), "
        out += "\"strict\": \(options.strict), \"skip_unreadable\": \(options.skipUnreadable), \"allow_missing\": \(options.allowMissing), "
        out += "\"formats\": [\(formats)]},\n"
        out += "  \"region\": {\"name\": \(string(ingest.dataset.config.name)), \"level\": \(string(ingest.dataset.config.level.rawValue)), "
        out += "\"config\": \(string(ingest.dataset.config.source))},\n"
        out += "  \"rows\": {\"read\": \(ingest.read), \"accepted\": \(ingest.accepted), \"rejected\": \(ingest.rejected), "
        out += "\"duplicates\": \(ingest.duplicates), \"warnings\": \(ingest.warnings.count)},\n"
        out += "  \"inputs\": [\n"
        out += ingest.files.map { file in
            var line = "    {\"path\": \(string(file.path)), \"size\": \(file.size), \"sha256\": \(string(file.sha256)), "
            line += "\"format\": \(string(file.format))"
            if let encoding = file.encoding { line += ", \"encoding\": \(string(encoding))" }
            if let error = file.error { line += ", \"error\": \(string(error))" }
            line += ", \"read\": \(file.read), \"accepted\": \(file.accepted), \"rejected\": \(file.rejected), \"duplicates\": \(file.duplicates)"
            line += ", \"sheets\": [" + file.sheets.map { sheet in
                var s = "{\"name\": \(sheet.name.map(string) ?? "null"), \"kind\": \(sheet.kind.map(string) ?? "null")"
                if let skipped = sheet.skipped { s += ", \"skipped\": \(string(skipped))" }
                s += ", \"read\": \(sheet.read), \"accepted\": \(sheet.accepted), \"rejected\": \(sheet.rejected), \"duplicates\": \(sheet.duplicates)}"
                return s
            }.joined(separator: ", ") + "]}"
            return line
        }.joined(separator: ",\n")
        out += "\n  ],\n"
        // Files left out of every figure (--skip-unreadable); each also has its "error" above.
        out += "  \"uncounted\": [" + uncounted.files.map { string($0.path) }.joined(separator: ", ") + "],\n"
        // What each part supplied per kind and year, and what the figures lack because of it.
        if let coverage {
            var cells: [String] = []
            for (p, part) in coverage.parts.enumerated() {
                for (c, column) in coverage.columns.enumerated() {
                    let (supplied, records): (String, Int)
                    switch coverage.cells[p][c] {
                    case .records(let n): (supplied, records) = ("records", n)
                    case .emptyRegister: (supplied, records) = ("empty_register", 0)
                    case .nothing: (supplied, records) = ("none", 0)
                    }
                    cells.append("    {\"part\": \(string(part)), \"kind\": \(string(column.kind)), \"year\": \(column.year.map(String.init) ?? "null"), "
                                 + "\"supplied\": \(string(supplied)), \"records\": \(records)}")
                }
            }
            out += "  \"coverage\": [" + (cells.isEmpty ? "" : "\n" + cells.joined(separator: ",\n") + "\n  ") + "],\n"
        }
        if let figures {
            out += "  \"missing\": [" + figures.missing.map(missing).joined(separator: ", ") + "],\n"
            out += "  \"prior_missing\": [" + figures.priorMissing.map(missing).joined(separator: ", ") + "],\n"
        }
        out += "  \"ignored\": [" + ingest.ignoredFiles.map(string).joined(separator: ", ") + "],\n"
        out += "  \"outputs\": [" + outputs.map(string).joined(separator: ", ") + "]\n"
        out += "}\n"
        return out
    }

    /// `{"part": "临川县", "kind": "事故", "period": "2025年"}`, as figures.json writes it.
    static func missing(_ m: MissingData) -> String {
        "{\"part\": \(FiguresJSON.quoted(m.part)), \"kind\": \(FiguresJSON.quoted(m.kind)), \"period\": \(FiguresJSON.quoted(m.period))}"
    }
}
