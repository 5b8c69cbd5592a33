/// The cell formats (`cellXfs`) a workbook being written needs, numbered in first-use order so that
/// the same workbook always gets the same bytes.
struct StyleCatalog {
    private struct Key: Hashable {
        let numberFormatID: Int
        let bold: Bool
    }

    private var keys: [Key] = [Key(numberFormatID: 0, bold: false)]
    private var indexByKey: [Key: Int] = [Key(numberFormatID: 0, bold: false): 0]
    /// Custom format codes; the first gets id 164 (ids below are reserved for built-ins).
    private var customCodes: [String] = []
    private var customIDByCode: [String: Int] = [:]

    static let firstCustomID = 164

    private struct Request: Hashable {
        let format: String?
        let bold: Bool
    }

    /// Requests already answered: one lookup per cell instead of three.
    private var indexByRequest: [Request: Int] = [:]

    /// The `s=` index for a number format code (nil = General) and font weight.
    mutating func index(format: String?, bold: Bool = false) -> Int {
        let request = Request(format: format, bold: bold)
        if let index = indexByRequest[request] { return index }
        let key = Key(numberFormatID: numberFormatID(format), bold: bold)
        let index: Int
        if let known = indexByKey[key] {
            index = known
        } else {
            keys.append(key)
            index = keys.count - 1
            indexByKey[key] = index
        }
        indexByRequest[request] = index
        return index
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
        xml += "<fonts count=\"2\">"
        xml += "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        xml += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        xml += "</fonts>"
        xml += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(keys.count)\">"
        for key in keys {
            xml += "<xf numFmtId=\"\(key.numberFormatID)\" fontId=\"\(key.bold ? 1 : 0)\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
            if key.numberFormatID != 0 { xml += " applyNumberFormat=\"1\"" }
            if key.bold { xml += " applyFont=\"1\"" }
            xml += "/>"
        }
        xml += "</cellXfs>"
        xml += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        xml += "</styleSheet>"
        return Array(xml.utf8)
    }
}
