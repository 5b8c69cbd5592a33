import Model

/// The year a record's register names as sent for (CATALOG.md §Comparisons): the year its sheet,
/// file or folder states (「东城区2024年隐患台账」, a folder `2024`). A yearly register covers every
/// window inside that year, also months in which nothing happened; the years of its records are
/// covered too, so a register holding two years (「2024—2025年事故台账」) covers both.
struct RegisterYear {
    private let dataset: Dataset
    private var stated: [Int64: Int?] = [:]

    init(_ dataset: Dataset) { self.dataset = dataset }

    mutating func stated(_ p: Provenance) -> Int? {
        let key = Int64(p.file) << 32 | Int64(UInt32(bitPattern: p.sheet))
        if let y = stated[key] { return y }
        let path = p.file >= 0 && Int(p.file) < dataset.files.count ? dataset.files[Int(p.file)] : ""
        var folders = path.split(separator: "/").map(String.init)
        let file = folders.popLast().map { name in name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name } ?? ""
        let texts = [dataset.sheetNames[p.sheet], file].compactMap { $0 } + folders.reversed()
        let y = PeriodInName.find(in: texts).year
        stated[key] = y
        return y
    }
}
