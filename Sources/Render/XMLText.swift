/// Escaping for text placed in XML documents we write (DOCX, HTML, SVG).
enum XMLText {
    /// Escapes markup characters and drops characters XML 1.0 forbids (control characters other
    /// than tab, LF, CR), which a spreadsheet cell can carry and which would make Word refuse the file.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                let v = scalar.value
                if v < 0x20, v != 0x09, v != 0x0A, v != 0x0D { continue }
                if v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
