import Foundation
import Testing
import Generator
import Ingest
import Metrics
import Model

/// The backbone: for the generator's `sample` and `city` sets, what the pipeline computes from
/// the generated files equals the generator's own record of what it wrote (expected.json).
@Suite(.serialized) struct BackboneTests {
    /// Each scale is generated and ingested once for all the tests of this suite.
    static let sample = Result { try GeneratedSet(.sample) }
    static let city = Result { try GeneratedSet(.city) }

    static func set(_ scale: GeneratorScale) throws -> GeneratedSet {
        try (scale == .sample ? sample : city).get()
    }

    @Test(arguments: [GeneratorScale.sample, .city])
    func rowCountsPerFileAndSheetMatch(_ scale: GeneratorScale) throws {
        let set = try Self.set(scale)
        let (result, expected) = (set.result, set.expected)
        let rows = expected["rows"] as! [String: Int]
        let dataFiles = result.files.filter { !$0.path.hasSuffix("目标.xlsx") }
        #expect(dataFiles.reduce(0) { $0 + $1.read } == rows["read"])
        #expect(dataFiles.reduce(0) { $0 + $1.accepted } == rows["accepted"])
        #expect(dataFiles.reduce(0) { $0 + $1.rejected } == rows["rejected"])
        #expect(dataFiles.reduce(0) { $0 + $1.duplicates } == rows["duplicates"])
        #expect(result.unreadableFiles == 0)

        var reports: [String: FileReport] = [:]
        for f in result.files { reports[f.path] = f }
        for file in expected["files"] as! [[String: Any]] {
            let path = file["path"] as! String
            guard let report = reports[path] else { Issue.record("\(path) not read"); continue }
            let sheets = file["sheets"] as! [[String: Any]]
            #expect(report.sheets.count == sheets.count, "\(path)")
            for (sheet, want) in zip(report.sheets, sheets) {
                let label = "\(path) \(sheet.name ?? "CSV")"
                #expect(sheet.kind == want["kind"] as? String, "\(label)")
                #expect(sheet.read == want["read"] as? Int, "\(label) read")
                #expect(sheet.accepted == want["accepted"] as? Int, "\(label) accepted")
                #expect(sheet.rejected == want["rejected"] as? Int, "\(label) rejected")
                #expect(sheet.duplicates == want["duplicates"] as? Int, "\(label) duplicates")
                #expect(sheet.read == sheet.accepted + sheet.rejected, "\(label) conservation")
            }
        }
    }

    @Test(arguments: [GeneratorScale.sample, .city])
    func totalsPerDistrictYearAndMonthMatch(_ scale: GeneratorScale) throws {
        let set = try Self.set(scale)
        let (dataset, expected) = (set.result.dataset, set.expected)
        let totals = expected["totals"] as! [String: [[String: Any]]]
        let actual = DatasetTotals(dataset)
        for (kind, rows) in totals {
            let computed = actual.rows[kind] ?? [:]
            var wanted: [String: [String: String]] = [:]
            for row in rows {
                let key = "\(row["district"]!)|\(row["year"]!)|\(row["month"]!)"
                var values: [String: String] = [:]
                for (name, value) in row where !["district", "year", "month"].contains(name) { values[name] = "\(value)" }
                if let levels = row["levels"] as? [String: Int] {
                    values["levels"] = levels.keys.sorted().map { "\($0)=\(levels[$0]!)" }.joined(separator: ",")
                }
                wanted[key] = values
            }
            #expect(Set(computed.keys) == Set(wanted.keys), "\(kind): keys differ")
            for (key, values) in wanted {
                for (name, value) in values {
                    #expect(computed[key]?[name] == value, "\(kind) \(key) \(name)")
                }
            }
        }
    }

