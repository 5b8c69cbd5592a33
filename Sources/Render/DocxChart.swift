import XLSX

/// A `Chart` as a native Word chart, so the writer can restyle it (REPORTS.md §DOCX): a DrawingML
/// chart part that Word, WPS and LibreOffice draw from the categories and values cached in it, the
/// same data as a small workbook embedded beside it (Word's 编辑数据 opens it), and the inline
/// drawing that places it in its own paragraph.
///
/// Columns side by side for `.columns` (parts of the region), lines with markers for `.lines`
/// (months); the prior year's series are grey or dashed. Text is 仿宋 (title 黑体) with Times New
/// Roman digits, as in the body. A point whose label is `—` (a rate without a base) has no value:
/// no bar, a gap in a line — never a bar at zero.
enum DocxChart {
    /// 156 mm, the width of the GB/T 9704 text block (1 mm = 36 000 EMU).
    static let width = 5_616_000
    /// 80 mm: about eight body lines, so a chart and its paragraph share a page.
    static let height = 2_880_000

    static let chartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let contentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"

    /// The embedded workbook's sheet: categories in column A from row 2, one series per column
    /// from B with its name in row 1 — the layout the cached references point at.
    static let sheetName = "Sheet1"

    /// The series colours of the HTML charts, so both formats look alike.
    static let palette = SVGChart.palette.map { String($0.dropFirst()).uppercased() }

    // MARK: Placing

    /// The paragraph that shows chart `number` (1-based in document order; also the drawing's id),
    /// whose part the main document's relationship `relationship` points at.
    static func paragraph(_ chart: Chart, number: Int, relationship: String) -> String {
        "<w:p><w:pPr><w:pStyle w:val=\"Chart\"/></w:pPr><w:r><w:drawing>"
            + "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(width)\" cy=\"\(height)\"/>"
            + "<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
            + "<wp:docPr id=\"\(number)\" name=\"图表 \(number)\" descr=\"\(XMLText.escape(chart.title))\"/><wp:cNvGraphicFramePr/>"
            + "<a:graphic xmlns:a=\"\(drawingNamespace)\"><a:graphicData uri=\"\(chartNamespace)\">"
            + "<c:chart xmlns:c=\"\(chartNamespace)\" r:id=\"\(relationship)\"/>"
            + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    }

    /// The chart part's own relationships: its embedded workbook.
    static func relationships(workbook: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rIdData" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" \
        Target="\(workbook)"/></Relationships>
        """
    }

    // MARK: Chart part

    static func part(_ chart: Chart) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <c:chartSpace xmlns:c="\(chartNamespace)" xmlns:a="\(drawingNamespace)" xmlns:r="\(relationshipNamespace)">\
        <c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/><c:chart>
        """
        xml += title(chart.title, size: 1200, font: "黑体", rotated: false)
        xml += "<c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/>"
        switch chart.kind {
        case .columns:
            xml += "<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>"
            for index in chart.series.indices { xml += series(chart, index) }
            xml += "<c:gapWidth val=\"80\"/><c:overlap val=\"-10\"/>"
            xml += "<c:axId val=\"\(categoryAxis)\"/><c:axId val=\"\(valueAxis)\"/></c:barChart>"
        case .lines:
            xml += "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>"
            for index in chart.series.indices { xml += series(chart, index) }
            xml += "<c:marker val=\"1\"/><c:axId val=\"\(categoryAxis)\"/><c:axId val=\"\(valueAxis)\"/></c:lineChart>"
        }
        xml += axes(chart)
        xml += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>"
        xml += "<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/>\(textProperties(size: 1050))</c:legend>"
        xml += "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
        xml += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        xml += textProperties(size: 1050)
        xml += "<c:externalData r:id=\"rIdData\"><c:autoUpdate val=\"0\"/></c:externalData>"
        xml += "</c:chartSpace>"
        return xml
    }

    static let categoryAxis = 500_100_001
    static let valueAxis = 500_100_002

    static func series(_ chart: Chart, _ index: Int) -> String {
        let series = chart.series[index]
        let color = palette[index % palette.count]
        let column = CellReference.columnName(index + 1)
        let rows = chart.categories.count
        var xml = "<c:ser><c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/>"
        xml += "<c:tx><c:strRef><c:f>\(sheetName)!$\(column)$1</c:f><c:strCache><c:ptCount val=\"1\"/>"
        xml += "<c:pt idx=\"0\"><c:v>\(XMLText.escape(series.name))</c:v></c:pt></c:strCache></c:strRef></c:tx>"
        switch chart.kind {
        case .columns:
            xml += "<c:spPr><a:solidFill><a:srgbClr val=\"\(color)\"/></a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>"
            xml += labels(chart, position: "outEnd")
        case .lines:
            let dash = series.isPrior ? "<a:prstDash val=\"dash\"/>" : ""
            xml += "<c:spPr><a:ln w=\"22225\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"\(color)\"/></a:solidFill>\(dash)<a:round/></a:ln></c:spPr>"
            xml += "<c:marker><c:symbol val=\"\(series.isPrior ? "none" : "circle")\"/><c:size val=\"5\"/>"
            xml += "<c:spPr><a:solidFill><a:srgbClr val=\"\(color)\"/></a:solidFill><a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"\(color)\"/></a:solidFill></a:ln></c:spPr></c:marker>"
            // Twelve months of four lines: only this year's values are labelled, or nothing is legible.
            xml += series.isPrior ? "<c:dLbls><c:delete val=\"1\"/></c:dLbls>" : labels(chart, position: "t")
        }
        xml += "<c:cat><c:strRef><c:f>\(sheetName)!$A$2:$A$\(rows + 1)</c:f><c:strCache><c:ptCount val=\"\(rows)\"/>"
        for (i, category) in chart.categories.enumerated() {
            xml += "<c:pt idx=\"\(i)\"><c:v>\(XMLText.escape(category))</c:v></c:pt>"
        }
        xml += "</c:strCache></c:strRef></c:cat>"
        xml += "<c:val><c:numRef><c:f>\(sheetName)!$\(column)$2:$\(column)$\(rows + 1)</c:f><c:numCache>"
        xml += "<c:formatCode>\(XMLText.escape(numberFormat(chart)))</c:formatCode><c:ptCount val=\"\(rows)\"/>"
        for i in 0..<rows {
            if let value = value(series, i) { xml += "<c:pt idx=\"\(i)\"><c:v>\(number(value))</c:v></c:pt>" }
        }
        xml += "</c:numCache></c:numRef></c:val>"
        if chart.kind == .lines { xml += "<c:smooth val=\"0\"/>" }
        xml += "</c:ser>"
        return xml
    }

