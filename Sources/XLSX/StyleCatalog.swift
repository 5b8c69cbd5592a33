/// The cell formats (`cellXfs`) a workbook being written needs, numbered in first-use order so that
/// the same workbook always gets the same bytes.
struct StyleCatalog {
    private struct Key: Hashable {
        let numberFormatID: Int
        let style: CellStyle
    }

    private var keys: [Key] = [Key(numberFormatID: 0, style: CellStyle())]
    private var indexByKey: [Key: Int] = [Key(numberFormatID: 0, style: CellStyle()): 0]
    /// Custom format codes; the first gets id 164 (ids below are reserved for built-ins).
    private var customCodes: [String] = []
    private var customIDByCode: [String: Int] = [:]

    static let firstCustomID = 164

    private struct Request: Hashable {
        let format: String?
        let style: CellStyle
    }

    /// Requests already answered: one lookup per cell instead of three.
    private var indexByRequest: [Request: Int] = [:]

    /// The font of a style: Calibri 11 regular and bold come first, as every workbook has them.
    private struct Font: Hashable {
        let bold: Bool
        let size: Double
        let name: String
    }
    private var fonts: [Font] = [Font(bold: false, size: 11, name: "Calibri"), Font(bold: true, size: 11, name: "Calibri")]
    /// Solid fills after the two every workbook has (none, gray125).
    private var fills: [String] = []

    /// The `s=` index for a number format code (nil = General) and font weight.
    mutating func index(format: String?, bold: Bool = false) -> Int {
        index(format: format, style: CellStyle(bold: bold))
    }

    /// The `s=` index for a number format code (nil = General) and a look.
    mutating func index(format: String?, style: CellStyle) -> Int {
        let request = Request(format: format, style: style)
        if let index = indexByRequest[request] { return index }
        let key = Key(numberFormatID: numberFormatID(format), style: style)
        let index: Int
        if let known = indexByKey[key] {
            index = known
        } else {
            keys.append(key)
            index = keys.count - 1
            indexByKey[key] = index
            let font = Self.font(of: style)
            if !fonts.contains(font) { fonts.append(font) }
            if let fill = style.fill, !fills.contains(fill) { fills.append(fill) }
        }
        indexByRequest[request] = index
        return index
    }

    private static func font(of style: CellStyle) -> Font {
        Font(bold: style.bold, size: style.fontSize ?? 11, name: style.fontName ?? "Calibri")
    }

    private mutating func numberFormatID(_ code: String?) -> Int {
        guard let code, !code.isEmpty else { return 0 }
        if let builtin = NumberFormat.builtinIDs[code] { return builtin }
        if let custom = customIDByCode[code] { return custom }
        let id = StyleCatalog.firstCustomID + customCodes.count
        customCodes.append(code)
        customIDByCode[code] = id
        return id
    }

    func stylesXML() -> [UInt8] {
        var xml = XMLPart.declaration
        xml += "<styleSheet xmlns=\"\(XMLPart.mainNamespace)\">"
        if !customCodes.isEmpty {
            xml += "<numFmts count=\"\(customCodes.count)\">"
            for (offset, code) in customCodes.enumerated() {
                xml += "<numFmt numFmtId=\"\(StyleCatalog.firstCustomID + offset)\" formatCode=\"\(XMLText.escaped(code, .attribute))\"/>"
            }
            xml += "</numFmts>"
        }
        xml += "<fonts count=\"\(fonts.count)\">"
        for font in fonts {
            xml += "<font>" + (font.bold ? "<b/>" : "") + "<sz val=\"\(InspectFormat.renderNumber(font.size))\"/>"
            xml += "<name val=\"\(XMLText.escaped(font.name, .attribute))\"/>"
            // family 2 (swiss) is Calibri's; a named CJK font is left to the name alone.
            xml += (font.name == "Calibri" ? "<family val=\"2\"/>" : "") + "</font>"
        }
        xml += "</fonts>"
        xml += "<fills count=\"\(2 + fills.count)\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        for fill in fills {
            xml += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(fill)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        xml += "</fills>"
        let bordered = keys.contains { $0.style.border }
        xml += "<borders count=\"\(bordered ? 2 : 1)\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        if bordered {
            let thin = { (side: String) in "<\(side) style=\"thin\"><color indexed=\"64\"/></\(side)>" }
            xml += "<border>" + thin("left") + thin("right") + thin("top") + thin("bottom") + "<diagonal/></border>"
        }
        xml += "</borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(keys.count)\">"
        for key in keys {
            let style = key.style
            let fontID = fonts.firstIndex(of: Self.font(of: style)) ?? 0
            let fillID = style.fill.flatMap { fills.firstIndex(of: $0) }.map { $0 + 2 } ?? 0
            xml += "<xf numFmtId=\"\(key.numberFormatID)\" fontId=\"\(fontID)\" fillId=\"\(fillID)\" borderId=\"\(style.border ? 1 : 0)\" xfId=\"0\""
            if key.numberFormatID != 0 { xml += " applyNumberFormat=\"1\"" }
            if fontID != 0 { xml += " applyFont=\"1\"" }
            if fillID != 0 { xml += " applyFill=\"1\"" }
            if style.border { xml += " applyBorder=\"1\"" }
            var alignment = ""
            if let horizontal = style.horizontal { alignment += " horizontal=\"\(horizontal.rawValue)\"" }
            if style.verticalCenter { alignment += " vertical=\"center\"" }
            if style.wrap { alignment += " wrapText=\"1\"" }
            if alignment.isEmpty {
                xml += "/>"
            } else {
                xml += " applyAlignment=\"1\"><alignment\(alignment)/></xf>"
            }
        }
        xml += "</cellXfs>"
        xml += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        xml += "</styleSheet>"
        return Array(xml.utf8)
    }
}
