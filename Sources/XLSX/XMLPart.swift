/// Fixed pieces of the XML parts the writer produces.
enum XMLPart {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// `<t>text</t>`, with `xml:space="preserve"` when leading or trailing whitespace must survive.
    static func appendTextElement(_ text: String, to out: inout [UInt8]) {
        func isSpace(_ byte: UInt8?) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
        let needsPreserve = isSpace(text.utf8.first) || isSpace(text.utf8.last)
        out.append(contentsOf: (needsPreserve ? "<t xml:space=\"preserve\">" : "<t>").utf8)
        XMLText.append(text, .cellText, to: &out)
        out.append(contentsOf: "</t>".utf8)
    }
}
