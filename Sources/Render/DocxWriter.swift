import XLSX
import Zip

/// Writes a `ReportDocument` as a Word document in the layout of GB/T 9704-2012 (党政机关公文格式).
///
/// A4; 版心 156 mm × 225 mm (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm); 22 lines of 28
/// characters (measured on LibreOffice's PDF by scripts/measure-docx-page); title 2号 方正小标宋简体,
/// body 3号 仿宋_GB2312 with a two-character first-line indent, 一、 headings 黑体, (一) headings 楷体_GB2312; page numbers `— 1 —` in 4号 宋体, on the
/// right of odd pages and the left of even pages. Fonts a machine lacks fall back to 宋体/仿宋/楷体
/// through the font table's alternative names. Charts are native Word charts (`DocxChart`),
/// numbered in document order. The bytes are deterministic (fixed zip dates, no timestamps).
public enum DocxWriter {
    /// - Parameter charts: the charts `<!-- 图表:NAME -->` blocks place, by name
    ///   (`ReportCharts.charts(for:in:)`); a block whose chart is not given is left out, as in HTML.
    public static func bytes(_ document: ReportDocument, charts: [String: Chart] = [:]) -> [UInt8] {
        let placed = placedCharts(document, charts)
        var zip = ZipWriter()
        zip.add(path: "[Content_Types].xml", text: contentTypes(charts: placed.count))
        zip.add(path: "_rels/.rels", text: packageRelationships)
        zip.add(path: "docProps/core.xml", text: coreProperties(title: document.title ?? ""))
        zip.add(path: "docProps/app.xml", text: appProperties)
        zip.add(path: "word/document.xml", text: body(document, charts: charts))
        zip.add(path: "word/styles.xml", text: styles)
        zip.add(path: "word/settings.xml", text: settings)
        zip.add(path: "word/fontTable.xml", text: fontTable)
        zip.add(path: "word/theme/theme1.xml", text: OfficeTheme.xml(majorEastAsian: "黑体", minorEastAsian: "仿宋"))
        zip.add(path: "word/footer1.xml", text: footer(oddPage: true))
        zip.add(path: "word/footer2.xml", text: footer(oddPage: false))
        zip.add(path: "word/_rels/document.xml.rels", text: documentRelationships(charts: placed.count))
        for (index, chart) in placed.enumerated() {
            let n = index + 1
            zip.add(path: "word/charts/chart\(n).xml", text: DocxChart.part(chart))
            zip.add(path: "word/charts/_rels/chart\(n).xml.rels", text: DocxChart.relationships(workbook: "../embeddings/chart\(n).xlsx"))
            // An xlsx is compressed already.
            zip.add(path: "word/embeddings/chart\(n).xlsx", bytes: DocxChart.workbook(chart), store: true)
        }
        return zip.finish()
    }

    /// The charts the document shows, in document order: chart N is `word/charts/chartN.xml`.
    static func placedCharts(_ document: ReportDocument, _ charts: [String: Chart]) -> [Chart] {
        document.blocks.compactMap { block in
            if case .chart(let name) = block { return charts[name] }
            return nil
        }
    }

    // MARK: Layout constants (twips: 1 mm ≈ 56.7 twips; 1 pt = 20 twips)

    /// 225 mm of 版心 ÷ 22 lines = 10.23 mm ≈ 28.95 pt per line. Only lines are on the grid; the 28
    /// characters come from `condensed`.
    static let linePitch = 579
    /// 28 characters of 3号 (16 pt) are 448 pt, wider than the 156 mm (442.25 pt) line, so only 27
    /// fitted. Condensed by 0.25 pt each they are 441 pt: 28 a line, 26 after the two-character
    /// indent. Word's own 公文 templates get there with a character grid (docGrid linesAndChars and
    /// a negative charSpace), but LibreOffice lays such a grid out at 18 characters a line;
    /// character spacing is drawn alike by Word, WPS and LibreOffice. Measured by
    /// scripts/measure-docx-page on the PDF LibreOffice makes (DocxPageTests).
    static let condensed = "<w:spacing w:val=\"-5\"/>"
    static let bodySize = 32       // half-points: 3号 = 16 pt
    static let titleSize = 44      // 2号 = 22 pt
    static let tableSize = 24      // 小四 = 12 pt: a table of six or more columns fits the 156 mm text block
    static let pageNumberSize = 28 // 4号

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    // MARK: Body

