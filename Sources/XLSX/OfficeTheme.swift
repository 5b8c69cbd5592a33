/// The DrawingML theme part (`theme1.xml`) that Word and Excel write into every document and that
/// the Open XML schema checks require: a workbook or a Word document without one is "at risk" of
/// Excel's and Word's repair prompt. Styles refer to it for fonts and colours they do not name.
///
/// Our own sober theme: black text, a grey and a red accent (the report charts' colours), fonts
/// as the documents use them — Times New Roman for Latin text and digits, 宋体 (East Asian) for
/// the spreadsheet body, and the caller's choice for Word.
public enum OfficeTheme {
    public static let contentType = "application/vnd.openxmlformats-officedocument.theme+xml"
    public static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"

    /// - Parameters:
    ///   - latin: the Latin font of headings and body (`Times New Roman`).
    ///   - majorEastAsian: the East Asian heading font (e.g. 黑体).
    ///   - minorEastAsian: the East Asian body font (e.g. 宋体, 仿宋).
    public static func xml(latin: String = "Times New Roman", majorEastAsian: String = "黑体",
                           minorEastAsian: String = "宋体") -> String {
        func font(_ tag: String, _ eastAsian: String) -> String {
            "<a:\(tag)><a:latin typeface=\"\(latin)\"/><a:ea typeface=\"\(eastAsian)\"/><a:cs typeface=\"\(latin)\"/>"
                + "<a:font script=\"Hans\" typeface=\"\(eastAsian)\"/></a:\(tag)>"
        }
        func solid(_ color: String) -> String { "<a:solidFill><a:\(color)/></a:solidFill>" }
        func line(_ width: Int) -> String {
            "<a:ln w=\"\(width)\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\">\(solid("schemeClr val=\"phClr\""))"
                + "<a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln>"
        }
        let colours = [("dk1", "<a:sysClr val=\"windowText\" lastClr=\"000000\"/>"),
                       ("lt1", "<a:sysClr val=\"window\" lastClr=\"FFFFFF\"/>"),
                       ("dk2", "<a:srgbClr val=\"262626\"/>"), ("lt2", "<a:srgbClr val=\"F2F2F2\"/>"),
                       ("accent1", "<a:srgbClr val=\"C0392B\"/>"), ("accent2", "<a:srgbClr val=\"7F8C8D\"/>"),
                       ("accent3", "<a:srgbClr val=\"2E86C1\"/>"), ("accent4", "<a:srgbClr val=\"D4AC0D\"/>"),
                       ("accent5", "<a:srgbClr val=\"1E8449\"/>"), ("accent6", "<a:srgbClr val=\"6C3483\"/>"),
                       ("hlink", "<a:srgbClr val=\"0563C1\"/>"), ("folHlink", "<a:srgbClr val=\"954F72\"/>")]
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"SafetyStats\"><a:themeElements>"
        xml += "<a:clrScheme name=\"SafetyStats\">"
        for (name, value) in colours { xml += "<a:\(name)>\(value)</a:\(name)>" }
        xml += "</a:clrScheme><a:fontScheme name=\"SafetyStats\">"
        xml += font("majorFont", majorEastAsian) + font("minorFont", minorEastAsian)
        xml += "</a:fontScheme><a:fmtScheme name=\"SafetyStats\">"
        // The schema asks for at least three of each style list; plain fills and lines are enough.
        let fill = solid("schemeClr val=\"phClr\"")
        xml += "<a:fillStyleLst>" + String(repeating: fill, count: 3) + "</a:fillStyleLst>"
        xml += "<a:lnStyleLst>" + line(6350) + line(12700) + line(19050) + "</a:lnStyleLst>"
        xml += "<a:effectStyleLst>" + String(repeating: "<a:effectStyle><a:effectLst/></a:effectStyle>", count: 3) + "</a:effectStyleLst>"
        xml += "<a:bgFillStyleLst>" + String(repeating: fill, count: 3) + "</a:bgFillStyleLst>"
        xml += "</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
        return xml
    }
}