    static func labels(_ chart: Chart, position: String) -> String {
        "<c:dLbls><c:numFmt formatCode=\"\(XMLText.escape(numberFormat(chart)))\" sourceLinked=\"0\"/>"
            + "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>\(textProperties(size: 900))"
            + "<c:dLblPos val=\"\(position)\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/>"
            + "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
    }

    static func axes(_ chart: Chart) -> String {
        let line = "<c:spPr><a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"595959\"/></a:solidFill></a:ln></c:spPr>"
        var xml = "<c:catAx><c:axId val=\"\(categoryAxis)\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>"
        xml += "<c:delete val=\"0\"/><c:axPos val=\"b\"/><c:numFmt formatCode=\"General\" sourceLinked=\"1\"/>"
        xml += "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>"
        xml += line + textProperties(size: 1050)
        xml += "<c:crossAx val=\"\(valueAxis)\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/>"
        xml += "<c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>"

        let percent = chart.unit == "%"
        let largest = chart.series.flatMap { s in s.values.indices.compactMap { value(s, $0) } }.max() ?? 0
        xml += "<c:valAx><c:axId val=\"\(valueAxis)\"/><c:scaling><c:orientation val=\"minMax\"/>"
        if percent { xml += "<c:max val=\"100\"/>" }
        xml += "<c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/>"
        xml += "<c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>"
        xml += title("单位:\(chart.unit)", size: 1050, font: "仿宋", rotated: true)
        xml += "<c:numFmt formatCode=\"\(XMLText.escape(percent ? "0\"%\"" : "0"))\" sourceLinked=\"0\"/>"
        xml += "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
        xml += "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>" + textProperties(size: 1050)
        xml += "<c:crossAx val=\"\(categoryAxis)\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/>"
        // Counts are whole: a step of 1 up to ten keeps the axis from showing 0.5 起 (or 0, 1, 1, 2).
        if percent {
            xml += "<c:majorUnit val=\"20\"/>"
        } else if largest <= 10 {
            xml += "<c:majorUnit val=\"1\"/>"
        }
        xml += "</c:valAx>"
        return xml
    }

    // MARK: Text

    static func title(_ text: String, size: Int, font: String, rotated: Bool) -> String {
        let body = rotated ? "<a:bodyPr rot=\"-5400000\" vert=\"horz\"/>" : "<a:bodyPr/>"
        return "<c:title><c:tx><c:rich>\(body)<a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"\(size)\" b=\"0\">\(fonts(font))</a:defRPr></a:pPr>"
            + "<a:r><a:rPr lang=\"zh-CN\" altLang=\"en-US\" sz=\"\(size)\" b=\"0\">\(fonts(font))</a:rPr>"
            + "<a:t>\(XMLText.escape(text))</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>"
    }

    static func textProperties(size: Int) -> String {
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"\(size)\" b=\"0\">"
            + "<a:solidFill><a:srgbClr val=\"262626\"/></a:solidFill>\(fonts("仿宋"))</a:defRPr></a:pPr>"
            + "<a:endParaRPr lang=\"zh-CN\"/></a:p></c:txPr>"
    }

    /// Chinese in 仿宋 or 黑体 — names every Chinese Windows, WPS and Noto CJK set answer to — and
    /// digits in Times New Roman, as the body text has them.
    static func fonts(_ eastAsia: String) -> String {
        "<a:latin typeface=\"Times New Roman\"/><a:ea typeface=\"\(eastAsia)\"/><a:cs typeface=\"Times New Roman\"/>"
    }

    // MARK: Values

    /// The value of point `index`, or nil where the report prints `—` (no base, so no value).
    static func value(_ series: Chart.Series, _ index: Int) -> Double? {
        guard index < series.values.count else { return nil }
        if index < series.labels.count, series.labels[index] == "—" { return nil }
        return series.values[index]
    }

    /// Rates carry one decimal and their percent sign, as the report prints them; counts are whole.
    static func numberFormat(_ chart: Chart) -> String {
        chart.unit == "%" ? "0.0\"%\"" : "General"
    }

    /// A value as the cache writes it: whole numbers without `.0`, others in their shortest form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    // MARK: Embedded workbook

    /// The chart's data as a workbook laid out as the cached references say.
    static func workbook(_ chart: Chart) -> [UInt8] {
        var sheet = WorksheetWriter(name: sheetName)
        sheet.columnWidths[0] = 12
        sheet.append([.empty] + chart.series.map { .text($0.name) })
        let format = chart.unit == "%" ? numberFormat(chart) : nil
        for (i, category) in chart.categories.enumerated() {
            sheet.append([.text(category)] + chart.series.map { series in
                value(series, i).map { .number($0, format: format) } ?? .empty
            })
        }
        var workbook = WorkbookWriter()
        workbook.includesTheme = true
        workbook.add(sheet)
        return workbook.bytes()
    }
}
