/// Data values written into Markdown: a district, unit or industry name, a file name, as text and
/// never as markup. `<SCRIPT>` in a unit name would otherwise be raw HTML in the .md reports, which
/// Markdown viewers (and the sites reports are pasted into) render; a `|` would split a table cell
/// and `[x](…)` would become a link.
///
/// Values are escaped the CommonMark way — a backslash before each character that means something
/// (`\<`, `\|`, `\*` …), line breaks as spaces — so any viewer shows the text as written, and
/// `MarkdownReader` reads the escapes back, so HTML, DOCX and XLSX get the text as written (and
/// escape it for their own formats).
public enum MarkdownText {
    /// ASCII punctuation that is markup somewhere in Markdown or GFM.
    static let special: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "&", "~"]

    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { special.contains($0) || $0 == "\n" || $0 == "\r" }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                out.append(" ")
                continue
            }
            if special.contains(scalar) { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    /// Backslash escapes of ASCII punctuation read back (`\<` → `<`), as CommonMark reads them.
    public static func unescaped(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = String.UnicodeScalarView()
        var pending = false
        for scalar in text.unicodeScalars {
            if pending {
                if !(scalar.isASCII && scalar.properties.isPunctuationOrSymbol) { out.append("\\") }
                out.append(scalar)
                pending = false
            } else if scalar == "\\" {
                pending = true
            } else {
                out.append(scalar)
            }
        }
        if pending { out.append("\\") }
        return String(out)
    }

    /// A template context with every text value escaped (figures, numbers and flags unchanged),
    /// for rendering Markdown. Template words such as 全区 or 2025年 contain nothing to escape.
    static func escapingText(in value: Any) -> Any {
        // Containers first: a cast of a dictionary to another type makes Foundation bridge it.
        switch value {
        case let dictionary as [String: Any]: return dictionary.mapValues(escapingText)
        case let object as TemplateObject: return TemplateObject(object.members.mapValues(escapingText))
        case let array as [Any]: return array.map(escapingText)
        case let text as String: return escaped(text)
        default: return value
        }
    }
}

private extension Unicode.Scalar.Properties {
    /// ASCII punctuation in CommonMark's sense: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
    var isPunctuationOrSymbol: Bool {
        switch generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
