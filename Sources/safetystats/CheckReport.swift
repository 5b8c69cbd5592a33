import Ingest
import Metrics

/// The text `check` prints: one block per file, one line per sheet, then totals and what each
/// part supplied (`Coverage`).
enum CheckReport {
    static func text(_ result: IngestResult, verbose: Bool, coverage: Coverage? = nil) -> String {
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
                var kinds: [String] = []
                for sheet in file.sheets where sheet.superseded > 0 { if let k = sheet.kind, !kinds.contains(k) { kinds.append(k) } }
                out += "  已被更正:\(file.supersededBy.joined(separator: "、")) 整份替换了本文件的\(kinds.joined(separator: "、"))记录"
                    + "(\(file.superseded) 条不再计入,见 rejects.csv)\n"
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
        if let coverage { out += "\n" + table(coverage, partWord: config.level.partKindWord) }
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

    /// Parts as rows, kind × year as columns: records, 空表 (only a register with its header, a real
    /// zero) or 未报送. Kinds head the years they span; cells are right-aligned in terminal cells.
    static func table(_ coverage: Coverage, partWord: String) -> String {
        let out = "报送情况(各\(partWord)每类数据的记录数;空表 = 只报送了表头、没有数据行,计为零;未报送 = 没有该类数据):\n"
        guard !coverage.columns.isEmpty, !coverage.parts.isEmpty else { return out + "  (没有任何记录)\n" }
        func cell(_ s: Coverage.Supplied) -> String {
            switch s {
            case .records(let n): return String(n)
            case .emptyRegister: return "空表"
            case .nothing: return "未报送"
            }
        }
        let texts = coverage.cells.map { $0.map(cell) }
        var widths = coverage.columns.indices.map { c in
            max(TerminalText.width(coverage.columns[c].year.map(String.init) ?? "不分年"), texts.map { TerminalText.width($0[c]) }.max() ?? 0)
        }
        // Kinds in column order, each over its run of year columns; a kind wider than its years widens the last.
        var spans: [(kind: String, columns: Range<Int>)] = []
        for (c, column) in coverage.columns.enumerated() {
            if let last = spans.last, last.kind == column.kind {
                spans[spans.count - 1].columns = last.columns.lowerBound..<(c + 1)
            } else {
                spans.append((column.kind, c..<(c + 1)))
            }
        }
        let gap = 2
        for span in spans {
            let width = span.columns.reduce(0) { $0 + widths[$1] } + gap * (span.columns.count - 1)
            let need = TerminalText.width(span.kind)
            if need > width { widths[span.columns.upperBound - 1] += need - width }
        }
        let first = max(TerminalText.width(partWord), coverage.parts.map(TerminalText.width).max() ?? 0)
        func pad(_ s: String, _ w: Int, right: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, w - TerminalText.width(s)))
            return right ? fill + s : s + fill
        }
        let space = String(repeating: " ", count: gap)
        var kinds = "  " + pad("", first, right: false)
        for span in spans {
            let width = span.columns.reduce(0) { $0 + widths[$1] } + gap * (span.columns.count - 1)
            kinds += space + pad(span.kind, width, right: false)
        }
        var years = "  " + pad(partWord, first, right: false)
        for (c, column) in coverage.columns.enumerated() {
            years += space + pad(column.year.map(String.init) ?? "不分年", widths[c], right: true)
        }
        var lines = [kinds, years]
        for (p, part) in coverage.parts.enumerated() {
            var line = "  " + pad(part, first, right: false)
            for c in coverage.columns.indices { line += space + pad(texts[p][c], widths[c], right: true) }
            lines.append(line)
        }
        return out + lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }
}
