import Model

/// The dates the data covers: what the default period and the series' first year are read from.
enum DataExtent {
    /// Every day a record is dated by: the date of dated kinds, the last day of a 填报指标 month.
    /// Year-only rows and rosters do not move the default period (they name no month).
    static func forEachPeriodDay(_ dataset: Dataset, _ body: (Day) -> Void) {
        let catalog = dataset.catalog
        for (k, kind) in catalog.kinds.enumerated() where kind.role != .targets {
            let table = dataset.tables[k]
            if let d = kind.date {
                let column = table.columns[d]
                for i in 0..<table.count { if let day = column.day(i) { body(day) } }
            } else if kind.role == .returns, let y = kind.year, let m = kind.month {
                for i in 0..<table.count {
                    let month = Int(table.columns[m].int32(i))
                    guard (1...12).contains(month), let day = Day.endOf(year: Int(table.columns[y].int32(i)), month: month) else { continue }
                    body(day)
                }
            }
        }
    }

    /// The earliest year any record belongs to (dates, 填报指标 years, roster years).
    static func firstYear(_ dataset: Dataset) -> Int? {
        var first: Int?
        func see(_ y: Int) { if y >= 1900, first.map({ y < $0 }) ?? true { first = y } }
        forEachPeriodDay(dataset) { see($0.year) }
        for (k, kind) in dataset.catalog.kinds.enumerated() where kind.role != .targets && kind.date == nil {
            guard let y = kind.year else { continue }
            let table = dataset.tables[k]
            for i in 0..<table.count { see(Int(table.columns[y].int32(i))) }
        }
        return first
    }
}
