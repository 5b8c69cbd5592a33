import Ingest

/// The text `check` prints: one block per file, one line per sheet, then totals.
enum CheckReport {
    static func text(_ result: IngestResult, verbose: Bool) -> String {
        var out = ""
        let config = result.dataset.config
        out += "地区: \(config.name)(\(config.level.rawValue)级,配置: \(config.source))\n\n"
        for file in result.files {
            var header = "\(file.path)  [\(file.format)"
            if let encoding = file.encoding { header += ", \(encoding)" }
            if let delimiter = file.delimiter { header += ", 分隔符 \(delimiter == "\t" ? "TAB" : delimiter)" }
            header += ", \(file.size) 字节]"
            out += header + "\n"
            if let error = file.error {
                out += "  无法读取: \(error)\n"
                continue
            }
            if let original = file.corrects {
                let how = file.correction.sorted { $0.key < $1.key }.map { "\($0.key)\($0.value)" }.joined(separator: "、")
                out += "  更正文件:更正 \(original)" + (how.isEmpty ? "" : "(\(how))") + "\n"
            }
            if !file.supersededBy.isEmpty {
                out += "  已被更正:\(file.supersededBy.joined(separator: "、")) 整份替换了本文件的部分记录(见 rejects.csv)\n"
            }
            for sheet in file.sheets {
                let name = sheet.name.map { "「\($0)」" } ?? "(CSV)"
                if let skipped = sheet.skipped {
                    out += "  \(name) 跳过: \(skipped)\n"
                    continue
                }
                var line = "  \(name) \(sheet.kind ?? "?")"
                if let headerRow = sheet.headerRow { line += ",表头第\(headerRow)行" }
                line += ":读取 \(sheet.read),计入 \(sheet.accepted),未计入 \(sheet.rejected),重复 \(sheet.duplicates)"
                if sheet.superseded > 0 { line += ",被更正文件替换 \(sheet.superseded)" }
                if sheet.warnings > 0 { line += ",警告 \(sheet.warnings)" }
                out += line + "\n"
            }
        }
        out += "\n合计:\(result.files.count) 个文件,读取 \(result.read) 行,计入 \(result.accepted),未计入 \(result.rejected)"
        out += "(其中重复 \(result.duplicates)),警告 \(result.warnings.count),无法读取的文件 \(result.unreadableFiles)\n"
        if !result.ignoredFiles.isEmpty { out += "忽略: " + result.ignoredFiles.joined(separator: ", ") + "\n" }
        if !result.warnings.isEmpty {
            out += "\n警告:\n"
            let shown = verbose ? result.warnings : Array(result.warnings.prefix(20))
            for warning in shown { out += "  \(warning)\n" }
            if shown.count < result.warnings.count {
                out += "  …另有 \(result.warnings.count - shown.count) 条,用 --verbose 查看全部\n"
            }
        }
        return out
    }
}
