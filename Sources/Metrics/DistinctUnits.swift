import Model

/// 检查单位数: distinct 单位名称 among inspections — the one figure that is not a sum, so each
/// scope counts its own distinct units (a unit inspected in two districts counts once for the region).
enum DistinctUnits {
    static func count(_ dataset: Dataset, period: ReportPeriod, partIndex: [Int32: Int], partCount: Int)
        -> (region: (Int, Int), parts: [(Int, Int)]) {
        let t = dataset.inspections
        let current = period.range(prior: false), prior = period.range(prior: true)
        let byTowns = dataset.config.level.partsAreTowns
        var region = [Set<Int32>(), Set<Int32>()]
        var parts = [[Set<Int32>]](repeating: [Set<Int32>(), Set<Int32>()], count: partCount)
        for r in 0..<t.count where t.unit[r] >= 0 {
            let slot: Int
            if current.contains(t.date[r]) { slot = 0 } else if prior.contains(t.date[r]) { slot = 1 } else { continue }
            guard let p = partIndex[byTowns ? t.town[r] : t.district[r]] else { continue }
            region[slot].insert(t.unit[r])
            parts[p][slot].insert(t.unit[r])
        }
        return ((region[0].count, region[1].count), parts.map { ($0[0].count, $0[1].count) })
    }
}