    /// Full-year figures for the region and every district equal the sums of expected.json.
    @Test(arguments: [GeneratorScale.sample, .city])
    func fullYearFiguresMatch(_ scale: GeneratorScale) throws {
        let set = try Self.set(scale)
        let (dataset, expected) = (set.result.dataset, set.expected)
        let totals = expected["totals"] as! [String: [[String: Any]]]
        let checks: [(kind: String, field: String, id: String)] = [
            ("accidents", "count", "accidents.count"), ("accidents", "deaths", "accidents.deaths"),
            ("accidents", "injuries", "accidents.injuries"), ("accidents", "loss_yuan", "accidents.loss"),
            ("fires", "count", "fires.count"), ("fires", "deaths", "fires.deaths"),
            ("hazards", "found", "hazards.found"), ("hazards", "rectified", "hazards.rectified"),
            ("hazards", "major", "hazards.major.found"), ("hazards", "listed", "hazards.major.listed"),
            ("hazards", "overdue", "hazards.overdue"),
            ("inspections", "count", "inspections.count"), ("penalties", "count", "penalties.count"),
            ("penalties", "fines_yuan", "penalties.fines"), ("penalties", "pre", "penalties.pre"),
            ("penalties", "shutdowns", "penalties.shutdowns"),
        ]
        for year in expected["years"] as! [Int] {
            let figures = FiguresBuilder.compute(dataset, period: try ReportPeriod(year: year, through: 12))
            for scope in figures.scopes {
                for check in checks {
                    let rows = (totals[check.kind] ?? []).filter {
                        $0["year"] as? Int == year && (scope.kind == .region || $0["district"] as? String == scope.scope)
                    }
                    var sum = ExactDecimal(0)
                    for row in rows {
                        let v = row[check.field]
                        let d = (v as? String).flatMap { ExactDecimal($0) } ?? ExactDecimal((v as? Int) ?? 0)
                        sum = ExactDecimal.difference(sum, ExactDecimal(significand: -d.significand, exponent: d.exponent))
                    }
                    if check.field.hasSuffix("_yuan") { sum = ExactDecimal(significand: sum.significand, exponent: sum.exponent - 4) }
                    let figure = scope.metric(check.id)
                    #expect(figure?.value.text == sum.text, "\(year) \(scope.scope) \(check.id)")
                }
            }
        }
    }
}

extension BackboneTests {
    /// A named period across years and each figure's series over the years equal the sums of
    /// expected.json's monthly totals (CATALOG.md §Periods, §Series).
    @Test(arguments: [GeneratorScale.sample, .city])
    func namedPeriodsAndSeriesMatch(_ scale: GeneratorScale) throws {
        let set = try Self.set(scale)
        var dataset = set.result.dataset
        let totals = set.expected["totals"] as! [String: [[String: Any]]]
        dataset.catalog.periods = [PeriodDeclaration(name: "跨年", from: Day(year: 2024, month: 7, day: 1)!,
                                                     to: Day(year: 2025, month: 6, day: 30)!)]
        let figures = FiguresBuilder.compute(dataset, period: try ReportPeriod(year: 2025, through: 12))
        let named = try #require(figures.namedPeriods.first)
        #expect(named.label == "2024年7月至2025年6月")
        let checks = [("accidents", "count", "accidents.count"), ("accidents", "deaths", "accidents.deaths"),
                      ("fires", "count", "fires.count"), ("hazards", "found", "hazards.found"),
                      ("inspections", "count", "inspections.count"), ("penalties", "count", "penalties.count")]
        func sum(_ kind: String, _ field: String, scope: ScopeFigures, _ keep: (Int, Int) -> Bool) -> Int {
            (totals[kind] ?? []).filter {
                keep($0["year"] as! Int, $0["month"] as! Int) && (scope.kind == .region || $0["district"] as? String == scope.scope)
            }.reduce(0) { $0 + ($1[field] as? Int ?? 0) }
        }
        for (kind, field, id) in checks {
            for scope in named.scopes {
                let want = sum(kind, field, scope: scope) { y, m in (y == 2024 && m >= 7) || (y == 2025 && m <= 6) }
                #expect(scope.metric(id)?.value.text == "\(want)", "\(scope.scope) \(id) 跨年")
            }
            for scope in figures.scopes {
                let series = try #require(scope.metric(id)?.series, "\(id) series")
                #expect(series.last?.year == 2025)
                for point in series {
                    let want = sum(kind, field, scope: scope) { y, _ in y == point.year }
                    #expect((point.value?.text ?? "0") == "\(want)", "\(scope.scope) \(id) \(point.year)")
                }
            }
        }
    }
}

/// A generated data set, its expected.json and what ingest made of it.
struct GeneratedSet: Sendable {
    let result: IngestResult
    let expected: [String: any Sendable]

    init(_ scale: GeneratorScale) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("backbone-\(scale.rawValue)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try ExportGenerator(scale: scale).write(to: dir)
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/expected.json"))
        expected = try JSONSerialization.jsonObject(with: data) as! [String: any Sendable]
        result = try Ingest.run(inputs: dir)
    }
}

/// Totals computed straight from the columnar tables, keyed like expected.json — read column by
/// column here, not through the catalog's metrics, so they check what ingest stored.
struct DatasetTotals {
    var rows: [String: [String: [String: String]]] = [:]

