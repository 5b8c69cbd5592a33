import Zip

/// Writes an .xlsx workbook. The same sheets always give the same bytes: parts in a fixed order,
/// strings and styles numbered in first-use order, no timestamps.
public struct WorkbookWriter: Sendable {
    public var date1904: Bool
    /// Write a theme part (`xl/theme/theme1.xml`), as Excel does and as the Open XML schema checks
    /// ask of a workbook people open. Off by default so that exports imitated by the generator
    /// (and the shipped sample made from them) keep their bytes; the documents we hand out set it.
    public var includesTheme = false
    private var sheets: [WorksheetWriter] = []

    public init(date1904: Bool = false) {
        self.date1904 = date1904
    }

    public mutating func add(_ sheet: WorksheetWriter) {
        sheets.append(sheet)
    }

    public func bytes() -> [UInt8] {
        var sheets = self.sheets
        if sheets.isEmpty { sheets = [WorksheetWriter(name: "Sheet1")] }
        let names = WorkbookWriter.sheetNames(sheets.map(\.name))
        // Excel refuses a workbook without a visible sheet: the first sheet stays visible then.
        if sheets.allSatisfy(\.hidden) { sheets[0].hidden = false }
        let activeTab = sheets.firstIndex { !$0.hidden } ?? 0

        var styles = StyleCatalog()
        var strings = SharedStringCatalog()
        var sheetParts: [[UInt8]] = []
        for (index, sheet) in sheets.enumerated() {
            sheetParts.append(sheet.worksheetXML(tabSelected: index == activeTab, styles: &styles, strings: &strings, date1904: date1904))
        }
        let hasStrings = !strings.isEmpty

        var zip = ZipWriter()
        zip.add(path: "[Content_Types].xml", text: contentTypes(sheetCount: sheets.count, hasStrings: hasStrings))
        zip.add(path: "_rels/.rels", text: XMLPart.declaration
            + "<Relationships xmlns=\"\(XMLPart.packageRelationshipsNamespace)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(XMLPart.relationshipsNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"\(XMLPart.relationshipsNamespace)/extended-properties\" Target=\"docProps/app.xml\"/>"
            + "</Relationships>")
        zip.add(path: "docProps/core.xml", text: XMLPart.declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>SafetyStats</dc:creator></cp:coreProperties>")
        zip.add(path: "docProps/app.xml", text: XMLPart.declaration
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>SafetyStats</Application></Properties>")
        zip.add(path: "xl/workbook.xml", text: workbookXML(sheets: sheets, names: names, activeTab: activeTab))
        zip.add(path: "xl/_rels/workbook.xml.rels", text: workbookRelationships(sheetCount: sheets.count, hasStrings: hasStrings))
        zip.add(path: "xl/styles.xml", bytes: styles.stylesXML())
        if includesTheme { zip.add(path: "xl/theme/theme1.xml", text: OfficeTheme.xml()) }
        if hasStrings { zip.add(path: "xl/sharedStrings.xml", bytes: strings.sharedStringsXML()) }
        for (index, part) in sheetParts.enumerated() {
            zip.add(path: "xl/worksheets/sheet\(index + 1).xml", bytes: part)
        }
        return zip.finish()
    }

    private func contentTypes(sheetCount: Int, hasStrings: Bool) -> String {
        var xml = XMLPart.declaration
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for index in 1...sheetCount {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        if includesTheme { xml += "<Override PartName=\"/xl/theme/theme1.xml\" ContentType=\"\(OfficeTheme.contentType)\"/>" }
        if hasStrings {
            xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        }
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        xml += "</Types>"
        return xml
    }

    private func workbookXML(sheets: [WorksheetWriter], names: [String], activeTab: Int) -> String {
        var xml = XMLPart.declaration
        xml += "<workbook xmlns=\"\(XMLPart.mainNamespace)\" xmlns:r=\"\(XMLPart.relationshipsNamespace)\">"
        if date1904 { xml += "<workbookPr date1904=\"1\"/>" }
        xml += "<bookViews><workbookView activeTab=\"\(activeTab)\"/></bookViews><sheets>"
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(XMLText.escaped(names[index], .attribute))\" sheetId=\"\(index + 1)\""
            if sheet.hidden { xml += " state=\"hidden\"" }
            xml += " r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        // Rows repeated at the top of every printed page are the sheet's Print_Titles name.
        var definedNames = ""
        for (index, sheet) in sheets.enumerated() {
            guard let rows = sheet.pageSetup?.repeatRows, rows.lowerBound >= 1 else { continue }
            let quoted = "'" + names[index].split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
            definedNames += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"
            definedNames += XMLText.escaped("\(quoted)!$\(rows.lowerBound):$\(rows.upperBound)", .element) + "</definedName>"
        }
        if !definedNames.isEmpty { xml += "<definedNames>\(definedNames)</definedNames>" }
        xml += "</workbook>"
        return xml
    }

    private func workbookRelationships(sheetCount: Int, hasStrings: Bool) -> String {
        let base = XMLPart.relationshipsNamespace
        var xml = XMLPart.declaration + "<Relationships xmlns=\"\(XMLPart.packageRelationshipsNamespace)\">"
        for index in 1...sheetCount {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"\(base)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(base)/styles\" Target=\"styles.xml\"/>"
        if hasStrings {
            xml += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(base)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        // Excel writes a theme into every workbook, and the schema checks ask for one.
        if includesTheme {
            xml += "<Relationship Id=\"rId\(sheetCount + (hasStrings ? 3 : 2))\" Type=\"\(OfficeTheme.relationshipType)\" Target=\"theme/theme1.xml\"/>"
        }
        xml += "</Relationships>"
        return xml
    }

    /// Sheet names as Excel accepts them: no `[]:*?/\` or control characters, at most 31 characters,
    /// not blank, unique ignoring case (a repeat gets " (2)", " (3)", …).
    static func sheetNames(_ requested: [String]) -> [String] {
        var used = Set<String>()
        var result: [String] = []
        for (index, name) in requested.enumerated() {
            var cleaned = String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
                "[]:*?/\\".unicodeScalars.contains(scalar) || XMLText.isForbidden(scalar) || scalar.value < 0x20 ? "_" : scalar
            }))
            if cleaned.allSatisfy({ $0 == " " }) { cleaned = "Sheet\(index + 1)" }
            cleaned = String(cleaned.prefix(31))
            var candidate = cleaned
            var counter = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(counter))"
                candidate = String(cleaned.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }
}
