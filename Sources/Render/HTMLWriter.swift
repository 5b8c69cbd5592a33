/// Writes a `ReportDocument` as one self-contained HTML page: inline CSS, inline SVG charts, every
/// text value escaped, readable on a phone.
public enum HTMLWriter {
    public static func html(_ document: ReportDocument, charts: [String: Chart] = [:]) -> String {
        var body = ""
        for block in document.blocks {
            switch block {
            case .title(let t): body += "<h1>\(XMLText.escape(t))</h1>\n"
            case .heading1(let t): body += "<h2>\(XMLText.escape(t))</h2>\n"
            case .heading2(let t): body += "<h3>\(XMLText.escape(t))</h3>\n"
            case .paragraph(let t): body += "<p>\(XMLText.escape(t))</p>\n"
            case .writerNote(let t):
                body += "<div class=\"note\">"
                body += t.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "<p>\(XMLText.escape(String($0)))</p>" }.joined()
                body += "</div>\n"
            case .table(let rows): body += table(rows)
            case .chart(let name):
                if let chart = charts[name] {
                    body += "<figure>\(SVGChart.svg(chart))<figcaption>\(XMLText.escape(chart.title))</figcaption></figure>\n"
                }
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(XMLText.escape(document.title ?? "报告"))</title>
        <style>\(style)</style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    static func table(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        var html = "<div class=\"table\"><table><thead><tr>"
        let groups = TableHeader(header)
        if groups.hasGroups {
            // 事故起数 over 本期 | 上年同期 | 同比; an ungrouped header down both rows.
            for span in groups.spans {
                html += span.grouped
                    ? "<th colspan=\"\(span.count)\">\(XMLText.escape(span.title))</th>"
                    : "<th rowspan=\"2\">\(XMLText.escape(span.title))</th>"
            }
            html += "</tr><tr>"
            html += groups.columns.filter { $0.group != nil }.map { "<th>\(XMLText.escape($0.title))</th>" }.joined()
        } else {
            html += header.map { "<th>\(XMLText.escape($0))</th>" }.joined()
        }
        html += "</tr></thead><tbody>"
        for row in rows.dropFirst() {
            html += "<tr>" + row.map { "<td>\(XMLText.escape($0))</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table></div>\n"
    }

    static let style = """
    body{margin:0;background:#f4f4f4;color:#222;font-family:"FangSong","仿宋","STFangsong","Songti SC",serif;}\
    main{max-width:46em;margin:0 auto;padding:1.5em 1.2em;background:#fff;line-height:1.9;font-size:17px;}\
    h1{font-family:"STZhongsong","SimSun","宋体",serif;font-size:1.6em;text-align:center;font-weight:normal;margin:.6em 0 1em;}\
    h2{font-family:"SimHei","黑体",sans-serif;font-size:1.05em;font-weight:normal;margin:1em 0 .2em;text-indent:2em;}\
    h3{font-family:"KaiTi","楷体",serif;font-size:1.05em;font-weight:normal;margin:.6em 0 .2em;text-indent:2em;}\
    p{text-indent:2em;margin:.2em 0;text-align:justify;}\
    .note{border-left:4px solid #d4ac0d;background:#fdf6d8;color:#666;padding:.3em .8em;margin:.5em 0;}\
    .table{overflow-x:auto;margin:.8em 0;}table{border-collapse:collapse;width:100%;font-size:.9em;}\
    th,td{border:1px solid #555;padding:.25em .4em;text-align:center;white-space:nowrap;}th{background:#eee;}\
    figure{margin:1em 0;text-align:center;}figcaption{font-size:.9em;color:#555;}svg.chart{display:block;width:100%;max-width:640px;height:auto;margin:0 auto;}
    """
}