    init(_ d: Dataset) {
        let catalog = d.catalog
        func table(_ kind: String) -> (RecordTable, (String) -> Column) {
            let k = catalog.kind(named: kind)!
            let t = d.tables[k]
            return (t, { name in t.columns[catalog.column(kind: k, named: name)!] })
        }
        func key(_ t: RecordTable, _ i: Int, _ day: Day) -> String {
            "\(d.parts[t.part[i]] ?? "?")|\(day.year)|\(day.month)"
        }
        func incidents(_ kind: String) -> [String: [String: String]] {
            let (t, c) = table(kind)
            var acc: [String: (count: Int, deaths: Int, injuries: Int, loss: Money, levels: [String: Int])] = [:]
            for i in 0..<t.count {
                let k = key(t, i, c("发生时间").day(i)!)
                var v = acc[k] ?? (0, 0, 0, .zero, ["一般": 0, "较大": 0, "重大": 0, "特别重大": 0])
                v.count += 1
                v.deaths += Int(c("死亡人数").int32(i) + c("失踪人数").int32(i))
                // 受伤 is 受伤人数 where the sheet has it, else 重伤人数 (stored as 受伤人数 by ingest).
                v.injuries += Int(c("受伤人数").int32(i))
                v.loss = v.loss + Money(fen: c("直接经济损失").int64(i))
                v.levels[AccidentLevel(rawValue: c("事故等级").byte(i))!.name, default: 0] += 1
                acc[k] = v
            }
            return acc.mapValues { v in
                ["count": "\(v.count)", "deaths": "\(v.deaths)", "injuries": "\(v.injuries)", "loss_yuan": v.loss.yuanText,
                 "levels": v.levels.keys.sorted().map { "\($0)=\(v.levels[$0]!)" }.joined(separator: ",")]
            }
        }
        rows["accidents"] = incidents("事故")
        rows["fires"] = incidents("火灾")

        var hazards: [String: [Int]] = [:]
        let (h, hc) = table("隐患")
        for i in 0..<h.count {
            let date = hc("排查日期").day(i)!
            let asOf = Day.endOf(year: date.year, month: 12)!
            var v = hazards[key(h, i, date)] ?? [0, 0, 0, 0, 0, 0]
            let done = hc("整改完成日期").day(i)
            let rectified = done.map { $0 <= asOf } ?? (hc("整改状态").byte(i) == 1)
            let major = hc("隐患等级").byte(i) == AccidentLevel.major.rawValue
            v[0] += 1
            if rectified { v[1] += 1 }
            if major { v[2] += 1; if rectified { v[3] += 1 } }
            if hc("挂牌督办").byte(i) == 1 { v[4] += 1 }
            if let due = hc("整改期限").day(i), due < asOf, !rectified { v[5] += 1 }
            hazards[key(h, i, date)] = v
        }
        rows["hazards"] = hazards.mapValues { v in
            ["found": "\(v[0])", "rectified": "\(v[1])", "major": "\(v[2])", "major_rectified": "\(v[3])",
             "listed": "\(v[4])", "overdue": "\(v[5])"]
        }

        var inspections: [String: [Int]] = [:]
        let (n, nc) = table("执法检查")
        for i in 0..<n.count {
            let k = key(n, i, nc("检查日期").day(i)!)
            var v = inspections[k] ?? [0, 0]
            v[0] += 1
            v[1] += Int(nc("发现隐患数").int32(i))
            inspections[k] = v
        }
        rows["inspections"] = inspections.mapValues { ["count": "\($0[0])", "hazards_found": "\($0[1])"] }

        var penalties: [String: (count: Int, fines: Money, pre: Int, shutdowns: Int)] = [:]
        let (p, pc) = table("行政处罚")
        let kinds = catalog.field(named: "处罚种类").map { d.dictionaries[catalog.fields[$0].dictionary] }!
        for i in 0..<p.count {
            let k = key(p, i, pc("立案日期").day(i)!)
            var v = penalties[k] ?? (0, .zero, 0, 0)
            v.count += 1
            v.fines = v.fines + Money(fen: pc("罚款金额").int64(i))
            if pc("事前处罚").byte(i) == 1 { v.pre += 1 }
            if let text = kinds[pc("处罚种类").code(i)], text.contains("停产") || text.contains("停业") { v.shutdowns += 1 }
            penalties[k] = v
        }
        rows["penalties"] = penalties.mapValues {
            ["count": "\($0.count)", "fines_yuan": $0.fines.yuanText, "pre": "\($0.pre)", "shutdowns": "\($0.shutdowns)"]
        }
    }
}