    static func body(_ document: ReportDocument, charts: [String: Chart] = [:]) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(wordNamespace)" xmlns:r="\(relationshipNamespace)" xmlns:wp="\(drawingNamespace)"><w:body>
        """
        var chartNumber = 0
        for block in document.blocks {
            switch block {
            case .title(let text):
                xml += paragraph(text, style: "Title")
                xml += "<w:p><w:pPr><w:pStyle w:val=\"Body\"/></w:pPr></w:p>"   // one blank line under the title
            case .heading1(let text): xml += paragraph(text, style: "Heading1")
            case .heading2(let text): xml += paragraph(text, style: "Heading2")
            case .paragraph(let text): xml += paragraph(text, style: "Body")
            case .writerNote(let text):
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    xml += paragraph(String(line), style: "WriterNote")
                }
            case .table(let rows): xml += table(rows)
            case .chart(let name):
                guard let chart = charts[name] else { break }
                chartNumber += 1
                xml += DocxChart.paragraph(chart, number: chartNumber, relationship: chartRelationship(chartNumber))
            }
        }
        xml += sectionProperties
        xml += "</w:body></w:document>"
        return xml
    }

    static func chartRelationship(_ number: Int) -> String { "rIdChart\(number)" }

    static func paragraph(_ text: String, style: String) -> String {
        "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>\(run(text))</w:p>"
    }

    static func run(_ text: String, bold: Bool = false) -> String {
        let properties = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:r>\(properties)<w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r>"
    }

    static func table(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        let columns = rows.map(\.count).max() ?? header.count
        let width = 8845 / max(columns, 1)   // 版心 156 mm wide, shared evenly
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"8845\" w:type=\"dxa\"/>"
        xml += "<w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
        xml += String(repeating: "<w:gridCol w:w=\"\(width)\"/>", count: columns)
        xml += "</w:tblGrid>"
        for (index, row) in rows.enumerated() {
            xml += "<w:tr>"
            if index == 0 { xml += "<w:trPr><w:tblHeader/></w:trPr>" }   // header repeats on every page
            for column in 0..<columns {
                // A grouped header (事故起数｜本期) in one cell: 事故起数本期.
                let text = column < row.count ? (index == 0 ? TableHeader.flattened(row[column]) : row[column]) : ""
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                xml += "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>\(run(text, bold: index == 0))</w:p></w:tc>"
            }
            xml += "</w:tr>"
        }
        xml += "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"Body\"/></w:pPr></w:p>"
        return xml
    }

    static let sectionProperties = """
    <w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/>\
    <w:footerReference w:type="even" r:id="rIdFooterEven"/>\
    <w:pgSz w:w="11906" w:h="16838"/>\
    <w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1417" w:gutter="0"/>\
    <w:pgNumType w:fmt="decimal"/>\
    <w:docGrid w:type="lines" w:linePitch="\(linePitch)"/></w:sectPr>
    """

    // MARK: Footer: `— 1 —`

    static func footer(oddPage: Bool) -> String {
        let alignment = oddPage
            ? "<w:ind w:right=\"280\"/><w:jc w:val=\"right\"/>"   // 单页码居右空一字
            : "<w:ind w:left=\"280\"/><w:jc w:val=\"left\"/>"     // 双页码居左空一字
        let font = "<w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\"/><w:sz w:val=\"\(pageNumberSize)\"/></w:rPr>"
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:ftr xmlns:w="\(wordNamespace)" xmlns:r="\(relationshipNamespace)"><w:p><w:pPr>\(alignment)</w:pPr>\
        <w:r>\(font)<w:t xml:space="preserve">— </w:t></w:r>\
        <w:r>\(font)<w:fldChar w:fldCharType="begin"/></w:r>\
        <w:r>\(font)<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
        <w:r>\(font)<w:fldChar w:fldCharType="separate"/></w:r>\
        <w:r>\(font)<w:t>1</w:t></w:r>\
        <w:r>\(font)<w:fldChar w:fldCharType="end"/></w:r>\
        <w:r>\(font)<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>
        """
    }

    // MARK: Styles

    static func fonts(_ eastAsia: String, ascii: String = "Times New Roman") -> String {
        "<w:rFonts w:ascii=\"\(ascii)\" w:hAnsi=\"\(ascii)\" w:eastAsia=\"\(eastAsia)\" w:cs=\"\(ascii)\"/>"
    }

    static let bodyIndent = "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"
    static let exactLine = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"\(linePitch)\" w:lineRule=\"exact\"/>"

    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="\(wordNamespace)">\
    <w:docDefaults><w:rPrDefault><w:rPr>\(fonts("仿宋_GB2312"))<w:sz w:val="\(bodySize)"/><w:szCs w:val="\(bodySize)"/>\
    <w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>\
    <w:pPrDefault><w:pPr>\(exactLine)<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>\
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
    <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="公文正文"/><w:basedOn w:val="Normal"/><w:qFormat/>\
    <w:pPr>\(bodyIndent)</w:pPr><w:rPr>\(fonts("仿宋_GB2312"))\(condensed)<w:sz w:val="\(bodySize)"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:spacing w:before="0" w:after="0" w:line="\(linePitch * 2 - 100)" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>\
    <w:rPr>\(fonts("方正小标宋简体"))<w:sz w:val="\(titleSize)"/><w:szCs w:val="\(titleSize)"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:keepNext/>\(bodyIndent)<w:outlineLvl w:val="0"/></w:pPr><w:rPr>\(fonts("黑体", ascii: "黑体"))\(condensed)<w:sz w:val="\(bodySize)"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:keepNext/>\(bodyIndent)<w:outlineLvl w:val="1"/></w:pPr><w:rPr>\(fonts("楷体_GB2312", ascii: "楷体_GB2312"))\(condensed)<w:sz w:val="\(bodySize)"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="WriterNote"><w:name w:val="待填写"/><w:basedOn w:val="Body"/>\
    <w:rPr><w:color w:val="7F7F7F"/><w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="表格文字"/><w:basedOn w:val="Normal"/>\
    <w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="360" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>\
    <w:rPr>\(fonts("仿宋_GB2312"))<w:sz w:val="\(tableSize)"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Chart"><w:name w:val="图表"/><w:basedOn w:val="Normal"/>\
    <w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/>\
    <w:jc w:val="center"/></w:pPr></w:style>\
    <w:style w:type="table" w:styleId="ReportTable"><w:name w:val="公文表格"/><w:tblPr><w:tblBorders>\
    <w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
    <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
    <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
    </w:tblBorders><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
    </w:styles>
    """

    static let fontTable = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:fonts xmlns:w="\(wordNamespace)">\
    <w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="script"/></w:font>\
    <w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/></w:font>\
    <w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/><w:charset w:val="86"/><w:family w:val="modern"/></w:font>\
    <w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/></w:font>\
    <w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/></w:font>\
    <w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/></w:font>\
    </w:fonts>
    """

    static let settings = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:settings xmlns:w="\(wordNamespace)"><w:zoom w:percent="100"/>\
    <w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="compressPunctuation"/>\
    <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
    <w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>\
    <w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" w:accent1="accent1" w:accent2="accent2" \
    w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink" \
    w:followedHyperlink="followedHyperlink"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>
    """

    // MARK: Package parts

    static func contentTypes(charts: Int) -> String {
        var overrides = ""
        for n in stride(from: 1, through: charts, by: 1) {
            overrides += "<Override PartName=\"/word/charts/chart\(n).xml\" ContentType=\"\(DocxChart.contentType)\"/>"
        }
        let workbooks = charts > 0
            ? "<Default Extension=\"xlsx\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"/>" : ""
        return contentTypesStart + workbooks + contentTypesParts + overrides + "</Types>"
    }

    static let contentTypesStart = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>
    """

    static let contentTypesParts = """
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
    <Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
    <Override PartName="/word/theme/theme1.xml" ContentType="\(OfficeTheme.contentType)"/>\
    <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
    <Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
    <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
    """

    static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
    </Relationships>
    """

    static func documentRelationships(charts: Int) -> String {
        var xml = documentRelationshipsStart
        for n in stride(from: 1, through: charts, by: 1) {
            xml += "<Relationship Id=\"\(chartRelationship(n))\" Type=\"\(DocxChart.relationshipType)\" Target=\"charts/chart\(n).xml\"/>"
        }
        return xml + "</Relationships>"
    }

    static let documentRelationshipsStart = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    <Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
    <Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>\
    <Relationship Id="rIdTheme" Type="\(OfficeTheme.relationshipType)" Target="theme/theme1.xml"/>\
    <Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
    <Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>
    """

    /// No creation dates: outputs must be byte-identical across reruns.
    static func coreProperties(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(XMLText.escape(title))</dc:title>\
        <dc:creator>SafetyStats</dc:creator></cp:coreProperties>
        """
    }

    static let appProperties = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>SafetyStats</Application></Properties>
    """
}
