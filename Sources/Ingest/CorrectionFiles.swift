/// Which input files correct which (INPUTS.md, issue "corrections"): a file named like another in
/// the same folder with a correction mark — 「南山区2025年火灾情况（更正）.csv」 beside
/// 「南山区2025年火灾情况.csv」 — is a resubmission of it. 补报 files carry no mark: they add records.
struct CorrectionFiles: Sendable {
    /// The marks, longest first so that （更正版） is not read as （更正） plus 版.
    static let marks = ["（更正版）", "(更正版)", "（更正）", "(更正)", "【更正】", "（修订）", "(修订)", "（修正）", "(修正)",
                        "_更正版", "-更正版", "更正版", "_更正", "-更正", "_修订", "-修订", "修订版"]

    /// File index → the files that correct it, in path order.
    let corrections: [Int: [Int]]
    /// File index of a correction → the file it corrects.
    let original: [Int: Int]

    init(paths: [String]) {
        var byKey: [String: Int] = [:]
        for (i, path) in paths.enumerated() where CorrectionFiles.unmarked(path) == nil {
            byKey[CorrectionFiles.key(path)] = i
        }
        var corrections: [Int: [Int]] = [:]
        var original: [Int: Int] = [:]
        for (i, path) in paths.enumerated() {
            guard let plain = CorrectionFiles.unmarked(path), let o = byKey[CorrectionFiles.key(plain)], o != i else { continue }
            corrections[o, default: []].append(i)
            original[i] = o
        }
        self.corrections = corrections
        self.original = original
    }

    /// The path without its correction mark, or nil when its name has none.
    static func unmarked(_ path: String) -> String? {
        let (folder, stem, ext) = parts(path)
        for mark in marks where stem.hasSuffix(mark) && stem.count > mark.count {
            return folder + String(stem.dropLast(mark.count)) + ext
        }
        for mark in marks where stem.hasPrefix(mark) && stem.count > mark.count {
            return folder + String(stem.dropFirst(mark.count)) + ext
        }
        return nil
    }

    /// Folder and stem, without the extension: an .xlsx correction may correct a .csv original.
    private static func key(_ path: String) -> String {
        let (folder, stem, _) = parts(path)
        return folder + stem
    }

    private static func parts(_ path: String) -> (folder: String, stem: String, ext: String) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return (folder, name, "") }
        return (folder, String(name[..<dot]), String(name[dot...]))
    }
}
