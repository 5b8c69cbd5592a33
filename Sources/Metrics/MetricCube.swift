import Model

/// Additive partial sums of every `Metric`, per period (P, P′) × part × month × industry.
///
/// Built in one pass over each columnar table; every scope and breakdown is then a sum over some
/// axes of the cube, and ratios are computed last from those sums — so the region is by
/// construction the merge of its parts. Dense `Int64` storage: a city is a few hundred thousand
/// cells.
public struct MetricCube: Sendable {
    public let period: ReportPeriod
    public let partCount: Int
    public let industryCount: Int
    static let metricCount = Metric.allCases.count
    /// Months of P (1…through); index 0 = January.
    public var monthCount: Int { period.through }

    private(set) var sums: [Int64]

    /// Industry axis: dataset industry codes 0…n−1, and n = 未填写 (no industry given).
    public var missingIndustry: Int { industryCount - 1 }

    init(period: ReportPeriod, partCount: Int, industryCount: Int) {
        self.period = period
        self.partCount = partCount
        self.industryCount = industryCount
        sums = [Int64](repeating: 0, count: 2 * partCount * period.through * industryCount * MetricCube.metricCount)
    }

    @inline(__always)
    func offset(prior: Bool, part: Int, month: Int, industry: Int) -> Int {
        ((((prior ? 1 : 0) * partCount + part) * monthCount + month) * industryCount + industry) * MetricCube.metricCount
    }

    @inline(__always)
    mutating func add(_ metric: Metric, _ amount: Int64, at base: Int) {
        sums[base + metric.rawValue] &+= amount
    }

    /// Sum of `metric` over the selected cells (nil = every part / month / industry).
    public func sum(_ metric: Metric, prior: Bool, part: Int? = nil, month: Int? = nil, industry: Int? = nil) -> Int64 {
        var total: Int64 = 0
        let parts = part.map { $0...$0 } ?? 0...(partCount - 1)
        let months = month.map { $0...$0 } ?? 0...(monthCount - 1)
        let industries = industry.map { $0...$0 } ?? 0...(industryCount - 1)
        guard partCount > 0 else { return 0 }
        for p in parts {
            for m in months {
                let rowBase = offset(prior: prior, part: p, month: m, industry: 0)
                for i in industries {
                    total &+= sums[rowBase + i * MetricCube.metricCount + metric.rawValue]
                }
            }
        }
        return total
    }

    /// Builds the cube from the dataset. `partOf` maps a record's part code to its axis index
    /// (nil = outside every part, counted in no scope — ingest guarantees every record has one).
    static func build(_ dataset: Dataset, period: ReportPeriod, partIndex: [Int32: Int], partCount: Int) -> MetricCube {
        let industries = dataset.industries.count + 1
        var cube = MetricCube(period: period, partCount: partCount, industryCount: industries)
        let current = period.range(prior: false), prior = period.range(prior: true)
        let byTowns = dataset.config.level.partsAreTowns

        /// The cube row of a record, or nil when it is outside P and P′.
        func base(date: Day, district: Int32, town: Int32, industry: Int32) -> (Int, Bool)? {
            let isPrior: Bool
            if current.contains(date) { isPrior = false } else if prior.contains(date) { isPrior = true } else { return nil }
            guard let part = partIndex[byTowns ? town : district] else { return nil }
            let i = industry >= 0 ? Int(industry) : industries - 1
            return (cube.offset(prior: isPrior, part: part, month: date.month - 1, industry: i), isPrior)
        }

        let a = dataset.accidents
        for r in 0..<a.count {
            guard let (b, _) = base(date: a.date[r], district: a.district[r], town: a.town[r], industry: a.industry[r]) else { continue }
            cube.add(.accidentsCount, 1, at: b)
            cube.add(.accidentsDeaths, Int64(a.deaths[r]) + Int64(a.missing[r]), at: b)
            cube.add(.accidentsInjuries, Int64(a.injuries[r]), at: b)
            cube.add(.accidentsLoss, a.loss[r].fen, at: b)
            switch a.level[r] {
            case .ordinary: cube.add(.accidentsOrdinary, 1, at: b)
            case .larger: cube.add(.accidentsLarger, 1, at: b); cube.add(.accidentsMajor, 1, at: b)
            case .major: cube.add(.accidentsMajorLevel, 1, at: b); cube.add(.accidentsMajor, 1, at: b)
            case .especiallyMajor: cube.add(.accidentsEspeciallyMajor, 1, at: b); cube.add(.accidentsMajor, 1, at: b)
            }
        }
        let f = dataset.fires
        for r in 0..<f.count {
            guard let (b, _) = base(date: f.date[r], district: f.district[r], town: f.town[r], industry: f.industry[r]) else { continue }
            cube.add(.firesCount, 1, at: b)
            cube.add(.firesDeaths, Int64(f.deaths[r]) + Int64(f.missing[r]), at: b)
            cube.add(.firesInjuries, Int64(f.injuries[r]), at: b)
            cube.add(.firesLoss, f.loss[r].fen, at: b)
        }
        let h = dataset.hazards
        let asOf = period.asOf(prior: false), priorAsOf = period.asOf(prior: true)
        for r in 0..<h.count {
            guard let (b, isPrior) = base(date: h.date[r], district: h.district[r], town: h.town[r], industry: h.industry[r]) else { continue }
            let day = isPrior ? priorAsOf : asOf
            let flags = h.flags[r]
            let rectified = h.isRectified(r, asOf: day)
            cube.add(.hazardsFound, 1, at: b)
            if rectified { cube.add(.hazardsRectified, 1, at: b) }
            if flags.contains(.major) {
                cube.add(.hazardsMajorFound, 1, at: b)
                if rectified { cube.add(.hazardsMajorRectified, 1, at: b) }
            }
            if flags.contains(.listed) { cube.add(.hazardsListed, 1, at: b) }
            if h.isOverdue(r, asOf: day) { cube.add(.hazardsOverdue, 1, at: b) }
        }
        let n = dataset.inspections
        for r in 0..<n.count {
            guard let (b, _) = base(date: n.date[r], district: n.district[r], town: n.town[r], industry: n.industry[r]) else { continue }
            cube.add(.inspectionsCount, 1, at: b)
        }
        let p = dataset.penalties
        for r in 0..<p.count {
            guard let (b, _) = base(date: p.date[r], district: p.district[r], town: p.town[r], industry: p.industry[r]) else { continue }
            cube.add(.penaltiesCount, 1, at: b)
            cube.add(.penaltiesFines, p.fine[r].fen, at: b)
            if p.flags[r].contains(.shutdown) { cube.add(.penaltiesShutdowns, 1, at: b) }
            if p.flags[r].contains(.beforeAccident) { cube.add(.penaltiesPre, 1, at: b) }
        }
        return cube
    }
}
