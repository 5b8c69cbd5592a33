import Model

/// Computes `Figures` for a period: one pass over the tables into a `MetricCube`, then every scope,
/// breakdown, rate, share and completion rate from its sums.
public enum FiguresBuilder {
    public static func compute(_ dataset: Dataset, period: ReportPeriod) -> Figures {
        let parts = partOrder(dataset)
        var partIndex: [Int32: Int] = [:]
        for (i, part) in parts.enumerated() {
            if let code = dataset.parts.existingCode(for: part) { partIndex[code] = i }
        }
        let cube = MetricCube.build(dataset, period: period, partIndex: partIndex, partCount: parts.count)
        let units = DistinctUnits.count(dataset, period: period, partIndex: partIndex, partCount: parts.count)
        let industryOrder = industries(dataset, cube: cube)

        var scopes: [ScopeFigures] = []
        scopes.append(scope(name: dataset.config.name, kind: .region, part: nil, cube: cube, units: units.region,
                            industries: industryOrder, dataset: dataset, period: period))
        for (i, name) in parts.enumerated() {
            scopes.append(scope(name: name, kind: .part, part: i, cube: cube, units: units.parts[i],
                                industries: industryOrder, dataset: dataset, period: period))
        }
        return Figures(region: dataset.config.name, level: dataset.config.level, period: period, scopes: scopes)
    }

    /// Parts as the config lists them, then any other part in the data by first appearance.
    static func partOrder(_ dataset: Dataset) -> [String] {
        var order = dataset.config.parts
        var seen = Set(order)
        for name in dataset.parts.strings where !seen.contains(name) {
            order.append(name)
            seen.insert(name)
        }
        return order
    }

    /// Industry axis indexes with any record in P or P′, canonical names first in list order,
    /// then other names in Unicode order, then 未填写.
    static func industries(_ dataset: Dataset, cube: MetricCube) -> [(index: Int, name: String)] {
        var result: [(index: Int, name: String)] = []
        for i in 0..<cube.industryCount {
            let used = Metric.allCases.contains { m in
                cube.sum(m, prior: false, industry: i) != 0 || cube.sum(m, prior: true, industry: i) != 0
            } || hasRecords(cube, industry: i)
            guard used else { continue }
            result.append((i, i == cube.missingIndustry ? "未填写" : dataset.industries[Int32(i)] ?? "未填写"))
        }
        return result.sorted { a, b in
            let ra = a.index == cube.missingIndustry ? Int.max : IndustryList.rank(a.name)
            let rb = b.index == cube.missingIndustry ? Int.max : IndustryList.rank(b.name)
            return ra != rb ? ra < rb : a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars)
        }
    }

    static func hasRecords(_ cube: MetricCube, industry: Int) -> Bool {
        [Metric.accidentsCount, .firesCount, .hazardsFound, .inspectionsCount, .penaltiesCount].contains {
            cube.sum($0, prior: false, industry: industry) > 0 || cube.sum($0, prior: true, industry: industry) > 0
        }
    }

    static func scope(name: String, kind: ScopeFigures.Kind, part: Int?, cube: MetricCube,
                      units: (Int, Int), industries: [(index: Int, name: String)],
                      dataset: Dataset, period: ReportPeriod) -> ScopeFigures {
        func sums(month: Int? = nil, industry: Int? = nil, prior: Bool) -> [Int64] {
            Metric.allCases.map { cube.sum($0, prior: prior, part: part, month: month, industry: industry) }
        }
        let now = sums(prior: false), before = sums(prior: true)
        var metrics = figures(now: now, before: before, shareOf: nil)
        // inspections.units is distinct per scope: not a sum of anything below it.
        let unitsFigure = MetricFigure(id: "inspections.units", name: "检查单位数", unit: "家", kind: .count,
                                       value: ExactDecimal(units.0), prior: ExactDecimal(units.1))
        if let i = metrics.firstIndex(where: { $0.id == "inspections.count" }) { metrics.insert(unitsFigure, at: i + 1) }
        metrics += targets(dataset, period: period, scope: kind == .region ? nil : name, metrics: metrics)

        let industryRows = industries.map { industry in
            Breakdown(key: industry.name, metrics: figures(now: sums(industry: industry.index, prior: false),
                                                           before: sums(industry: industry.index, prior: true), shareOf: now))
        }.filter { row in row.metrics.contains { $0.value.significand != 0 || ($0.prior?.significand ?? 0) != 0 } }
        let monthRows = (0..<period.through).map { m in
            Breakdown(key: "\(period.year)-\(m < 9 ? "0" : "")\(m + 1)",
                      metrics: figures(now: sums(month: m, prior: false), before: sums(month: m, prior: true), shareOf: nil))
        }
        return ScopeFigures(scope: name, kind: kind, metrics: metrics, industries: industryRows, months: monthRows)
    }

    /// Every additive metric, with hazards.rate after hazards.rectified.
    static func figures(now: [Int64], before: [Int64], shareOf whole: [Int64]?) -> [MetricFigure] {
        var result: [MetricFigure] = []
        for metric in Metric.allCases {
            result.append(MetricFigure(metric: metric, sum: now[metric.rawValue], priorSum: before[metric.rawValue],
                                       shareOf: whole?[metric.rawValue]))
            if metric == .hazardsRectified {
                result.append(.rate(id: "hazards.rate", name: "隐患整改率",
                                    numerator: now[Metric.hazardsRectified.rawValue], denominator: now[Metric.hazardsFound.rawValue],
                                    priorNumerator: before[Metric.hazardsRectified.rawValue],
                                    priorDenominator: before[Metric.hazardsFound.rawValue]))
            }
        }
        return result
    }

    /// 完成率 for each target of this scope in P's year: actual ÷ target × 100.
    static func targets(_ dataset: Dataset, period: ReportPeriod, scope: String?, metrics: [MetricFigure]) -> [MetricFigure] {
        dataset.targets
            .filter { $0.year == period.year && $0.part == scope }
            .sorted { $0.metric.unicodeScalars.lexicographicallyPrecedes($1.metric.unicodeScalars) }
            .compactMap { target in
                guard let actual = metrics.first(where: { $0.name == target.metric || $0.id == target.metric }) else { return nil }
                let numerator: ExactDecimal
                let denominator: ExactDecimal
                if actual.kind == .rate {
                    // (n/d × 100) ÷ t = n × 100 ÷ (d × t), kept exact.
                    guard let r = actual.ratio,
                          let n = ExactDecimal.product(r.numerator, ExactDecimal(100)),
                          let d = ExactDecimal.product(r.denominator, target.value) else { return nil }
                    numerator = n; denominator = d
                } else {
                    numerator = actual.value; denominator = target.value
                }
                let ratio = Ratio(numerator, denominator)
                return MetricFigure(id: "targets.\(target.metric)", name: "\(target.metric)完成率", unit: "%", kind: .completion,
                                    value: ratio?.percent(decimals: 2) ?? ExactDecimal(0), prior: nil,
                                    ratio: ratio, parts: Fraction(numerator: actual.value, denominator: target.value))
            }
    }
}
