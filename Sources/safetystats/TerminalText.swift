import Foundation

/// Text from data made safe to print on a terminal: control characters (ESC, BEL, BS, CR, DEL, the
/// C1 controls) and the invisible bidi and format controls (U+202E …) become visible `\u{…}` escapes.
///
/// Cell text, file and sheet names reach the terminal through `check`, `explain`, `diff`, progress
/// and error messages; printed raw, an ESC sequence in a cell could rewrite the screen or the
/// window title, and U+202E could make a line read backwards. Every place the CLI prints goes
/// through this one function. Line feeds and tabs stay: they are the layout of the report.
enum TerminalText {
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x09: return false                    // line feed and tab: layout
        case 0x00...0x1F, 0x7F...0x9F: return true       // C0 (ESC, BEL, BS, CR …), DEL, C1 (CSI …)
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true   // bidi controls
        case 0x200B...0x200D, 0x2028, 0x2029, 0x2060, 0xFEFF: return true           // invisible breaks and joiners
        default: return false
        }
    }
}

extension TerminalText {
    /// Prints to standard output, escaped.
    static func printOut(_ text: String, terminator: String = "\n") {
        print(escaped(text), terminator: terminator)
    }

    /// Writes a message to standard error, escaped.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((escaped(text) + "\n").utf8))
    }

    /// The first characters of `text` that fit in `columns` terminal cells (CJK characters take two).
    static func fitting(_ text: String, columns: Int) -> String {
        var width = 0
        var out = ""
        for character in text {
            let w = character.unicodeScalars.first.map { $0.value >= 0x1100 && isWide($0.value) ? 2 : 1 } ?? 1
            if width + w > columns { return out + (width + 1 <= columns ? "…" : "") }
            width += w
            out.append(character)
        }
        return out
    }

    /// Terminal cells `text` takes (CJK characters two), for lining up columns.
    static func width(_ text: String) -> Int {
        text.reduce(0) { sum, character in
            sum + (character.unicodeScalars.first.map { $0.value >= 0x1100 && isWide($0.value) ? 2 : 1 } ?? 1)
        }
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}
