import Model

/// What each part supplied, per kind and year (CATALOG.md §Comparisons, issue 12): records, only an
/// empty register (a header without rows: a real zero), or nothing. `check` prints it as a table
/// and manifest.json carries it, so a district that sent nothing is seen before a figure is read.
///
/// Counted from the dataset's tables (each record under the year its date, 年度 or 填报指标 year
/// puts it in) and `Dataset.emptyRegisters`; a roster without a year is one snapshot, its column
/// has no year. Parts in the order of `FiguresBuilder.partOrder`, kinds in catalog order (目标 left
/// out: targets are not a register a part sends), years ascending.
public struct Coverage: Sendable, Equatable {
    public enum Supplied: Sendable, Equatable {
        /// This many records.
        case records(Int)
        /// A register with its header and no rows.
        case emptyRegister
        case nothing
    }

    /// One column of the table: a kind and a year (nil for a snapshot roster).
    public struct Column: Sendable, Equatable {
        public let kind: String
        public let year: Int?
    }

    public let parts: [String]
    /// Only the kind × year pairs some part supplied.
    public let columns: [Column]
    /// `[part][column]`.
    public let cells: [[Supplied]]

    /// - Parameter undatedYear: the year an empty register whose name states none is taken as sent
    ///   for (the report's year, as `FiguresBuilder` takes it); nil leaves such registers out.
    ///   `forced`: a test's number of pieces each register is counted in, whatever its size.
    public init(_ dataset: Dataset, undatedYear: Int?, pieces forced: Int? = nil) {
        let catalog = dataset.catalog
        let parts = FiguresBuilder.partOrder(dataset)
        let partCount = parts.count
        // Part code → index in `parts` (-1: not a reported part); codes are dense.
        var partIndex = [Int](repeating: -1, count: dataset.parts.count)
        for (i, part) in parts.enumerated() {
            if let code = dataset.parts.existingCode(for: part) { partIndex[Int(code)] = i }
        }
        // Snapshot rosters have no year: Int.min stands for "no year" while counting.
        let noYear = Int.min
        var columns: [Column] = []
        var cells: [[Supplied]] = Array(repeating: [], count: partCount)
        for k in catalog.kinds.indices where catalog.kinds[k].role != .targets {
            let kind = catalog.kinds[k]
            let table = dataset.tables[k]
            // Records per part, per year, counted over pieces of the rows on every core (a million
            // records on one core were the last tenth of a second of a check, the other core idle)
            // and added up by year.
            let rows = table.count
            let pieces = forced.map { max(1, min($0, rows)) }
                ?? (rows >= Coverage.parallelRows ? min(InParallel.cores, rows / (Coverage.parallelRows / 2)) : 1)
            let perPiece = InParallel.map(pieces) { i in
                Coverage.count(table, kind: kind, rows: rows * i / pieces..<rows * (i + 1) / pieces,
                               partIndex: partIndex, partCount: partCount, noYear: noYear)
            }
            var counts: [Int: [Int]] = [:]            // year → records per part
            for piece in perPiece {
                for (year, perPart) in piece {
                    if let sum = counts[year] { counts[year] = zip(sum, perPart).map { $0 + $1 } } else { counts[year] = perPart }
                }
            }
            var empty: [Int: Set<Int>] = [:]            // year → parts that sent only an empty register
            for register in dataset.emptyRegisters where register.kind == k {
                let code = Int(register.part)
                guard code >= 0, code < partIndex.count, partIndex[code] >= 0 else { continue }
                let p = partIndex[code]
                let year = kind.date == nil && kind.year == nil ? noYear : register.year ?? undatedYear
                guard let year else { continue }
                empty[year, default: []].insert(p)
                if counts[year] == nil { counts[year] = Array(repeating: 0, count: partCount) }
            }
            for year in counts.keys.sorted() {
                columns.append(Column(kind: kind.name, year: year == noYear ? nil : year))
                for p in parts.indices {
                    let n = counts[year]![p]
                    cells[p].append(n > 0 ? .records(n) : empty[year]?.contains(p) == true ? .emptyRegister : .nothing)
                }
            }
        }
        self.parts = parts
        self.columns = columns
        self.cells = cells
    }

    /// Registers of at least this many records are counted on every core.
    static let parallelRows = 65_536

    /// Records of `rows` per year (`noYear` for a roster without one) and reported part.
    private static func count(_ table: RecordTable, kind: KindDeclaration, rows: Range<Int>, partIndex: [Int], partCount: Int,
                              noYear: Int) -> [Int: [Int]] {
        // A million dated records are counted without a hash lookup or a civil-date conversion
        // each: the day ranges of the years seen are kept. One flat array of counts, slot × part
        // (a nested array checked both levels for uniqueness on every record), the columns read
        // once, not per record.
        var yearSlot: [Int: Int] = [:]
        var perYear: [Int] = []
        func slot(_ year: Int) -> Int {
            if let s = yearSlot[year] { return s }
            let s = yearSlot.count
            yearSlot[year] = s
            perYear.append(contentsOf: repeatElement(0, count: partCount))
            return s
        }
        var slotOfDay = YearsByDay<Int>()
        let recordParts = table.part
        let dates = kind.date.map { table.columns[$0] }, years = kind.year.map { table.columns[$0] }
        for r in rows {
            let code = Int(recordParts[r])
            guard code >= 0, code < partIndex.count, partIndex[code] >= 0 else { continue }
            let p = partIndex[code]
            if let dates {
                guard let day = dates.day(r) else { continue }
                perYear[slotOfDay.value(for: day, make: slot) * partCount + p] += 1
            } else if let years {
                perYear[slot(Int(years.int32(r))) * partCount + p] += 1
            } else {
                perYear[slot(noYear) * partCount + p] += 1
            }
        }
        var counts: [Int: [Int]] = [:]
        for (year, s) in yearSlot { counts[year] = Array(perYear[(s * partCount)..<((s + 1) * partCount)]) }
        return counts
    }

    /// What part `part` supplied of `kind` in `year`.
    public func supplied(part: String, kind: String, year: Int?) -> Supplied {
        guard let p = parts.firstIndex(of: part),
              let c = columns.firstIndex(where: { $0.kind == kind && $0.year == year }) else { return .nothing }
        return cells[p][c]
    }
}
