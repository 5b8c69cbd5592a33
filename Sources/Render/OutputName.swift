/// The one place a name taken from data (a district's or town's name, read from a cell or a
/// config) becomes part of an output path: `<地区>/工作总结.docx`.
///
/// A name is data, not a path. `../../x`, `/etc`, `a/b`, `.`, a name with control characters, or
/// one too long for the file system must neither write outside `OUT/<period>/` nor fail the run,
/// so such a name is made into one safe folder name: separators, control characters and the
/// characters Windows forbids (`<>:"|?*\`) become `_`, a leading dot gets a `_` before it (no
/// hidden folders, no `..`), trailing dots and spaces go (Windows drops them), and a name over
/// `maxBytes` is cut at a character boundary. Whenever the name had to change, `~` and eight hex
/// digits of a hash of the name as written are added, so two names that differ only in what was
/// replaced still get two folders. The documents keep the name as written.
public enum OutputName {
    /// Bytes of UTF-8 in a folder name: 255 is the limit of every common file system; this leaves
    /// room and is still ~60 Chinese characters, far beyond any real district's name.
    public static let maxBytes = 180

    /// The folder for a scope named `name`.
    public static func folder(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if isForbidden(scalar) { out.append("_") } else { out.unicodeScalars.append(scalar) }
        }
        while let last = out.last, last == "." || last == " " { out.removeLast() }
        if out.hasPrefix(".") || out.isEmpty || reservedOnWindows(out) { out = "_" + out }
        if out.utf8.count > maxBytes {
            var cut = ""
            for character in out {
                if cut.utf8.count + String(character).utf8.count > maxBytes - 9 { break }
                cut.append(character)
            }
            out = cut
        }
        if out != name { out += "~" + hash(name) }
        return out
    }

    /// CON, NUL, COM1 … name devices on Windows, where outputs are often copied.
    static func reservedOnWindows(_ name: String) -> Bool {
        let stem = name.split(separator: ".", maxSplits: 1).first.map { $0.uppercased() } ?? ""
        if ["CON", "PRN", "AUX", "NUL"].contains(stem) { return true }
        return stem.count == 4 && (stem.hasPrefix("COM") || stem.hasPrefix("LPT")) && stem.last!.isNumber
    }

    /// Each scope's folder, distinct from the others' and from `files` (the run's own top-level
    /// files, such as figures.json), also where the file system ignores case: a clash gets the
    /// hash added; one that remains (not met in practice) is an error naming both scopes.
    public static func folders(_ scopes: [String], besides files: Set<String>) throws(RenderError) -> [String: String] {
        var taken: [String: String] = [:]                 // lower-cased folder → scope
        for file in files { taken[file.lowercased()] = "" }
        var result: [String: String] = [:]
        for scope in scopes where result[scope] == nil {
            var name = folder(scope)
            if taken[name.lowercased()] != nil, !name.hasSuffix("~" + hash(scope)) { name += "~" + hash(scope) }
            if let other = taken[name.lowercased()] {
                throw .templates("地区「\(scope)」与\(other.isEmpty ? "输出文件" : "「\(other)」")的输出文件夹同名（\(name)），请在 config.toml 中区分它们的名称")
            }
            taken[name.lowercased()] = scope
            result[scope] = name
        }
        return result
    }

    static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2F, 0x5C, 0x3C, 0x3E, 0x3A, 0x22, 0x7C, 0x3F, 0x2A: return true   // / \ < > : " | ? *
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: return true        // bidi controls: a name that reads reversed
        default: return false
        }
    }

    /// FNV-1a of the UTF-8 bytes, as 8 hex digits: stable across runs and machines.
    static func hash(_ name: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for byte in name.utf8 { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
        let folded = UInt32(truncatingIfNeeded: h ^ (h >> 32))
        let hex = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
